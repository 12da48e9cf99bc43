import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData, staffOpenid, type TestCloud } from '../../../test/support/cloud-harness';
import type { Envelope } from '@shared/core/envelope';
import type { OpenInviteView } from './invites';

// A unit admin sees the invites nobody has used yet and can cancel one before it is redeemed;
// used, expired and other units' invites are not theirs to list or cancel.

const EDU_ADMIN = staffOpenid('s-edu-admin'); // 赵敏
const HMC_ADMIN = staffOpenid('s-hmc-admin');
const INFO = staffOpenid('s-infocenter');
const HOUR = 3600_000;

const create = async (cloud: TestCloud, role: string, as = EDU_ADMIN) =>
  okData(await cloud.call<{ code: string }>('identity', 'invites.create', { unitId: 'u-education', role }, as)).code;
const open = async (cloud: TestCloud, as = EDU_ADMIN) =>
  okData(
    await cloud.call<{ items: OpenInviteView[] }>('identity', 'invites.open', { unitId: 'u-education' }, as),
  ).items.map((i) => [i.code, i.role, i.createdByName]);
const refused = (res: Envelope<unknown>, code: string) => {
  assert.equal(res.ok ? 'ok' : res.code, code, res.ok ? '' : res.message);
  return res.ok ? '' : res.message;
};
const redeem = (cloud: TestCloud, code: string, openid: string) =>
  cloud.call(
    'identity',
    'invites.redeem',
    { code, name: '马小兰', title: '办公室科员', mobile: '13995319999' },
    openid,
  );

test('open invites are listed newest first; a cancelled code stops working at once and is audited', async () => {
  const cloud = await createTestCloud();
  const first = await create(cloud, 'publisher');
  cloud.clock.advance(60_000);
  const second = await create(cloud, 'reviewer');
  assert.deepEqual(await open(cloud), [
    [second, 'reviewer', '赵敏'],
    [first, 'publisher', '赵敏'],
  ]);

  okData(await cloud.call('identity', 'invites.cancel', { code: second.toLowerCase() }, EDU_ADMIN));
  assert.deepEqual(await open(cloud), [[first, 'publisher', '赵敏']]);
  assert.match(refused(await redeem(cloud, second, 'wx-late-comer'), 'InvalidParameter'), /邀请码不存在/);
  assert.equal(
    refused(await cloud.call('identity', 'invites.cancel', { code: second }, EDU_ADMIN), 'Conflict'),
    '这个邀请码已经作废',
  );
  const audit = (
    await cloud.db.collection('audit').where({ action: 'invites.cancel', result: 'ok', 'target.type': 'invite' }).get()
  ).data as Array<{ target: { id: string }; unitId: string }>;
  assert.deepEqual(
    audit.map((a) => [a.target.id, a.unitId]),
    [[second, 'u-education']],
  );

  // Used: gone from the list, and cancelling it is refused with what to do instead.
  okData(await redeem(cloud, first, 'wx-newcomer'));
  assert.deepEqual(await open(cloud), []);
  assert.match(
    refused(await cloud.call('identity', 'invites.cancel', { code: first }, EDU_ADMIN), 'InvalidTransition'),
    /已被使用.*停用/,
  );
  cloud.close();
});

test('expired invites drop off the list; other units and lesser roles cannot list or cancel', async () => {
  const cloud = await createTestCloud();
  const code = await create(cloud, 'publisher');
  refused(await cloud.call('identity', 'invites.open', { unitId: 'u-education' }, HMC_ADMIN), 'Forbidden');
  refused(await cloud.call('identity', 'invites.cancel', { code }, HMC_ADMIN), 'Forbidden');
  refused(await cloud.call('identity', 'invites.cancel', { code }, staffOpenid('s-edu-publisher')), 'Forbidden');
  // An unknown code belongs to no unit: a unit admin learns nothing; the county sees it does not exist.
  refused(await cloud.call('identity', 'invites.cancel', { code: 'ZZZZ2222' }, EDU_ADMIN), 'Forbidden');
  refused(await cloud.call('identity', 'invites.cancel', { code: 'ZZZZ2222' }, INFO), 'NotFound');

  // A unit admin invite is the information center's to hand out, and to take back.
  const adminInvite = await create(cloud, 'unitAdmin', INFO);
  assert.match(
    refused(await cloud.call('identity', 'invites.cancel', { code: adminInvite }, EDU_ADMIN), 'Forbidden'),
    /只能由县政府信息中心作废/,
  );
  okData(await cloud.call('identity', 'invites.cancel', { code: adminInvite }, INFO));

  cloud.clock.advance(72 * HOUR + 1);
  assert.deepEqual(await open(cloud), [], 'an expired code is not open');
  assert.match(
    refused(await cloud.call('identity', 'invites.cancel', { code }, EDU_ADMIN), 'InvalidTransition'),
    /已过期/,
  );
  cloud.close();
});
