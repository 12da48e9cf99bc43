import { INVITABLE_BY_UNIT_ADMIN } from '@shared/identity/schemas';
import type { UnitStaffView, UnitDeviceView } from '../../services/identity';

// Pure helpers of 单位管理 (unit-tested).

/**
 * Roles the caller may invite to `unit`: a unit admin invites 发布人员/审核人员/分管领导; the
 * information center also unit admins, and the county roles in their own offices (as the server
 * checks in createInvite).
 */
export function invitableRoles(county: boolean, unitRole?: string): string[] {
  if (!county) return [...INVITABLE_BY_UNIT_ADMIN];
  const roles: string[] = [...INVITABLE_BY_UNIT_ADMIN, 'unitAdmin'];
  if (unitRole === 'infoCenter') roles.push('infoCenter');
  if (unitRole === 'supervision') roles.push('supervisor');
  return roles;
}

export function pendingPeople(items: UnitStaffView[]): UnitStaffView[] {
  return items.filter((s) => s.pendingRoles.length > 0 && s.status !== 'disabled');
}

export function pendingDevices(items: UnitDeviceView[]): UnitDeviceView[] {
  return items.filter((d) => d.status === 'pending').sort((a, b) => a.createdAt - b.createdAt);
}

/** Active and disabled people with a role here (pending-only people are under 待审批人员). */
export function members(items: UnitStaffView[]): UnitStaffView[] {
  const order: Record<string, number> = { active: 0, pending: 1, disabled: 2 };
  return items
    .filter((s) => s.roles.length > 0 || s.status === 'disabled')
    .sort((a, b) => (order[a.status] ?? 3) - (order[b.status] ?? 3) || a.name.localeCompare(b.name, 'zh'));
}

export function devicesOf(items: UnitDeviceView[], staffId: string): UnitDeviceView[] {
  return items.filter((d) => d.staffId === staffId && d.status !== 'revoked');
}
