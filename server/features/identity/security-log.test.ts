import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData, staffOpenid } from '../../../test/support/cloud-harness';

type Events = {
  items: Array<{ label: string; result: string; reason: string | null; actorName: string }>;
  nextCursor: string | null;
};

test("the unit admin reads the unit's security log: changes and refusals, wrong PINs as refused", async () => {
  const cloud = await createTestCloud();
  const PUB = staffOpenid('s-edu-publisher');
  okData(await cloud.call('messages', 'messages.inbox', { unitId: 'u-education' }, PUB));
  await cloud.call('identity', 'stepup.verify', { purpose: 'post.approve', pin: '975310' }, PUB);
  await cloud.call('messages', 'messages.inbox', { unitId: 'u-huamachi' }, PUB); // other unit: refused
  const admin = staffOpenid('s-edu-admin');
  const log = okData(await cloud.call<Events>('identity', 'security.events', { unitId: 'u-education' }, admin));
  const wrongPin = log.items.find((e) => e.label === '验证 PIN（敏感操作）' && e.reason?.startsWith('PIN 不正确'));
  assert.equal(wrongPin?.result, 'refused');
  assert.equal(wrongPin?.actorName, '李明');
  const otherUnit = log.items.find((e) => e.reason === '只能处理本单位的事项');
  assert.equal(otherUnit?.result, 'refused');
  assert.ok(!log.items.some((e) => e.reason === '已通过设备与权限校验'), 'routine admissions are hidden by default');
  const all = okData(
    await cloud.call<Events>('identity', 'security.events', { unitId: 'u-education', notableOnly: false }, admin),
  );
  assert.ok(all.items.some((e) => e.reason === '已通过设备与权限校验'));
  const foreign = await cloud.call('identity', 'security.events', { unitId: 'u-huamachi' }, admin);
  assert.equal(!foreign.ok && foreign.code, 'Forbidden', "another unit's log is not theirs");
  cloud.close();
});
