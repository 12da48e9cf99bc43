// Staff roles (DESIGN.md). Unit roles are held in one unit; county roles cover the county.

export const UNIT_ROLES = ['publisher', 'reviewer', 'leader', 'unitAdmin'] as const;
export const COUNTY_ROLES = ['infoCenter', 'supervisor'] as const;
export const ROLES = [...UNIT_ROLES, ...COUNTY_ROLES] as const;

export type UnitRole = (typeof UNIT_ROLES)[number];
export type CountyRole = (typeof COUNTY_ROLES)[number];
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  publisher: '发布人员',
  reviewer: '审核人员',
  leader: '分管领导',
  unitAdmin: '单位管理员',
  infoCenter: '县政府信息中心',
  supervisor: '县政府督查室',
};

/** One role held by one person; county roles carry the county office's unit for display only. */
export interface RoleGrant {
  role: Role;
  unitId: string;
}

export function isCountyRole(role: Role): role is CountyRole {
  return (COUNTY_ROLES as readonly string[]).includes(role);
}
