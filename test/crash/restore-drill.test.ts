import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { startHostProcess, tempDataDir, removeDir } from '../support/host-process';
import { guestSession, staffSession, call, type Session } from './lib/host-client';
import { burst, seededRng, type BurstState } from './lib/burst';
import { checkDataDir, emptyAcked, type Acked } from './lib/consistency';

// The restore drill of docs/OPERATIONS.md, run as written: back up a running host's data
// (while it is busy writing), write more, stop, restore, start again, and verify the restored
// data and its audit chain — plus the refusals: no restore over a running host, none from a
// damaged backup.

function tsx(script: string, args: string[]): { code: number; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });
  return { code: r.status ?? 1, out: `${r.stdout}${r.stderr}` };
}

async function submit(base: string, citizen: Session, title: string, acked: Acked): Promise<void> {
  const r = await call<{ _id: string; trackingNo: string }>(base, citizen, 'messages', 'messages.submit', {
    unitId: 'u-huamachi',
    category: 'consult',
    title,
    content: `${title}，请问什么时候办理？`,
  });
  assert.ok(r.ok, JSON.stringify(r));
  acked.messages.push(r.data);
}

test('restore drill: online backup, more writes, restore, verify', { timeout: 180_000 }, async () => {
  const dataDir = tempDataDir('zwxmt-drill-');
  const backups = tempDataDir('zwxmt-backups-');
  let host = await startHostProcess({ dataDir });
  try {
    // 1. The host is running and busy.
    const citizen = await guestSession(host.url);
    const before: Acked = emptyAcked();
    for (const t of ['低保申请', '路面破损', '校车时间']) await submit(host.url, citizen, t, before);
    const busy: BurstState = {
      citizens: [await guestSession(host.url), await guestSession(host.url)],
      admin: await staffSession(host.url, 's-edu-admin'),
      codes: [],
      pending: [],
      toAccept: [],
      toDraft: [],
      toApprove: [],
      acked: emptyAcked(),
      cutOff: 0,
      sent: 0,
    };
    const stopBurst = new AbortController();
    const writes = burst(host.url, busy, seededRng(7), 4, stopBurst.signal);
    await new Promise((r) => setTimeout(r, 300));
    const ackedBeforeBackup = busy.acked.messages.length + busy.acked.invites.length;

    // 2. Back up while it writes (docs/OPERATIONS.md, step 1).
    const backup = tsx('scripts/backup.ts', ['--data-dir', dataDir, '--out', backups, '--json']);
    assert.equal(backup.code, 0, backup.out);
    const { dir, manifest } = JSON.parse(backup.out.trim().split('\n').pop()!) as {
      dir: string;
      manifest: { auditChain: { ok: boolean; checked: number }; collections: Record<string, number> };
    };
    assert.equal(manifest.auditChain.ok, true);
    stopBurst.abort();
    await writes;
    const ackedDuringBackup = busy.acked.messages.length + busy.acked.invites.length - ackedBeforeBackup;
    assert.ok(ackedDuringBackup > 0, 'the host kept acknowledging writes while the backup ran');
    console.log(`${ackedDuringBackup} writes acknowledged while the online backup ran`);

    // 3. Life goes on after the backup: these must be gone after the restore.
    const after: Acked = emptyAcked();
    await submit(host.url, citizen, '备份之后的留言', after);

    // 4. Restoring over a running host is refused.
    const refused = tsx('scripts/restore.ts', ['--from', dir, '--data-dir', dataDir]);
    assert.notEqual(refused.code, 0);
    assert.match(refused.out, /本地服务仍在运行/);

    // 5. Stop, restore, start (steps 2–4).
    await host.stop();
    const restored = tsx('scripts/restore.ts', ['--from', dir, '--data-dir', dataDir]);
    assert.equal(restored.code, 0, restored.out);
    assert.match(restored.out, /恢复完成/);
    const aside = /恢复前的数据已移至 (\S+)/.exec(restored.out)?.[1];
    assert.ok(aside && existsSync(join(aside, 'cloud.sqlite')), 'the replaced data is kept, not deleted');

    // 6. Verify: the backed-up messages are there for the same citizen (same session key), later ones are not.
    host = await startHostProcess({ dataDir });
    const mine = await call<{ items: Array<{ trackingNo: string }> }>(host.url, citizen, 'messages', 'messages.mine', {
      pageSize: 100,
    });
    assert.ok(mine.ok, JSON.stringify(mine));
    const seen = new Set(mine.data.items.map((m) => m.trackingNo));
    for (const m of before.messages) assert.ok(seen.has(m.trackingNo), `${m.trackingNo} restored`);
    for (const m of after.messages) assert.ok(!seen.has(m.trackingNo), `${m.trackingNo} was written after the backup`);
    await host.stop();
    const report = await checkDataDir(dataDir, before);
    assert.deepEqual(report.problems, []);
    assert.equal(report.counts.chainChecked, manifest.auditChain.checked);

    // 7. A damaged backup is refused before anything is touched.
    writeFileSync(
      join(dir, 'cloud.sqlite'),
      Buffer.concat([readFileSync(join(dir, 'cloud.sqlite')), Buffer.from('x')]),
    );
    const damaged = tsx('scripts/restore.ts', ['--from', dir, '--data-dir', dataDir]);
    assert.notEqual(damaged.code, 0);
    assert.match(damaged.out, /备份文件已损坏或被改动/);
  } finally {
    await host.kill9().catch(() => undefined);
    removeDir(dataDir);
    removeDir(backups);
  }
});
