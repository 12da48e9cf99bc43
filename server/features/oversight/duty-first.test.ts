import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CITIZEN, createTestCloud, okData, staffOpenid, type TestCloud } from '../../../test/support/cloud-harness';
import type { IncidentView } from '@shared/oversight/views';
import { NOTIFICATIONS, OUTBOX, type NoticeDoc } from '@server/features/notifications/notify';
import { staffPage } from '@server/features/messages/workflow';
import { detailPage } from '@server/features/posts/notices';
import { createDraft, seedAccount, submit } from '@server/features/posts/test-support';

// 第十八条(三)(四): urgent messages, emergency posts and new opinion incidents reach the person on
// duty in the unit first — their notice is the first one the change writes (and so the first the
// outbox pushes) — and, with nobody on duty, the unit's leaders and admins, told why. Nobody hears
// twice of the same change.

const EDU_ADMIN = staffOpenid('s-edu-admin'); // 赵敏
// Monday 2026-11-23, China time.
const MON = (hour: number) => Date.UTC(2026, 10, 23, hour - 8);

/** 县教育局 keeps office-hours duty on weekdays only: `staffId` from 08:30 to 18:00. */
async function weekdayRoster(cloud: TestCloud, staffId: string) {
  const shifts = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:30', end: '18:00', staffId }));
  okData(await cloud.call('oversight', 'duty.save', { unitId: 'u-education', shifts }, EDU_ADMIN));
}

/** Every notice the change wrote about `page`, in the order they were written (ids rise). */
async function noticesAbout(cloud: TestCloud, page: string): Promise<NoticeDoc[]> {
  const res = await cloud.db.collection(NOTIFICATIONS).where({ page }).orderBy('_id', 'asc').limit(100).get();
  return res.data as NoticeDoc[];
}

let asked = 0;
const help = (unitId: string) => ({
  unitId,
  category: 'help',
  title: '老人走失求助',
  content: `家中 80 岁老人上午走失，至今未归，请求帮助寻找。（第 ${++asked} 次求助）`,
  allowPublish: false,
});

async function sendHelp(cloud: TestCloud, unitId = 'u-education'): Promise<string> {
  return okData(await cloud.call<{ _id: string }>('messages', 'messages.submit', help(unitId), CITIZEN))._id;
}

test('an urgent message: the person on duty is told first, once; the others as usual', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(MON(10));
  await weekdayRoster(cloud, 's-edu-reviewer'); // 王芳
  const id = await sendHelp(cloud);
  const told = await noticesAbout(cloud, staffPage(id));
  assert.deepEqual(
    told.map((n) => [n.staffId, n.kind, n.urgent]),
    [
      ['s-edu-reviewer', 'message.urgent', true],
      ['s-edu-publisher', 'message.urgent', true],
      ['s-edu-leader', 'message.urgent', true],
    ],
    'the person on duty first, then the publisher and the leader; nobody twice',
  );
  assert.equal(told[0].title, '【值班】紧急求助留言');
  assert.match(told[0].body, /您是本单位当前值班人员，周一 08:30–18:00，请首先处置/);
  assert.equal(told[1].title, '紧急求助留言', 'the usual notice carries no duty mark');
  const outbox = (await cloud.db.collection(OUTBOX).orderBy('_id', 'asc').limit(100).get()).data as Array<{
    noticeId: string;
  }>;
  const pushed = outbox.map((o) => o.noticeId).filter((n) => told.some((t) => t._id === n));
  assert.equal(pushed[0], told[0]._id, 'the outbox pushes the duty notice first');

  // An ordinary message is not urgent: nobody is singled out.
  const plain = okData(
    await cloud.call<{ _id: string }>(
      'messages',
      'messages.submit',
      { ...help('u-education'), category: 'consult', title: '转学手续咨询' },
      CITIZEN,
    ),
  );
  const plainTold = await noticesAbout(cloud, staffPage(plain._id));
  assert.deepEqual(
    plainTold.map((n) => [n.staffId, n.kind]),
    [['s-edu-publisher', 'message.new']],
  );
  cloud.close();
});

test('outside the roster’s hours, and with no roster at all, the unit’s leaders and admins are told why', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(MON(22)); // 22:00: the weekday roster ended at 18:00
  await weekdayRoster(cloud, 's-edu-reviewer');
  const night = await noticesAbout(cloud, staffPage(await sendHelp(cloud)));
  assert.deepEqual(
    night.map((n) => [n.staffId, n.title]),
    [
      ['s-edu-leader', '【无人值班】紧急求助留言'],
      ['s-edu-admin', '【无人值班】紧急求助留言'],
      ['s-edu-publisher', '紧急求助留言'],
    ],
    'the leader first, then the unit admin, then the usual recipients; the leader not twice',
  );
  assert.match(night[0].body, /本单位当前无人值班：此时不在值班时段，请单位领导安排处置/);

  // 花马池镇 keeps no roster.
  const none = await noticesAbout(cloud, staffPage(await sendHelp(cloud, 'u-huamachi')));
  assert.deepEqual(
    none.map((n) => [n.staffId, n.title]),
    [
      ['s-hmc-leader', '【无人值班】紧急求助留言'],
      ['s-hmc-admin', '【无人值班】紧急求助留言'],
      ['s-hmc-publisher', '紧急求助留言'],
    ],
  );
  assert.match(none[0].body, /本单位当前无人值班：未排值班表/);

  // The rostered person has left the unit: said so, and the leaders are told.
  cloud.clock.set(MON(11));
  await cloud.db
    .collection('staff')
    .doc('s-edu-reviewer')
    .update({ data: { status: 'disabled' } });
  const gone = await noticesAbout(cloud, staffPage(await sendHelp(cloud)));
  assert.equal(gone[0].staffId, 's-edu-leader');
  assert.match(gone[0].body, /值班人员已不在岗/);
  cloud.close();
});

test('an emergency post: the person on duty hears at submission, before the reviewer and the leader', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(MON(10));
  await seedAccount(cloud);
  await weekdayRoster(cloud, 's-edu-admin'); // 赵敏
  const draft = await createDraft(cloud, {
    kind: 'emergency',
    title: '关于某小学校车事故的情况通报',
    body: '今日上午，某小学校车发生轻微剐蹭，无人员受伤，相关情况正在核实。',
    occurredAt: MON(9),
  });
  await submit(cloud, draft._id, draft.rev);
  const told = await noticesAbout(cloud, detailPage(draft._id));
  assert.deepEqual(
    told.map((n) => [n.staffId, n.kind, n.urgent]),
    [
      ['s-edu-admin', 'post.emergency', true],
      ['s-edu-reviewer', 'post.reviewNeeded', true],
      ['s-edu-leader', 'post.emergency', true],
    ],
  );
  assert.equal(told[0].title, '【值班】【突发事件】待审核：关于某小学校车事故的情况通报');

  // An ordinary post goes to the reviewer only; the person on duty is not disturbed.
  const plain = await createDraft(cloud, { title: '县教育局召开冬季安全工作会议' });
  await submit(cloud, plain._id, plain.rev);
  assert.deepEqual(
    (await noticesAbout(cloud, detailPage(plain._id))).map((n) => n.staffId),
    ['s-edu-reviewer'],
  );

  // The author on duty is not told of their own submission; the others are, as usual.
  await weekdayRoster(cloud, 's-edu-publisher'); // 李明, who writes the post
  const own = await createDraft(cloud, {
    kind: 'emergency',
    title: '关于校园周边道路积水的情况通报',
    body: '今日上午强降雨，校园周边部分道路积水，已安排人员疏导。',
    occurredAt: MON(9),
  });
  await submit(cloud, own._id, own.rev);
  assert.deepEqual(
    (await noticesAbout(cloud, detailPage(own._id))).map((n) => [n.staffId, n.title.startsWith('【值班】')]),
    [
      ['s-edu-reviewer', false],
      ['s-edu-leader', false],
    ],
  );
  cloud.close();
});

test('a new opinion incident: the person on duty, else the leaders, and the record names them', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(MON(10));
  await weekdayRoster(cloud, 's-edu-reviewer');
  const incident = {
    platform: '微博',
    link: 'https://weibo.com/1234567890/abc',
    summary: '网传某小学食堂食材过期，评论区情绪较大，需尽快核实回应。',
    importance: 'serious',
    type: 'negative',
    unitId: 'u-education',
  };
  const day = okData(
    await cloud.call<IncidentView>('oversight', 'incidents.record', incident, staffOpenid('s-hmc-publisher')),
  );
  assert.deepEqual(day.notifiedNames, ['王芳（值班）']);
  const [first] = await noticesAbout(cloud, `/oversight/incident/index?id=${day._id}`);
  assert.deepEqual([first.staffId, first.kind, first.urgent], ['s-edu-reviewer', 'incident.recorded', true]);
  assert.match(first.title, /^【值班】【舆情·较大】/);

  cloud.clock.set(MON(20));
  const evening = okData(
    await cloud.call<IncidentView>('oversight', 'incidents.record', incident, staffOpenid('s-hmc-publisher')),
  );
  assert.deepEqual(evening.notifiedNames, ['张伟', '赵敏'], 'after hours: the leader, then the unit admin');
  const told = await noticesAbout(cloud, `/oversight/incident/index?id=${evening._id}`);
  assert.deepEqual(
    told.map((n) => n.staffId),
    ['s-edu-leader', 's-edu-admin'],
  );
  assert.match(told[0].body, /此时不在值班时段/);
  const audit = (
    await cloud.db
      .collection('audit')
      .where({ action: 'incidents.record', result: 'ok', 'target.type': 'incident' })
      .limit(10)
      .get()
  ).data as Array<{ details: { toldFirst: string[]; onDuty: boolean } }>;
  assert.deepEqual(
    audit.map((a) => [a.details.toldFirst, a.details.onDuty]),
    [
      [['s-edu-reviewer'], true],
      [['s-edu-leader', 's-edu-admin'], false],
    ],
    'the audit entry says who was told first and whether they were on duty',
  );
  cloud.close();
});
