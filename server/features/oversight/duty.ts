import type { z } from 'zod';
import { rosterProblems, type NoDutyReason, type Shift } from '@shared/oversight/roster';
import type { handoverInput, saveRosterInput } from '@shared/oversight/schemas';
import type { RosterView, StaffOption } from '@shared/oversight/views';
import type { ActionContext } from '@server/runtime/action';
import type { Database } from '@server/runtime/database';
import { invalid, notFound } from '@server/runtime/errors';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import { STAFF } from '@server/runtime/staff';
import { findActiveUnit } from '@server/features/identity/units';
import type { TxLike } from '@server/runtime/audit';
import { notify, type Notice } from '@server/features/notifications/notify';
import { OVERSIGHT_PERMISSIONS } from '@shared/oversight/permissions';
import { HANDOVERS, ROSTERS, type HandoverDoc, type RosterDoc } from './model';
import { onDutyInUnits } from './duty-now';

// The duty roster (值班, 第十八条(三)): one weekly roster per unit, who is on duty now, and the
// handover notes between shifts. `notifyOnDutyFirst` is the one place that decides who hears
// first of something urgent in a unit (urgent messages, emergency posts, new opinion incidents).

export interface OnDuty {
  staffId: string;
  name: string;
  shift: string;
}

interface StaffShape {
  _id: string;
  name: string;
  title: string;
  status: string;
  roles: Array<{ role: string; unitId: string }>;
}

/** Who is on duty in `unitId` at `now` (China time), first to be told first; [] when nobody is. */
export async function onDutyNow(db: Database, unitId: string, now: number): Promise<OnDuty[]> {
  return (await onDutyInUnit(db, unitId, now)).onDuty.map((d) => ({
    staffId: d.staffId,
    name: d.name,
    shift: d.shift,
  }));
}

const onDutyInUnit = async (db: Database, unitId: string, now: number) =>
  (await onDutyInUnits(db, [unitId], now)).get(unitId)!;

/** Who hears first of something urgent in a unit, and why them. */
export interface FirstToTell {
  /** On duty now (the first of the roster's current shifts), else the unit's leaders and admins. */
  people: Array<{ staffId: string; name: string }>;
  onDuty: boolean;
  /** Why nobody on duty is told: no roster, outside every shift, or the rostered person left. */
  why: NoDutyReason | null;
  shift: string | null;
}

/** Who hears first in `unitId` at `now`; `actor` (who caused it) is left out — on duty, they know. */
export async function whoToTellFirst(
  db: Database,
  unitId: string,
  now: number,
  actor: string | null = null,
): Promise<FirstToTell> {
  const { onDuty, why } = await onDutyInUnit(db, unitId, now);
  if (onDuty.length) {
    const duty = onDuty.find((d) => d.staffId !== actor);
    return {
      people: duty ? [{ staffId: duty.staffId, name: duty.name }] : [],
      onDuty: true,
      why: null,
      shift: (duty ?? onDuty[0]).shift,
    };
  }
  const heads = (await unitStaff(db, unitId)).filter(
    (s) => s.staffId !== actor && (s.roles.includes('leader') || s.roles.includes('unitAdmin')),
  );
  // Leaders before unit admins: the 分管领导 decides who handles it.
  heads.sort((a, b) => Number(!a.roles.includes('leader')) - Number(!b.roles.includes('leader')));
  return { people: heads.map((h) => ({ staffId: h.staffId, name: h.name })), onDuty: false, why, shift: null };
}

/**
 * Tells the unit's person on duty first (第十八条(三)(四)): called inside the change's transaction
 * before any other notice is written, so theirs is the first notice of the change and the first
 * entry of the outbox the sweeper pushes. With nobody on duty the unit's leaders and admins are
 * told instead, and the notice says why. The actor is never told of their own act. Returns who
 * was told, so the caller leaves them out of its usual notices (one notice per person).
 *
 * Who is on duty is read with plain reads beside the transaction (CloudBase transactions read
 * documents by id only); the roster is advice on whom to call, not state the change depends on.
 */
export async function notifyOnDutyFirst(
  t: TxLike,
  ctx: ActionContext,
  unitId: string,
  notice: Omit<Notice, 'to'>,
): Promise<FirstToTell & { told: string[] }> {
  const first = await whoToTellFirst(ctx.deps.db, unitId, ctx.deps.now(), ctx.caller.staff?._id ?? null);
  const title = `${first.onDuty ? '【值班】' : '【无人值班】'}${notice.title}`;
  const body = first.onDuty
    ? `${notice.body}（您是本单位当前值班人员，${first.shift}，请首先处置）`
    : `${notice.body}（本单位当前无人值班：${first.why}，请单位领导安排处置）`;
  for (const p of first.people) await notify(t, ctx, { ...notice, to: { staffId: p.staffId }, title, body });
  return { ...first, told: first.people.map((p) => p.staffId) };
}

/** Active staff holding any role in the unit (for the roster editor and the assign picker). */
export async function unitStaff(db: Database, unitId: string): Promise<StaffOption[]> {
  const res = await db
    .collection(STAFF)
    .where({ unitIds: unitId, status: 'active' })
    .field({ _id: true, name: true, title: true, roles: true, status: true })
    .limit(500)
    .get();
  return (res.data as StaffShape[])
    .map((s) => ({
      staffId: s._id,
      name: s.name,
      title: s.title,
      roles: s.roles.filter((g) => g.unitId === unitId).map((g) => g.role),
    }))
    .filter((s) => s.roles.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/** Whether 'duty.handover' would admit the caller for the unit: its own staff, not county offices. */
function canHandover(ctx: ActionContext, unitId: string): boolean {
  const rule = OVERSIGHT_PERMISSIONS['duty.handover'];
  const roles: readonly string[] = rule.audience === 'staff' ? rule.roles : [];
  return (ctx.caller.staff?.roles ?? []).some((g) => g.unitId === unitId && roles.includes(g.role));
}
const canEditRoster = (ctx: ActionContext, unitId: string) =>
  (ctx.caller.staff?.roles ?? []).some((g) => g.unitId === unitId && (g.role === 'leader' || g.role === 'unitAdmin'));

export async function rosterView(db: Database, unitId: string, now: number, ctx: ActionContext): Promise<RosterView> {
  const unit = await findActiveUnit(db, unitId);
  if (!unit) throw notFound('单位不存在或已撤销');
  const roster = await getDoc<RosterDoc>(db, ROSTERS, unitId);
  const handovers = (await db.collection(HANDOVERS).where({ unitId }).orderBy('createdAt', 'desc').limit(10).get())
    .data as HandoverDoc[];
  return {
    unitId,
    unitName: unit.name,
    shifts: roster?.shifts ?? [],
    updatedAt: roster?.updatedAt ?? null,
    updatedByName: roster?.updatedByName ?? null,
    onDuty: (await onDutyNow(db, unitId, now)).map((d) => ({ staffId: d.staffId, name: d.name, shift: d.shift })),
    handovers: handovers.map((h) => ({ _id: h._id, note: h.note, byName: h.byName, at: h.createdAt })),
    canEdit: canEditRoster(ctx, unitId),
    canHandover: canHandover(ctx, unitId),
  };
}

/** Replaces the unit's weekly roster; every person must hold a role in the unit. */
export async function saveRoster(input: z.output<typeof saveRosterInput>, ctx: ActionContext): Promise<RosterView> {
  const { db } = ctx.deps;
  const unit = await findActiveUnit(db, input.unitId);
  if (!unit) throw notFound('单位不存在或已撤销');
  const people = new Map((await unitStaff(db, input.unitId)).map((s) => [s.staffId, s]));
  const fieldErrors: Record<string, string> = {};
  input.shifts.forEach((s, i) => {
    if (!people.has(s.staffId)) fieldErrors[`shifts.${i}.staffId`] = '值班人员须为本单位在岗工作人员';
  });
  const shifts: Shift[] = input.shifts.map((s) => ({ ...s, staffName: people.get(s.staffId)?.name ?? '' }));
  Object.assign(fieldErrors, rosterProblems(shifts));
  if (Object.keys(fieldErrors).length) throw invalid(`值班表有误：${Object.values(fieldErrors)[0]}`, fieldErrors);
  const staff = ctx.caller.staff!;
  const now = ctx.deps.now();
  await inTransaction(ctx, async (t) => {
    const doc: Omit<RosterDoc, '_id'> = {
      unitId: input.unitId,
      shifts,
      updatedAt: now,
      updatedBy: staff._id,
      updatedByName: staff.name,
    };
    await t
      .collection(ROSTERS)
      .doc(input.unitId)
      .set({ data: doc as unknown as Record<string, unknown> });
    await traceChange(t, ctx, {
      target: { type: 'dutyRoster', id: input.unitId },
      unitId: input.unitId,
      details: { shifts: shifts.length },
    });
  });
  return rosterView(db, input.unitId, now, ctx);
}

/** The person ending a shift leaves a note; whoever is on duty now (or next) is told. */
export async function writeHandover(input: z.output<typeof handoverInput>, ctx: ActionContext): Promise<RosterView> {
  const { db } = ctx.deps;
  const staff = ctx.caller.staff!;
  const now = ctx.deps.now();
  const onDuty = (await onDutyNow(db, input.unitId, now)).filter((d) => d.staffId !== staff._id);
  const id = ctx.deps.newId();
  await inTransaction(ctx, async (t) => {
    const doc: Omit<HandoverDoc, '_id'> = {
      unitId: input.unitId,
      note: input.note,
      by: staff._id,
      byName: staff.name,
      createdAt: now,
    };
    await t
      .collection(HANDOVERS)
      .doc(id)
      .set({ data: doc as unknown as Record<string, unknown> });
    for (const d of onDuty.slice(0, 1))
      await notify(t, ctx, {
        to: { staffId: d.staffId },
        kind: 'duty.handover',
        title: '交接班记录',
        body: `${staff.name}：${input.note.slice(0, 60)}`,
        page: `/oversight/duty/index?unitId=${input.unitId}`,
      });
    await traceChange(t, ctx, { target: { type: 'dutyHandover', id }, unitId: input.unitId });
  });
  return rosterView(db, input.unitId, now, ctx);
}
