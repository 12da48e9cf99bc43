import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData, staffOpenid } from '../../../test/support/cloud-harness';
import {
  ACCOUNT_ID,
  addStaff,
  CHECKLIST,
  createDraft,
  draftInput,
  LEADER,
  OTHER_UNIT_PUBLISHER,
  postAt,
  PUBLISHER,
  REVIEWER,
  seedAccount,
  submit,
} from './test-support';

// Every refusal through the public entry point, with its code and Chinese reason, and each
// leaves a "refused" audit entry.

async function lastAudit(cloud: Awaited<ReturnType<typeof createTestCloud>>) {
  const res = await cloud.db.collection('audit').orderBy('seq', 'desc').limit(1).get();
  return res.data[0] as { action: string; result: string; reason: string };
}

test('self-review: a publisher who is also a reviewer cannot review their own post', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const both = await addStaff(cloud, 's-edu-both', '周敏', [
    { role: 'publisher', unitId: 'u-education' },
    { role: 'reviewer', unitId: 'u-education' },
  ]);
  const d = await createDraft(cloud, {}, both);
  const s = await submit(cloud, d._id, d.rev, both);
  const res = await cloud.call('posts', 'posts.review', { id: d._id, rev: s.rev, checklist: CHECKLIST }, both);
  assert.equal(!res.ok && res.code, 'Forbidden');
  assert.equal(!res.ok && res.message, '不能审核自己撰写的信息：撰稿、审核、审批须由三人分别负责');
  assert.deepEqual(await lastAudit(cloud), {
    ...(await lastAudit(cloud)),
    action: 'posts.review',
    result: 'refused',
    reason: '不能审核自己撰写的信息：撰稿、审核、审批须由三人分别负责',
  });
  // Their own post is not in their review queue either, but another reviewer can review it.
  const q = okData(await cloud.call<{ items: unknown[] }>('posts', 'posts.queue', { queue: 'review' }, both));
  assert.equal(q.items.length, 0);
  const ok = await cloud.call('posts', 'posts.review', { id: d._id, rev: s.rev, checklist: CHECKLIST }, REVIEWER);
  assert.equal(ok.ok, true);
  cloud.close();
});

test('self-approval: the filed leader cannot approve a post they wrote, nor one they reviewed', async () => {
  const cloud = await createTestCloud();
  const boss = await addStaff(cloud, 's-edu-boss', '高峰', [
    { role: 'publisher', unitId: 'u-education' },
    { role: 'leader', unitId: 'u-education' },
    { role: 'reviewer', unitId: 'u-education' },
  ]);
  await seedAccount(cloud, {
    responsible: {
      leader: { staffId: 's-edu-boss', name: '高峰', title: '局长', phone: '13900000000' },
      reviewer: { staffId: 's-edu-reviewer', name: '王芳', title: '办公室主任', phone: '13995310002' },
      publisher: { staffId: 's-edu-publisher', name: '李明', title: '办公室科员', phone: '13995310001' },
    },
  });
  // Written by the leader, reviewed by 王芳.
  const d = await createDraft(cloud, {}, boss);
  const s = await submit(cloud, d._id, d.rev, boss);
  const r = okData(
    await cloud.call<{ rev: number }>(
      'posts',
      'posts.review',
      { id: d._id, rev: s.rev, checklist: CHECKLIST },
      REVIEWER,
    ),
  );
  const stepUpId = await cloud.stepUp(boss, 'post.approve');
  const own = await cloud.call('posts', 'posts.approve', { id: d._id, rev: r.rev, stepUpId }, boss);
  assert.equal(!own.ok && own.code, 'Forbidden');
  assert.equal(!own.ok && own.message, '不能审批自己撰写的信息：撰稿、审核、审批须由三人分别负责');

  // Written by 李明, reviewed by the leader: the leader may not approve it either.
  const d2 = await createDraft(cloud, { title: '第二条信息的标题' });
  const s2 = await submit(cloud, d2._id, d2.rev);
  const r2 = okData(
    await cloud.call<{ rev: number }>('posts', 'posts.review', { id: d2._id, rev: s2.rev, checklist: CHECKLIST }, boss),
  );
  const again = await cloud.call('posts', 'posts.approve', { id: d2._id, rev: r2.rev, stepUpId }, boss);
  assert.equal(!again.ok && again.message, '已审核该信息的人不能再审批：撰稿、审核、审批须由三人分别负责');
  cloud.close();
});

test("only the account's filed leader approves; another leader of the unit is refused by name", async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const deputy = await addStaff(cloud, 's-edu-deputy', '钱程', [{ role: 'leader', unitId: 'u-education' }]);
  const { id, rev } = await postAt(cloud, 'reviewed');
  const stepUpId = await cloud.stepUp(deputy, 'post.approve');
  const res = await cloud.call('posts', 'posts.approve', { id, rev, stepUpId }, deputy);
  assert.equal(!res.ok && res.message, '只有该账号备案的分管领导（张伟）可以审批');
  cloud.close();
});

test('approval without a fresh PIN is refused: none, wrong purpose, used, expired, someone else’s', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const { id, rev } = await postAt(cloud, 'reviewed');
  const none = await cloud.call('posts', 'posts.approve', { id, rev }, LEADER);
  assert.equal(!none.ok && none.code, 'InvalidParameter');
  assert.equal(!none.ok && none.fieldErrors?.stepUpId, '请先验证 PIN');

  const forged = await cloud.call('posts', 'posts.approve', { id, rev, stepUpId: 'made-up-ticket' }, LEADER);
  assert.equal(!forged.ok && forged.code, 'Forbidden');
  assert.equal(!forged.ok && forged.message, '审批通过信息前需要重新验证 PIN（验证凭据无效）');

  const wrongPurpose = await cloud.stepUp(LEADER, 'post.publish');
  const wp = await cloud.call('posts', 'posts.approve', { id, rev, stepUpId: wrongPurpose }, LEADER);
  assert.equal(!wp.ok && wp.message, '审批通过信息前需要重新验证 PIN（验证用途不符）');

  const reviewersTicket = await cloud.stepUp(REVIEWER, 'post.approve');
  const theirs = await cloud.call('posts', 'posts.approve', { id, rev, stepUpId: reviewersTicket }, LEADER);
  assert.equal(!theirs.ok && theirs.message, '审批通过信息前需要重新验证 PIN（验证凭据无效）');

  const stale = await cloud.stepUp(LEADER, 'post.approve');
  cloud.clock.advance(5 * 60 * 1000 + 1);
  const expired = await cloud.call('posts', 'posts.approve', { id, rev, stepUpId: stale }, LEADER);
  assert.equal(!expired.ok && expired.message, '审批通过信息前需要重新验证 PIN（验证已超过 5 分钟）');

  const fresh = await cloud.stepUp(LEADER, 'post.approve');
  const ok = await cloud.call<{ rev: number }>('posts', 'posts.approve', { id, rev, stepUpId: fresh }, LEADER);
  assert.equal(ok.ok, true);
  // The ticket is single-use: a second approval attempt with it is refused even on another post.
  const other = await postAt(cloud, 'reviewed', { title: '另一条待审批的信息' });
  const reused = await cloud.call('posts', 'posts.approve', { id: other.id, rev: other.rev, stepUpId: fresh }, LEADER);
  assert.equal(!reused.ok && reused.message, '审批通过信息前需要重新验证 PIN（验证凭据已使用过）');
  cloud.close();
});

test('returning and publishing need a fresh PIN too; a refused step leaves the post unchanged', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const s = await postAt(cloud, 'submitted');
  const ret = await cloud.call(
    'posts',
    'posts.return',
    { id: s.id, rev: s.rev, reason: '请补充会议时间', stepUpId: 'nope' },
    REVIEWER,
  );
  assert.equal(!ret.ok && ret.code, 'Forbidden');
  const a = await postAt(cloud, 'approved');
  const pub = await cloud.call(
    'posts',
    'posts.publish',
    { id: a.id, rev: a.rev, url: 'https://mp.weixin.qq.com/s/x', stepUpId: 'nope' },
    PUBLISHER,
  );
  assert.equal(!pub.ok && pub.message, '登记发布前需要重新验证 PIN（验证凭据无效）');
  const after = await cloud.call<{ state: string; rev: number }>('posts', 'posts.get', { id: a.id }, PUBLISHER);
  assert.deepEqual([after.ok && after.data.state, after.ok && after.data.rev], ['approved', a.rev]);
  cloud.close();
});

test('a return needs a reason of at least 5 characters', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const s = await postAt(cloud, 'submitted');
  const stepUpId = await cloud.stepUp(REVIEWER, 'post.reject');
  const empty = await cloud.call('posts', 'posts.return', { id: s.id, rev: s.rev, reason: '  ', stepUpId }, REVIEWER);
  assert.equal(!empty.ok && empty.fieldErrors?.reason, '请填写退回理由');
  const short = await cloud.call('posts', 'posts.return', { id: s.id, rev: s.rev, reason: '不行', stepUpId }, REVIEWER);
  assert.equal(!short.ok && short.fieldErrors?.reason, '退回理由至少 5 个字');
  cloud.close();
});

test('a post on an account that is not active cannot be drafted, submitted, reviewed or approved', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const reviewed = await postAt(cloud, 'reviewed');
  const draft = await postAt(cloud, 'draft', { title: '草稿状态的信息' });
  await cloud.db
    .collection('accounts')
    .doc(ACCOUNT_ID)
    .update({ data: { status: 'closing' } });

  const stepUpId = await cloud.stepUp(LEADER, 'post.approve');
  const approval = await cloud.call('posts', 'posts.approve', { id: reviewed.id, rev: reviewed.rev, stepUpId }, LEADER);
  assert.equal(!approval.ok && approval.code, 'InvalidTransition');
  assert.equal(
    !approval.ok && approval.message,
    '该账号目前不是“已启用”状态，暂不能处理信息发布（请先完成账号开通和备案）',
  );
  const sub = await cloud.call('posts', 'posts.submit', { id: draft.id, rev: draft.rev }, PUBLISHER);
  assert.equal(!sub.ok && sub.code, 'InvalidTransition');
  const created = await cloud.call('posts', 'posts.create', draftInput(), PUBLISHER);
  assert.equal(!created.ok && created.code, 'InvalidTransition');
  assert.match(!created.ok ? created.message : '', /不是“已启用”状态/);
  // Returning stays possible, so the post does not get stuck.
  const back = await cloud.stepUp(LEADER, 'post.reject');
  const ret = await cloud.call(
    'posts',
    'posts.return',
    { id: reviewed.id, rev: reviewed.rev, reason: '账号正在注销，暂不发布', stepUpId: back },
    LEADER,
  );
  assert.equal(ret.ok, true);
  cloud.close();
});

test('wrong state: nothing skips a step', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const d = await postAt(cloud, 'draft');
  const stepUpId = await cloud.stepUp(LEADER, 'post.approve');
  const skip = await cloud.call('posts', 'posts.approve', { id: d.id, rev: d.rev, stepUpId }, LEADER);
  assert.equal(!skip.ok && skip.code, 'InvalidTransition');
  assert.equal(!skip.ok && skip.message, '该信息当前为「草稿」，不能审批通过');
  const rev = await cloud.call('posts', 'posts.review', { id: d.id, rev: d.rev, checklist: CHECKLIST }, REVIEWER);
  assert.equal(!rev.ok && rev.message, '该信息当前为「草稿」，不能审核通过');
  const p = await postAt(cloud, 'published', { title: '已经发布的信息' });
  const edit = await cloud.call(
    'posts',
    'posts.update',
    { ...draftInput(), accountId: undefined, id: p.id, rev: p.rev, title: '发布后改标题' },
    PUBLISHER,
  );
  assert.equal(!edit.ok && edit.code, 'InvalidParameter', 'accountId is not an edit field');
  const { accountId: _a, ...content } = draftInput();
  const edit2 = await cloud.call(
    'posts',
    'posts.update',
    { ...content, id: p.id, rev: p.rev, title: '发布后改标题' },
    PUBLISHER,
  );
  assert.equal(!edit2.ok && edit2.message, '该信息当前为「已发布」，不能修改');
  cloud.close();
});

test('other people: another publisher cannot edit, other units are refused, citizens cannot read', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const colleague = await addStaff(cloud, 's-edu-pub2', '孙丽', [{ role: 'publisher', unitId: 'u-education' }]);
  const d = await postAt(cloud, 'draft');
  const { accountId: _a, ...content } = draftInput();
  const edit = await cloud.call(
    'posts',
    'posts.update',
    { ...content, id: d.id, rev: d.rev, title: '别人来改标题' },
    colleague,
  );
  assert.equal(!edit.ok && edit.message, '只有撰稿人本人可以修改');
  const sub = await cloud.call('posts', 'posts.submit', { id: d.id, rev: d.rev }, colleague);
  assert.equal(!sub.ok && sub.message, '只有撰稿人本人可以提交审核');
  const other = await cloud.call('posts', 'posts.get', { id: d.id }, OTHER_UNIT_PUBLISHER);
  assert.equal(!other.ok && other.message, '只能处理本单位的事项');
  const create = await cloud.call('posts', 'posts.create', draftInput(), OTHER_UNIT_PUBLISHER);
  assert.equal(!create.ok && create.code, 'Forbidden');
  const citizen = await cloud.call('posts', 'posts.get', { id: d.id });
  assert.equal(!citizen.ok && citizen.code, 'Forbidden');
  const reviewerCreates = await cloud.call('posts', 'posts.create', draftInput(), REVIEWER);
  assert.equal(!reviewerCreates.ok && reviewerCreates.message, '您没有执行该操作的角色');
  const missing = await cloud.call('posts', 'posts.get', { id: 'no-such-post' }, PUBLISHER);
  assert.equal(!missing.ok && missing.code, 'NotFound');
  const county = await cloud.call('posts', 'posts.get', { id: d.id }, staffOpenid('s-infocenter'));
  assert.equal(county.ok, true, 'the information center reads every unit');
  cloud.close();
});

test('publishing: the link must be on the account’s platform, and not before approval', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const a = await postAt(cloud, 'approved');
  const stepUpId = await cloud.stepUp(PUBLISHER, 'post.publish');
  const wrong = await cloud.call(
    'posts',
    'posts.publish',
    { id: a.id, rev: a.rev, stepUpId, url: 'https://weibo.com/123/abc' },
    PUBLISHER,
  );
  assert.equal(!wrong.ok && wrong.fieldErrors?.url, '链接应为 mp.weixin.qq.com 上的地址');
  const early = await cloud.call(
    'posts',
    'posts.publish',
    { id: a.id, rev: a.rev, stepUpId, url: 'https://mp.weixin.qq.com/s/1', publishedAt: cloud.clock.now() - 3600_000 },
    PUBLISHER,
  );
  assert.equal(!early.ok && early.fieldErrors?.publishedAt, '发布时间不能早于审批时间');
  const ok = await cloud.call(
    'posts',
    'posts.publish',
    { id: a.id, rev: a.rev, stepUpId, url: 'https://mp.weixin.qq.com/s/1' },
    PUBLISHER,
  );
  assert.equal(ok.ok, true, 'the ticket was not used up by the refused attempts');
  cloud.close();
});

test('unknown fields and malformed ids are refused before anything runs', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const extra = await cloud.call('posts', 'posts.create', { ...draftInput(), authorId: 's-edu-leader' }, PUBLISHER);
  assert.equal(!extra.ok && extra.code, 'InvalidParameter');
  const badId = await cloud.call('posts', 'posts.get', { id: { $ne: null } }, PUBLISHER);
  assert.equal(!badId.ok && badId.code, 'InvalidParameter');
  const emergency = await cloud.call('posts', 'posts.create', draftInput({ kind: 'emergency' }), PUBLISHER);
  assert.equal(!emergency.ok && emergency.fieldErrors?.occurredAt, '突发事件须填写事件发生时间');
  const correction = await cloud.call('posts', 'posts.create', draftInput({ kind: 'correction' }), PUBLISHER);
  assert.equal(!correction.ok && correction.fieldErrors?.correctsPostId, '更正致歉须选择被更正的信息');
  cloud.close();
});

void LEADER;
