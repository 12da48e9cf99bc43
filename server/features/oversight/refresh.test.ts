import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData, staffOpenid, type TestCloud } from '../../../test/support/cloud-harness';
import { currentDeps } from '@server/runtime/config';
import { refreshText, type RefreshStatusView } from '@shared/oversight/refresh';
import type { DashboardView } from '@shared/oversight/views';
import { startSweeper } from '@server/features/sweeper';
import { LEASE_MS, SCHEDULED_EVERY_MS, runScheduledOversight } from './refresh';
import { runOversightSweep } from './sweep';
import { OV_META } from './model';
import { DAY, clearSources, insertAccount, insertPost } from './fixtures';

// 立即刷新 records a request and answers at once; the timer's sweep does the work and reports
// its progress, which the dashboard polls. Nothing is computed inside the request.

const SUPERVISOR = staffOpenid('s-supervisor'); // 何红
const INFO_CENTER = staffOpenid('s-infocenter'); // 马超
const T0 = Date.UTC(2026, 10, 23, 2);

async function county(): Promise<TestCloud> {
  const cloud = await createTestCloud();
  cloud.clock.set(T0);
  await clearSources(cloud.db);
  await insertAccount(cloud.db, { _id: 'acc-edu', name: '盐池教育', unitId: 'u-education', openedAt: T0 - 60 * DAY });
  await insertPost(cloud.db, { accountId: 'acc-edu', unitId: 'u-education', publicAt: T0 - 20 * DAY });
  return cloud;
}

const status = async (cloud: TestCloud, as = SUPERVISOR) =>
  okData(await cloud.call<RefreshStatusView>('oversight', 'oversight.refreshStatus', {}, as));
const request = async (cloud: TestCloud, as = SUPERVISOR) =>
  okData(await cloud.call<RefreshStatusView>('oversight', 'oversight.refresh', {}, as));
const eduPosts14 = async (cloud: TestCloud) =>
  okData(await cloud.call<DashboardView>('oversight', 'oversight.dashboard', {}, SUPERVISOR)).units.find(
    (u) => u.unitId === 'u-education',
  )?.posts14 ?? null;

test('the request is recorded and answered at once; the timer computes it and says so', async () => {
  const cloud = await county();
  assert.equal((await status(cloud)).state, 'idle');
  assert.equal(refreshText(await status(cloud)), '尚未计算督查数据');

  const asked = await request(cloud);
  assert.equal(asked.state, 'queued');
  assert.equal(asked.requestedByName, '何红');
  assert.equal(asked.computedAt, null, 'nothing was computed inside the request');
  assert.equal(await eduPosts14(cloud), null, 'the dashboard has no numbers yet');
  assert.match(refreshText(asked), /^已提交刷新请求，排队中（2026-11-23 10:00 提交）/);
  const audit = (await cloud.db.collection('audit').where({ action: 'oversight.refresh', result: 'ok' }).get())
    .data as Array<{ target: { type: string } | null; actor: { staffId: string } }>;
  assert.ok(
    audit.some((a) => a.target?.type === 'oversightRefresh' && a.actor.staffId === 's-supervisor'),
    'the request is audited with who asked',
  );
  const again = await request(cloud, INFO_CENTER);
  assert.deepEqual([again.state, again.requestedByName], ['queued', '何红'], 'a second request joins the queued one');

  // The timer picks it up: the numbers appear, the status says when and how long.
  await insertPost(cloud.db, { accountId: 'acc-edu', unitId: 'u-education', publicAt: T0 - DAY });
  cloud.clock.advance(30_000);
  const run = await runScheduledOversight(currentDeps());
  assert.equal(run.ran, true);
  const done = await status(cloud);
  assert.equal(done.state, 'done');
  assert.equal(done.requestedByName, '何红');
  assert.deepEqual([done.phase, done.done, done.total], ['snapshot', 14, 14], 'every unit written');
  assert.equal(done.finishedAt, T0 + 30_000);
  assert.equal(done.computedAt, T0 + 30_000);
  assert.match(refreshText(done), /^已重新计算（完成于 2026-11-23 10:00，用时 \d+\.\d 秒）$/);
  assert.equal(await eduPosts14(cloud), 1, 'the dashboard shows the post written before the run');

  // Nothing asked and the numbers are fresh: the next ticks do nothing until the period is up.
  cloud.clock.advance(60_000);
  assert.deepEqual(await runScheduledOversight(currentDeps()), { ran: false, skipped: 'notDue' });
  cloud.clock.advance(SCHEDULED_EVERY_MS);
  const timed = await runScheduledOversight(currentDeps());
  assert.equal(timed.ran, true, 'ten minutes on, the timer recomputes on its own');
  assert.equal((await status(cloud)).requestedByName, null, 'nobody asked for that one');
  cloud.close();
});

test('one run at a time: while it runs the status shows its progress, requests join it, other ticks stand aside', async () => {
  const cloud = await county();
  await request(cloud);
  let during: RefreshStatusView | null = null;
  let other: Awaited<ReturnType<typeof runScheduledOversight>> | null = null;
  let joined: RefreshStatusView | null = null;
  const run = await runScheduledOversight(currentDeps(), {
    sweep: async (deps, opts) => {
      await opts!.progress!({ phase: 'snapshot', done: 3, total: 14 });
      during = await status(cloud);
      other = await runScheduledOversight(deps);
      joined = await request(cloud, INFO_CENTER);
      return runOversightSweep(deps, opts);
    },
  });
  assert.equal(run.ran, true);
  assert.deepEqual([during!.state, during!.phase, during!.done, during!.total], ['running', 'snapshot', 3, 14]);
  assert.equal(refreshText(during!), '计算中：汇总各单位数据 3/14 个单位');
  assert.deepEqual(other, { ran: false, skipped: 'busy' });
  assert.equal(joined!.state, 'running', 'a request during the run joins it');
  assert.equal((await status(cloud)).state, 'done');
  cloud.close();
});

test('a run that died is taken over after its lease; a failed run says so and a new request is taken', async () => {
  const cloud = await county();
  await request(cloud);
  await cloud.db
    .collection(OV_META)
    .doc('refresh')
    .update({ data: { state: 'running', runId: 'dead', startedAt: T0, leaseUntil: T0 + LEASE_MS } });
  cloud.clock.advance(LEASE_MS - 1);
  assert.deepEqual(await runScheduledOversight(currentDeps()), { ran: false, skipped: 'busy' });
  assert.equal((await request(cloud)).state, 'running', 'still leased: the request joins it');
  cloud.clock.advance(2);
  const taken = await runScheduledOversight(currentDeps());
  assert.equal(taken.ran, true, 'the lease ran out: the work is done again');
  assert.deepEqual([(await status(cloud)).state, (await status(cloud)).requestedByName], ['done', '何红']);

  await request(cloud);
  await assert.rejects(
    runScheduledOversight(currentDeps(), {
      sweep: async () => {
        throw new Error('disk full');
      },
    }),
    /disk full/,
  );
  const failed = await status(cloud);
  assert.equal(failed.state, 'failed');
  assert.equal(refreshText(failed), '重新计算失败：计算过程出错，已记录日志。可稍后再试');
  assert.equal((await request(cloud)).state, 'queued', 'after a failure a new request is taken');
  cloud.close();
});

test('only the county offices ask for or watch a refresh', async () => {
  const cloud = await county();
  for (const action of ['oversight.refresh', 'oversight.refreshStatus']) {
    const res = await cloud.call('oversight', action, {}, staffOpenid('s-edu-leader'));
    assert.equal(!res.ok && res.code, 'Forbidden', action);
  }
  const extra = await cloud.call('oversight', 'oversight.refresh', { now: true }, SUPERVISOR);
  assert.equal(!extra.ok && extra.code, 'InvalidParameter');
  cloud.close();
});

test('on the local host the request kicks the sweeper at once instead of waiting for its next tick', async () => {
  const cloud = await county();
  const stop = startSweeper(3600_000); // the next tick is an hour away
  try {
    await request(cloud);
    let s = await status(cloud);
    for (let i = 0; i < 100 && s.state !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      s = await status(cloud);
    }
    assert.equal(s.state, 'done');
    assert.equal(s.computedAt, T0);
  } finally {
    stop();
    cloud.close();
  }
});
