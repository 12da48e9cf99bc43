import { test } from 'node:test';
import assert from 'node:assert/strict';
import { routeForRefusal, shouldNavigate, routeKey } from './guard-core';
import { isIdle, LOCK_EXEMPT_ROUTES } from './idle-core';

const refusal = (reason?: string, message = '服务器说明') => ({
  ok: false as const,
  code: 'DeviceNotTrusted' as const,
  message,
  ...(reason ? { details: { reason } } : {}),
});

test('each security reason goes to its one screen', () => {
  const screens: Record<string, string | null> = {
    'app-locked': 'lock',
    'pin-not-set': 'pin',
    'device-missing': 'bind',
    'device-unknown': 'bind',
    'device-pending': 'bind',
    'device-revoked': 'notice',
    'device-foreign': 'notice',
    'bad-signature': 'notice',
    'client-outdated': 'notice',
    'staff-disabled': 'notice',
    'staff-pending': 'notice',
    // Shown where they happen: the page shows the server's message.
    'stale-timestamp': null,
    'replayed-nonce': null,
    'stepup-required': null,
    'pin-wrong': null,
    'pin-locked': null,
  };
  for (const [reason, screen] of Object.entries(screens)) {
    assert.equal(routeForRefusal(refusal(reason))?.screen ?? null, screen, reason);
  }
  assert.equal(routeForRefusal(refusal()), null, 'no reason, no navigation');
});

test('urls: the lock screen plain, others with the reason; the refusal page carries the server message', () => {
  assert.equal(routeForRefusal(refusal('app-locked'))?.url, '/pages/lock/index');
  assert.equal(routeForRefusal(refusal('pin-not-set'))?.url, '/pages/pin/index?reason=pin-not-set');
  assert.equal(routeForRefusal(refusal('device-pending'))?.url, '/pages/bind/index?reason=device-pending');
  const url = routeForRefusal(refusal('device-revoked', '本机已挂失或停用'))!.url;
  assert.ok(url.startsWith('/pages/notice/index?reason=device-revoked&message='));
  assert.equal(decodeURIComponent(url.split('message=')[1]), '本机已挂失或停用');
});

test('no navigation to the screen already shown', () => {
  const lock = routeForRefusal(refusal('app-locked'))!;
  assert.equal(shouldNavigate(lock, 'pages/lock/index'), false);
  assert.equal(shouldNavigate(lock, '/pages/lock/index?x=1'), false);
  assert.equal(shouldNavigate(lock, 'staff/admin/index'), true);
  assert.equal(shouldNavigate(lock, null), true);
  assert.equal(routeKey('/staff/admin/index?tab=1'), 'staff/admin/index');
});

test('idle after 30 minutes; the unlock and onboarding screens are never interrupted', () => {
  const limit = 30 * 60 * 1000;
  assert.equal(isIdle(0, limit, limit), false);
  assert.equal(isIdle(0, limit + 1, limit), true);
  assert.ok(LOCK_EXEMPT_ROUTES.includes('pages/lock/index'));
  assert.ok(LOCK_EXEMPT_ROUTES.includes('pages/bind/index'));
});
