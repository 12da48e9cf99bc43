// `npx tsx scripts/restore.ts --from backups/<stamp> [--data-dir ./data]`
// Restores a backup made by scripts/backup.ts into the data directory of a STOPPED host:
// checks the backup against its manifest (sha256), refuses while a host still has the store
// open, moves the current data aside (never deletes it), copies the backup in, and verifies the
// restored store (counts, audit head, the whole audit chain) before reporting success.
// See docs/OPERATIONS.md for the drill.
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { arg, inspectStoreFile, sha256File, MANIFEST_FILE, SECRET_FILE, STORE_FILE, type Manifest } from './backup';

/** True when another process (a running host) has the store open. */
export function storeInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch {
    return true;
  } finally {
    db.close();
  }
}

export async function restoreBackup(
  from: string,
  dataDir: string,
): Promise<{ movedAside: string | null; manifest: Manifest }> {
  const manifestPath = join(from, MANIFEST_FILE);
  if (!existsSync(manifestPath)) throw new Error(`${from} 不是完整的备份（缺少 ${MANIFEST_FILE}）`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  if (manifest.kind !== 'zwxmt-local-store-backup') throw new Error(`${manifestPath} 不是本系统的备份说明`);
  const backupFile = join(from, manifest.file);
  if (!existsSync(backupFile)) throw new Error(`备份文件 ${backupFile} 不存在`);
  const digest = sha256File(backupFile);
  if (digest !== manifest.sha256) {
    throw new Error(
      `备份文件已损坏或被改动（sha256 ${digest.slice(0, 12)}… 与备份说明 ${manifest.sha256.slice(0, 12)}… 不符）`,
    );
  }

  mkdirSync(dataDir, { recursive: true });
  const live = join(dataDir, STORE_FILE);
  if (storeInUse(live)) throw new Error('本地服务仍在运行并打开着数据库：请先停止服务（Ctrl+C）再恢复');

  // Keep what is there now, whatever happens next.
  let movedAside: string | null = null;
  const present = [STORE_FILE, `${STORE_FILE}-wal`, `${STORE_FILE}-shm`, SECRET_FILE].filter((f) =>
    existsSync(join(dataDir, f)),
  );
  if (present.length) {
    movedAside = join(dataDir, `pre-restore-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..+/, '')}`);
    mkdirSync(movedAside, { recursive: true });
    for (const f of present) renameSync(join(dataDir, f), join(movedAside, f));
  }

  copyFileSync(backupFile, live);
  if (manifest.hasHostSecret) {
    copyFileSync(join(from, SECRET_FILE), join(dataDir, SECRET_FILE));
    chmodSync(join(dataDir, SECRET_FILE), 0o600);
  }

  const restored = await inspectStoreFile(live);
  const problems: string[] = [];
  if (!restored.auditChain.ok) problems.push(...restored.auditChain.problems);
  if (JSON.stringify(restored.auditHead) !== JSON.stringify(manifest.auditHead))
    problems.push('审计链头与备份说明不符');
  for (const [c, n] of Object.entries(manifest.collections)) {
    if (restored.collections[c] !== n)
      problems.push(`集合 ${c}：恢复后 ${restored.collections[c] ?? 0} 条，备份时 ${n} 条`);
  }
  if (problems.length) throw new Error(`恢复后的数据校验失败（原数据已保存在 ${movedAside}）：${problems.join('；')}`);
  return { movedAside, manifest };
}

async function main(): Promise<void> {
  const from = arg('from');
  if (!from) throw new Error('请用 --from 指定备份目录，例如 --from backups/20261127-010000');
  const dataDir = resolve(arg('data-dir', process.env.DATA_DIR ?? './data')!);
  const { movedAside, manifest } = await restoreBackup(resolve(from), dataDir);
  console.log(`恢复完成：${dataDir} 现为 ${manifest.createdAt} 的备份`);
  console.log(
    `  审计链 ${manifest.auditChain.checked} 条校验通过，链头第 ${manifest.auditHead?.seq ?? 0} 条；` +
      (movedAside ? `恢复前的数据已移至 ${movedAside}` : '数据目录原为空'),
  );
}

if (require.main === module) {
  main().catch((e: Error) => {
    console.error(`恢复失败：${e.message}`);
    process.exit(1);
  });
}
