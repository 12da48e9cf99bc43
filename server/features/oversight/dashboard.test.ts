import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData, staffOpenid, type TestCloud } from '../../../test/support/cloud-harness';
import type { CaseItem, DashboardView, Page, TrendPoint, UnitDetailView } from '@shared/oversight/views';
import { DAY, clearSources, insertAccount, insertMessage, insertPost, refreshNow } from './fixtures';

// The dashboard's numbers from known cases: received, accepted and answered on time, average
// answer time in office hours, satisfaction, overdue now — and the drill-down to the cases.

const SUPERVISOR = staffOpenid('s-supervisor');
const china = (m: number, d: number, h: number, min = 0) => Date.UTC(2026, m - 1, d, h - 8, min);
const NOW = china(11, 20, 10);

async function county(): Promise<TestCloud> {
  const cloud = await createTestCloud();
  cloud.clock.set(NOW);
  await clearSources(cloud.db);
  await insertAccount(cloud.db, { _id: 'acc-edu', name: '盐池教育', unitId: 'u-education', openedAt: china(1, 1, 10) });
  await insertAccount(cloud.db, {
    _id: 'acc-hmc',
    name: '花马池发布',
    unitId: 'u-huamachi',
    openedAt: china(1, 1, 10),
  });
  for (const d of [1, 5, 10, 18])
    await insertPost(cloud.db, { accountId: 'acc-edu', unitId: 'u-education', publicAt: china(11, d, 9) });
  await insertPost(cloud.db, { accountId: 'acc-edu', unitId: 'u-education', publicAt: china(10, 20, 9) });
  await insertPost(cloud.db, { accountId: 'acc-hmc', unitId: 'u-huamachi', publicAt: china(11, 19, 9) });
  const edu = { unitId: 'u-education', unitName: '县教育局' };
  await insertMessage(cloud.db, {
    _id: 'm1',
    ...edu,
    createdAt: china(11, 2, 10),
    state: 'closed',
    acceptedAt: china(11, 2, 11),
    answeredAt: china(11, 4, 10),
    rating: 'satisfied',
  });
  await insertMessage(cloud.db, {
    _id: 'm2',
    ...edu,
    createdAt: china(11, 3, 9),
    state: 'closed',
    acceptedAt: china(11, 5, 9),
    answeredAt: china(11, 12, 9),
    rating: 'unsatisfied',
  });
  await insertMessage(cloud.db, {
    _id: 'm3',
    ...edu,
    createdAt: china(11, 10, 10),
    state: 'handling',
    acceptedAt: china(11, 10, 15),
    title: '校车路线',
  });
  await insertMessage(cloud.db, { _id: 'm4', ...edu, createdAt: china(11, 19, 10), state: 'submitted' });
  await insertMessage(cloud.db, {
    _id: 'm6',
    ...edu,
    createdAt: china(7, 1, 10),
    state: 'accepted',
    acceptedAt: china(7, 1, 11),
    title: '操场开放',
  });
  await insertMessage(cloud.db, {
    _id: 'm5',
    unitId: 'u-huamachi',
    unitName: '花马池镇',
    createdAt: china(11, 16, 10),
    state: 'submitted',
  });
  await refreshNow(cloud);
  return cloud;
}

test('per-unit numbers of the month: on-time rates, office hours to answer, satisfaction, overdue now', async () => {
  const cloud = await county();
  const board = okData(await cloud.call<DashboardView>('oversight', 'oversight.dashboard', {}, SUPERVISOR));
  assert.equal(board.month, '2026-11');
  assert.equal(board.computedAt, NOW);
  const edu = board.units.find((u) => u.unitId === 'u-education')!;
  assert.equal(edu.accounts, 1);
  assert.equal(edu.posts14, 2, '11-10 and 11-18 fall in the last 14 days');
  assert.equal(edu.posts30, 4);
  assert.equal(edu.lastPostAt, china(11, 18, 9));
  assert.equal(edu.received, 4, 'four messages received in November');
  assert.equal(edu.acceptOnTimeRate, 66.7, 'm1 and m3 accepted in time, m2 late; m4 still within its day');
  assert.equal(edu.answerOnTimeRate, 33.3, 'm1 in time; m2 late; m3 overdue');
  assert.equal(edu.avgAnswerHours, 36, 'm1 took 16 office hours, m2 56');
  assert.equal(edu.satisfactionRate, 50);
  assert.equal(edu.overdueNow, 2, 'm3 and the July message');
  assert.equal(edu.longUnanswered, 1);
  assert.equal(edu.red, true, 'a message unanswered for over 3 months is a red mark');
  const hmc = board.units.find((u) => u.unitId === 'u-huamachi')!;
  assert.equal(hmc.overdueNow, 1);
  assert.equal(hmc.received, 1);
  assert.equal(board.county.received, 5);
  assert.equal(board.county.overdueNow, 3);
  assert.equal(
    board.units.find((u) => u.unitId === 'u-supervision')!.ranked,
    false,
    'an office with no account is not ranked',
  );

  const october = okData(
    await cloud.call<DashboardView>('oversight', 'oversight.dashboard', { month: '2026-10' }, SUPERVISOR),
  );
  assert.equal(october.units.find((u) => u.unitId === 'u-education')!.received, 0);
  const bad = await cloud.call('oversight', 'oversight.dashboard', { month: '2026-13' }, SUPERVISOR);
  assert.equal(!bad.ok && bad.fieldErrors?.month, '月份格式应为 2026-11');
  cloud.close();
});

test('drill-down: from the unit to its overdue cases, each naming its rule and source', async () => {
  const cloud = await county();
  const detail = okData(
    await cloud.call<UnitDetailView>('oversight', 'oversight.unit', { unitId: 'u-education' }, SUPERVISOR),
  );
  assert.equal(detail.unit.overdueNow, 2);
  assert.deepEqual(detail.alerts.map((a) => a.ruleKey).sort(), [
    'message.answer',
    'message.answer',
    'message.unanswered',
  ]);
  const overdue = okData(
    await cloud.call<Page<CaseItem>>(
      'oversight',
      'oversight.cases',
      { unitId: 'u-education', kind: 'overdueMessages' },
      SUPERVISOR,
    ),
  );
  assert.deepEqual(
    overdue.items.map((c) => c.id),
    ['m6', 'm3'],
  );
  assert.match(overdue.items[1].title, /校车路线/);
  assert.match(overdue.items[1].detail, /超过 5 个工作日未答复/);
  assert.match(overdue.items[1].source!, /省级政务新媒体检查通报/);
  const long = okData(
    await cloud.call<Page<CaseItem>>(
      'oversight',
      'oversight.cases',
      { unitId: 'u-education', kind: 'longUnanswered' },
      SUPERVISOR,
    ),
  );
  assert.deepEqual(
    long.items.map((c) => c.id),
    ['m6'],
  );
  const red = okData(
    await cloud.call<Page<CaseItem>>(
      'oversight',
      'oversight.cases',
      { unitId: 'u-education', kind: 'redAlerts' },
      SUPERVISOR,
    ),
  );
  assert.deepEqual(
    red.items.map((c) => c.title),
    ['留言长期未回复'],
  );
  const paged = okData(
    await cloud.call<Page<CaseItem>>(
      'oversight',
      'oversight.cases',
      { unitId: 'u-education', kind: 'overdueMessages', pageSize: 1 },
      SUPERVISOR,
    ),
  );
  assert.equal(paged.items.length, 1);
  const next = okData(
    await cloud.call<Page<CaseItem>>(
      'oversight',
      'oversight.cases',
      { unitId: 'u-education', kind: 'overdueMessages', pageSize: 1, cursor: paged.nextCursor },
      SUPERVISOR,
    ),
  );
  assert.deepEqual(
    next.items.map((c) => c.id),
    ['m3'],
  );
  assert.equal(next.nextCursor, null);

  const own = await cloud.call(
    'oversight',
    'oversight.cases',
    { unitId: 'u-education', kind: 'overdueMessages' },
    staffOpenid('s-edu-publisher'),
  );
  assert.equal(own.ok, true, 'the unit sees its own cases');
  const other = await cloud.call(
    'oversight',
    'oversight.cases',
    { unitId: 'u-education', kind: 'overdueMessages' },
    staffOpenid('s-hmc-publisher'),
  );
  assert.equal(!other.ok && other.code, 'Forbidden');
  const citizen = await cloud.call('oversight', 'oversight.cases', { unitId: 'u-education', kind: 'overdueMessages' });
  assert.equal(!citizen.ok && citizen.code, 'Forbidden');
  const badCursor = await cloud.call(
    'oversight',
    'oversight.cases',
    { unitId: 'u-education', kind: 'overdueMessages', cursor: 'x' },
    SUPERVISOR,
  );
  assert.equal(!badCursor.ok && badCursor.code, 'InvalidParameter');
  cloud.close();
});

test('monthly trends per unit and for the county; a unit cannot ask for the county', async () => {
  const cloud = await county();
  const unit = okData(
    await cloud.call<TrendPoint[]>('oversight', 'oversight.trends', { unitId: 'u-education', months: 3 }, SUPERVISOR),
  );
  assert.deepEqual(
    unit.map((p) => [p.month, p.posts, p.received]),
    [
      ['2026-09', 0, 0],
      ['2026-10', 1, 0],
      ['2026-11', 4, 4],
    ],
  );
  const all = okData(await cloud.call<TrendPoint[]>('oversight', 'oversight.trends', { months: 3 }, SUPERVISOR));
  assert.deepEqual(all[2], {
    month: '2026-11',
    posts: 5,
    received: 5,
    answerOnTimeRate: 33.3,
    satisfactionRate: 50,
    overdue: 2,
  });
  const denied = await cloud.call('oversight', 'oversight.trends', { months: 3 }, staffOpenid('s-edu-leader'));
  assert.equal(!denied.ok && denied.message, '无法确定操作所属单位');
  cloud.close();
});

test('the snapshot keeps older months and recomputes recent ones on the next sweep', async () => {
  const cloud = await county();
  await insertMessage(cloud.db, { unitId: 'u-education', createdAt: china(11, 20, 9), state: 'submitted' });
  cloud.clock.advance(DAY / 24);
  await refreshNow(cloud);
  const board = okData(await cloud.call<DashboardView>('oversight', 'oversight.dashboard', {}, SUPERVISOR));
  assert.equal(board.units.find((u) => u.unitId === 'u-education')!.received, 5);
  cloud.close();
});

test('before any refresh has finished the views say the numbers are not computed, and what is happening', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(NOW);
  await clearSources(cloud.db);
  await insertAccount(cloud.db, { _id: 'acc-edu', name: '盐池教育', unitId: 'u-education', openedAt: china(1, 1, 10) });
  const board = () => cloud.call<DashboardView>('oversight', 'oversight.dashboard', {}, SUPERVISOR);
  const unit = (as = SUPERVISOR, month?: string) =>
    cloud.call<UnitDetailView>(
      'oversight',
      'oversight.unit',
      { unitId: 'u-education', ...(month ? { month } : {}) },
      as,
    );

  assert.deepEqual(okData(await board()).notComputed, {
    reason: '尚未计算过督查数据',
    progress: '定时计算将在一分钟内自动开始',
    pending: false,
  });
  // The unit's own staff cannot follow the county's refresh: their view says it too.
  const own = okData(await unit(staffOpenid('s-edu-leader')));
  assert.equal(own.notComputed?.reason, '尚未计算过督查数据');

  okData(await cloud.call('oversight', 'oversight.refresh', {}, SUPERVISOR));
  const queued = okData(await unit()).notComputed!;
  assert.equal(queued.pending, true);
  assert.match(queued.progress, /^已提交刷新请求，排队中/);

  await refreshNow(cloud);
  assert.equal(okData(await board()).notComputed, null);
  const computed = okData(await unit());
  assert.equal(computed.notComputed, null);
  assert.equal(computed.accounts.length, 1, 'the filed account is there once computed');

  // A month the snapshot does not hold: not begun, or older than the twelve it keeps.
  assert.equal(okData(await unit(SUPERVISOR, '2026-12')).notComputed?.reason, '2026年12月尚未开始，没有督查数据');
  const old = okData(
    await cloud.call<DashboardView>('oversight', 'oversight.dashboard', { month: '2025-11' }, SUPERVISOR),
  );
  assert.deepEqual(old.notComputed, {
    reason: '督查数据只保留近 12 个月（2025年12月起），不含2025年11月',
    progress: '',
    pending: false,
  });
  // Into December: November's refresh does not hold December until the timer's next run.
  cloud.clock.set(china(12, 1, 0, 3));
  const dec = okData(await board()).notComputed!;
  assert.equal(dec.reason, '现有数据计算于 2026-11-20 10:00，尚不含2026年12月');
  assert.equal(dec.progress, '定时计算将在一分钟内自动开始');
  cloud.close();
});
