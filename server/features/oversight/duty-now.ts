import type { z } from 'zod';
import { noDutyReason, onDutyAt, shiftLabel, type NoDutyReason } from '@shared/oversight/roster';
import type { dutyNowInput } from '@shared/oversight/schemas';
import type { DutyNowRow, Page } from '@shared/oversight/views';
import type { ActionContext } from '@server/runtime/action';
import type { Database } from '@server/runtime/database';
import { STAFF } from '@server/runtime/staff';
import { listUnits } from '@server/features/identity/lists';
import { ROSTERS, type RosterDoc } from './model';

// Who is on duty now, for many units at once (第十八条(三)): the county offices' 各单位当前值班
// list — whom to call first in an emergency — and the one-unit answer duty.ts builds on. Two
// reads however many units (their rosters, then the people on duty now), never one per unit.

export type DutyNow = Pick<DutyNowRow, 'onDuty' | 'why'>;

/** The most distinct people on duty at one instant across one page of units (≤ 100 units). */
const PEOPLE_LIMIT = 1000;

/** Who is on duty at `now` (China time) in each of `unitIds`, roster order, and if nobody, why. */
export async function onDutyInUnits(db: Database, unitIds: string[], now: number): Promise<Map<string, DutyNow>> {
  const _ = db.command;
  const rosters = unitIds.length
    ? ((
        await db
          .collection(ROSTERS)
          .where({ _id: _.in(unitIds) })
          .limit(unitIds.length)
          .get()
      ).data as RosterDoc[])
    : [];
  const shiftsOf = new Map(rosters.map((r) => [r._id, r.shifts]));
  const current = new Map(unitIds.map((id) => [id, onDutyAt(shiftsOf.get(id) ?? [], now)]));
  const staffIds = [...new Set([...current.values()].flat().map((s) => s.staffId))];
  const people = staffIds.length
    ? ((
        await db
          .collection(STAFF)
          .where({ _id: _.in(staffIds), status: 'active' })
          .field({ _id: true, name: true, title: true, mobile: true })
          .limit(PEOPLE_LIMIT)
          .get()
      ).data as Array<{ _id: string; name: string; title?: string; mobile?: string }>)
    : [];
  const active = new Map(people.map((p) => [p._id, p]));
  const out = new Map<string, DutyNow>();
  for (const unitId of unitIds) {
    const onDuty = current
      .get(unitId)!
      .filter((s) => active.has(s.staffId))
      .map((s) => {
        const p = active.get(s.staffId)!;
        return { staffId: s.staffId, name: p.name, title: p.title ?? '', mobile: p.mobile ?? '', shift: shiftLabel(s) };
      });
    const why: NoDutyReason | null = onDuty.length ? null : noDutyReason(shiftsOf.get(unitId), now);
    out.set(unitId, { onDuty, why });
  }
  return out;
}

/** 各单位当前值班: the county's active units in its order (as units.list pages them), each with who is on duty. */
export async function countyDutyNow(
  input: z.output<typeof dutyNowInput>,
  ctx: ActionContext,
): Promise<Page<DutyNowRow>> {
  const units = await listUnits({ q: input.q, pageSize: input.pageSize, cursor: input.cursor }, ctx);
  const duty = await onDutyInUnits(
    ctx.deps.db,
    units.items.map((u) => u._id),
    ctx.deps.now(),
  );
  return {
    nextCursor: units.nextCursor,
    items: units.items.map((u) => ({ unitId: u._id, unitName: u.name, ...duty.get(u._id)! })),
  };
}
