import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createTestCloud, okData, staffOpenid } from '../../../test/support/cloud-harness';
import { signRequest } from '@shared/identity/signing';

const ADMIN = staffOpenid('s-edu-admin');
const NEWCOMER = 'wx-openid-newcomer';

test('invite → redeem → bind phone → admin approves person and device → PIN → staff work', async () => {
  const cloud = await createTestCloud();
  const invite = okData(
    await cloud.call<{ code: string; expiresAt: number }>(
      'identity',
      'invites.create',
      { unitId: 'u-education', role: 'publisher' },
      ADMIN,
    ),
  );
  assert.match(invite.code, /^[2-9A-HJ-NP-Z]{8}$/);
  assert.equal(invite.expiresAt - cloud.clock.now(), 72 * 3600_000);

  const joined = okData(
    await cloud.call<{ staffId: string; status: string }>(
      'identity',
      'invites.redeem',
      { code: invite.code.toLowerCase(), name: '马小兰', title: '办公室科员', mobile: '13995319999' },
      NEWCOMER,
    ),
  );
  assert.equal(joined.status, 'pending');
  const device = { id: `dev${randomBytes(10).toString('hex')}`, secret: randomBytes(32).toString('hex') };
  okData(
    await cloud.call(
      'identity',
      'devices.register',
      {
        deviceId: device.id,
        secret: device.secret,
        info: { brand: 'HUAWEI', model: 'Mate 60', system: 'HarmonyOS 4', platform: 'android', sdkVersion: '3.4.0' },
      },
      NEWCOMER,
    ),
  );

  const signed = (action: string, data: unknown) => {
    const proof = { id: device.id, ts: cloud.clock.now(), nonce: randomBytes(8).toString('hex') };
    return { action, data, device: { ...proof, sig: signRequest(device.secret, action, data, proof) } };
  };
  const early = await cloud.raw('messages', signed('messages.inbox', { unitId: 'u-education' }), NEWCOMER);
  assert.match(!early.ok ? early.message : '', /等待审批/);

  const people = okData(
    await cloud.call<{ items: Array<{ _id: string; status: string }> }>(
      'identity',
      'staff.list',
      { unitId: 'u-education' },
      ADMIN,
    ),
  );
  assert.ok(people.items.some((p) => p._id === joined.staffId && p.status === 'pending'));
  okData(await cloud.call('identity', 'staff.decide', { staffId: joined.staffId, approve: true }, ADMIN));
  const pendingDevice = await cloud.raw('messages', signed('messages.inbox', { unitId: 'u-education' }), NEWCOMER);
  assert.equal(!pendingDevice.ok && (pendingDevice.details as { reason: string }).reason, 'device-pending');

  okData(
    await cloud.call(
      'identity',
      'devices.approve',
      { deviceId: device.id, stepUpId: await cloud.stepUp(ADMIN, 'device.change') },
      ADMIN,
    ),
  );
  const noPin = await cloud.raw('messages', signed('messages.inbox', { unitId: 'u-education' }), NEWCOMER);
  assert.equal(!noPin.ok && (noPin.details as { reason: string }).reason, 'pin-not-set');
  okData(await cloud.raw('identity', signed('pin.set', { pin: '380517' }), NEWCOMER));
  okData(await cloud.raw('messages', signed('messages.inbox', { unitId: 'u-education' }), NEWCOMER));
  cloud.close();
});

test('an invite is single-use and expires after 72 hours', async () => {
  const cloud = await createTestCloud();
  const a = okData(
    await cloud.call<{ code: string }>(
      'identity',
      'invites.create',
      { unitId: 'u-education', role: 'reviewer' },
      ADMIN,
    ),
  );
  const person = { name: '王小明', title: '科员', mobile: '13995318888' };
  okData(await cloud.call('identity', 'invites.redeem', { code: a.code, ...person }, 'wx-a'));
  const reused = await cloud.call('identity', 'invites.redeem', { code: a.code, ...person }, 'wx-b');
  assert.match(!reused.ok ? reused.message : '', /已经使用过/);
  const b = okData(
    await cloud.call<{ code: string }>(
      'identity',
      'invites.create',
      { unitId: 'u-education', role: 'reviewer' },
      ADMIN,
    ),
  );
  cloud.clock.advance(72 * 3600_000);
  const expired = await cloud.call('identity', 'invites.redeem', { code: b.code, ...person }, 'wx-c');
  assert.match(!expired.ok ? expired.message : '', /已过期/);
  cloud.close();
});

test('unit admins invite only their own unit and never unit admins; the information center does', async () => {
  const cloud = await createTestCloud();
  const other = await cloud.call('identity', 'invites.create', { unitId: 'u-huamachi', role: 'publisher' }, ADMIN);
  assert.equal(!other.ok && other.code, 'Forbidden');
  const adminInvite = await cloud.call(
    'identity',
    'invites.create',
    { unitId: 'u-education', role: 'unitAdmin' },
    ADMIN,
  );
  assert.match(!adminInvite.ok ? adminInvite.message : '', /只能由县政府信息中心创建/);
  const ic = staffOpenid('s-infocenter');
  const code = okData(
    await cloud.call<{ code: string }>('identity', 'invites.create', { unitId: 'u-education', role: 'unitAdmin' }, ic),
  ).code;
  const joined = okData(
    await cloud.call<{ staffId: string }>(
      'identity',
      'invites.redeem',
      { code, name: '新管理员', title: '信息化专干', mobile: '13995317777' },
      'wx-new-admin',
    ),
  );
  const byUnitAdmin = await cloud.call('identity', 'staff.decide', { staffId: joined.staffId, approve: true }, ADMIN);
  assert.match(!byUnitAdmin.ok ? byUnitAdmin.message : '', /须由县政府信息中心审批/);
  okData(await cloud.call('identity', 'staff.decide', { staffId: joined.staffId, approve: true }, ic));
  cloud.close();
});
