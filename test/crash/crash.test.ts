import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startHostProcess, tempDataDir, removeDir, type HostProcess } from '../support/host-process';
import { call } from './lib/host-client';
import { burst, newBurstState, seededRng } from './lib/burst';
import { checkDataDir } from './lib/consistency';

// Crash safety of the local host (issue 8): a burst of mixed writes over HTTP, the host killed
// with SIGKILL at a random moment, restarted on the same data directory, then checked: every
// acknowledged write is there, no change without its audit entry and no entry without its
// change, the audit chain verifies. Ten rounds in a row on the same, growing data.
// CRASH_SEED replays a run; CRASH_ROUNDS runs more rounds.

const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 10);

test(`kill -9 during a burst of writes, ${ROUNDS} rounds in a row (seed ${SEED})`, { timeout: 300_000 }, async () => {
  const rng = seededRng(SEED);
  const dataDir = tempDataDir('zwxmt-crash-');
  let host: HostProcess | null = await startHostProcess({ dataDir });
  try {
    const state = await newBurstState(host.url, 8);
    const firstCitizen = state.citizens[0];
    for (let round = 1; round <= ROUNDS; round++) {
      host ??= await startHostProcess({ dataDir });
      const running = burst(host.url, state, rng);
      const killAfter = 100 + Math.floor(rng() * 1400);
      await new Promise((r) => setTimeout(r, killAfter));
      await host.kill9();
      await running;
      host = null;

      // Restart on the same data: it must come up, and a citizen sees their acknowledged messages.
      host = await startHostProcess({ dataDir });
      const citizen = firstCitizen;
      const mine = await call<{ items: Array<{ _id: string }> }>(host.url, citizen, 'messages', 'messages.mine', {
        pageSize: 100,
      });
      assert.ok(mine.ok, `round ${round}: messages.mine after restart: ${JSON.stringify(mine)}`);
      await host.stop();
      host = null;

      const report = await checkDataDir(dataDir, state.acked);
      assert.deepEqual(report.problems, [], `round ${round} (seed ${SEED}, killed after ${killAfter} ms)`);
      console.log(
        `round ${round}: killed after ${killAfter} ms; acknowledged so far ${state.acked.messages.length} messages, ` +
          `${state.acked.invites.length} invites, ${state.acked.redeemed.length} registrations, ` +
          `${state.acked.approved.length} approvals, ${state.acked.accepted.length} acceptances, ` +
          `${state.acked.answered.length} answers, ${state.acked.others.length} posts; ${state.cutOff} requests cut off; ` +
          `audit chain ${report.counts.chainChecked} entries verified`,
      );
    }
    assert.ok(state.acked.messages.length > 0 && state.acked.approved.length > 0, 'the bursts acknowledged writes');
    assert.ok(state.acked.accepted.length + state.acked.others.length > 0, 'workflow steps were acknowledged');
    assert.ok(state.cutOff > 0, 'some requests were in flight when the host was killed');
  } finally {
    await host?.kill9();
    removeDir(dataDir);
  }
});
