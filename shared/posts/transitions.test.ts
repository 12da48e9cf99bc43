import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedPostActions, guardPostAction, POST_STATES, POST_TRANSITIONS, type PostFacts } from './transitions';

const post = (over: Partial<PostFacts> = {}): PostFacts => ({
  state: 'draft',
  unitId: 'u-edu',
  authorId: 'author',
  reviewerId: null,
  accountStatus: 'active',
  accountLeaderId: 'leader',
  accountLeaderName: '张伟',
  ...over,
});
const author = { staffId: 'author', grants: [{ role: 'publisher' as const, unitId: 'u-edu' }] };
const reviewer = { staffId: 'reviewer', grants: [{ role: 'reviewer' as const, unitId: 'u-edu' }] };
const leader = { staffId: 'leader', grants: [{ role: 'leader' as const, unitId: 'u-edu' }] };
const otherLeader = { staffId: 'leader2', grants: [{ role: 'leader' as const, unitId: 'u-edu' }] };

test('every transition starts from real states and names a next state or none', () => {
  for (const t of Object.values(POST_TRANSITIONS)) {
    assert.ok(t.from.length > 0);
    for (const s of t.from) assert.ok(POST_STATES.includes(s));
    if (t.to) assert.ok(POST_STATES.includes(t.to));
  }
  assert.equal(POST_TRANSITIONS.approve.stepUp, 'post.approve');
  assert.equal(POST_TRANSITIONS.return.stepUp, 'post.reject');
  assert.equal(POST_TRANSITIONS.publish.stepUp, 'post.publish');
  assert.equal(POST_TRANSITIONS.return.reasonRequired, true);
});

test('each person sees only the actions that are theirs at each step', () => {
  assert.deepEqual(allowedPostActions(post(), author), ['edit', 'submit', 'withdraw']);
  assert.deepEqual(allowedPostActions(post(), reviewer), []);
  assert.deepEqual(allowedPostActions(post({ state: 'submitted' }), reviewer), ['review', 'return']);
  assert.deepEqual(allowedPostActions(post({ state: 'submitted' }), author), ['withdraw']);
  assert.deepEqual(allowedPostActions(post({ state: 'submitted' }), leader), []);
  assert.deepEqual(allowedPostActions(post({ state: 'reviewed', reviewerId: 'reviewer' }), leader), [
    'return',
    'approve',
  ]);
  assert.deepEqual(allowedPostActions(post({ state: 'approved' }), author), ['publish', 'reportDeliveryFailure']);
  assert.deepEqual(allowedPostActions(post({ state: 'published' }), author), []);
  assert.deepEqual(allowedPostActions(post({ state: 'withdrawn' }), author), []);
});

test('author, reviewer and approver must be three people', () => {
  const both = { staffId: 'author', grants: [...author.grants, { role: 'reviewer' as const, unitId: 'u-edu' }] };
  const selfReview = guardPostAction('review', post({ state: 'submitted' }), both);
  assert.deepEqual(selfReview, {
    allowed: false,
    reason: '不能审核自己撰写的信息：撰稿、审核、审批须由三人分别负责',
    kind: 'actor',
  });
  const selfApprove = guardPostAction('approve', post({ state: 'reviewed', accountLeaderId: 'author' }), author);
  assert.equal(selfApprove.allowed, false);
  assert.match(!selfApprove.allowed ? selfApprove.reason : '', /不能审批自己撰写的信息/);
  const reviewerApproves = guardPostAction('approve', post({ state: 'reviewed', reviewerId: 'leader' }), leader);
  assert.match(!reviewerApproves.allowed ? reviewerApproves.reason : '', /已审核该信息的人不能再审批/);
});

test("only the account's filed leader approves, and the refusal names them", () => {
  const g = guardPostAction('approve', post({ state: 'reviewed', reviewerId: 'reviewer' }), otherLeader);
  assert.deepEqual(g, { allowed: false, reason: '只有该账号备案的分管领导（张伟）可以审批', kind: 'actor' });
});

test('wrong state and inactive account are refused with the reason', () => {
  const g = guardPostAction('approve', post({ state: 'submitted' }), leader);
  assert.deepEqual(g, { allowed: false, reason: '该信息当前为「待审核」，不能审批通过', kind: 'state' });
  const closed = guardPostAction('approve', post({ state: 'reviewed', accountStatus: 'closing' }), leader);
  assert.match(!closed.allowed ? closed.reason : '', /不是“已启用”状态/);
  const withdraw = guardPostAction('withdraw', post({ state: 'approved' }), author);
  assert.match(!withdraw.allowed ? withdraw.reason : '', /不能撤回/);
  // Returning and withdrawing remain possible on an account that stopped being active.
  assert.equal(
    guardPostAction('withdraw', post({ state: 'submitted', accountStatus: 'closing' }), author).allowed,
    true,
  );
});

test('returning: reviewers from submitted or reviewed, the leader only once reviewed; never the author', () => {
  assert.equal(guardPostAction('return', post({ state: 'submitted' }), reviewer).allowed, true);
  assert.equal(guardPostAction('return', post({ state: 'reviewed' }), reviewer).allowed, true);
  assert.equal(guardPostAction('return', post({ state: 'submitted' }), leader).allowed, false);
  assert.equal(guardPostAction('return', post({ state: 'reviewed' }), leader).allowed, true);
  const own = guardPostAction('return', post({ state: 'submitted' }), {
    ...author,
    grants: [...author.grants, ...reviewer.grants.map((g) => g)],
  });
  assert.match(!own.allowed ? own.reason : '', /不能退回自己撰写的信息/);
});

test('marking corrected is the system’s, never a person’s', () => {
  assert.match(
    (guardPostAction('markCorrected', post({ state: 'published' }), leader) as { reason: string }).reason,
    /系统/,
  );
});
