import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData, staffOpenid, type TestCloud } from '../../../test/support/cloud-harness';
import type { IncidentView, Page, RosterView } from '@shared/oversight/views';
import { onDutyNow } from './duty';
import { clearSources, insertPost } from './fixtures';

// The duty roster decides who hears first; opinion incidents go through record → assign →
// (report to the county for 重大; clarify a rumour) → handled, each step refused with its reason
// when it is not the caller's or not yet possible.

const EDU_ADMIN = staffOpenid('s-edu-admin');
const EDU_PUBLISHER = staffOpenid('s-edu-publisher');
const HMC_LEADER = staffOpenid('s-hmc-leader');
const HMC_PUBLISHER = staffOpenid('s-hmc-publisher');
// Monday 2026-11-23 10:00 China time.
const MON10 = Date.UTC(2026, 10, 23, 2);

const roster = {
  unitId: 'u-education',
  shifts: [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
    { weekday, start: '08:30', end: '18:00', staffId: 's-edu-publisher' },
    { weekday, start: '18:00', end: '08:30', staffId: 's-edu-reviewer' },
  ]),
};

async function cloudWithRoster(): Promise<TestCloud> {
  const cloud = await createTestCloud();
  cloud.clock.set(MON10);
  await clearSources(cloud.db);
  okData(await cloud.call('oversight', 'duty.save', roster, EDU_ADMIN));
  return cloud;
}

const incident = {
  platform: '微博',
  link: 'https://weibo.com/1234567890/abc',
  summary: '网传花马池镇自来水受到污染，评论区情绪较大，需尽快核实回应。',
  importance: 'major',
  type: 'rumour',
  unitId: 'u-huamachi',
};

test('the roster says who is on duty now, day and night, and only the unit heads may change it', async () => {
  const cloud = await cloudWithRoster();
  const view = okData(await cloud.call<RosterView>('oversight', 'duty.get', { unitId: 'u-education' }, EDU_PUBLISHER));
  assert.equal(view.shifts.length, 14);
  assert.deepEqual(
    view.onDuty.map((d) => d.name),
    ['李明'],
  );
  assert.equal(view.canEdit, false);
  assert.equal(view.canHandover, true, 'the unit’s own staff write handover notes');
  // The supervision office reads any unit's roster, and is not offered a handover it may not write.
  const county = okData(
    await cloud.call<RosterView>('oversight', 'duty.get', { unitId: 'u-education' }, staffOpenid('s-supervisor')),
  );
  assert.deepEqual([county.onDuty.map((d) => d.name), county.canEdit, county.canHandover], [['李明'], false, false]);
  const note = { unitId: 'u-education', note: '督查室代写的交接记录' };
  const refused = await cloud.call('oversight', 'duty.handover', note, staffOpenid('s-supervisor'));
  assert.equal(!refused.ok && refused.code, 'Forbidden', 'canHandover agrees with the permission table');
  // With no unit chosen there is nothing to ask: the schema says so rather than 编号格式不正确.
  const empty = await cloud.call('oversight', 'duty.get', { unitId: '' }, staffOpenid('s-supervisor'));
  assert.equal(!empty.ok && empty.fieldErrors?.unitId, '请选择单位');
  assert.deepEqual(
    (await onDutyNow(cloud.db, 'u-education', MON10 + 10 * 3600_000)).map((d) => d.name),
    ['王芳'],
    '20:00: the night shift',
  );
  assert.deepEqual(
    (await onDutyNow(cloud.db, 'u-huamachi', MON10)).map((d) => d.name),
    [],
    'no roster, nobody',
  );

  const byPublisher = await cloud.call('oversight', 'duty.save', roster, EDU_PUBLISHER);
  assert.equal(!byPublisher.ok && byPublisher.code, 'Forbidden');
  const otherUnit = await cloud.call('oversight', 'duty.save', { ...roster, unitId: 'u-huamachi' }, EDU_ADMIN);
  assert.equal(!otherUnit.ok && otherUnit.message, '只能处理本单位的事项');
  const stranger = await cloud.call(
    'oversight',
    'duty.save',
    { unitId: 'u-education', shifts: [{ weekday: 1, start: '08:30', end: '18:00', staffId: 's-hmc-publisher' }] },
    EDU_ADMIN,
  );
  assert.equal(!stranger.ok && stranger.fieldErrors?.['shifts.0.staffId'], '值班人员须为本单位在岗工作人员');
  const badTime = await cloud.call(
    'oversight',
    'duty.save',
    { unitId: 'u-education', shifts: [{ weekday: 8, start: '25:00', end: '18:00', staffId: 's-edu-publisher' }] },
    EDU_ADMIN,
  );
  assert.equal(!badTime.ok && badTime.code, 'InvalidParameter');
  assert.ok(!badTime.ok && badTime.fieldErrors?.['shifts.0.weekday'] && badTime.fieldErrors?.['shifts.0.start']);

  // Handover: the day shift leaves a note; the person on duty next is told.
  cloud.clock.set(MON10 + 8 * 3600_000 + 60_000); // 18:01
  const after = okData(
    await cloud.call<RosterView>(
      'oversight',
      'duty.handover',
      { unitId: 'u-education', note: '今日留言已全部受理，舆情平稳。' },
      EDU_PUBLISHER,
    ),
  );
  assert.equal(after.handovers[0].byName, '李明');
  const told = (await cloud.db.collection('notifications').where({ kind: 'duty.handover' }).get()).data;
  assert.deepEqual(
    told.map((n) => n.staffId),
    ['s-edu-reviewer'],
  );
  cloud.close();
});

test('a new incident goes to the person on duty first, else to the unit leaders', async () => {
  const cloud = await cloudWithRoster();
  // Nothing filled in: each field says what is missing, the unit in words.
  const blank = await cloud.call(
    'oversight',
    'incidents.record',
    { ...incident, summary: '', unitId: '' },
    HMC_PUBLISHER,
  );
  assert.deepEqual(!blank.ok && blank.fieldErrors, { summary: '请填写舆情摘要', unitId: '请选择责任单位' });
  const forged = await cloud.call('oversight', 'incidents.record', { ...incident, unitId: 'u/../x' }, HMC_PUBLISHER);
  assert.equal(!forged.ok && forged.fieldErrors?.unitId, '编号格式不正确', 'a malformed id is another fault');
  const edu = okData(
    await cloud.call<IncidentView>(
      'oversight',
      'incidents.record',
      { ...incident, unitId: 'u-education', importance: 'normal', type: 'complaint' },
      HMC_PUBLISHER,
    ),
  );
  assert.deepEqual(edu.notifiedNames, ['李明（值班）'], 'recorded by another unit, told to the duty officer');
  assert.equal(edu.canOpen, false, 'the reporter is told it cannot follow another unit’s incident');
  const peek = await cloud.call('oversight', 'incidents.get', { id: edu._id }, HMC_PUBLISHER);
  assert.equal(!peek.ok && peek.code, 'Forbidden', 'and the server refuses it the detail');
  const own = okData(await cloud.call<IncidentView>('oversight', 'incidents.record', incident, HMC_PUBLISHER));
  assert.equal(own.canOpen, true, 'its own unit’s incident opens');
  cloud.clock.set(MON10 + 12 * 3600_000); // 22:00
  const night = okData(
    await cloud.call<IncidentView>(
      'oversight',
      'incidents.record',
      { ...incident, unitId: 'u-education', importance: 'normal', type: 'inquiry' },
      HMC_PUBLISHER,
    ),
  );
  assert.deepEqual(night.notifiedNames, ['王芳（值班）']);
  const hmc = okData(await cloud.call<IncidentView>('oversight', 'incidents.record', incident, EDU_PUBLISHER));
  assert.deepEqual(hmc.notifiedNames.sort(), ['周丽', '杨军'].sort(), 'no roster: the leader and the unit admin');
  const notice = (
    await cloud.db.collection('notifications').where({ kind: 'incident.recorded', staffId: 's-hmc-leader' }).get()
  ).data[0];
  assert.equal(notice.urgent, true);
  assert.match(notice.title, /重大/);

  const bad = await cloud.call(
    'oversight',
    'incidents.record',
    { ...incident, link: 'weibo.com/x', summary: '太短', importance: 'huge' },
    EDU_PUBLISHER,
  );
  assert.equal(!bad.ok && bad.code, 'InvalidParameter');
  assert.ok(!bad.ok && bad.fieldErrors?.link && bad.fieldErrors?.summary && bad.fieldErrors?.importance);
  const nowhere = await cloud.call(
    'oversight',
    'incidents.record',
    { ...incident, unitId: 'u-nowhere' },
    EDU_PUBLISHER,
  );
  assert.equal(!nowhere.ok && nowhere.fieldErrors?.unitId, '请选择有效的责任单位');
  const citizen = await cloud.call('oversight', 'incidents.record', incident);
  assert.equal(!citizen.ok && citizen.code, 'Forbidden');
  cloud.close();
});

test('a 重大 rumour: assigned, reported to the county with a monitoring report, clarified, then handled', async () => {
  const cloud = await cloudWithRoster();
  const rec = okData(await cloud.call<IncidentView>('oversight', 'incidents.record', incident, EDU_PUBLISHER));
  assert.equal(rec.state, 'reported');

  const wrongUnit = await cloud.call(
    'oversight',
    'incidents.assign',
    { id: rec._id, handlerId: 's-hmc-publisher' },
    staffOpenid('s-edu-leader'),
  );
  assert.equal(!wrongUnit.ok && wrongUnit.message, '只能处理本单位的事项');
  const notStaff = await cloud.call(
    'oversight',
    'incidents.assign',
    { id: rec._id, handlerId: 's-edu-publisher' },
    HMC_LEADER,
  );
  assert.equal(!notStaff.ok && notStaff.fieldErrors?.handlerId, '请选择本单位工作人员');
  const byPublisher = await cloud.call(
    'oversight',
    'incidents.assign',
    { id: rec._id, handlerId: 's-hmc-publisher' },
    HMC_PUBLISHER,
  );
  assert.equal(!byPublisher.ok && byPublisher.message, '您没有执行该操作的角色');
  const early = await cloud.call(
    'oversight',
    'incidents.handle',
    { id: rec._id, note: '已核实，系谣言。' },
    HMC_LEADER,
  );
  assert.equal(!early.ok && early.message, '请先指派处置人');

  const assigned = okData(
    await cloud.call<IncidentView>(
      'oversight',
      'incidents.assign',
      { id: rec._id, handlerId: 's-hmc-publisher' },
      HMC_LEADER,
    ),
  );
  assert.equal(assigned.handlerName, '刘洋');
  const mine = okData(await cloud.call<IncidentView>('oversight', 'incidents.get', { id: rec._id }, HMC_PUBLISHER));
  assert.deepEqual(
    mine.allowed,
    ['escalate', 'linkClarification'],
    'not handle: a 重大 rumour is reported and clarified first',
  );

  const unreported = await cloud.call(
    'oversight',
    'incidents.handle',
    { id: rec._id, note: '已核实，系谣言。' },
    HMC_PUBLISHER,
  );
  assert.equal(!unreported.ok && unreported.message, '重大舆情须先形成监测报告上报县政府，才能办结');
  const shortReport = await cloud.call(
    'oversight',
    'incidents.escalate',
    { id: rec._id, report: '太短了' },
    HMC_PUBLISHER,
  );
  assert.equal(!shortReport.ok && shortReport.code, 'InvalidParameter');
  const reported = okData(
    await cloud.call<IncidentView>(
      'oversight',
      'incidents.escalate',
      {
        id: rec._id,
        report: '监测报告：相关微博转发 320 次，评论 85 条，负面评论占六成；已联系水务部门检测，水质合格，拟发布澄清。',
      },
      HMC_PUBLISHER,
    ),
  );
  assert.equal(reported.escalation?.byName, '刘洋');
  const told = (await cloud.db.collection('notifications').where({ kind: 'incident.escalated' }).get()).data.map(
    (n) => n.staffId,
  );
  assert.deepEqual(
    told.sort(),
    ['s-office-leader', 's-supervisor'],
    'the county government office (and the supervision office) hear of it',
  );

  const unclarified = await cloud.call(
    'oversight',
    'incidents.handle',
    { id: rec._id, note: '已核实，系谣言。' },
    HMC_PUBLISHER,
  );
  assert.equal(!unclarified.ok && unclarified.message, '谣言须先关联澄清信息，才能办结');
  await insertPost(cloud.db, {
    _id: 'post-clarify',
    accountId: 'acc-hmc',
    unitId: 'u-huamachi',
    publicAt: MON10,
    title: '关于自来水水质的情况说明',
  });
  await cloud.db
    .collection('posts')
    .doc('post-draft')
    .set({ data: { accountId: 'acc-hmc', unitId: 'u-huamachi', title: '草稿', publicAt: null } });
  const missing = await cloud.call(
    'oversight',
    'incidents.linkClarification',
    { id: rec._id, postId: 'post-nope' },
    HMC_PUBLISHER,
  );
  assert.equal(!missing.ok && missing.fieldErrors?.postId, '没有找到该信息，请核对编号');
  const draft = await cloud.call(
    'oversight',
    'incidents.linkClarification',
    { id: rec._id, postId: 'post-draft' },
    HMC_PUBLISHER,
  );
  assert.equal(!draft.ok && draft.message, '澄清信息尚未发布，发布后再关联');
  const linked = okData(
    await cloud.call<IncidentView>(
      'oversight',
      'incidents.linkClarification',
      { id: rec._id, postId: 'post-clarify' },
      HMC_PUBLISHER,
    ),
  );
  assert.equal(linked.clarification?.title, '关于自来水水质的情况说明');
  const handled = okData(
    await cloud.call<IncidentView>(
      'oversight',
      'incidents.handle',
      { id: rec._id, note: '已发布澄清说明，舆情平息。' },
      HMC_PUBLISHER,
    ),
  );
  assert.equal(handled.state, 'handled');
  assert.deepEqual(handled.allowed, []);
  const again = await cloud.call('oversight', 'incidents.handle', { id: rec._id, note: '再次处置。' }, HMC_PUBLISHER);
  assert.equal(!again.ok && again.code, 'InvalidTransition');

  const unitList = okData(
    await cloud.call<Page<IncidentView>>('oversight', 'incidents.list', { unitId: 'u-huamachi' }, HMC_PUBLISHER),
  );
  assert.equal(unitList.items.length, 1);
  const countyList = okData(
    await cloud.call<Page<IncidentView>>('oversight', 'incidents.list', {}, staffOpenid('s-supervisor')),
  );
  assert.equal(countyList.items.length, 1);
  const peek = await cloud.call('oversight', 'incidents.list', { unitId: 'u-huamachi' }, EDU_PUBLISHER);
  assert.equal(!peek.ok && peek.code, 'Forbidden');
  const peekOne = await cloud.call('oversight', 'incidents.get', { id: rec._id }, EDU_PUBLISHER);
  assert.equal(!peekOne.ok && peekOne.code, 'Forbidden', 'the recorder from another unit does not follow the case');
  const trail = (await cloud.db.collection('audit').where({ 'target.type': 'incident' }).get()).data.map(
    (a) => a.action,
  );
  assert.deepEqual(trail, [
    'incidents.record',
    'incidents.assign',
    'incidents.escalate',
    'incidents.linkClarification',
    'incidents.handle',
  ]);
  cloud.close();
});

test('with no posts stored at all, a clarification id is recorded without a check', async () => {
  const cloud = await cloudWithRoster();
  const rec = okData(
    await cloud.call<IncidentView>(
      'oversight',
      'incidents.record',
      { ...incident, importance: 'normal' },
      EDU_PUBLISHER,
    ),
  );
  const linked = okData(
    await cloud.call<IncidentView>(
      'oversight',
      'incidents.linkClarification',
      { id: rec._id, postId: 'post-elsewhere' },
      HMC_LEADER,
    ),
  );
  assert.deepEqual(linked.clarification && [linked.clarification.postId, linked.clarification.title], [
    'post-elsewhere',
    null,
  ]);
  cloud.close();
});
