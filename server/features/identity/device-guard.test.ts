import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData, staffOpenid } from '../../../test/support/cloud-harness';
import type { Envelope } from '@shared/core/envelope';

// The trusted-device gate, attack by attack, through the cloud function's entry point.
const PUB = staffOpenid('s-edu-publisher');
const inbox = { unitId: 'u-education' };

function refusal(res: Envelope<unknown>) {
  assert.equal(res.ok, false, 'expected a refusal');
  if (res.ok) throw new Error('unreachable');
  return { code: res.code, reason: (res.details as { reason?: string } | undefined)?.reason, message: res.message };
}

async function lastAudit(cloud: Awaited<ReturnType<typeof createTestCloud>>) {
  const rows = (await cloud.db.collection('audit').orderBy('seq', 'desc').limit(1).get()).data;
  return rows[0] as { result: string; details?: { code?: string }; deviceId?: string | null; action: string };
}

test('a correctly signed request from a trusted device is admitted and audited as allowed', async () => {
  const cloud = await createTestCloud();
  okData(await cloud.call('messages', 'messages.inbox', inbox, PUB));
  const entry = await lastAudit(cloud);
  assert.equal(entry.action, 'messages.inbox');
  assert.equal(entry.result, 'ok');
  assert.equal(entry.deviceId, (await cloud.deviceFor(PUB)).id);
  cloud.close();
});

test('a staff request without a device proof is refused: bind the phone first', async () => {
  const cloud = await createTestCloud();
  const r = refusal(await cloud.raw('messages', { action: 'messages.inbox', data: inbox }, PUB));
  assert.deepEqual([r.code, r.reason], ['DeviceNotTrusted', 'device-missing']);
  assert.match(r.message, /请先绑定本机/);
  assert.equal((await lastAudit(cloud)).details?.code, 'device-missing');
  cloud.close();
});

test("an unknown, pending, revoked or someone else's device is refused with its own reason", async () => {
  const cloud = await createTestCloud();
  const unknown = { id: 'devunknown0000000000000', secret: 'a'.repeat(64) };
  let r = refusal(
    await cloud.raw('messages', await cloud.signedEvent(PUB, 'messages.inbox', inbox, { device: unknown }), PUB),
  );
  assert.deepEqual([r.code, r.reason], ['DeviceNotTrusted', 'device-unknown']);

  // pending: registered but not yet approved by the unit admin
  const pending = { id: 'devpending000000000000000', secret: 'b'.repeat(64) };
  okData(
    await cloud.raw(
      'identity',
      { action: 'devices.register', data: { deviceId: pending.id, secret: pending.secret, info: {} } },
      PUB,
    ),
  );
  r = refusal(
    await cloud.raw('messages', await cloud.signedEvent(PUB, 'messages.inbox', inbox, { device: pending }), PUB),
  );
  assert.deepEqual([r.code, r.reason], ['DeviceNotTrusted', 'device-pending']);

  // someone else's: the reviewer's trusted phone used for the publisher's account
  const reviewerDevice = await cloud.deviceFor(staffOpenid('s-edu-reviewer'));
  r = refusal(
    await cloud.raw('messages', await cloud.signedEvent(PUB, 'messages.inbox', inbox, { device: reviewerDevice }), PUB),
  );
  assert.deepEqual([r.code, r.reason], ['DeviceNotTrusted', 'device-foreign']);

  // revoked: reported lost, refused at once
  const mine = await cloud.deviceFor(PUB);
  okData(await cloud.raw('identity', { action: 'devices.reportLost', data: { deviceId: mine.id } }, PUB));
  r = refusal(await cloud.call('messages', 'messages.inbox', inbox, PUB));
  assert.deepEqual([r.code, r.reason], ['DeviceNotTrusted', 'device-revoked']);
  assert.match(r.message, /已挂失/);
  cloud.close();
});

test('a bad signature, a stale timestamp and a replayed nonce are refused', async () => {
  const cloud = await createTestCloud();
  const tampered = await cloud.signedEvent(PUB, 'messages.inbox', inbox);
  tampered.data = { unitId: 'u-huamachi' }; // signed for one unit, sent for another
  let r = refusal(await cloud.raw('messages', tampered, PUB));
  assert.deepEqual([r.code, r.reason], ['DeviceNotTrusted', 'bad-signature']);

  const stale = await cloud.signedEvent(PUB, 'messages.inbox', inbox, { ts: cloud.clock.now() - 5 * 60_000 - 1 });
  r = refusal(await cloud.raw('messages', stale, PUB));
  assert.deepEqual([r.code, r.reason], ['DeviceNotTrusted', 'stale-timestamp']);
  const edge = await cloud.signedEvent(PUB, 'messages.inbox', inbox, { ts: cloud.clock.now() + 5 * 60_000 });
  assert.equal((await cloud.raw('messages', edge, PUB)).ok, true, 'exactly 5 minutes of skew is tolerated');

  const once = await cloud.signedEvent(PUB, 'messages.inbox', inbox);
  assert.equal((await cloud.raw('messages', once, PUB)).ok, true);
  r = refusal(await cloud.raw('messages', once, PUB));
  assert.deepEqual([r.code, r.reason], ['DeviceNotTrusted', 'replayed-nonce']);
  cloud.close();
});

test('a weapp client older than the minimum base library is told to update', async () => {
  const cloud = await createTestCloud();
  const event = {
    ...(await cloud.signedEvent(PUB, 'messages.inbox', inbox)),
    client: { platform: 'weapp', sdkVersion: '2.10.0' },
  };
  const r = refusal(await cloud.raw('messages', event, PUB));
  assert.deepEqual([r.code, r.reason], ['Forbidden', 'client-outdated']);
  assert.match(r.message, /请升级微信/);
  cloud.close();
});

test('the app locks after 30 minutes idle and by hand; the PIN unlocks it', async () => {
  const cloud = await createTestCloud({ autoUnlock: false });
  okData(await cloud.call('messages', 'messages.inbox', inbox, PUB));
  cloud.clock.advance(29 * 60_000);
  okData(await cloud.call('messages', 'messages.inbox', inbox, PUB));
  cloud.clock.advance(30 * 60_000 + 1);
  let r = refusal(await cloud.call('messages', 'messages.inbox', inbox, PUB));
  assert.deepEqual([r.code, r.reason], ['Unauthenticated', 'app-locked']);
  const wrong = await cloud.call('identity', 'session.unlock', { pin: '975310' }, PUB);
  assert.equal(!wrong.ok && wrong.code, 'Forbidden');
  okData(await cloud.call('identity', 'session.unlock', { pin: '246810' }, PUB));
  okData(await cloud.call('messages', 'messages.inbox', inbox, PUB));
  okData(await cloud.call('identity', 'session.lock', {}, PUB));
  r = refusal(await cloud.call('messages', 'messages.inbox', inbox, PUB));
  assert.equal(r.reason, 'app-locked');
  cloud.close();
});

test('disabling a person ends every device at once; their next request is refused', async () => {
  const cloud = await createTestCloud();
  okData(await cloud.call('messages', 'messages.inbox', inbox, PUB));
  const admin = staffOpenid('s-edu-admin');
  const res = okData(
    await cloud.call<{ devicesRevoked: number }>(
      'identity',
      'staff.disable',
      { staffId: 's-edu-publisher', reason: '调离岗位' },
      admin,
    ),
  );
  assert.equal(res.devicesRevoked, 1);
  const r = refusal(await cloud.raw('messages', await cloud.signedEvent(PUB, 'messages.inbox', inbox), PUB));
  assert.deepEqual([r.code, r.reason], ['Unauthenticated', 'staff-disabled']);
  const otherUnitAdmin = await cloud.call(
    'identity',
    'staff.disable',
    { staffId: 's-edu-reviewer', reason: '越权尝试' },
    staffOpenid('s-hmc-admin'),
  );
  assert.equal(!otherUnitAdmin.ok && otherUnitAdmin.code, 'Forbidden');
  cloud.close();
});
