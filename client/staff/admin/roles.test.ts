import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { UnitDeviceView, UnitStaffView } from '../../services/identity';
import { devicesOf, invitableRoles, members, pendingDevices, pendingPeople } from './roles';

test('a unit admin invites publishers, reviewers and leaders; the information center more', () => {
  assert.deepEqual(invitableRoles(false), ['publisher', 'reviewer', 'leader']);
  assert.deepEqual(invitableRoles(true), ['publisher', 'reviewer', 'leader', 'unitAdmin']);
  assert.ok(invitableRoles(true, 'infoCenter').includes('infoCenter'));
  assert.ok(invitableRoles(true, 'supervision').includes('supervisor'));
  assert.ok(!invitableRoles(true, 'supervision').includes('infoCenter'));
});

const person = (id: string, over: Partial<UnitStaffView>): UnitStaffView => ({
  _id: id,
  name: id,
  title: '科员',
  mobile: '13900000000',
  status: 'active',
  roles: [],
  pendingRoles: [],
  pinLocked: false,
  pinSet: true,
  ...over,
});

test('pending people, members and devices are split for the tabs', () => {
  const items = [
    person('new', { status: 'pending', pendingRoles: [{ role: 'publisher', unitId: 'u1' }] }),
    person('old', { roles: [{ role: 'reviewer', unitId: 'u1' }] }),
    person('gone', { status: 'disabled' }),
    person('more', { roles: [{ role: 'publisher', unitId: 'u1' }], pendingRoles: [{ role: 'leader', unitId: 'u1' }] }),
  ];
  assert.deepEqual(
    pendingPeople(items).map((s) => s._id),
    ['new', 'more'],
  );
  assert.deepEqual(
    members(items).map((s) => s._id),
    ['more', 'old', 'gone'],
  );
  const dev = (id: string, staffId: string, status: UnitDeviceView['status'], createdAt: number): UnitDeviceView => ({
    _id: id,
    staffId,
    holder: staffId,
    info: { brand: '', model: '', system: '', platform: '', sdkVersion: '' },
    status,
    createdAt,
    approvedAt: null,
    revokedAt: null,
    revokeReason: null,
    lastActiveAt: null,
  });
  const devices = [
    dev('b', 'new', 'pending', 2),
    dev('a', 'old', 'pending', 1),
    dev('c', 'old', 'trusted', 0),
    dev('d', 'old', 'revoked', 0),
  ];
  assert.deepEqual(
    pendingDevices(devices).map((d) => d._id),
    ['a', 'b'],
  );
  assert.deepEqual(
    devicesOf(devices, 'old').map((d) => d._id),
    ['a', 'c'],
  );
});
