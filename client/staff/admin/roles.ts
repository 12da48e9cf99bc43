import { INVITABLE_BY_UNIT_ADMIN } from '@shared/identity/schemas';

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
