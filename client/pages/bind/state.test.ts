import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MeStaffView } from '../../services/me';
import type { DeviceView } from '../../services/identity';
import { bindState, onboardingSteps } from './state';

const staff = (over: Partial<MeStaffView> = {}): MeStaffView => ({
  _id: 's1',
  name: '马晓东',
  title: '科员',
  status: 'pending',
  roles: [],
  pendingRoles: [{ role: 'publisher', unitId: 'u1', unitName: '县教育局' }],
  pinSet: false,
  trustedDevices: 0,
  ...over,
});
const device = (status: DeviceView['status'], id = 'dev-local'): DeviceView => ({
  _id: id,
  staffId: 's1',
  info: { brand: '', model: 'Chrome 浏览器', system: '', platform: 'h5', sdkVersion: '' },
  status,
  createdAt: 1,
  approvedAt: null,
  revokedAt: null,
  revokeReason: null,
  lastActiveAt: null,
});

test('the onboarding path: not staff → unbound → pending → trusted → PIN', () => {
  assert.equal(bindState(null, [], 'dev-local').kind, 'notStaff');
  assert.equal(bindState(staff(), [], 'dev-local').kind, 'unbound');
  assert.equal(bindState(staff(), [device('pending', 'dev-other')], 'dev-local').kind, 'unbound', 'another phone');
  const pending = bindState(staff(), [device('pending')], 'dev-local');
  assert.equal(pending.kind, 'pending');
  assert.deepEqual(
    onboardingSteps(pending).map((s) => s.done),
    [true, true, false, false],
  );
  const approved = staff({
    status: 'active',
    roles: [{ role: 'publisher', unitId: 'u1', unitName: '县教育局' }],
    pendingRoles: [],
  });
  const trusted = bindState(approved, [device('trusted')], 'dev-local');
  assert.equal(trusted.kind, 'trusted');
  assert.deepEqual(
    onboardingSteps(trusted).map((s) => s.done),
    [true, true, true, false],
  );
  assert.deepEqual(
    onboardingSteps(bindState({ ...approved, pinSet: true }, [device('trusted')], 'dev-local')).map((s) => s.done),
    [true, true, true, true],
  );
});

test('a lost phone and a disabled person are their own states', () => {
  assert.equal(bindState(staff(), [device('revoked')], 'dev-local').kind, 'revoked');
  assert.equal(bindState(staff({ status: 'disabled' }), [device('trusted')], 'dev-local').kind, 'disabled');
});
