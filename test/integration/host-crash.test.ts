import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startHostProcess, tempDataDir, removeDir } from '../support/host-process';

type Env<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

// The local host is killed with SIGKILL right after it acknowledged a citizen's message; after a
// restart on the same data directory the message is there, with its tracking number.
test('an acknowledged message survives kill -9 of the local host', { timeout: 120_000 }, async () => {
  const dataDir = tempDataDir();
  try {
    let host = await startHostProcess({ dataDir });
    const guest = await host.api<Env<{ token: string }>>('_session/guest', {});
    assert.equal(guest.body.ok, true);
    const token = guest.body.ok ? guest.body.data.token : '';
    const acked: string[] = [];
    for (let round = 0; round < 3; round++) {
      const res = await host.api<Env<{ trackingNo: string }>>(
        'messages',
        {
          action: 'messages.submit',
          data: {
            unitId: 'u-huamachi',
            category: 'help',
            title: `第${round + 1}次求助`,
            content: '村里的路灯坏了好几天，晚上出行不便。',
            allowPublish: false,
          },
        },
        token,
      );
      assert.equal(res.body.ok, true, JSON.stringify(res.body));
      if (res.body.ok) acked.push(res.body.data.trackingNo);
      await host.kill9(); // no graceful shutdown, no flush
      host = await startHostProcess({ dataDir });
    }
    const mine = await host.api<Env<{ items: Array<{ trackingNo: string }> }>>(
      'messages',
      { action: 'messages.mine', data: {} },
      token,
    );
    assert.equal(mine.body.ok, true);
    const seen = mine.body.ok ? mine.body.data.items.map((m) => m.trackingNo) : [];
    assert.deepEqual(seen.sort(), acked.sort());
    await host.stop();
  } finally {
    removeDir(dataDir);
  }
});

test('bad requests get structured errors and never take the host down', { timeout: 60_000 }, async () => {
  const dataDir = tempDataDir();
  const host = await startHostProcess({ dataDir });
  try {
    const cases: Array<[string, unknown, number, string]> = [
      ['messages', '{not json', 400, 'InvalidParameter'],
      ['messages', '[]', 400, 'InvalidParameter'],
      ['nosuchfunction', { action: 'x' }, 404, 'NotFound'],
    ];
    for (const [fn, body, status, code] of cases) {
      const r = await host.api<{ ok: boolean; code: string }>(fn, body);
      assert.equal(r.status, status);
      assert.equal(r.body.code, code);
    }
    const forged = await host.api<{ code: string }>('messages', { action: 'messages.mine', data: {} }, 'forged.token');
    assert.equal(forged.body.code, 'Unauthenticated');
    const huge = await fetch(`${host.url}api/messages`, { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024) }).catch(
      () => null,
    );
    assert.ok(!huge || huge.status === 413);
    const health = await fetch(`${host.url}api/_health`);
    assert.equal(health.status, 200, 'the host is still up');
  } finally {
    await host.stop();
    removeDir(dataDir);
  }
});

test(
  'demo sign-in does not exist outside demo mode, and demo mode refuses a non-loopback address',
  { timeout: 60_000 },
  async () => {
    const dataDir = tempDataDir();
    const host = await startHostProcess({ dataDir, env: { MODE: 'local' } });
    try {
      const r = await host.api<{ code: string }>('_session/demo', { personaId: 's-edu-publisher' });
      assert.equal(r.status, 403);
      assert.equal(r.body.code, 'Forbidden');
    } finally {
      await host.stop();
      removeDir(dataDir);
    }
    await assert.rejects(
      startHostProcess({ dataDir: tempDataDir(), env: { HOST: '0.0.0.0', MODE: 'demo' } }),
      /演示模式只能监听本机回环地址/,
    );
  },
);
