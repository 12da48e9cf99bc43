import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData, staffOpenid, type TestCloud } from '../../../test/support/cloud-harness';
import { NOTIFICATIONS, OUTBOX, type NoticeDoc } from '@server/features/notifications/notify';
import { staffPage } from './workflow';
import { act, ok, P, refused, send } from './testkit';

// 第十八条(三): an urgent message (求助) that reaches another unit — transferred by the unit that
// had it, or routed by the county office for 不确定 — reaches that unit's person on duty first,
// as it does at submission; with nobody on duty, its leaders and admins, told why. Nobody hears
// twice, and an ordinary message singles nobody out.

// Monday 2026-11-23, China time.
const MON = (hour: number) => Date.UTC(2026, 10, 23, hour - 8);

/** 花马池镇 keeps office-hours duty on weekdays: `staffId` from 08:30 to 18:00. */
async function hmcRoster(cloud: TestCloud, staffId: string) {
  const shifts = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:30', end: '18:00', staffId }));
  okData(await cloud.call('oversight', 'duty.save', { unitId: 'u-huamachi', shifts }, staffOpenid('s-hmc-admin')));
}

const help = { category: 'help' as const, title: '老人走失求助', content: '家中 80 岁老人上午走失，请求帮助寻找。' };

/** Every staff notice about the message, in the order written (ids rise). */
async function noticesAbout(cloud: TestCloud, id: string): Promise<NoticeDoc[]> {
  const res = await cloud.db
    .collection(NOTIFICATIONS)
    .where({ page: staffPage(id) })
    .orderBy('_id', 'asc')
    .limit(100)
    .get();
  return res.data as NoticeDoc[];
}

/** The staff notices a change wrote: those after the first `before` notices about the message. */
const written = (all: NoticeDoc[], before: number) =>
  all.slice(before).map((n) => [n.staffId, n.kind, n.title, n.urgent ?? false]);

async function auditOf(cloud: TestCloud, action: string) {
  const res = await cloud.db
    .collection('audit')
    .where({ action, result: 'ok', 'target.type': 'message' })
    .limit(10)
    .get();
  return res.data as Array<{ details: { toldFirst?: string[]; notices: number } }>;
}

test('an urgent message transferred: the receiving unit’s person on duty hears first, once', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(MON(10));
  await hmcRoster(cloud, 's-hmc-reviewer'); // 陈静
  const { _id } = await send(cloud, help);
  const before = (await noticesAbout(cloud, _id)).length;
  await ok(cloud, 'messages.transfer', { id: _id, toUnitId: 'u-huamachi', reason: '走失地点在花马池镇' }, P.eduPub);
  const all = await noticesAbout(cloud, _id);
  assert.deepEqual(
    written(all, before),
    [
      ['s-hmc-reviewer', 'message.transferIn', '【值班】转办留言待接收', true],
      ['s-hmc-publisher', 'message.transferIn', '转办留言待接收', true],
      ['s-hmc-leader', 'message.transferIn', '转办留言待接收', true],
    ],
    'the person on duty first, then the publisher and the leader; nobody twice',
  );
  assert.match(
    all[before].body,
    /县教育局转来 .*走失地点在花马池镇（您是本单位当前值班人员，周一 08:30–18:00，请首先处置）/,
  );
  const outbox = (await cloud.db.collection(OUTBOX).orderBy('_id', 'asc').limit(100).get()).data as Array<{
    noticeId: string;
  }>;
  const pushed = outbox.map((o) => o.noticeId).filter((n) => all.slice(before).some((t) => t._id === n));
  assert.equal(pushed[0], all[before]._id, 'the outbox pushes the duty notice first');
  assert.deepEqual(
    (await auditOf(cloud, 'messages.transfer')).map((a) => [a.details.toldFirst, a.details.notices]),
    [[['s-hmc-reviewer'], 4]],
    'the audit entry names who was told first and counts every notice (3 staff, 1 citizen)',
  );
  cloud.close();
});

test('transferred after hours, or to a unit with no roster: the leaders and admins first, told why', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(MON(21));
  await hmcRoster(cloud, 's-hmc-reviewer');
  const night = await send(cloud, help);
  const before = (await noticesAbout(cloud, night._id)).length;
  await ok(cloud, 'messages.transfer', { id: night._id, toUnitId: 'u-huamachi', reason: '属镇区' }, P.eduPub);
  const all = await noticesAbout(cloud, night._id);
  assert.deepEqual(
    written(all, before).map(([staffId, , title]) => [staffId, title]),
    [
      ['s-hmc-leader', '【无人值班】转办留言待接收'],
      ['s-hmc-admin', '【无人值班】转办留言待接收'],
      ['s-hmc-publisher', '转办留言待接收'],
    ],
    'the leader first, then the unit admin, then the publisher; the leader not twice',
  );
  assert.match(all[before].body, /本单位当前无人值班：此时不在值班时段，请单位领导安排处置/);

  // 花马池镇 takes it, then transfers it on to 县教育局, which keeps no roster.
  await ok(cloud, 'messages.acceptTransfer', { id: night._id }, P.hmcPub);
  const again = (await noticesAbout(cloud, night._id)).length;
  await ok(cloud, 'messages.transfer', { id: night._id, toUnitId: 'u-education', reason: '涉及学生' }, P.hmcPub);
  const back = await noticesAbout(cloud, night._id);
  assert.deepEqual(
    written(back, again).map(([staffId, , title]) => [staffId, title]),
    [
      ['s-edu-leader', '【无人值班】转办留言待接收'],
      ['s-edu-admin', '【无人值班】转办留言待接收'],
      ['s-edu-publisher', '转办留言待接收'],
    ],
  );
  assert.match(back[again].body, /未排值班表/);
  cloud.close();
});

test('an urgent 不确定 message routed by the county office: the receiving unit’s person on duty first', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(MON(10));
  await hmcRoster(cloud, 's-hmc-admin'); // 周丽
  const { _id } = await send(cloud, { ...help, unitId: 'unsure' });
  // A unit that does not hold it cannot route it: refused, and nobody in 花马池镇 is told anything.
  refused(await act(cloud, 'messages.route', { id: _id, toUnitId: 'u-huamachi' }, P.eduPub), 'Forbidden');
  const before = (await noticesAbout(cloud, _id)).length;
  assert.ok(
    (await noticesAbout(cloud, _id)).every((n) => !n.staffId?.startsWith('s-hmc-')),
    'a refused route tells nobody',
  );
  await ok(cloud, 'messages.route', { id: _id, toUnitId: 'u-huamachi', note: '走失地点在花马池镇' }, P.officeClerk);
  assert.deepEqual(written(await noticesAbout(cloud, _id), before), [
    ['s-hmc-admin', 'message.urgent', '【值班】新留言（县政府办公室分办）', true],
    ['s-hmc-publisher', 'message.urgent', '新留言（县政府办公室分办）', true],
    ['s-hmc-leader', 'message.urgent', '新留言（县政府办公室分办）', true],
  ]);
  cloud.close();
});

test('an ordinary message transferred or routed singles nobody out', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(MON(10));
  await hmcRoster(cloud, 's-hmc-reviewer');
  const plain = await send(cloud);
  const before = (await noticesAbout(cloud, plain._id)).length;
  await ok(cloud, 'messages.transfer', { id: plain._id, toUnitId: 'u-huamachi', reason: '属镇区' }, P.eduPub);
  assert.deepEqual(written(await noticesAbout(cloud, plain._id), before), [
    ['s-hmc-publisher', 'message.transferIn', '转办留言待接收', false],
  ]);
  const unsure = await send(cloud, { unitId: 'unsure' });
  const routedBefore = (await noticesAbout(cloud, unsure._id)).length;
  await ok(cloud, 'messages.route', { id: unsure._id, toUnitId: 'u-huamachi' }, P.officeClerk);
  assert.deepEqual(written(await noticesAbout(cloud, unsure._id), routedBefore), [
    ['s-hmc-publisher', 'message.new', '新留言（县政府办公室分办）', false],
  ]);
  assert.ok(
    (await auditOf(cloud, 'messages.transfer')).every((a) => a.details.toldFirst === undefined),
    'no duty entry in the audit of an ordinary transfer',
  );
  cloud.close();
});

test('an urgent transfer returned: the sending unit’s person on duty hears first', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(MON(10));
  const shifts = [1, 2, 3, 4, 5].map((weekday) => ({
    weekday,
    start: '08:30',
    end: '18:00',
    staffId: 's-edu-reviewer',
  }));
  okData(await cloud.call('oversight', 'duty.save', { unitId: 'u-education', shifts }, P.eduAdmin));
  const { _id } = await send(cloud, help);
  await ok(cloud, 'messages.transfer', { id: _id, toUnitId: 'u-huamachi', reason: '走失地点在花马池镇' }, P.eduPub);
  const before = (await noticesAbout(cloud, _id)).length;
  await ok(cloud, 'messages.returnTransfer', { id: _id, reason: '老人已在县城找到，请县教育局回复' }, P.hmcPub);
  const all = await noticesAbout(cloud, _id);
  assert.deepEqual(
    written(all, before),
    [
      ['s-edu-reviewer', 'message.transferReturned', '【值班】转办被退回', true],
      ['s-edu-publisher', 'message.transferReturned', '转办被退回', true],
      ['s-edu-leader', 'message.transferReturned', '转办被退回', true],
    ],
    'the person on duty in the unit it returns to first, then who transferred it and the leader',
  );
  assert.match(all[before].body, /花马池镇退回了 .*老人已在县城找到/);
  cloud.close();
});
