import { useCallback, useState } from 'react';
import type { UnitSummary } from '@shared/org/units';
import { getMe, type MeStaffView } from '../../services/me';
import { unitsPage } from '../../services/units';
import { adminUnits, canAdminister, groupByUnit, isInfoCenter } from '../../lib/staff-units';
import type { Guard } from '../../components/GuardedPage';
import type { UnitOption } from './UnitSwitcher';
import { failed } from '../../lib/load-state';

// Who is administering, and which units they may manage: their unitAdmin units; the
// information center their own units first and any other unit of the county it looks up (the
// switcher's “其他单位…”), added to the row as it is found.

export type AdminUnit = UnitOption & { role?: UnitSummary['role'] };
export type AdminContext = Guard | { status: 'ready'; me: MeStaffView; units: AdminUnit[]; county: boolean };

export function useAdminContext() {
  const [ctx, setCtx] = useState<AdminContext>({ status: 'loading' });

  const load = useCallback(async () => {
    setCtx((c) => (c.status === 'ready' ? c : { status: 'loading' }));
    const res = await getMe();
    if (!res.ok) return setCtx(failed(res));
    const me = res.data.staff;
    if (!me || me.status !== 'active' || !canAdminister(me.roles)) return setCtx({ status: 'denied' });
    const county = isInfoCenter(me.roles);
    const own = (county ? groupByUnit(me.roles) : adminUnits(me.roles)).map((u) => ({
      id: u.unitId,
      name: u.unitName,
    }));
    // Their own units' kinds of office (which roles may be invited there).
    const looked = own.length ? await unitsPage({ ids: own.slice(0, 20).map((u) => u.id), pageSize: 20 }) : null;
    if (looked && !looked.ok) return setCtx(failed(looked));
    const roleOf = new Map((looked?.data.items ?? []).map((u) => [u._id, u.role]));
    setCtx((prev) => {
      const found = prev.status === 'ready' ? prev.units.filter((u) => !own.some((o) => o.id === u.id)) : [];
      return { status: 'ready', me, units: [...own.map((o) => ({ ...o, role: roleOf.get(o.id) })), ...found], county };
    });
  }, []);

  /** A unit the information center found in the county's list joins the row. */
  const addUnit = useCallback((u: UnitSummary) => {
    setCtx((c) =>
      c.status !== 'ready' || c.units.some((x) => x.id === u._id)
        ? c
        : { ...c, units: [...c.units, { id: u._id, name: u.name, role: u.role }] },
    );
  }, []);

  return { ctx, load, addUnit };
}
