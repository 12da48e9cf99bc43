import { useCallback, useState } from 'react';
import { getMe } from '../../services/me';
import { groupByUnit, type UnitRoles } from '../../lib/staff-units';
import { type Failed, failed } from '../../lib/load-state';

// Who is looking: their units and whether they hold a county role (督查室 / 信息中心), the county
// government office (宣布突发事件) or a unit's head (编排值班、签收通报).

export interface StaffWho {
  name: string;
  units: UnitRoles[];
  supervisor: boolean;
  infoCenter: boolean;
  county: boolean;
  /** Units where the person is 分管领导 or 单位管理员. */
  headOf: string[];
}

export type WhoState = { status: 'loading' } | Failed | { status: 'denied' } | ({ status: 'ready' } & StaffWho);

export function useStaff() {
  const [who, setWho] = useState<WhoState>({ status: 'loading' });
  const load = useCallback(async () => {
    const res = await getMe();
    if (!res.ok) return setWho(failed(res));
    const s = res.data.staff;
    if (!s || s.status !== 'active' || s.roles.length === 0) return setWho({ status: 'denied' });
    const roles = s.roles.map((r) => r.role);
    const supervisor = roles.includes('supervisor');
    const infoCenter = roles.includes('infoCenter');
    setWho({
      status: 'ready',
      name: s.name,
      units: groupByUnit(s.roles).filter((u) => !u.roles.every((r) => r === 'supervisor' || r === 'infoCenter')),
      supervisor,
      infoCenter,
      county: supervisor || infoCenter,
      headOf: [...new Set(s.roles.filter((r) => r.role === 'leader' || r.role === 'unitAdmin').map((r) => r.unitId))],
    });
  }, []);
  return { who, load };
}
