import type { UnitSummary } from '@shared/org/units';
import type { Database } from '@server/runtime/deps';

export const UNITS = 'units';

export interface UnitDoc extends UnitSummary {
  status: 'active' | 'revoked';
  order: number;
}

export function toUnitSummary(u: UnitDoc): UnitSummary {
  return {
    _id: u._id,
    name: u.name,
    shortNames: u.shortNames,
    kind: u.kind,
    ...(u.role ? { role: u.role } : {}),
  };
}

export async function findActiveUnit(db: Database, unitId: string): Promise<UnitDoc | null> {
  const res = await db.collection(UNITS).where({ _id: unitId, status: 'active' }).limit(1).get();
  return (res.data[0] as UnitDoc | undefined) ?? null;
}

/** All active units in display order (a county has a few hundred at most). */
export async function listActiveUnits(db: Database): Promise<UnitDoc[]> {
  const out: UnitDoc[] = [];
  for (;;) {
    const res = await db
      .collection(UNITS)
      .where({ status: 'active' })
      .orderBy('order', 'asc')
      .orderBy('_id', 'asc')
      .skip(out.length)
      .limit(1000)
      .get();
    out.push(...(res.data as UnitDoc[]));
    if (res.data.length < 1000) return out;
  }
}
