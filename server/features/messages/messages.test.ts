import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData, staffOpenid, CITIZEN } from '../../../test/support/cloud-harness';
import { verifyAuditChain } from '@server/runtime/audit';
import type { Page, MyMessageView, InboxItemView } from '@shared/messages/schemas';

const valid = {
  unitId: 'u-education',
  category: 'consult',
  title: '孩子转学手续咨询',
  content: '请问从外县转学到县城小学需要准备哪些材料？',
  phone: '13912345678',
  allowPublish: true,
};

test('a citizen sends a message and gets a tracking number on the China date', async () => {
  const cloud = await createTestCloud();
  // 2026-11-27 17:00 UTC is 2026-11-28 01:00 in the county.
  cloud.clock.set(Date.UTC(2026, 10, 27, 17, 0));
  const first = okData(await cloud.call<{ trackingNo: string }>('messages', 'messages.submit', valid));
  const second = okData(
    await cloud.call<{ trackingNo: string }>('messages', 'messages.submit', { ...valid, title: '第二条留言标题' }),
  );
  assert.equal(first.trackingNo, 'YC-20261128-0001');
  assert.equal(second.trackingNo, 'YC-20261128-0002');
  cloud.clock.advance(24 * 3600 * 1000);
  const nextDay = okData(await cloud.call<{ trackingNo: string }>('messages', 'messages.submit', valid));
  assert.equal(nextDay.trackingNo, 'YC-20261129-0001', 'the sequence restarts each day');
  cloud.close();
});

test('invalid input is refused with a Chinese message beside each field, and nothing is stored', async () => {
  const cloud = await createTestCloud();
  const res = await cloud.call('messages', 'messages.submit', {
    ...valid,
    title: '',
    content: '太短',
    phone: '12345',
    category: 'spam',
  });
  assert.equal(res.ok, false);
  if (res.ok) return;
  assert.equal(res.code, 'InvalidParameter');
  assert.equal(res.fieldErrors?.title, '请填写标题');
  assert.equal(res.fieldErrors?.content, '留言内容至少 5 个字');
  assert.match(res.fieldErrors?.phone ?? '', /11 位大陆手机号码/);
  assert.equal(res.fieldErrors?.category, '请选择留言类型');
  const mine = okData(await cloud.call<Page<MyMessageView>>('messages', 'messages.mine', {}));
  assert.equal(mine.items.length, 0);
  cloud.close();
});

test('content over 1000 characters and unknown fields are refused', async () => {
  const cloud = await createTestCloud();
  const long = await cloud.call('messages', 'messages.submit', { ...valid, content: '长'.repeat(1001) });
  assert.equal(!long.ok && long.fieldErrors?.content, '留言内容不超过 1000 个字');
  const extra = await cloud.call('messages', 'messages.submit', { ...valid, citizenOpenid: 'someone-else' });
  assert.equal(!extra.ok && extra.code, 'InvalidParameter');
  const exact = await cloud.call('messages', 'messages.submit', { ...valid, content: '长'.repeat(1000) });
  assert.equal(exact.ok, true);
  cloud.close();
});

test('a message to a unit that does not exist is refused on the unit field', async () => {
  const cloud = await createTestCloud();
  const res = await cloud.call('messages', 'messages.submit', { ...valid, unitId: 'u-nowhere' });
  assert.equal(!res.ok && res.fieldErrors?.unitId, '请选择有效的收信单位');
  cloud.close();
});

test('identity comes from the WeChat context, never from the payload', async () => {
  const cloud = await createTestCloud();
  await cloud.raw('messages', {
    action: 'messages.submit',
    data: valid,
    userInfo: { openId: 'victim' },
    OPENID: 'victim',
  });
  const victim = okData(await cloud.call<Page<MyMessageView>>('messages', 'messages.mine', {}, 'victim'));
  assert.equal(victim.items.length, 0, 'the claimed OPENID got nothing');
  const real = okData(await cloud.call<Page<MyMessageView>>('messages', 'messages.mine', {}, CITIZEN));
  assert.equal(real.items.length, 1);
  const anon = await cloud.call('messages', 'messages.submit', valid, null);
  assert.equal(!anon.ok && anon.code, 'Unauthenticated');
  cloud.close();
});

test('"我的留言" lists only the caller\'s messages, newest first, page by page', async () => {
  const cloud = await createTestCloud();
  for (let i = 1; i <= 5; i++) {
    cloud.clock.advance(1000);
    okData(await cloud.call('messages', 'messages.submit', { ...valid, title: `第${i}条留言` }));
  }
  okData(await cloud.call('messages', 'messages.submit', valid, 'other-citizen'));
  const p1 = okData(await cloud.call<Page<MyMessageView>>('messages', 'messages.mine', { pageSize: 2 }));
  assert.deepEqual(
    p1.items.map((m) => m.title),
    ['第5条留言', '第4条留言'],
  );
  assert.equal(p1.items[0].publicStatus, 'submitted');
  assert.equal(p1.items[0].unitName, '县教育局');
  const p2 = okData(
    await cloud.call<Page<MyMessageView>>('messages', 'messages.mine', { pageSize: 2, cursor: p1.nextCursor }),
  );
  const p3 = okData(
    await cloud.call<Page<MyMessageView>>('messages', 'messages.mine', { pageSize: 2, cursor: p2.nextCursor }),
  );
  assert.deepEqual(
    p2.items.map((m) => m.title),
    ['第3条留言', '第2条留言'],
  );
  assert.deepEqual(
    p3.items.map((m) => m.title),
    ['第1条留言'],
  );
  assert.equal(p3.nextCursor, null);
  const tooMany = await cloud.call('messages', 'messages.mine', { pageSize: 101 });
  assert.equal(!tooMany.ok && tooMany.code, 'InvalidParameter', 'no call returns more than 100 rows');
  const badCursor = await cloud.call('messages', 'messages.mine', { cursor: '{"$ne":null}' });
  assert.equal(!badCursor.ok && badCursor.code, 'InvalidParameter');
  cloud.close();
});

test("the receiving unit's staff see the message in their inbox; others are refused", async () => {
  const cloud = await createTestCloud();
  const sent = okData(await cloud.call<{ _id: string; trackingNo: string }>('messages', 'messages.submit', valid));
  const inbox = okData(
    await cloud.call<Page<InboxItemView>>(
      'messages',
      'messages.inbox',
      { unitId: 'u-education' },
      staffOpenid('s-edu-publisher'),
    ),
  );
  assert.equal(inbox.items.length, 1);
  assert.equal(inbox.items[0].trackingNo, sent.trackingNo);
  assert.equal(inbox.items[0].hasPhone, true);
  assert.equal(
    (inbox.items[0] as unknown as Record<string, unknown>).phone,
    undefined,
    'the list never carries the phone',
  );

  const otherUnit = await cloud.call(
    'messages',
    'messages.inbox',
    { unitId: 'u-education' },
    staffOpenid('s-hmc-publisher'),
  );
  assert.equal(!otherUnit.ok && otherUnit.code, 'Forbidden');
  assert.equal(!otherUnit.ok && otherUnit.message, '只能处理本单位的事项');
  const citizen = await cloud.call('messages', 'messages.inbox', { unitId: 'u-education' });
  assert.equal(!citizen.ok && citizen.code, 'Forbidden');
  const county = await cloud.call('messages', 'messages.inbox', { unitId: 'u-education' }, staffOpenid('s-infocenter'));
  assert.equal(county.ok, true, 'the county information center sees every unit');
  cloud.close();
});

test('each message and each refusal leaves a verifiable audit entry', async () => {
  const cloud = await createTestCloud();
  const sent = okData(await cloud.call<{ _id: string }>('messages', 'messages.submit', valid));
  await cloud.call('messages', 'messages.inbox', { unitId: 'u-education' }, staffOpenid('s-hmc-publisher'));
  const entries = (await cloud.db.collection('audit').orderBy('seq', 'asc').get()).data as Array<
    Record<string, unknown>
  >;
  const submit = entries.find((e) => e.action === 'messages.submit');
  assert.deepEqual(submit?.target, { type: 'message', id: sent._id });
  assert.equal(submit?.result, 'ok');
  const refusal = entries.find((e) => e.action === 'messages.inbox');
  assert.equal(refusal?.result, 'refused');
  assert.equal(refusal?.reason, '只能处理本单位的事项');
  const report = await verifyAuditChain(cloud.db);
  assert.equal(report.ok, true, report.problems.join('; '));
  cloud.close();
});
