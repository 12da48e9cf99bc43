import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData } from '../../../test/support/cloud-harness';
import type { Page } from '@shared/messages/schemas';
import type { PostDetailView, QueueItemView } from '@shared/posts/views';
import { POST_FEED_ROUTES, postFeed, xmlEscape } from './feeds';
import { LEADER, noticesOf, postAt, PUBLISHER, REVIEWER, seedAccount } from './test-support';

const HOUR = 3600 * 1000;

test('an emergency goes to the front of the queue, reaches reviewer and leader at once, and counts down', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  await postAt(cloud, 'submitted', { title: '普通信息一' });
  cloud.clock.advance(60_000);
  await postAt(cloud, 'submitted', { title: '普通信息二' });
  cloud.clock.advance(60_000);
  const occurredAt = cloud.clock.now() - HOUR;
  const e = await postAt(cloud, 'submitted', {
    kind: 'emergency',
    title: '关于某小学校车事故的情况通报',
    body: '今日上午，某小学校车发生轻微剐蹭，无人员受伤，相关情况正在核实。',
    occurredAt,
  });
  const q = okData(await cloud.call<Page<QueueItemView>>('posts', 'posts.queue', { queue: 'review' }, REVIEWER));
  assert.deepEqual(
    q.items.map((i) => i.title),
    ['关于某小学校车事故的情况通报', '普通信息一', '普通信息二'],
  );
  const first = q.items[0].emergency!.countdowns[0];
  assert.equal(first.label, '首次权威发布');
  assert.equal(first.text, '还剩 4 小时 00 分');

  const toReviewer = (await noticesOf(cloud, 's-edu-reviewer')).find((n) => n.title.includes('校车'))!;
  assert.equal(toReviewer.urgent, true);
  assert.match(toReviewer.title, /^【突发事件】/);
  const toLeader = await noticesOf(cloud, 's-edu-leader');
  assert.deepEqual(
    toLeader.map((n) => [n.kind, n.urgent]),
    [['post.emergency', true]],
    'the leader hears at submission',
  );

  // Paging keeps the order: one item per page.
  const p1 = okData(
    await cloud.call<Page<QueueItemView>>('posts', 'posts.queue', { queue: 'review', pageSize: 1 }, REVIEWER),
  );
  const p2 = okData(
    await cloud.call<Page<QueueItemView>>(
      'posts',
      'posts.queue',
      { queue: 'review', pageSize: 1, cursor: p1.nextCursor },
      REVIEWER,
    ),
  );
  const p3 = okData(
    await cloud.call<Page<QueueItemView>>(
      'posts',
      'posts.queue',
      { queue: 'review', pageSize: 1, cursor: p2.nextCursor },
      REVIEWER,
    ),
  );
  assert.deepEqual(
    [p1, p2, p3].map((p) => p.items[0].title),
    ['关于某小学校车事故的情况通报', '普通信息一', '普通信息二'],
  );
  assert.equal(p3.nextCursor, null);

  // It still needs the leader's approval, and publishing stops the first-release clock.
  cloud.clock.advance(HOUR);
  const detail = okData(await cloud.call<PostDetailView>('posts', 'posts.get', { id: e.id }, LEADER));
  assert.equal(detail.emergency?.countdowns[0].text, '还剩 3 小时 00 分');
  assert.equal(detail.emergency?.countdowns[2].label, '回应关切');
  cloud.close();
});

test('an emergency may not claim to have happened in the future', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const res = await cloud.call(
    'posts',
    'posts.create',
    {
      accountId: 'acc-test-edu-wechat',
      kind: 'emergency',
      title: '突发事件信息',
      body: '突发事件的情况说明。',
      occurredAt: cloud.clock.now() + HOUR,
    },
    PUBLISHER,
  );
  assert.equal(!res.ok && res.fieldErrors?.occurredAt, '事件发生时间不能晚于现在');
  cloud.close();
});

async function route(_cloud: Awaited<ReturnType<typeof createTestCloud>>, path: string, query = '') {
  // Through the router rows, as the public cloud function and the local host call them.
  const row = POST_FEED_ROUTES.find((r) => r.pattern.test(path))!;
  const res = await row.handle(row.pattern.exec(path)!, {
    path,
    headers: { host: '127.0.0.1:8080' },
    queryStringParameters: Object.fromEntries(new URLSearchParams(query)),
  });
  return { status: res.statusCode, headers: res.headers, body: res.body };
}

test('the portal feed: JSON Feed and RSS, per unit and county-wide, published posts only', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  await seedAccount(cloud, {
    _id: 'acc-test-hmc',
    managingUnitId: 'u-huamachi',
    owningUnitId: 'u-huamachi',
    name: '花马池镇 <发布>',
  });
  await postAt(cloud, 'published', { title: '教育局信息 & 通知' });
  await postAt(cloud, 'approved', { title: '尚未发布的信息' });
  const json = await route(cloud, '/public/posts.json', 'unit=u-education');
  assert.equal(json.status, 200);
  assert.match(json.headers['content-type'], /application\/feed\+json/);
  const feed = JSON.parse(json.body);
  assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
  assert.equal(feed.title, '县教育局政务新媒体 · 已发布信息');
  assert.deepEqual(
    feed.items.map((i: { title: string }) => i.title),
    ['教育局信息 & 通知'],
  );
  assert.equal(feed.items[0].url, 'https://mp.weixin.qq.com/s/abc123');
  assert.equal(feed.items[0]._yanchi.account_name, '盐池教育');
  assert.doesNotMatch(json.body, /李明|王芳|张伟|1399531/, 'no staff names or phones');

  const other = JSON.parse((await route(cloud, '/public/posts.json', 'unit=u-huamachi')).body);
  assert.deepEqual(other.items, []);
  const county = JSON.parse((await route(cloud, '/public/posts.json')).body);
  assert.equal(county.title, '盐池县政务新媒体 · 已发布信息');
  assert.equal(county.items.length, 1);

  const rss = await route(cloud, '/public/posts.rss', 'unit=u-education');
  assert.match(rss.headers['content-type'], /application\/rss\+xml/);
  assert.match(rss.body, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0">/);
  assert.match(rss.body, /<title>教育局信息 &amp; 通知<\/title>/);
  assert.match(rss.body, /<link>https:\/\/mp.weixin.qq.com\/s\/abc123<\/link>/);
  assert.doesNotMatch(rss.body, /尚未发布/);
  assert.equal(xmlEscape(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');

  assert.equal((await route(cloud, '/public/posts.json', 'unit=u-nowhere')).status, 404);
  assert.equal((await route(cloud, '/public/posts.rss', 'unit=%24ne')).status, 404);
  assert.equal(POST_FEED_ROUTES[0].pattern.test('/public/posts.xml'), false);
  const direct = await postFeed(cloud.db, 'json', {
    path: '/public/posts.json',
    query: new URLSearchParams(),
    origin: 'https://x',
  });
  assert.equal(JSON.parse(direct.body).feed_url, 'https://x/public/posts.json');
  cloud.close();
});

void PUBLISHER;
