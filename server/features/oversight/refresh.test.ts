import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData, staffOpenid, type TestCloud } from '../../../test/support/cloud-harness';
import { currentDeps } from '@server/runtime/config';
import { refreshText, type RefreshStatusView } from '@shared/oversight/refresh';
import type { DashboardView, RulesView, UnitDetailView } from '@shared/oversight/views';
import { startSweeper } from '@server/features/sweeper';
import { listActiveUnits } from '@server/features/identity/units';
import {
  LEASE_MS,
  MAX_TAKEOVERS,
  SCHEDULED_EVERY_MS,
  runOversightSweep,
  runScheduledOversight,
  type ScheduledRun,
} from './refresh';
import { OV_META } from './model';
import { DAY, clearSources, insertAccount, insertMessage, insertPost, refreshNow } from './fixtures';

// 立即刷新 records a request and answers at once; the timer's refresh does the work in slices
// that fit a cloud function (one unit per slice here: budget 0), writes its progress after
// every unit and switches the dashboard to the new numbers only when every unit is done.

const SUPERVISOR = staffOpenid('s-supervisor'); // 何红
const INFO_CENTER = staffOpenid('s-infocenter'); // 马超
const T0 = Date.UTC(2026, 10, 23, 2); // Monday 10:00 in China
const MONTH = '2026-11';
const HOUR = 3600_000;

async function county(): Promise<TestCloud> {
  const cloud = await createTestCloud();
  cloud.clock.set(T0);
  await clearSources(cloud.db);
  await insertAccount(cloud.db, { _id: 'acc-edu', name: '盐池教育', unitId: 'u-education', openedAt: T0 - 60 * DAY });
  await insertPost(cloud.db, { accountId: 'acc-edu', unitId: 'u-education', publicAt: T0 - 20 * DAY });
  return cloud;
}

/** Two units with accounts, posts and messages (one overdue), so the numbers are not all zero. */
async function busyCounty(): Promise<TestCloud> {
  const cloud = await county();
  await insertAccount(cloud.db, { _id: 'acc-hmc', name: '花马池发布', unitId: 'u-huamachi', openedAt: T0 - 90 * DAY });
  for (const d of [2, 9, 25])
    await insertPost(cloud.db, { accountId: 'acc-hmc', unitId: 'u-huamachi', publicAt: T0 - d * DAY });
  const edu = { unitId: 'u-education', unitName: '县教育局' };
  await insertMessage(cloud.db, { ...edu, createdAt: T0 - 10 * DAY, state: 'handling', acceptedAt: T0 - 9 * DAY });
  await insertMessage(cloud.db, { ...edu, createdAt: T0 - 3 * HOUR, state: 'submitted' });
  await answeredInHuamachi(cloud, T0 - 40 * DAY, 'satisfied');
  return cloud;
}

/** A message to 花马池镇 received at `at`, accepted within the hour, answered a day later. */
const answeredInHuamachi = (cloud: TestCloud, at: number, rating: 'satisfied' | 'basic') =>
  insertMessage(cloud.db, {
    unitId: 'u-huamachi',
    unitName: '花马池镇',
    createdAt: at,
    state: 'closed',
    acceptedAt: at + HOUR,
    answeredAt: at + DAY,
    rating,
  });

const status = async (cloud: TestCloud, as = SUPERVISOR) =>
  okData(await cloud.call<RefreshStatusView>('oversight', 'oversight.refreshStatus', {}, as));
const request = async (cloud: TestCloud, as = SUPERVISOR) =>
  okData(await cloud.call<RefreshStatusView>('oversight', 'oversight.refresh', {}, as));
const board = async (cloud: TestCloud) =>
  okData(await cloud.call<DashboardView>('oversight', 'oversight.dashboard', { month: MONTH }, SUPERVISOR));
const unit = async (cloud: TestCloud, unitId: string) =>
  okData(await cloud.call<UnitDetailView>('oversight', 'oversight.unit', { unitId, month: MONTH }, SUPERVISOR));
const row = (b: DashboardView, unitId: string) => b.units.find((u) => u.unitId === unitId)!;
const tick = (opts: Parameters<typeof runScheduledOversight>[1] = {}) => runScheduledOversight(currentDeps(), opts);

/** Timer runs, `gap` apart, one unit each, until the refresh is done; the slices' reports. */
async function slicesUntilDone(
  cloud: TestCloud,
  each?: (run: ScheduledRun) => Promise<void>,
  gap = 60_000,
): Promise<ScheduledRun[]> {
  const runs: ScheduledRun[] = [];
  for (let i = 0; i < 100; i++) {
    const run = await tick({ budgetMs: 0 });
    runs.push(run);
    if (run.result || !run.ran) return runs;
    await each?.(run);
    cloud.clock.advance(gap);
  }
  throw new Error('the refresh did not finish in 100 slices');
}

test('the request is recorded and answered at once; the timer computes it and says so', async () => {
  const cloud = await county();
  assert.equal((await status(cloud)).state, 'idle');
  assert.equal(refreshText(await status(cloud)), '尚未计算督查数据');

  const asked = await request(cloud);
  assert.equal(asked.state, 'queued');
  assert.equal(asked.requestedByName, '何红');
  assert.equal(asked.computedAt, null, 'nothing was computed inside the request');
  assert.equal((await board(cloud)).units.length, 0, 'the dashboard has no numbers yet');
  assert.match(refreshText(asked), /^已提交刷新请求，排队中（2026-11-23 10:00 提交）/);
  const audit = (await cloud.db.collection('audit').where({ action: 'oversight.refresh', result: 'ok' }).get())
    .data as Array<{ target: { type: string } | null; actor: { staffId: string } }>;
  assert.ok(
    audit.some((a) => a.target?.type === 'oversightRefresh' && a.actor.staffId === 's-supervisor'),
    'the request is audited with who asked',
  );
  const again = await request(cloud, INFO_CENTER);
  assert.deepEqual([again.state, again.requestedByName], ['queued', '何红'], 'a second request joins the queued one');

  // The timer picks it up: within its budget the whole county is one slice.
  await insertPost(cloud.db, { accountId: 'acc-edu', unitId: 'u-education', publicAt: T0 - DAY });
  cloud.clock.advance(30_000);
  const run = await tick();
  assert.equal(run.ran, true);
  assert.deepEqual([run.slice?.units, run.result?.slices], [14, 1]);
  const done = await status(cloud);
  assert.equal(done.state, 'done');
  assert.equal(done.requestedByName, '何红');
  assert.deepEqual([done.phase, done.done, done.total, done.waiting], ['publish', 14, 14, false], 'every unit written');
  assert.equal(done.finishedAt, T0 + 30_000);
  assert.equal(done.computedAt, T0 + 30_000);
  assert.match(refreshText(done), /^已重新计算（完成于 2026-11-23 10:00，用时 \d+\.\d 秒）$/);
  assert.equal(
    row(await board(cloud), 'u-education').posts14,
    1,
    'the dashboard shows the post written before the run',
  );

  // Nothing asked and the numbers are fresh: the next ticks do nothing until the period is up.
  cloud.clock.advance(60_000);
  assert.deepEqual(await tick(), { ran: false, skipped: 'notDue' });
  cloud.clock.advance(SCHEDULED_EVERY_MS);
  const timed = await tick();
  assert.equal(timed.ran && Boolean(timed.result), true, 'ten minutes on, the timer recomputes on its own');
  assert.equal((await status(cloud)).requestedByName, null, 'nobody asked for that one');
  cloud.close();
});

test('in slices: progress only forward, the last finished numbers shown until the switch, then the same numbers as one run', async () => {
  const cloud = await busyCounty();
  await refreshNow(cloud);
  const before = await board(cloud);
  assert.deepEqual(
    [row(before, 'u-education').posts14, row(before, 'u-huamachi').posts14, row(before, 'u-huamachi').received],
    [0, 2, 0],
  );

  // Between the two refreshes: a post in one unit, a message answered in the other, an hour on.
  await insertPost(cloud.db, { accountId: 'acc-edu', unitId: 'u-education', publicAt: T0 + HOUR });
  await answeredInHuamachi(cloud, T0 - 2 * DAY, 'basic');
  cloud.clock.advance(2 * HOUR);
  const T1 = cloud.clock.now();
  await request(cloud);

  // The slices run six hours apart (a timer that was down), so judging each unit at its own
  // slice's time would move days without an update, the 14-day window and deadlines.
  let last = 0;
  const runs = await slicesUntilDone(
    cloud,
    async (run) => {
      const s = await status(cloud);
      assert.equal(run.slice?.units, 1, 'a budget of 0 still does one unit per slice');
      assert.equal(s.done, last + 1, 'each slice goes on where the last one stopped');
      last = s.done;
      assert.deepEqual([s.state, s.waiting, s.total, s.slices, s.asOf], ['running', true, 14, last, T1]);
      assert.equal(refreshText(s), `计算中：已完成 ${last}/14 个单位，分段计算，下一段将在一分钟内继续`);
      assert.deepEqual(
        await board(cloud),
        before,
        `after ${last} units the dashboard still shows the last finished refresh`,
      );
    },
    6 * HOUR,
  );
  assert.equal(runs.length, 14);
  const final = runs[runs.length - 1];
  assert.equal(final.result?.computedAt, T1, 'the numbers are as of the start, though the slices ran 78 hours apart');
  const s = await status(cloud);
  assert.deepEqual([s.state, s.done, s.slices], ['done', 14, 14]);
  assert.match(refreshText(s), /^已重新计算（完成于 2026-11-26 18:00，分 14 段，用时 [\d.]+ 秒）$/);

  const sliced = await board(cloud);
  assert.equal(sliced.computedAt, T1);
  assert.equal(row(sliced, 'u-education').posts14, 1, 'the change in one unit is reflected');
  assert.equal(row(sliced, 'u-huamachi').received, 1, 'and the one in the other');
  assert.equal(row(sliced, 'u-huamachi').posts14, 2, 'what did not change stays');
  const slicedUnits = [await unit(cloud, 'u-education'), await unit(cloud, 'u-huamachi')];

  // One unbounded run at the same instant writes the other set: the same numbers.
  cloud.clock.set(T1);
  const whole = await runOversightSweep(currentDeps());
  assert.equal(whole.slices, 1);
  assert.deepEqual(await board(cloud), sliced);
  assert.deepEqual([await unit(cloud, 'u-education'), await unit(cloud, 'u-huamachi')], slicedUnits);
  cloud.close();
});

test('a slice that dies is taken over when its lease runs out; its late writes are refused; the run finishes', async () => {
  const cloud = await busyCounty();
  await request(cloud);
  let busy: ScheduledRun | null = null;
  let takeover: ScheduledRun | null = null;
  let during: RefreshStatusView | null = null;
  // The first slice stalls after 3 units (a frozen function): the lease runs out meanwhile and
  // the next timer run takes the refresh over at unit 4.
  const zombie = await tick({
    budgetMs: Infinity,
    onUnit: async (done) => {
      if (done === 2) {
        during = await status(cloud);
        busy = await tick({ budgetMs: 0 });
      }
      if (done === 3) {
        cloud.clock.advance(LEASE_MS + 1);
        takeover = await tick({ budgetMs: 0 });
      }
    },
  });
  assert.deepEqual([during!.state, during!.phase, during!.done, during!.waiting], ['running', 'units', 2, false]);
  assert.equal(refreshText(during!), '计算中：逐个单位评估规则、汇总数据 2/14 个单位');
  assert.deepEqual(
    busy,
    { ran: false, skipped: 'busy' },
    'while a slice holds the lease, other timer runs stand aside',
  );
  assert.deepEqual(takeover!.slice, { units: 1, ms: takeover!.slice!.ms, done: 4, total: 14, tookOver: true });
  assert.equal(zombie.lost, true, 'the stalled slice may not write once the run was taken over');
  assert.equal((await status(cloud)).done, 4, 'its unit 4 was not counted twice, nor progress set back');

  const rest = await slicesUntilDone(cloud);
  assert.equal(rest.length, 10);
  const s = await status(cloud);
  assert.deepEqual([s.state, s.done, s.requestedByName], ['done', 14, '何红']);
  const sliced = await board(cloud);
  await runOversightSweep(currentDeps());
  assert.deepEqual(await board(cloud), { ...sliced, computedAt: cloud.clock.now() }, 'same numbers as one whole run');
  cloud.close();
});

test('a stalled slice and the one that took over, on the same unit at once, notify each person once', async () => {
  const cloud = await county(); // acc-edu has not posted for 20 days: three steps have fired
  const order = (await listActiveUnits(cloud.db)).map((u) => u._id);
  const edu = order.indexOf('u-education');
  await request(cloud);
  let takeover: Promise<ScheduledRun> | null = null;
  const zombie = await tick({
    budgetMs: Infinity,
    onUnit: async (done) => {
      // Next is 县教育局: the lease runs out and the next timer run starts on it while this
      // slice, not knowing, goes on with it too.
      if (done !== edu) return;
      cloud.clock.advance(LEASE_MS + 1);
      takeover = tick({ budgetMs: 0 });
    },
  });
  assert.equal((await takeover!).slice?.tookOver, true);
  assert.equal(zombie.lost, true);
  const notices = (await cloud.db.collection('notifications').where({ staffId: 's-edu-publisher' }).limit(100).get())
    .data as Array<{ kind: string }>;
  assert.deepEqual(
    notices.map((n) => n.kind).filter((k) => k.startsWith('oversight.')),
    ['oversight.noUpdate.publisher', 'oversight.noUpdate.leader', 'oversight.noUpdate.red'],
    'one notice per step, though two slices synced the unit',
  );
  const raised = (await cloud.db.collection('audit').where({ action: 'oversight.alertsRaised' }).limit(100).get())
    .data as Array<{ details: { count: number } }>;
  assert.equal(
    raised.reduce((n, a) => n + a.details.count, 0),
    3,
    'each alert raised once on record',
  );
  cloud.close();
});

test('a run whose slices keep dying is given up and says where; an error fails the run; a new request is taken', async () => {
  const cloud = await busyCounty();
  await request(cloud);
  for (let death = 0; death <= MAX_TAKEOVERS; death++) {
    // A slice claimed the run and died without handing it back.
    await cloud.db
      .collection(OV_META)
      .doc('refresh')
      .update({ data: { state: 'running', sliceId: `dead-${death}`, leaseUntil: cloud.clock.now() + LEASE_MS } });
    assert.deepEqual(await tick({ budgetMs: 0 }), { ran: false, skipped: 'busy' });
    cloud.clock.advance(LEASE_MS + 1);
    const run = await tick({ budgetMs: 0 });
    if (death < MAX_TAKEOVERS) assert.equal(run.slice?.tookOver, true, `takeover ${death + 1}`);
    else assert.deepEqual(run, { ran: false });
  }
  const given = await status(cloud);
  assert.equal(given.state, 'failed');
  assert.equal(
    refreshText(given),
    '重新计算失败：计算在第 4 个单位处多次中断，已停止；下次定时计算将从头开始。可稍后再试',
  );

  assert.equal((await request(cloud)).state, 'queued', 'after a failure a new request is taken');
  await assert.rejects(
    tick({
      onUnit: async () => {
        throw new Error('disk full');
      },
    }),
    /disk full/,
  );
  const failed = await status(cloud);
  assert.equal(failed.state, 'failed');
  assert.equal(refreshText(failed), '重新计算失败：计算过程出错，已记录日志。可稍后再试');
  assert.equal((await request(cloud)).state, 'queued');
  const done = await tick();
  assert.equal(Boolean(done.result), true, 'the new run starts from the first unit and finishes');
  assert.equal(done.slice?.units, 14);
  cloud.close();
});

test('a request during a run queues one more after it; a rule change waits for the next run', async () => {
  const cloud = await busyCounty();
  // acc-edu has not posted for 20 days: the 10-day rule has fired.
  await request(cloud);
  await tick({ budgetMs: 0 });
  const joined = await request(cloud, INFO_CENTER);
  assert.deepEqual([joined.state, joined.again], ['running', true]);
  assert.equal(
    refreshText(joined),
    '计算中：已完成 1/14 个单位，分段计算，下一段将在一分钟内继续；本轮完成后将按新的请求再算一次',
  );

  // The information center turns the first step (remind the publisher) off while the run is under way.
  const rules = okData(await cloud.call<RulesView>('oversight', 'oversight.rules', {}, INFO_CENTER));
  const settings = Object.fromEntries(rules.rules.map((r) => [r.key, { value: r.configured, enabled: r.enabled }]));
  settings['noUpdate.publisher'] = { value: 10, enabled: false };
  okData(
    await cloud.call('oversight', 'oversight.rulesUpdate', { baseVersion: 0, settings, reason: '试行' }, INFO_CENTER),
  );

  await slicesUntilDone(cloud);
  const first = await board(cloud);
  assert.equal(row(first, 'u-education').alerts.remind, 1, 'every unit of the run judged by the rules it started with');
  const queued = await status(cloud);
  assert.deepEqual(
    [queued.state, queued.requestedByName],
    ['queued', '马超'],
    'the request made during the run is next',
  );

  await slicesUntilDone(cloud);
  const second = await board(cloud);
  assert.equal(row(second, 'u-education').alerts.remind, 0, 'the next run applies the new rules');
  assert.equal((await status(cloud)).state, 'done');
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

test('on the local host the request kicks the sweeper at once, and each slice kicks the next', async () => {
  const cloud = await county();
  const stop = startSweeper(3600_000); // the next tick is an hour away
  process.env.OVERSIGHT_SLICE_MS = '0'; // one unit per slice
  try {
    await request(cloud);
    let s = await status(cloud);
    for (let i = 0; i < 200 && s.state !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      s = await status(cloud);
    }
    assert.deepEqual([s.state, s.slices, s.computedAt], ['done', 14, T0]);
  } finally {
    delete process.env.OVERSIGHT_SLICE_MS;
    stop();
    cloud.close();
  }
});
