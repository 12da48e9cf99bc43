import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData } from '../../../test/support/cloud-harness';
import { verifyAuditChain } from '@server/runtime/audit';
import type { Page } from '@shared/messages/schemas';
import type { FeedItemView, MyPostItemView, QueueItemView } from '@shared/posts/views';
import {
  approve,
  CHECKLIST,
  createDraft,
  getPost,
  LEADER,
  noticesOf,
  postAt,
  publish,
  PUBLISHER,
  review,
  REVIEWER,
  seedAccount,
  submit,
} from './test-support';

// The whole chain through the public entry point: draft → submitted → reviewed → approved →
// published, each step by its own person, with its timeline, notices and audit entries.

test('draft → submit → review → approve (PIN) → publish, each by its own person', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const d = await createDraft(cloud);
  assert.equal(d.version, 1);
  assert.deepEqual(d.checks.hits, []);

  let post = await getPost(cloud, d._id);
  assert.equal(post.state, 'draft');
  assert.deepEqual(post.allowedActions, ['edit', 'submit', 'withdraw']);
  assert.equal(post.account.name, '盐池教育');

  const s = await submit(cloud, d._id, d.rev);
  assert.equal(s.state, 'submitted');
  const reviewQueue = okData(
    await cloud.call<Page<QueueItemView>>('posts', 'posts.queue', { queue: 'review' }, REVIEWER),
  );
  assert.deepEqual(
    reviewQueue.items.map((i) => i.title),
    ['县教育局召开秋季开学工作会议'],
  );
  assert.equal((await getPost(cloud, d._id, REVIEWER)).allowedActions.join(), 'review,return');

  const r = await review(cloud, d._id, s.rev);
  assert.equal(r.state, 'reviewed');
  post = await getPost(cloud, d._id, LEADER);
  assert.deepEqual(post.checklist?.items, Object.keys(CHECKLIST));
  assert.equal(post.checklist?.byName, '王芳');
  assert.equal(post.reviewerName, '王芳');
  assert.deepEqual(post.allowedActions, ['return', 'approve']);
  const approveQueue = okData(
    await cloud.call<Page<QueueItemView>>('posts', 'posts.queue', { queue: 'approve' }, LEADER),
  );
  assert.equal(approveQueue.items.length, 1);

  const a = await approve(cloud, d._id, r.rev);
  assert.equal(a.state, 'approved');
  post = await getPost(cloud, d._id);
  assert.equal(post.approverName, '张伟');
  assert.equal(post.delivery.state, 'pending', 'approved content, not yet delivered');
  assert.deepEqual(post.allowedActions, ['publish', 'reportDeliveryFailure']);

  cloud.clock.advance(60_000);
  const p = await publish(cloud, d._id, a.rev);
  assert.equal(p.state, 'published');
  post = await getPost(cloud, d._id);
  assert.equal(post.delivery.state, 'delivered');
  assert.equal(post.delivery.url, 'https://mp.weixin.qq.com/s/abc123');
  assert.equal(post.delivery.publishedAt, cloud.clock.now());
  assert.deepEqual(
    post.timeline.map((e) => [e.label, e.actorName, e.toState]),
    [
      ['创建草稿', '李明', 'draft'],
      ['提交审核', '李明', 'submitted'],
      ['审核通过', '王芳', 'reviewed'],
      ['审批通过', '张伟', 'approved'],
      ['登记发布', '李明', 'published'],
    ],
  );

  const feed = okData(await cloud.call<Page<FeedItemView>>('posts', 'posts.feed', { unitId: 'u-education' }));
  assert.equal(feed.items[0].title, '县教育局召开秋季开学工作会议');
  assert.equal(feed.items[0].url, 'https://mp.weixin.qq.com/s/abc123');
  assert.equal(
    (feed.items[0] as unknown as Record<string, unknown>).authorName,
    undefined,
    'no staff names in the feed',
  );

  const audit = (
    await cloud.db
      .collection('audit')
      .where({ target: { type: 'post', id: d._id } })
      .orderBy('seq', 'asc')
      .get()
  ).data as Array<{ action: string; result: string }>;
  assert.deepEqual(
    audit.map((e) => e.action),
    ['posts.create', 'posts.submit', 'posts.review', 'posts.approve', 'posts.publish'],
  );
  const chain = await verifyAuditChain(cloud.db);
  assert.equal(chain.ok, true, chain.problems.join('; '));
  cloud.close();
});

test('each step notifies the next person who must act, on the page where they act', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const { id } = await postAt(cloud, 'approved');
  const reviewer = await noticesOf(cloud, 's-edu-reviewer');
  assert.equal(reviewer[0].kind, 'post.reviewNeeded');
  assert.equal(reviewer[0].page, `/posts/detail/index?id=${id}`);
  assert.equal(reviewer[0].urgent, false);
  const leader = await noticesOf(cloud, 's-edu-leader');
  assert.deepEqual(
    leader.map((n) => n.kind),
    ['post.approvalNeeded'],
  );
  const author = await noticesOf(cloud, 's-edu-publisher');
  assert.deepEqual(
    author.map((n) => n.kind),
    ['post.approved'],
  );
  const outbox = await cloud.db.collection('outbox').where({ status: 'pending' }).count();
  assert.equal(outbox.total, 3, 'each notice is queued for a WeChat subscribe message too');
  cloud.close();
});

test('return with a reason goes back to the author, who edits (a new version) and resubmits', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const { id, rev } = await postAt(cloud, 'submitted');
  await getPost(cloud, id, REVIEWER); // the reviewer reads version 1
  const stepUpId = await cloud.stepUp(REVIEWER, 'post.reject');
  const returned = okData(
    await cloud.call<{ rev: number; state: string }>(
      'posts',
      'posts.return',
      { id, rev, reason: '会议时间写错了，应为9月2日', stepUpId },
      REVIEWER,
    ),
  );
  assert.equal(returned.state, 'returned');
  const mine = okData(await cloud.call<Page<MyPostItemView>>('posts', 'posts.mine', {}, PUBLISHER));
  assert.equal(mine.items[0].returnedReason, '会议时间写错了，应为9月2日');
  const n = (await noticesOf(cloud, 's-edu-publisher')).at(-1)!;
  assert.equal(n.kind, 'post.returned');
  assert.match(n.body, /会议时间写错了/);

  const edited = okData(
    await cloud.call<{ rev: number; version: number }>(
      'posts',
      'posts.update',
      {
        id,
        rev: returned.rev,
        kind: 'original',
        title: '县教育局召开秋季开学工作会议',
        body: '9月2日，县教育局召开秋季开学工作会议，部署校园安全和食堂管理工作。',
      },
      PUBLISHER,
    ),
  );
  assert.equal(edited.version, 2);
  await submit(cloud, id, edited.rev);
  const seen = await getPost(cloud, id, REVIEWER);
  assert.equal(seen.version, 2);
  assert.deepEqual(
    seen.diff?.fields.body?.filter((s) => s.op !== 'equal'),
    [
      { op: 'delete', text: '1' },
      { op: 'insert', text: '2' },
    ],
  );
  assert.equal(seen.diff?.from, 1);
  assert.equal(seen.diff?.basis, 'seen');
  // Reopening still shows the change since the version seen before this one.
  assert.equal((await getPost(cloud, id, REVIEWER)).diff?.from, 1);
  const queue = okData(await cloud.call<Page<QueueItemView>>('posts', 'posts.queue', { queue: 'review' }, REVIEWER));
  assert.equal(queue.items[0].version, 2);
  // The leader, who never saw version 1, gets no diff on first look.
  assert.equal((await getPost(cloud, id, LEADER)).diff, null);
  const versions = okData(
    await cloud.call<{ fields: Record<string, unknown> }>('posts', 'posts.diff', { id, from: 1, to: 2 }, LEADER),
  );
  assert.deepEqual(Object.keys(versions.fields), ['body']);
  cloud.close();
});

test('saving unchanged content makes no new version; each change does', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const d = await createDraft(cloud);
  const base = {
    id: d._id,
    kind: 'original',
    title: '县教育局召开秋季开学工作会议',
    body: '9月1日，县教育局召开秋季开学工作会议，部署校园安全和食堂管理工作。',
  };
  const same = okData(
    await cloud.call<{ rev: number; version: number }>('posts', 'posts.update', { ...base, rev: d.rev }, PUBLISHER),
  );
  assert.deepEqual([same.rev, same.version], [d.rev, 1]);
  const changed = okData(
    await cloud.call<{ rev: number; version: number }>(
      'posts',
      'posts.update',
      { ...base, rev: d.rev, title: '秋季开学工作会议召开' },
      PUBLISHER,
    ),
  );
  assert.deepEqual([changed.rev, changed.version], [d.rev + 1, 2]);
  const v = await cloud.db.collection('postVersions').where({ postId: d._id }).count();
  assert.equal(v.total, 2);
  cloud.close();
});

test('the author may withdraw before approval, not after', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const a = await postAt(cloud, 'reviewed');
  const w = okData(
    await cloud.call<{ state: string }>(
      'posts',
      'posts.withdraw',
      { id: a.id, rev: a.rev, reason: '活动取消' },
      PUBLISHER,
    ),
  );
  assert.equal(w.state, 'withdrawn');
  const b = await postAt(cloud, 'approved');
  const late = await cloud.call('posts', 'posts.withdraw', { id: b.id, rev: b.rev }, PUBLISHER);
  assert.equal(!late.ok && late.code, 'InvalidTransition');
  assert.equal(!late.ok && late.message, '该信息当前为「待发布」，不能撤回');
  cloud.close();
});

test('delivery failure keeps the content approved; publishing later succeeds', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const { id, rev } = await postAt(cloud, 'approved');
  const failed = okData(
    await cloud.call<{ rev: number; state: string }>(
      'posts',
      'posts.deliveryFailed',
      { id, rev, reason: '公众号后台群发失败' },
      PUBLISHER,
    ),
  );
  assert.equal(failed.state, 'approved');
  const post = await getPost(cloud, id);
  assert.equal(post.delivery.state, 'failed');
  assert.equal(post.delivery.failureReason, '公众号后台群发失败');
  const ok = await publish(cloud, id, failed.rev);
  assert.equal(ok.state, 'published');
  cloud.close();
});

test('a published correction links to the corrected post and marks it corrected', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const original = await postAt(cloud, 'published');
  const notPublished = await postAt(cloud, 'draft', { title: '另一条草稿信息' });
  const bad = await cloud.call(
    'posts',
    'posts.create',
    {
      accountId: 'acc-test-edu-wechat',
      kind: 'correction',
      title: '更正',
      body: '更正说明，特此致歉。',
      correctsPostId: notPublished.id,
    },
    PUBLISHER,
  );
  assert.equal(!bad.ok && bad.fieldErrors?.correctsPostId, '请选择本账号已发布的信息');
  const corr = await postAt(cloud, 'published', {
    kind: 'correction',
    title: '关于秋季开学工作会议日期的更正',
    body: '原文会议日期有误，现更正为9月2日，特此向公众致歉。',
    correctsPostId: original.id,
  });
  const before = await getPost(cloud, original.id);
  assert.equal(before.state, 'corrected');
  assert.equal(before.correctedBy?._id, corr.id);
  assert.equal(before.timeline.at(-1)?.label, '标记为已更正');
  const c = await getPost(cloud, corr.id);
  assert.equal(c.corrects?._id, original.id);
  const feed = okData(await cloud.call<Page<FeedItemView>>('posts', 'posts.feed', {}));
  assert.deepEqual(
    feed.items.map((i) => [i.title, i.correctedBy?.id ?? null, i.corrects?.id ?? null]),
    [
      ['关于秋季开学工作会议日期的更正', null, original.id],
      ['县教育局召开秋季开学工作会议', corr.id, null],
    ],
  );
  cloud.close();
});
