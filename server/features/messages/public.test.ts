import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud } from '../../../test/support/cloud-harness';
import { currentDeps } from '@server/runtime/config';
import type { BoardItemView, Page } from '@shared/messages/schemas';
import { CITIZEN, P, act, ok, refused, send, stored } from './testkit';
import { answersFeed, MESSAGE_FEED_ROUTES } from './feeds';

// The public board and the portal feed: only answers the citizen allowed to publish, personal
// data masked; abuse limits refuse with a clear message; imports join the same ticket model.

async function answer(
  cloud: Awaited<ReturnType<typeof createTestCloud>>,
  over: Parameters<typeof send>[1],
  publish = true,
) {
  const { _id } = await send(cloud, over);
  await ok(cloud, 'messages.accept', { id: _id }, P.eduPub);
  await ok(
    cloud,
    'messages.draftReply',
    { id: _id, text: '张先生您好，已联系您 13912345678 核实，问题已解决。' },
    P.eduPub,
  );
  await ok(
    cloud,
    'messages.approveReply',
    { id: _id, publish, stepUpId: await cloud.stepUp(P.eduRev, 'message.approveReply') },
    P.eduRev,
  );
  return _id;
}

test('the board shows answered messages the citizen allowed to publish, with personal data masked', async () => {
  const cloud = await createTestCloud();
  const shown = await answer(cloud, {
    title: '我叫张三，孩子学籍问题',
    content: '我叫张三，电话13912345678，身份证640323199001011234，住盐州小区3号楼2单元501室，孩子学籍转不过来。',
    allowPublish: true,
  });
  await answer(cloud, { allowPublish: false }); // the citizen did not allow it
  await answer(cloud, { allowPublish: true }, false); // the reviewer withheld it
  const pending = await send(cloud, { allowPublish: true }); // not answered yet
  void pending;
  const page = await ok<Page<BoardItemView>>(cloud, 'messages.board', {}, 'anyone-at-all');
  assert.deepEqual(
    page.items.map((i) => i._id),
    [shown],
  );
  const item = page.items[0];
  assert.equal(item.title, '我叫张*，孩子学籍问题');
  assert.equal(
    item.content,
    '我叫张*，电话139****5678，身份证6****************4，住盐州小区*号楼*单元*室，孩子学籍转不过来。',
  );
  assert.equal(item.answer, '张先生您好，已联系您 139****5678 核实，问题已解决。');
  const raw = JSON.stringify(page);
  for (const secret of ['13912345678', '640323199001011234', CITIZEN, '李明', '王芳'])
    assert.ok(!raw.includes(secret), secret);
  cloud.close();
});

test('the portal feed carries the same masked answers, newest first, with paging', async () => {
  const cloud = await createTestCloud();
  const first = await answer(cloud, { content: '联系人王五13900001111，反映学校食堂价格偏高。' });
  cloud.clock.advance(60_000);
  const second = await answer(cloud, {});
  const feed = await answersFeed(currentDeps().db, { limit: '1' });
  assert.equal(feed.items.length, 1);
  assert.equal(feed.items[0].id, second);
  assert.ok(feed.next_cursor);
  const next = await answersFeed(currentDeps().db, { limit: '1', cursor: feed.next_cursor! });
  assert.equal(next.items[0].id, first);
  assert.equal(next.items[0].content, '联系人王*139****1111，反映学校食堂价格偏高。');
  assert.equal(next.items[0].source, '小程序');
  assert.equal(next.items[0].external_id, null);
  // Over HTTP through the public router's row; a bad query is a 400, not a crash.
  const route = MESSAGE_FEED_ROUTES[0];
  const hit = route.pattern.exec('/public/answers.json')!;
  const res = await route.handle(hit, { path: '/public/answers.json', httpMethod: 'GET', queryStringParameters: {} });
  assert.equal(res.statusCode, 200);
  assert.equal(JSON.parse(res.body).items.length, 2);
  const bad = await route.handle(hit, {
    path: '/public/answers.json',
    httpMethod: 'GET',
    queryStringParameters: { limit: '1000' },
  });
  assert.equal(bad.statusCode, 400);
  cloud.close();
});

test('abuse limits: 5 an hour, the same text twice in 24 hours — refused with the reason', async () => {
  const cloud = await createTestCloud();
  const first = await send(cloud, { title: '同一件事', content: '村口路灯坏了一周，请尽快修理。' });
  const dup = await act(
    cloud,
    'messages.submit',
    {
      unitId: 'u-huamachi',
      category: 'consult',
      title: '同一件事',
      content: '村口路灯坏了一周，请尽快修理！',
      allowPublish: false,
    },
    CITIZEN,
  );
  refused(dup, 'RateLimited', new RegExp(`相同内容.*${first.trackingNo}`));
  for (let i = 0; i < 4; i++) await send(cloud);
  refused(
    await act(
      cloud,
      'messages.submit',
      {
        unitId: 'u-education',
        category: 'consult',
        title: '第六条留言',
        content: '一小时内的第六条留言内容。',
        allowPublish: false,
      },
      CITIZEN,
    ),
    'RateLimited',
    /1 小时内最多提交 5 条留言，请在 10:00 后再提交/,
  );
  // Another citizen is not affected; an hour later this one may write again.
  await send(cloud, {}, 'another-citizen');
  cloud.clock.advance(3600_000);
  await send(cloud);
  const refusals = (
    await cloud.db.collection('audit').where({ action: 'messages.submit', result: 'refused' }).limit(10).get()
  ).data;
  assert.equal(refusals.length, 2, 'each refusal is audited');
  cloud.close();
});

test('import: a portal letter or 12345 order joins the same workflow, once per external id', async () => {
  const cloud = await createTestCloud();
  const order = {
    channel: 'hotline12345',
    externalId: '12345-20261127-0088',
    unitId: 'u-huamachi',
    category: 'complaint',
    title: '供暖不热',
    content: '花马池镇东城小区供暖温度不达标，室温只有 14 度。',
    phone: '13811112222',
    allowPublish: true,
  };
  refused(await act(cloud, 'messages.import', order, P.eduPub), 'Forbidden');
  refused(await act(cloud, 'messages.import', order, CITIZEN), 'Forbidden');
  const made = await ok<{ _id: string; trackingNo: string }>(cloud, 'messages.import', order, P.info);
  const m = await stored(cloud, made._id);
  assert.equal(m.channel, 'hotline12345');
  assert.equal(m.citizenOpenid, null);
  assert.equal(m.state, 'submitted');
  assert.equal(m.unitId, 'u-huamachi');
  const again = refused(await act(cloud, 'messages.import', order, P.info), 'Conflict');
  assert.match(again, new RegExp(made.trackingNo));
  const future = await act(
    cloud,
    'messages.import',
    { ...order, externalId: 'x2', receivedAt: Date.now() + 10 * 86400_000 },
    P.info,
  );
  assert.equal(!future.ok && future.fieldErrors?.receivedAt, '接收时间不能晚于现在');
  // The unit handles it like any other; nobody in the app can rate it; the feed names its origin.
  await ok(cloud, 'messages.accept', { id: made._id }, P.hmcPub);
  await ok(
    cloud,
    'messages.draftReply',
    { id: made._id, text: '已通知供热公司排查东城小区管网，三日内恢复正常供暖。' },
    P.hmcPub,
  );
  await ok(
    cloud,
    'messages.approveReply',
    { id: made._id, stepUpId: await cloud.stepUp(P.hmcRev, 'message.approveReply') },
    P.hmcRev,
  );
  refused(await act(cloud, 'messages.rate', { id: made._id, rating: 'satisfied' }, CITIZEN), 'Forbidden');
  const feed = await answersFeed(currentDeps().db, {});
  assert.equal(feed.items[0].source, '12345 热线');
  assert.equal(feed.items[0].external_id, '12345-20261127-0088');
  cloud.close();
});
