// The distinct units a staff member holds roles in (我的, 工作台, 单位管理 share it).

export interface UnitRoles {
  unitId: string;
  unitName: string;
  roles: string[];
}

/** Groups `{ role, unitId, unitName }` grants by unit, in the order the server listed them. */
export function groupByUnit(grants: ReadonlyArray<{ role: string; unitId: string; unitName: string }>): UnitRoles[] {
  const byId = new Map<string, UnitRoles>();
  for (const g of grants) {
    if (!g.unitId) continue;
    const u = byId.get(g.unitId) ?? { unitId: g.unitId, unitName: g.unitName, roles: [] };
    if (!u.roles.includes(g.role)) u.roles.push(g.role);
    byId.set(g.unitId, u);
  }
  return [...byId.values()];
}

/** Units where the person may manage staff: their unitAdmin units (the information center: any). */
export function adminUnits(grants: ReadonlyArray<{ role: string; unitId: string; unitName: string }>): UnitRoles[] {
  return groupByUnit(grants.filter((g) => g.role === 'unitAdmin'));
}

export function isInfoCenter(grants: ReadonlyArray<{ role: string }>): boolean {
  return grants.some((g) => g.role === 'infoCenter');
}

/** 单位管理 and 安全日志 are for unit admins and the information center. */
export function canAdminister(grants: ReadonlyArray<{ role: string }>): boolean {
  return grants.some((g) => g.role === 'unitAdmin' || g.role === 'infoCenter');
}
