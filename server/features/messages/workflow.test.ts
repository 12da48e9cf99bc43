import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud } from '../../../test/support/cloud-harness';
import { verifyAuditChain } from '@server/runtime/audit';
import type { MyMessageDetail, StaffMessageView } from '@shared/messages/schemas';
import { CITIZEN, P, act, cst, endOfChinaDay, noticesOf, ok, refused, send, stored } from './testkit';

// The whole workflow through the cloud function's entry point: each transition, who is told,
// what the citizen reads, and every refusal with its reason.

test('(a) wrong unit → transferred → accepted → answered after review → rated 满意', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(cst(2026, 11, 27, 9)); // Friday
  const sent = await send(cloud, {
    title: '北关村路灯不亮',
    content: '花马池镇北关村村口的路灯坏了一个月，晚上出行不便。',
  });
  let m = await stored(cloud, sent._id);
  assert.equal(m.state, 'submitted');
  assert.equal(m.acceptDueAt, endOfChinaDay(2026, 11, 30), 'accept within 1 working day: Monday');
  assert.equal(m.answerDueAt, endOfChinaDay(2026, 12, 4), 'answer within 5 working days');
  assert.equal(m.dueAt, m.acceptDueAt);
  assert.equal((await noticesOf(cloud, { staffId: 's-edu-publisher' }))[0]?.kind, 'message.new');

  // 县教育局 (李明) transfers it to 花马池镇 with a reason.
  cloud.clock.advance(3600_000);
  await ok(
    cloud,
    'messages.transfer',
    { id: sent._id, toUnitId: 'u-huamachi', reason: '村内路灯由乡镇负责维护' },
    P.eduPub,
  );
  m = await stored(cloud, sent._id);
  assert.equal(m.state, 'transferring');
  assert.equal(m.unitId, 'u-huamachi');
  assert.deepEqual(m.unitTrail, ['u-education', 'u-huamachi']);
  assert.equal(m.publicStatus, 'accepted');
  // The sender can still read it; the receiving unit is told; the citizen is told.
  assert.equal((await act(cloud, 'messages.get', { id: sent._id }, P.eduPub)).ok, true);
  assert.equal((await noticesOf(cloud, { staffId: 's-hmc-publisher' })).at(-1)?.kind, 'message.transferIn');
  assert.equal((await noticesOf(cloud, { openid: CITIZEN })).at(-1)?.kind, 'message.transferred');
  // 县教育局 can no longer act on it; 花马池镇 can only accept or return it.
  refused(await act(cloud, 'messages.accept', { id: sent._id }, P.eduPub), 'Forbidden');
  const view = await ok<StaffMessageView>(cloud, 'messages.get', { id: sent._id }, P.hmcPub);
  assert.deepEqual(view.allowed.sort(), ['acceptTransfer', 'returnTransfer']);
  assert.equal(view.transfer?.fromUnitName, '县教育局');

  // 花马池镇 (刘洋) accepts: the full answer time counts from now.
  await ok(cloud, 'messages.acceptTransfer', { id: sent._id }, P.hmcPub);
  m = await stored(cloud, sent._id);
  assert.equal(m.state, 'accepted');
  assert.equal(m.answerDueAt, endOfChinaDay(2026, 12, 4));
  assert.equal((await noticesOf(cloud, { staffId: 's-edu-publisher' })).at(-1)?.kind, 'message.transferAccepted');

  // 刘洋 drafts; the citizen sees nothing of the draft yet.
  await ok(
    cloud,
    'messages.draftReply',
    { id: sent._id, text: '已安排电工本周五前修复北关村路灯，感谢您的反映。' },
    P.hmcPub,
  );
  const mine = await ok<MyMessageDetail>(cloud, 'messages.mineGet', { id: sent._id }, CITIZEN);
  assert.equal(mine.answer, null);
  assert.equal(mine.publicStatus, 'inProgress');
  assert.equal((await noticesOf(cloud, { staffId: 's-hmc-reviewer' })).at(-1)?.kind, 'message.reviewNeeded');

  // 陈静 (reviewer) approves: answered, the citizen is notified.
  await ok(
    cloud,
    'messages.approveReply',
    { id: sent._id, stepUpId: await cloud.stepUp(P.hmcRev, 'message.approveReply') },
    P.hmcRev,
  );
  m = await stored(cloud, sent._id);
  assert.equal(m.state, 'answered');
  assert.equal(m.answer?.approvedByName, '陈静');
  assert.equal(m.published, true);
  assert.equal((await noticesOf(cloud, { openid: CITIZEN })).at(-1)?.kind, 'message.answered');

  // The citizen rates 满意 with one tap: closed.
  const detail = await ok<MyMessageDetail>(cloud, 'messages.mineGet', { id: sent._id }, CITIZEN);
  assert.equal(detail.canRate, true);
  await ok(cloud, 'messages.rate', { id: sent._id, rating: 'satisfied' }, CITIZEN);
  m = await stored(cloud, sent._id);
  assert.equal(m.state, 'closed');
  assert.equal(m.publicStatus, 'closed');
  assert.equal(m.rating?.value, 'satisfied');
  assert.equal(m.nextCheckAt, null, 'nothing left for the sweeper');

  // The citizen's timeline reads in plain words, without staff names or internal steps.
  const story = (await ok<MyMessageDetail>(cloud, 'messages.mineGet', { id: sent._id }, CITIZEN)).timeline.map(
    (e) => e.text,
  );
  assert.deepEqual(story, [
    '您提交了留言，已送达县教育局。',
    '县教育局说明此事由花马池镇负责，已转交花马池镇办理（村内路灯由乡镇负责维护）。',
    '花马池镇已接收并受理您的留言，将在 2026-12-04 23:59 前答复。',
    '花马池镇已答复，请查看答复内容并评价。',
    '您的评价：满意',
    '已办结，感谢您的反映。',
  ]);
  assert.ok(!story.join('').includes('刘洋') && !story.join('').includes('陈静'));
  const report = await verifyAuditChain(cloud.db);
  assert.equal(report.ok, true, report.problems.join('; '));
  cloud.close();
});

test('a reply is approved only by a reviewer who did not draft it, and a returned draft goes back to the handler', async () => {
  const cloud = await createTestCloud();
  const { _id } = await send(cloud, { unitId: 'u-county-office' });
  await ok(cloud, 'messages.accept', { id: _id }, P.officeClerk);
  // 郭婷 is publisher and reviewer: she drafts, and may not approve her own draft.
  await ok(
    cloud,
    'messages.draftReply',
    { id: _id, text: '您好，县政府办公室已收到，相关政策请见附件说明。' },
    P.officeClerk,
  );
  refused(await act(cloud, 'messages.approveReply', { id: _id }, P.officeClerk), 'InvalidTransition', /起草人以外/);
  // 孙强 (leader) returns it with a reason: back to handling, the draft kept for revision.
  await ok(cloud, 'messages.returnReply', { id: _id, reason: '请补充办理时限' }, P.officeLeader);
  let m = await stored(cloud, _id);
  assert.equal(m.state, 'handling');
  assert.equal(m.replyDraft?.returned?.reason, '请补充办理时限');
  assert.equal((await noticesOf(cloud, { staffId: 's-office-clerk' })).at(-1)?.kind, 'message.replyReturned');
  refused(
    await act(cloud, 'messages.approveReply', { id: _id }, P.officeLeader),
    'InvalidTransition',
    /不能审核通过并答复/,
  );
  await ok(
    cloud,
    'messages.draftReply',
    { id: _id, text: '您好，相关政策将于 12 月 10 日前公布，请留意县政府网站。' },
    P.officeClerk,
  );
  await ok(
    cloud,
    'messages.approveReply',
    { id: _id, stepUpId: await cloud.stepUp(P.officeLeader, 'message.approveReply') },
    P.officeLeader,
  );
  m = await stored(cloud, _id);
  assert.equal(m.state, 'answered');
  assert.match(m.answer!.text, /12 月 10 日/);
  cloud.close();
});

test('告知渠道: the reply must name the channel, is reviewed, and helps the citizen on', async () => {
  const cloud = await createTestCloud();
  const { _id } = await send(cloud, {
    category: 'complaint',
    title: '社保卡补办太慢',
    content: '社保卡补办两个月了还没拿到，请问怎么回事？',
  });
  const noChannel = await act(
    cloud,
    'messages.draftRedirect',
    { id: _id, text: '此事不属于教育局职责范围。' },
    P.eduPub,
  );
  assert.equal(!noChannel.ok && noChannel.fieldErrors?.channel, '请填写反映渠道');
  await ok(
    cloud,
    'messages.draftRedirect',
    {
      id: _id,
      channel: '县人力资源和社会保障局（电话 0953-6012345）',
      text: '社保卡补办由县人社局负责，请携带身份证到县政务服务中心人社窗口办理。',
    },
    P.eduPub,
  );
  let m = await stored(cloud, _id);
  assert.equal(m.state, 'redirectPending');
  assert.equal(
    (await ok<MyMessageDetail>(cloud, 'messages.mineGet', { id: _id }, CITIZEN)).answer,
    null,
    'not shown before review',
  );
  // Returned: back to where it was (submitted), so the unit must still act within the accept deadline.
  await ok(cloud, 'messages.returnReply', { id: _id, reason: '请写明窗口地址' }, P.eduRev);
  assert.equal((await stored(cloud, _id)).state, 'submitted');
  await ok(
    cloud,
    'messages.draftRedirect',
    {
      id: _id,
      channel: '县人社局（县政务服务中心二楼 12 号窗口）',
      text: '社保卡补办由县人社局负责，请携带身份证到县政务服务中心二楼办理。',
    },
    P.eduPub,
  );
  await ok(
    cloud,
    'messages.approveReply',
    { id: _id, stepUpId: await cloud.stepUp(P.eduRev, 'message.approveReply') },
    P.eduRev,
  );
  m = await stored(cloud, _id);
  assert.equal(m.state, 'answered');
  assert.equal(m.answer?.kind, 'redirect');
  const detail = await ok<MyMessageDetail>(cloud, 'messages.mineGet', { id: _id }, CITIZEN);
  assert.equal(detail.answer?.channel, '县人社局（县政务服务中心二楼 12 号窗口）');
  assert.match(detail.timeline.at(-1)!.text, /请通过县人社局（县政务服务中心二楼 12 号窗口）反映/);
  cloud.close();
});

test('不确定: the county government office routes it; other units cannot', async () => {
  const cloud = await createTestCloud();
  const { _id } = await send(cloud, {
    unitId: 'unsure',
    title: '小区门口垃圾没人清理',
    content: '盐州小区门口垃圾堆了三天没人清理，不知道找哪个单位。',
  });
  let m = await stored(cloud, _id);
  assert.equal(m.unitId, 'u-county-office');
  assert.equal(m.addressedUnsure, true);
  assert.match(
    (await ok<MyMessageDetail>(cloud, 'messages.mineGet', { id: _id }, CITIZEN)).timeline[0].text,
    /县政府办公室会把它交给负责的单位/,
  );
  assert.ok((await noticesOf(cloud, { staffId: 's-office-clerk' })).some((n) => n.title === '新留言待分办'));
  const view = await ok<StaffMessageView>(cloud, 'messages.get', { id: _id }, P.officeClerk);
  assert.ok(view.allowed.includes('route'));
  refused(await act(cloud, 'messages.route', { id: _id, toUnitId: 'u-huamachi' }, P.eduPub), 'Forbidden');
  const self = await act(cloud, 'messages.route', { id: _id, toUnitId: 'u-county-office' }, P.officeClerk);
  assert.equal(!self.ok && self.fieldErrors?.toUnitId, '请选择其他单位');
  await ok(cloud, 'messages.route', { id: _id, toUnitId: 'u-huamachi', note: '属于镇区环境卫生' }, P.officeClerk);
  m = await stored(cloud, _id);
  assert.equal(m.unitId, 'u-huamachi');
  assert.equal(m.state, 'submitted');
  assert.equal(m.atCountyOffice, false);
  // Routing is done once the message left the county office: 花马池镇 cannot "route" it on.
  refused(
    await act(cloud, 'messages.route', { id: _id, toUnitId: 'u-education' }, P.hmcPub),
    'Forbidden',
    /县政府办公室/,
  );
  assert.equal((await noticesOf(cloud, { openid: CITIZEN })).at(-1)?.kind, 'message.routed');
  cloud.close();
});

test('a transfer can be returned with a reason, and transfers are capped', async () => {
  const cloud = await createTestCloud();
  const { _id } = await send(cloud);
  await ok(cloud, 'messages.accept', { id: _id }, P.eduPub);
  await ok(cloud, 'messages.transfer', { id: _id, toUnitId: 'u-huamachi', reason: '涉及镇区学校' }, P.eduPub);
  const noReason = await act(cloud, 'messages.returnTransfer', { id: _id, reason: '' }, P.hmcPub);
  assert.equal(!noReason.ok && noReason.fieldErrors?.reason, '请填写退回理由');
  await ok(cloud, 'messages.returnTransfer', { id: _id, reason: '学校由教育局直管' }, P.hmcPub);
  const m = await stored(cloud, _id);
  assert.equal(m.unitId, 'u-education');
  assert.equal(m.state, 'accepted', 'back to where it was before the transfer');
  assert.equal((await noticesOf(cloud, { staffId: 's-edu-publisher' })).at(-1)?.kind, 'message.transferReturned');
  // Ping-pong is capped at 5 transfers.
  for (let i = 0; i < 4; i++) {
    const [from, to, who] =
      i % 2 === 0 ? ['u-education', 'u-huamachi', P.eduPub] : ['u-huamachi', 'u-education', P.hmcPub];
    void from;
    await ok(cloud, 'messages.transfer', { id: _id, toUnitId: to, reason: '再次转办' }, who);
    await ok(cloud, 'messages.acceptTransfer', { id: _id }, to === 'u-huamachi' ? P.hmcPub : P.eduPub);
  }
  refused(
    await act(cloud, 'messages.transfer', { id: _id, toUnitId: 'u-huamachi', reason: '再次转办' }, P.eduPub),
    'InvalidTransition',
    /已转办 5 次/,
  );
  cloud.close();
});

test('assigning a handler: only staff of the unit who handle messages', async () => {
  const cloud = await createTestCloud();
  const { _id } = await send(cloud);
  refused(
    await act(cloud, 'messages.assign', { id: _id, handlerId: 's-edu-publisher' }, P.eduLeader),
    'InvalidTransition',
    /待受理/,
  );
  await ok(cloud, 'messages.accept', { id: _id }, P.eduPub);
  const stranger = await act(cloud, 'messages.assign', { id: _id, handlerId: 's-hmc-publisher' }, P.eduLeader);
  assert.equal(!stranger.ok && stranger.fieldErrors?.handlerId, '请选择本单位的工作人员');
  const admin = await act(cloud, 'messages.assign', { id: _id, handlerId: 's-edu-admin' }, P.eduLeader);
  assert.equal(!admin.ok && admin.code, 'InvalidParameter', 'a unit admin does not handle messages');
  await ok(cloud, 'messages.assign', { id: _id, handlerId: 's-edu-publisher' }, P.eduLeader);
  const m = await stored(cloud, _id);
  assert.equal(m.state, 'handling');
  assert.equal(m.handlerName, '李明');
  assert.equal((await noticesOf(cloud, { staffId: 's-edu-publisher' })).at(-1)?.kind, 'message.assigned');
  const handlers = await ok<{ items: Array<{ _id: string }> }>(
    cloud,
    'messages.handlers',
    { unitId: 'u-education' },
    P.eduLeader,
  );
  assert.deepEqual(handlers.items.map((h) => h._id).sort(), ['s-edu-leader', 's-edu-publisher', 's-edu-reviewer']);
  refused(await act(cloud, 'messages.handlers', { unitId: 'u-education' }, P.hmcPub), 'Forbidden');
  cloud.close();
});

test("refusals name the reason: wrong role, other unit, wrong state, someone else's rating — each audited", async () => {
  const cloud = await createTestCloud();
  const { _id } = await send(cloud);
  refused(await act(cloud, 'messages.accept', { id: _id }, P.hmcPub), 'Forbidden', /只能处理本单位/);
  refused(await act(cloud, 'messages.accept', { id: _id }, P.eduAdmin), 'Forbidden', /没有执行该操作的角色/);
  refused(await act(cloud, 'messages.accept', { id: _id }, CITIZEN), 'Forbidden');
  refused(
    await act(cloud, 'messages.approveReply', { id: _id }, P.eduRev),
    'InvalidTransition',
    /留言当前为「待受理」，不能审核通过并答复/,
  );
  refused(
    await act(cloud, 'messages.rate', { id: _id, rating: 'satisfied' }, CITIZEN),
    'InvalidTransition',
    /不能评价/,
  );
  refused(await act(cloud, 'messages.urge', { id: _id, workingDays: 1, note: '请尽快' }, P.eduLeader), 'Forbidden');
  refused(await act(cloud, 'messages.accept', { id: 'nope123' }, P.eduPub), 'Forbidden', /无法确定/);
  await ok(cloud, 'messages.accept', { id: _id }, P.eduPub);
  refused(await act(cloud, 'messages.accept', { id: _id }, P.eduPub), 'InvalidTransition', /已受理/);
  await ok(
    cloud,
    'messages.draftReply',
    { id: _id, text: '转学需要户口本、原学校学籍证明，请到县教育局一楼办理。' },
    P.eduPub,
  );
  await ok(
    cloud,
    'messages.approveReply',
    { id: _id, stepUpId: await cloud.stepUp(P.eduRev, 'message.approveReply') },
    P.eduRev,
  );
  refused(
    await act(cloud, 'messages.rate', { id: _id, rating: 'satisfied' }, 'someone-else'),
    'Forbidden',
    /只有留言人本人/,
  );
  refused(await act(cloud, 'messages.mineGet', { id: _id }, 'someone-else'), 'NotFound');
  await ok(cloud, 'messages.rate', { id: _id, rating: 'basic' }, CITIZEN);
  refused(
    await act(cloud, 'messages.rate', { id: _id, rating: 'unsatisfied' }, CITIZEN),
    'InvalidTransition',
    /已办结/,
  );
  const audit = (await cloud.db.collection('audit').where({ result: 'refused' }).limit(100).get()).data as Array<{
    action: string;
    reason: string;
  }>;
  for (const why of ['只能处理本单位的事项', '留言当前为「待受理」，不能审核通过并答复', '只有留言人本人可以评价'])
    assert.ok(
      audit.some((a) => a.reason === why),
      `audited: ${why}`,
    );
  cloud.close();
});

test('(c) 不满意 reopens once, goes to the supervision office, and the next rating closes it', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(cst(2026, 11, 23, 9));
  const { _id } = await send(cloud, {
    category: 'complaint',
    title: '学校门口交通拥堵',
    content: '实验小学门口放学时段交通拥堵严重，希望增派人员疏导。',
  });
  await ok(cloud, 'messages.accept', { id: _id }, P.eduPub);
  await ok(cloud, 'messages.draftReply', { id: _id, text: '已协调交警部门在放学时段增派人员疏导交通。' }, P.eduPub);
  await ok(
    cloud,
    'messages.approveReply',
    { id: _id, stepUpId: await cloud.stepUp(P.eduRev, 'message.approveReply') },
    P.eduRev,
  );
  assert.equal((await ok<MyMessageDetail>(cloud, 'messages.mineGet', { id: _id }, CITIZEN)).canReopen, true);
  cloud.clock.set(cst(2026, 11, 25, 10));
  const r = await ok<{ reopened: boolean }>(
    cloud,
    'messages.rate',
    { id: _id, rating: 'unsatisfied', comment: '仍然很堵，没看到有人疏导' },
    CITIZEN,
  );
  assert.equal(r.reopened, true);
  let m = await stored(cloud, _id);
  assert.equal(m.state, 'handling');
  assert.equal(m.publicStatus, 'inProgress');
  assert.equal(m.reopenCount, 1);
  assert.equal(m.reopenedOpen, true);
  assert.equal(m.published, false, 'an answer the citizen rejected leaves the public board');
  assert.equal(m.answerDueAt, endOfChinaDay(2026, 12, 2), 'a fresh 5 working days');
  const supNotice = (await noticesOf(cloud, { staffId: 's-supervisor' })).at(-1);
  assert.equal(supNotice?.kind, 'message.reopened');
  assert.match(supNotice!.body, /仍然很堵/);
  assert.equal((await noticesOf(cloud, { staffId: 's-edu-leader' })).at(-1)?.kind, 'message.reopened');
  const list = await ok<{ items: Array<{ _id: string }> }>(cloud, 'messages.supervision', { view: 'reopened' }, P.sup);
  assert.deepEqual(
    list.items.map((i) => i._id),
    [_id],
  );
  const story = (await ok<MyMessageDetail>(cloud, 'messages.mineGet', { id: _id }, CITIZEN)).timeline.map(
    (e) => e.text,
  );
  assert.ok(story.includes('您对答复不满意，留言已重新交办，县政府督查室将跟进办理。'));

  await ok(
    cloud,
    'messages.draftReply',
    { id: _id, text: '经与交警大队核实，自下周一起每天放学时段安排两名交警在校门口执勤。' },
    P.eduPub,
  );
  await ok(
    cloud,
    'messages.approveReply',
    { id: _id, stepUpId: await cloud.stepUp(P.eduLeader, 'message.approveReply') },
    P.eduLeader,
  );
  const again = await ok<MyMessageDetail>(cloud, 'messages.mineGet', { id: _id }, CITIZEN);
  assert.equal(again.canRate, true);
  assert.equal(again.canReopen, false, 'reopened once already');
  await ok(cloud, 'messages.rate', { id: _id, rating: 'unsatisfied' }, CITIZEN);
  m = await stored(cloud, _id);
  assert.equal(m.state, 'closed', 'the second 不满意 closes it (reopens once)');
  assert.equal(m.reopenedOpen, false);
  cloud.close();
});

test('extensions: requested with a reason, decided by the supervision office only, once', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(cst(2026, 11, 27, 9));
  const { _id } = await send(cloud);
  await ok(cloud, 'messages.accept', { id: _id }, P.eduPub);
  const noReason = await act(cloud, 'messages.requestExtension', { id: _id, workingDays: 3 }, P.eduPub);
  assert.equal(!noReason.ok && noReason.code, 'InvalidParameter');
  const tooLong = await act(
    cloud,
    'messages.requestExtension',
    { id: _id, workingDays: 11, reason: '需要现场调查' },
    P.eduPub,
  );
  assert.equal(!tooLong.ok && tooLong.fieldErrors?.workingDays, '最多延期 10 个工作日');
  await ok(
    cloud,
    'messages.requestExtension',
    { id: _id, workingDays: 3, reason: '需要会同住建部门现场调查' },
    P.eduPub,
  );
  refused(
    await act(cloud, 'messages.requestExtension', { id: _id, workingDays: 2, reason: '再申请一次' }, P.eduPub),
    'InvalidTransition',
    /等待县政府督查室审批/,
  );
  assert.equal((await noticesOf(cloud, { staffId: 's-supervisor' })).at(-1)?.kind, 'message.extensionRequested');
  const pending = await ok<{ items: Array<{ _id: string }> }>(
    cloud,
    'messages.supervision',
    { view: 'extension' },
    P.sup,
  );
  assert.deepEqual(
    pending.items.map((i) => i._id),
    [_id],
  );
  refused(
    await act(cloud, 'messages.decideExtension', { id: _id, approve: true }, P.eduLeader),
    'Forbidden',
    /没有执行该操作的角色/,
  );
  refused(await act(cloud, 'messages.decideExtension', { id: _id, approve: true }, P.info), 'Forbidden');
  await ok(
    cloud,
    'messages.decideExtension',
    { id: _id, approve: true, note: '同意延期', stepUpId: await cloud.stepUp(P.sup, 'message.approveExtension') },
    P.sup,
  );
  const m = await stored(cloud, _id);
  // 5 working days (4 December) + 3 more: Mon 7, Tue 8, Wed 9.
  assert.equal(m.answerDueAt, endOfChinaDay(2026, 12, 9));
  assert.equal(m.extension?.status, 'approved');
  assert.equal(m.extensionPending, false);
  assert.match(
    (await ok<MyMessageDetail>(cloud, 'messages.mineGet', { id: _id }, CITIZEN)).timeline.at(-1)!.text,
    /延长至 2026-12-09 23:59/,
  );
  refused(
    await act(cloud, 'messages.requestExtension', { id: _id, workingDays: 2, reason: '还需要时间' }, P.eduPub),
    'InvalidTransition',
    /最多延期 1 次/,
  );
  refused(
    await act(cloud, 'messages.decideExtension', { id: _id, approve: true }, P.sup),
    'InvalidTransition',
    /没有待审批/,
  );
  cloud.close();
});

test('a rejected extension keeps the deadline and tells the requester', async () => {
  const cloud = await createTestCloud();
  const { _id } = await send(cloud);
  await ok(cloud, 'messages.accept', { id: _id }, P.eduPub);
  const before = (await stored(cloud, _id)).answerDueAt;
  await ok(cloud, 'messages.requestExtension', { id: _id, workingDays: 5, reason: '材料较多' }, P.eduPub);
  await ok(cloud, 'messages.decideExtension', { id: _id, approve: false, note: '简单咨询，请按期答复' }, P.sup);
  const m = await stored(cloud, _id);
  assert.equal(m.answerDueAt, before);
  assert.equal(m.extension?.status, 'rejected');
  assert.equal((await noticesOf(cloud, { staffId: 's-edu-publisher' })).at(-1)?.kind, 'message.extensionRejected');
  cloud.close();
});

test('催办: the supervision office urges with a deadline; the unit acknowledges; one open urge at a time', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(cst(2026, 11, 27, 9));
  const { _id } = await send(cloud);
  refused(await act(cloud, 'messages.urge', { id: _id, workingDays: 1, note: '请尽快受理' }, P.info), 'Forbidden');
  await ok(cloud, 'messages.urge', { id: _id, workingDays: 2, note: '请尽快受理并答复' }, P.sup);
  let m = await stored(cloud, _id);
  assert.equal(m.urge?.deadline, endOfChinaDay(2026, 12, 1));
  assert.equal(m.urgedOpen, true);
  const urgedNotice = (await noticesOf(cloud, { staffId: 's-edu-leader' })).at(-1);
  assert.equal(urgedNotice?.kind, 'message.urged');
  assert.equal(urgedNotice?.urgent, true);
  refused(
    await act(cloud, 'messages.urge', { id: _id, workingDays: 1, note: '再催一次' }, P.sup),
    'InvalidTransition',
    /尚未签收/,
  );
  refused(await act(cloud, 'messages.acknowledgeUrge', { id: _id }, P.hmcPub), 'Forbidden');
  await ok(cloud, 'messages.acknowledgeUrge', { id: _id, note: '今天内答复' }, P.eduPub);
  m = await stored(cloud, _id);
  assert.equal(m.urge?.acknowledgedByName, '李明');
  assert.equal(m.urgedOpen, false);
  assert.equal((await noticesOf(cloud, { staffId: 's-supervisor' })).at(-1)?.kind, 'message.urgeAcknowledged');
  refused(await act(cloud, 'messages.acknowledgeUrge', { id: _id }, P.eduPub), 'InvalidTransition', /没有待签收/);
  await ok(cloud, 'messages.urge', { id: _id, workingDays: 1, note: '签收后仍未答复，再次催办' }, P.sup);
  cloud.close();
});

test('staff see only the actions the table allows them, and county viewers see the phone masked', async () => {
  const cloud = await createTestCloud();
  const { _id } = await send(cloud, { phone: '13912345678' });
  const pub = await ok<StaffMessageView>(cloud, 'messages.get', { id: _id }, P.eduPub);
  assert.deepEqual(pub.allowed.sort(), ['accept', 'draftRedirect', 'transfer']);
  assert.equal(pub.phone, '13912345678');
  const admin = await ok<StaffMessageView>(cloud, 'messages.get', { id: _id }, P.eduAdmin);
  assert.deepEqual(admin.allowed, [], 'a unit admin reads but does not handle');
  const sup = await ok<StaffMessageView>(cloud, 'messages.get', { id: _id }, P.sup);
  assert.deepEqual(sup.allowed, ['urge']);
  assert.equal(sup.phone, '139****5678');
  refused(await act(cloud, 'messages.get', { id: _id }, P.hmcPub), 'Forbidden');
  refused(await act(cloud, 'messages.get', { id: 'missing1' }, P.eduPub), 'NotFound');
  cloud.close();
});

test('approving a reply or an extension takes a fresh PIN for that purpose; refusing an extension does not', async () => {
  const cloud = await createTestCloud();
  const { _id } = await send(cloud);
  await ok(cloud, 'messages.accept', { id: _id }, P.eduPub);
  await ok(cloud, 'messages.requestExtension', { id: _id, workingDays: 2, reason: '需要现场核实' }, P.eduPub);
  const bareExt = await act(cloud, 'messages.decideExtension', { id: _id, approve: true }, P.sup);
  refused(bareExt, 'Forbidden', /批准延期前需要重新验证 PIN（未验证）/);
  assert.equal((await stored(cloud, _id)).extension?.status, 'requested', 'nothing changed on refusal');
  await ok(cloud, 'messages.decideExtension', { id: _id, approve: false, note: '请按期答复' }, P.sup);

  await ok(
    cloud,
    'messages.draftReply',
    { id: _id, text: '您反映的问题已核实，学校将于下周一起调整校车路线。' },
    P.eduPub,
  );
  refused(
    await act(cloud, 'messages.approveReply', { id: _id }, P.eduRev),
    'Forbidden',
    /审核通过答复前需要重新验证 PIN/,
  );
  // a ticket for another purpose, or someone else's, does not do
  const wrongPurpose = await cloud.stepUp(P.eduRev, 'post.approve');
  refused(
    await act(cloud, 'messages.approveReply', { id: _id, stepUpId: wrongPurpose }, P.eduRev),
    'Forbidden',
    /验证用途不符/,
  );
  const theirs = await cloud.stepUp(P.eduLeader, 'message.approveReply');
  refused(
    await act(cloud, 'messages.approveReply', { id: _id, stepUpId: theirs }, P.eduRev),
    'Forbidden',
    /验证凭据无效/,
  );
  assert.equal((await stored(cloud, _id)).state, 'replyPending', 'the citizen sees nothing yet');
  const ticket = await cloud.stepUp(P.eduRev, 'message.approveReply');
  await ok(cloud, 'messages.approveReply', { id: _id, stepUpId: ticket }, P.eduRev);
  assert.equal((await stored(cloud, _id)).state, 'answered');
  // the approval's own audit entry names the PIN check it spent
  const entries = (
    await cloud.db.collection('audit').where({ action: 'messages.approveReply', result: 'ok' }).limit(100).get()
  ).data as Array<{ target?: { id: string }; details?: { stepUpId?: string } }>;
  assert.equal(entries.find((e) => e.target?.id === _id && e.details?.stepUpId)?.details?.stepUpId, ticket);
  cloud.close();
});
