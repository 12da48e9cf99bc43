import type { StaffRoleView } from '../../services/me';

export interface StaffUnit {
  unitId: string;
  unitName: string;
  roles: string[];
}

/** The distinct units a staff member holds roles in, in the order the server listed them. */
export function staffUnits(roles: readonly StaffRoleView[]): StaffUnit[] {
  const byId = new Map<string, StaffUnit>();
  for (const r of roles) {
    if (!r.unitId) continue;
    const u = byId.get(r.unitId) ?? { unitId: r.unitId, unitName: r.unitName, roles: [] };
    if (!u.roles.includes(r.role)) u.roles.push(r.role);
    byId.set(r.unitId, u);
  }
  return [...byId.values()];
}
