// `npx tsx scripts/backup.ts [--data-dir ./data] [--out ./backups] [--json]`
// A consistent online backup of the local store, safe while the host is running and writing:
// `VACUUM INTO` copies the database inside one read transaction (a WAL snapshot), so the copy
// holds exactly the commits made before it started — never half of a transaction — and the host
// is not blocked. The session-token key (host-secret) is copied too: without it every citizen's
// guest identity, and with it their messages, would be lost on restore. The copy is checked
// (SQLite integrity, the whole audit chain) and described in manifest.json (sha256, counts,
// audit head) before the command reports success. See docs/OPERATIONS.md.
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { openLocalStore, installLocalCloud } from '@server/local/cloud';
import { configureRuntime, currentDeps, resetRuntime } from '@server/runtime/config';
import { verifyAuditChain } from '@server/runtime/audit';

export const STORE_FILE = 'cloud.sqlite';
export const SECRET_FILE = 'host-secret';
export const MANIFEST_FILE = 'manifest.json';

export interface Manifest {
  kind: 'zwxmt-local-store-backup';
  version: 1;
  createdAt: string;
  sourceDataDir: string;
  file: string;
  bytes: number;
  sha256: string;
  hasHostSecret: boolean;
  collections: Record<string, number>;
  auditHead: { seq: number; hash: string } | null;
  auditChain: { ok: boolean; checked: number; problems: string[] };
}

export function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] && !process.argv[i + 1].startsWith('--') ? process.argv[i + 1] : fallback;
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Counts per collection, the audit head, integrity and the audit chain of a store file. */
export async function inspectStoreFile(
  file: string,
): Promise<Pick<Manifest, 'collections' | 'auditHead' | 'auditChain'>> {
  const raw = new Database(file, { readonly: true, fileMustExist: true });
  let collections: Record<string, number> = {};
  let auditHead: Manifest['auditHead'] = null;
  try {
    const integrity = raw.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`SQLite 完整性检查失败：${String(integrity)}`);
    const tables = raw
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\' ORDER BY name`)
      .all() as Array<{ name: string }>;
    collections = Object.fromEntries(
      tables.map(({ name }) => [
        name.slice(2),
        (raw.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
      ]),
    );
    if (collections.meta !== undefined) {
      const row = raw.prepare(`SELECT data FROM c_meta WHERE id = 'auditHead'`).get() as { data: string } | undefined;
      if (row) {
        const head = JSON.parse(row.data) as { seq: number; hash: string };
        auditHead = { seq: head.seq, hash: head.hash };
      }
    }
  } finally {
    raw.close();
  }
  // The chain is walked through the product's own verifier, on the store as the host reads it.
  const store = openLocalStore({ file });
  installLocalCloud(store);
  resetRuntime();
  configureRuntime({ log: () => undefined });
  try {
    const chain = await verifyAuditChain(currentDeps().db);
    return { collections, auditHead, auditChain: chain };
  } finally {
    resetRuntime();
    store.close();
  }
}

/** Takes a consistent copy of `dataDir`'s store into a new folder under `outRoot`. */
export async function backupDataDir(dataDir: string, outRoot: string): Promise<{ dir: string; manifest: Manifest }> {
  const src = join(dataDir, STORE_FILE);
  if (!existsSync(src)) throw new Error(`数据目录 ${dataDir} 中没有 ${STORE_FILE}，无可备份的数据`);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..+/, '').replace('T', '-');
  let dir = join(outRoot, stamp);
  for (let n = 2; existsSync(dir); n++) dir = join(outRoot, `${stamp}-${n}`);
  const partial = `${dir}.partial`;
  mkdirSync(partial, { recursive: true });

  const target = join(partial, STORE_FILE);
  const db = new Database(src, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
  const secret = join(dataDir, SECRET_FILE);
  const hasHostSecret = existsSync(secret);
  if (hasHostSecret) {
    copyFileSync(secret, join(partial, SECRET_FILE));
    chmodSync(join(partial, SECRET_FILE), 0o600);
  }

  const inspected = await inspectStoreFile(target);
  if (!inspected.auditChain.ok) {
    throw new Error(`备份副本的审计链校验失败，备份作废（${inspected.auditChain.problems.slice(0, 3).join('；')}）`);
  }
  const manifest: Manifest = {
    kind: 'zwxmt-local-store-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    sourceDataDir: resolve(dataDir),
    file: STORE_FILE,
    bytes: statSync(target).size,
    sha256: sha256File(target),
    hasHostSecret,
    ...inspected,
  };
  writeFileSync(join(partial, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(partial, dir); // only a complete, verified backup gets its final name
  return { dir, manifest };
}

async function main(): Promise<void> {
  const dataDir = resolve(arg('data-dir', process.env.DATA_DIR ?? './data')!);
  const outRoot = resolve(arg('out', './backups')!);
  const started = Date.now();
  const { dir, manifest } = await backupDataDir(dataDir, outRoot);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ dir, manifest }));
    return;
  }
  const total = Object.values(manifest.collections).reduce((a, b) => a + b, 0);
  console.log(`备份完成：${dir}`);
  console.log(
    `  ${(manifest.bytes / 1024 / 1024).toFixed(1)} MB，${total} 条文档，` +
      `审计链 ${manifest.auditChain.checked} 条校验通过，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`,
  );
  console.log(`  sha256 ${manifest.sha256}`);
  if (!manifest.hasHostSecret) console.log('  注意：数据目录中没有 host-secret，恢复后群众需重新进入');
}

if (require.main === module) {
  main().catch((e: Error) => {
    console.error(`备份失败：${e.message}`);
    process.exit(1);
  });
}
