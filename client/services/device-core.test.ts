import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { signRequest } from '@shared/identity/signing';
import { deviceIdSchema, registerDeviceInput } from '@shared/identity/schemas';
import {
  createDeviceDecorator,
  clampDeviceInfo,
  isLocalDevice,
  newLocalDevice,
  newNonce,
  type RandomBytes,
} from './device-core';
import { createTransport } from './transport-core';

const random: RandomBytes = async (n) => new Uint8Array(randomBytes(n));

test('a new device is dev + 24 hex with a 64-hex secret, accepted by the server schema', async () => {
  const d = await newLocalDevice(random, 1_700_000_000_000);
  assert.match(d.id, /^dev[0-9a-f]{24}$/);
  assert.match(d.secret, /^[0-9a-f]{64}$/);
  assert.ok(isLocalDevice(d));
  assert.ok(deviceIdSchema.safeParse(d.id).success);
  const reg = registerDeviceInput.safeParse({
    deviceId: d.id,
    secret: d.secret,
    info: clampDeviceInfo({
      brand: 'HUAWEI',
      model: 'Mate 60',
      system: 'Android 14',
      platform: 'android',
      sdkVersion: '3.4.0',
    }),
  });
  assert.ok(reg.success, JSON.stringify(reg.error?.issues));
  const e = await newLocalDevice(random, 1);
  assert.notEqual(d.id, e.id);
  assert.notEqual(d.secret, e.secret);
});

test('a short random source is refused rather than padded', async () => {
  await assert.rejects(newLocalDevice(async () => new Uint8Array(4), 1));
});

test('stored values of the wrong shape are not devices', () => {
  assert.equal(isLocalDevice(null), false);
  assert.equal(isLocalDevice({ id: 'dev123', secret: 'x' }), false);
  assert.equal(isLocalDevice({ id: `dev${'a'.repeat(24)}`, secret: 'A'.repeat(64) }), false);
});

test('nonces are 32 hex characters (server: [A-Za-z0-9_-]{8,64}) and differ', async () => {
  const a = await newNonce(random);
  const b = await newNonce(random);
  assert.match(a, /^[0-9a-f]{32}$/);
  assert.notEqual(a, b);
});

test('the decorator adds a proof whose signature verifies with signRequest, and the client', async () => {
  const device = await newLocalDevice(random, 1);
  const sent: Array<Record<string, unknown>> = [];
  const t = createTransport({
    send: async (_fn, payload) => {
      sent.push(payload);
      return { ok: true, data: null };
    },
  });
  t.setRequestDecorator(
    createDeviceDecorator({
      device: async () => device,
      random,
      now: () => 1_800_000_000_123,
      client: () => ({ platform: 'weapp', sdkVersion: '3.4.1' }),
    }),
  );
  await t.call('identity', 'staff.decide', { staffId: 's1', approve: false, reason: '信息不符' });
  await t.call('identity', 'session.lock');
  const [first, second] = sent as Array<{
    action: string;
    data?: unknown;
    device: { id: string; ts: number; nonce: string; sig: string };
    client: unknown;
  }>;
  assert.equal(first.device.id, device.id);
  assert.equal(first.device.ts, 1_800_000_000_123);
  assert.match(first.device.sig, /^[0-9a-f]{64}$/);
  assert.deepEqual(first.client, { platform: 'weapp', sdkVersion: '3.4.1' });
  // The server recomputes: signRequest(secret, action, event.data ?? {}, { id, ts, nonce }).
  const expected = signRequest(device.secret, first.action, first.data ?? {}, {
    id: first.device.id,
    ts: first.device.ts,
    nonce: first.device.nonce,
  });
  assert.equal(first.device.sig, expected);
  // Key order on the wire does not matter (canonical JSON), the data does.
  assert.equal(
    signRequest(device.secret, 'staff.decide', { reason: '信息不符', approve: false, staffId: 's1' }, first.device),
    first.device.sig,
  );
  assert.notEqual(
    signRequest(device.secret, 'staff.decide', { staffId: 's2', approve: false, reason: '信息不符' }, first.device),
    first.device.sig,
  );
  // A request without data is signed over {} as the server does.
  assert.equal(second.data, undefined);
  assert.equal(second.device.sig, signRequest(device.secret, 'session.lock', {}, second.device));
  assert.notEqual(first.device.nonce, second.device.nonce);
});

test('without a device the request still goes out, unsigned, with the client info', async () => {
  let seen: Record<string, unknown> = {};
  const t = createTransport({
    send: async (_fn, payload) => {
      seen = payload;
      return { ok: true, data: null };
    },
  });
  t.setRequestDecorator(
    createDeviceDecorator({
      device: async () => {
        throw new Error('storage unavailable');
      },
      random,
      now: () => 1,
      client: () => ({ platform: 'h5', sdkVersion: '' }),
    }),
  );
  const res = await t.call('identity', 'me.get');
  assert.equal(res.ok, true);
  assert.equal(seen.device, undefined);
  assert.deepEqual(seen.client, { platform: 'h5', sdkVersion: '' });
});

test('device facts are cut to the lengths the server accepts', () => {
  const info = clampDeviceInfo({
    brand: 'x'.repeat(50),
    model: 7,
    system: ' iOS 17 ',
    platform: 'ios',
    sdkVersion: '3.4.0',
  });
  assert.equal(info.brand.length, 40);
  assert.equal(info.model, '');
  assert.equal(info.system, 'iOS 17');
});
