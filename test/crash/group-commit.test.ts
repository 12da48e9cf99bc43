import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startHostProcess, tempDataDir, removeDir, type HostProcess } from '../support/host-process';
import { guestSession, call } from './lib/host-client';
import { burst, newBurstState, seededRng } from './lib/burst';
import { checkDataDir } from './lib/consistency';

// Group commit under kill -9 (issue 8). The host's fsync is slowed to 200 ms (TEST_SLOW_FSYNC_MS,
// demo mode only), so at any moment a batch of commits is in SQLite but not yet acknowledged.
// First, end to end: a write is not answered before its fsync, a read of settled data is. Then
// a burst is killed mid-batch, several rounds: every acknowledged write is there, no change
// without its audit entry, the chain verifies, and some writes were indeed caught in a batch
// (committed, never acknowledged). CRASH_SEED replays a run.

const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const SLOW_MS = 200;
const ROUNDS = 4;
const slowHost = (dataDir: string) => startHostProcess({ dataDir, env: { TEST_SLOW_FSYNC_MS: String(SLOW_MS) } });

test(`kill -9 while a group commit is in flight, ${ROUNDS} rounds (seed ${SEED})`, { timeout: 240_000 }, async () => {
  const rng = seededRng(SEED);
  const dataDir = tempDataDir('zwxmt-group-');
  let host: HostProcess | null = await slowHost(dataDir);
  try {
    const citizen = await guestSession(host.url);
    let t = performance.now();
    const sent = await call<{ _id: string }>(host.url, citizen, 'messages', 'messages.submit', {
      unitId: 'u-huamachi',
      category: 'consult',
      title: '办事咨询',
      content: '请问居住证在哪里办理？',
    });
    const writeMs = performance.now() - t;
    assert.ok(sent.ok, JSON.stringify(sent));
    assert.ok(writeMs >= SLOW_MS, `the write was answered after ${writeMs.toFixed(0)} ms, before its fsync`);
    t = performance.now();
    const mine = await call<{ items: unknown[] }>(host.url, citizen, 'messages', 'messages.mine', {});
    const readMs = performance.now() - t;
    assert.equal(mine.ok && mine.data.items.length, 1);
    assert.ok(readMs < SLOW_MS, `a read of settled data waited ${readMs.toFixed(0)} ms for an fsync it does not need`);

    const state = await newBurstState(host.url, 12);
    state.acked.messages.push(sent.data as { _id: string; trackingNo: string });
    let unacknowledged = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      host ??= await slowHost(dataDir);
      const running = burst(host.url, state, rng, 24);
      const killAfter = 1500 + Math.floor(rng() * 1500);
      await new Promise((r) => setTimeout(r, killAfter));
      await host.kill9();
      await running;
      host = null;

      const report = await checkDataDir(dataDir, state.acked);
      assert.deepEqual(report.problems, [], `round ${round} (seed ${SEED}, killed after ${killAfter} ms)`);
      unacknowledged = report.counts.unacknowledgedMessages;
      console.log(
        `round ${round}: killed after ${killAfter} ms; ${state.acked.messages.length} messages, ${state.acked.invites.length} invites, ` +
          `${state.acked.accepted.length} acceptances acknowledged, ` +
          `${unacknowledged} more stored but never acknowledged; ${state.cutOff} requests cut off; ` +
          `audit chain ${report.counts.chainChecked} entries verified`,
      );
    }
    assert.ok(state.cutOff > 0, 'requests were in flight at the kills');
    // Messages committed in a batch whose fsync the kill interrupted: their answers never left.
    assert.ok(unacknowledged > 0, 'some kill landed while a batch of commits waited for its fsync');
  } finally {
    await host?.kill9();
    removeDir(dataDir);
  }
});
