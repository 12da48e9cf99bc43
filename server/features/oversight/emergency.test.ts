import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData, staffOpenid, type TestCloud } from '../../../test/support/cloud-harness';
import type { AlertView, DashboardView, EmergencyEventView, Page } from '@shared/oversight/views';
import { clearSources, insertPost, refreshNow } from './fixtures';

// Emergency mode: the county government office declares an event; the 5/24/48-hour clocks run
// from when it happened; the dashboard shows which units have spoken and the engine marks the
// ones that stayed silent past 5 hours (notice §三 “不失声、不缺位”; 国办发〔2016〕61号).

const OFFICE = staffOpenid('s-office-leader');
const SUPERVISOR = staffOpenid('s-supervisor');
const H = 3600_000;
const NOW = Date.UTC(2026, 10, 23, 2);

const declare = {
  title: '强降雨引发局部内涝',
  description: '11 月 23 日凌晨起持续强降雨，花马池镇、大水坑镇部分路段积水。',
  level: 'major',
  occurredAt: NOW - H,
  unitIds: ['u-huamachi', 'u-dashuikeng'],
};

async function setup(): Promise<{ cloud: TestCloud; event: EmergencyEventView }> {
  const cloud = await createTestCloud();
  cloud.clock.set(NOW);
  await clearSources(cloud.db);
  const event = okData(await cloud.call<EmergencyEventView>('oversight', 'emergencyEvents.declare', declare, OFFICE));
  return { cloud, event };
}

const alertsOf = async (cloud: TestCloud, unitId: string) =>
  okData(await cloud.call<Page<AlertView>>('oversight', 'oversight.alerts', { unitId }, SUPERVISOR)).items;

test('only the county government office declares; the concerned units are told at once', async () => {
  const { cloud, event } = await setup();
  assert.equal(event.status, 'active');
  assert.deepEqual(
    event.units.map((u) => u.unitName),
    ['花马池镇', '大水坑镇'],
  );
  assert.deepEqual(
    event.clocks.map((c) => [c.ruleKey, c.text]),
    [
      ['emergency.firstRelease', '还剩 4 小时 00 分'],
      ['emergency.pressConference', '还剩 23 小时 00 分'],
      ['emergency.response', '还剩 47 小时 00 分'],
    ],
  );
  const told = (await cloud.db.collection('notifications').where({ kind: 'emergency.declared' }).get()).data;
  assert.deepEqual(
    told.map((n) => n.staffId),
    ['s-hmc-leader'],
    'the leaders of each unit (大水坑镇 has no staff yet)',
  );
  assert.equal(told[0].urgent, true);

  const blankUnit = await cloud.call('oversight', 'emergencyEvents.declare', { ...declare, unitIds: [''] }, OFFICE);
  assert.equal(!blankUnit.ok && blankUnit.fieldErrors?.['unitIds.0'], '请选择单位');
  const bySupervisor = await cloud.call('oversight', 'emergencyEvents.declare', declare, SUPERVISOR);
  assert.equal(!bySupervisor.ok && bySupervisor.code, 'Forbidden');
  const byUnit = await cloud.call('oversight', 'emergencyEvents.declare', declare, staffOpenid('s-hmc-leader'));
  assert.equal(!byUnit.ok && byUnit.message, '只能处理本单位的事项');
  const byClerk = await cloud.call('oversight', 'emergencyEvents.declare', declare, staffOpenid('s-office-clerk'));
  assert.equal(!byClerk.ok && byClerk.code, 'Forbidden', 'the office clerk is neither its leader nor its admin');
  const future = await cloud.call(
    'oversight',
    'emergencyEvents.declare',
    { ...declare, occurredAt: NOW + 2 * H },
    OFFICE,
  );
  assert.equal(!future.ok && future.fieldErrors?.occurredAt, '事件发生时间不能晚于现在');
  const unknown = await cloud.call(
    'oversight',
    'emergencyEvents.declare',
    { ...declare, unitIds: ['u-nowhere'] },
    OFFICE,
  );
  assert.equal(!unknown.ok && unknown.fieldErrors?.unitIds, '所选单位不存在或已撤销');
  const seen = okData(
    await cloud.call<{ items: EmergencyEventView[] }>(
      'oversight',
      'emergencyEvents.list',
      {},
      staffOpenid('s-hmc-publisher'),
    ),
  );
  assert.equal(seen.items.length, 1, 'every staff member sees the active event');
  assert.equal(seen.items[0].canManage, false);
  cloud.close();
});

test('the clocks, who has spoken, and the silent unit marked red after 5 hours', async () => {
  const { cloud, event } = await setup();
  await insertPost(cloud.db, {
    accountId: 'acc-hmc',
    unitId: 'u-huamachi',
    publicAt: NOW + H,
    emergencyEventId: event._id,
    title: '关于强降雨的情况通报',
  });
  cloud.clock.set(NOW + 2 * H);
  let view = okData(
    await cloud.call<EmergencyEventView>('oversight', 'emergencyEvents.get', { id: event._id }, SUPERVISOR),
  );
  assert.deepEqual(
    view.units.map((u) => [u.unitName, u.firstPostAt, u.onTime]),
    [
      ['花马池镇', NOW + H, true],
      ['大水坑镇', null, null],
    ],
  );
  assert.equal(view.clocks[0].text, '已按时完成', 'the first authoritative release is out');

  cloud.clock.set(NOW + 5 * H);
  await refreshNow(cloud);
  const silent = await alertsOf(cloud, 'u-dashuikeng');
  assert.deepEqual(
    silent.map((a) => [a.ruleKey, a.level, a.source.doc]),
    [['emergency.firstRelease', 'red', '国办发〔2016〕61号']],
  );
  assert.match(silent[0].text, /大水坑镇尚未发布权威信息/);
  assert.deepEqual(await alertsOf(cloud, 'u-huamachi'), [], 'the unit that spoke is not marked');
  const board = okData(await cloud.call<DashboardView>('oversight', 'oversight.dashboard', {}, SUPERVISOR));
  assert.deepEqual(
    board.emergencies.map((e) => [e.title, e.spoken, e.concerned]),
    [['强降雨引发局部内涝', 1, 2]],
  );
  view = okData(
    await cloud.call<EmergencyEventView>('oversight', 'emergencyEvents.get', { id: event._id }, SUPERVISOR),
  );
  assert.equal(view.units[1].onTime, false);

  cloud.clock.set(NOW + 24 * H);
  await refreshNow(cloud);
  assert.ok((await alertsOf(cloud, 'u-county-office')).some((a) => a.ruleKey === 'emergency.pressConference'));
  const recorded = okData(
    await cloud.call<EmergencyEventView>(
      'oversight',
      'emergencyEvents.record',
      { id: event._id, milestone: 'pressConference', at: NOW + 20 * H, note: '县政府新闻办举行发布会' },
      OFFICE,
    ),
  );
  assert.equal(recorded.clocks[1].text, '已按时完成');
  const twice = await cloud.call(
    'oversight',
    'emergencyEvents.record',
    { id: event._id, milestone: 'pressConference', note: '重复登记' },
    OFFICE,
  );
  assert.equal(!twice.ok && twice.message, '已登记过新闻发布会');
  const early = await cloud.call(
    'oversight',
    'emergencyEvents.record',
    { id: event._id, milestone: 'response', at: NOW - 5 * H, note: '时间不对' },
    OFFICE,
  );
  assert.equal(!early.ok && early.code, 'InvalidParameter');
  await refreshNow(cloud);
  assert.deepEqual(await alertsOf(cloud, 'u-county-office'), [], 'recording the press conference clears its alert');

  const ended = okData(
    await cloud.call<EmergencyEventView>(
      'oversight',
      'emergencyEvents.end',
      { id: event._id, note: '积水已排除，恢复正常' },
      OFFICE,
    ),
  );
  assert.equal(ended.status, 'ended');
  await refreshNow(cloud);
  assert.deepEqual(await alertsOf(cloud, 'u-dashuikeng'), [], 'an ended event raises nothing');
  const after = await cloud.call('oversight', 'emergencyEvents.end', { id: event._id, note: '再次结束' }, OFFICE);
  assert.equal(!after.ok && after.code, 'InvalidTransition');
  cloud.close();
});

test('the event list is paged newest first, and a forged cursor is refused', async () => {
  const { cloud, event } = await setup();
  const titles = ['山洪预警', '道路塌方', '停水抢修'];
  for (const [i, title] of titles.entries()) {
    cloud.clock.set(NOW + (i + 1) * H);
    okData(
      await cloud.call('oversight', 'emergencyEvents.declare', { ...declare, title, occurredAt: NOW + i * H }, OFFICE),
    );
  }
  okData(await cloud.call('oversight', 'emergencyEvents.end', { id: event._id, note: '积水已排除' }, OFFICE));
  const list = (cursor?: string) =>
    cloud.call<Page<EmergencyEventView>>(
      'oversight',
      'emergencyEvents.list',
      { pageSize: 3, ...(cursor ? { cursor } : {}) },
      staffOpenid('s-hmc-publisher'),
    );
  const first = okData(await list());
  assert.deepEqual(
    first.items.map((e) => e.title),
    ['停水抢修', '道路塌方', '山洪预警'],
  );
  assert.ok(first.nextCursor, 'more events than the page: a cursor to the rest');
  const second = okData(await list(first.nextCursor!));
  assert.deepEqual(
    second.items.map((e) => [e.title, e.status]),
    [['强降雨引发局部内涝', 'ended']],
    'the ended event stays reachable in the history',
  );
  assert.equal(second.nextCursor, null);
  const forged = await list('x; drop');
  assert.equal(!forged.ok && forged.code, 'InvalidParameter');
  const huge = await cloud.call('oversight', 'emergencyEvents.list', { pageSize: 1000 }, OFFICE);
  assert.equal(!huge.ok && huge.code, 'InvalidParameter');
  cloud.close();
});
