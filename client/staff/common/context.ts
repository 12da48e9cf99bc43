import { useCallback, useState } from 'react';
import { getMe, type MeStaffView } from '../../services/me';
import { listUnits } from '../../services/units';
import { adminUnits, canAdminister, groupByUnit, isInfoCenter } from '../../lib/staff-units';
import type { UnitOption } from './UnitSwitcher';

// Who is administering, and which units they may manage: their unitAdmin units, or for the
// information center every unit (their own units first).

export type AdminContext =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'denied' }
  | { status: 'ready'; me: MeStaffView; units: Array<UnitOption & { role?: string }>; county: boolean };

export function useAdminContext() {
  const [ctx, setCtx] = useState<AdminContext>({ status: 'loading' });

  const load = useCallback(async () => {
    setCtx((c) => (c.status === 'ready' ? c : { status: 'loading' }));
    const res = await getMe();
    if (!res.ok) return setCtx({ status: 'error', message: res.message });
    const me = res.data.staff;
    if (!me || me.status !== 'active' || !canAdminister(me.roles)) return setCtx({ status: 'denied' });
    const county = isInfoCenter(me.roles);
    const own = (county ? groupByUnit(me.roles) : adminUnits(me.roles)).map((u) => ({
      id: u.unitId,
      name: u.unitName,
    }));
    if (!county) return setCtx({ status: 'ready', me, units: own, county });
    const all = await listUnits();
    if (!all.ok) return setCtx({ status: 'error', message: all.message });
    const rest = (all.data.items ?? [])
      .filter((u) => !own.some((o) => o.id === u._id))
      .map((u) => ({ id: u._id, name: u.name, role: u.role }));
    const ownWithRole = own.map((o) => ({ ...o, role: all.data.items.find((u) => u._id === o.id)?.role }));
    setCtx({ status: 'ready', me, units: [...ownWithRole, ...rest], county });
  }, []);

  return { ctx, load };
}
