import { randomBytes } from 'node:crypto';
import { COUNTY_ROLES, UNIT_ROLES, ROLES, type Role, type RoleGrant } from '@shared/access/roles';
import type { PermissionRule } from '@shared/access/permissions';
import { DEVICES, type DeviceDoc } from '@server/features/identity/model';
import { STAFF } from '@server/runtime/staff';
import { getDoc } from '@server/runtime/trace';
import type { StaffRecord } from '@server/runtime/action';
import { staffOpenid, type TestCloud } from '../../support/cloud-harness';

// People and phones that must be turned away, made to measure for one action from the
// permission table: someone without the role, someone with the role in another unit, a
// disabled or pending person, and phones that are revoked, pending or someone else's.

export const OTHER_UNITS = ['u-qingshan', 'u-fengjigou'];

let n = 0;

/** A staff member with exactly these grants and this status, PIN set to the demo PIN. */
export async function makeStaff(
  cloud: TestCloud,
  grants: RoleGrant[],
  status: StaffRecord['status'] = 'active',
): Promise<string> {
  const template = await getDoc<StaffRecord>(cloud.db, STAFF, 's-edu-publisher');
  const id = `s-intruder-${++n}-${randomBytes(3).toString('hex')}`;
  const openid = staffOpenid(id);
  await cloud.db
    .collection(STAFF)
    .doc(id)
    .set({
      data: {
        openid,
        name: '测试人员',
        title: '科员',
        mobile: '13995317777',
        roles: status === 'pending' ? [] : grants,
        pendingRoles: status === 'pending' ? grants : [],
        unitIds: [...new Set(grants.map((g) => g.unitId))],
        pendingUnitIds: [],
        status,
        pin: template?.pin ?? null,
        createdAt: cloud.clock.now(),
      },
    });
  return openid;
}

/** Roles that do not satisfy `rule` at all (empty when every role may call it). */
export function rolesOutside(rule: PermissionRule & { audience: 'staff' }): Role[] {
  return ROLES.filter((r) => !rule.roles.includes(r));
}

/** Grants that hold the rule's roles, but only in a unit other than `target`. */
export function grantsElsewhere(rule: PermissionRule & { audience: 'staff' }, target: string | null): RoleGrant[] {
  const unit = OTHER_UNITS.find((u) => u !== target)!;
  return rule.roles
    .filter((r) => (UNIT_ROLES as readonly string[]).includes(r))
    .map((role) => ({ role, unitId: unit }));
}

export const isCounty = (r: Role) => (COUNTY_ROLES as readonly string[]).includes(r);

/** A device document for `openid` with the given status, returned with its signing secret. */
export async function makeDevice(
  cloud: TestCloud,
  openid: string,
  status: DeviceDoc['status'],
  extra: Partial<DeviceDoc> = {},
): Promise<{ id: string; secret: string }> {
  const staff = (await cloud.db.collection(STAFF).where({ openid }).limit(1).get()).data[0] as StaffRecord;
  const device = { id: `dv${randomBytes(12).toString('hex')}`, secret: randomBytes(32).toString('hex') };
  const doc: Omit<DeviceDoc, '_id'> = {
    staffId: staff._id,
    openid,
    secret: device.secret,
    info: { brand: 'test', model: 'intruder', system: 'node', platform: 'devtools', sdkVersion: '3.0.0' },
    status,
    createdAt: cloud.clock.now(),
    lastActiveAt: cloud.clock.now(),
    locked: false,
    ...extra,
  };
  await cloud.db
    .collection(DEVICES)
    .doc(device.id)
    .set({ data: doc as unknown as Record<string, unknown> });
  return device;
}
