import type { z } from 'zod';
import { EVENT_LEVEL_LABELS, MILESTONE_LABELS, emergencyClocks, isMajorLevel } from '@shared/oversight/emergency';
import type { EmergencyFacts } from '@shared/oversight/facts';
import type {
  declareEventInput,
  endEventInput,
  listEventsInput,
  recordMilestoneInput,
} from '@shared/oversight/schemas';
import type { EmergencyEventView, EmergencySummaryView, Page } from '@shared/oversight/views';
import type { EffectiveRules } from '@shared/oversight/rules';
import type { ActionContext } from '@server/runtime/action';
import type { Database } from '@server/runtime/database';
import { forbidden, invalid, invalidTransition, notFound } from '@server/runtime/errors';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import { pageNewestFirst } from '@server/runtime/paging';
import { notify } from '@server/features/notifications/notify';
import { UNITS, type UnitDoc } from '@server/features/identity/units';
import { EVENTS, type EventDoc } from './model';
import { loadDirectory, type Directory } from './directory';
import { readEventFirstPosts } from './sources/posts';
import { currentRules } from './rules-store';

// Emergency mode: the county government office declares an event; every concerned unit's
// emergency posts link to it (posts.emergencyEventId); the 5/24/48-hour clocks run from when it
// happened, and the dashboard shows which units have spoken.

/** The county government office's unit (the one with role countyOffice). */
export async function countyOfficeId(db: Database): Promise<string> {
  const res = await db.collection(UNITS).where({ role: 'countyOffice', status: 'active' }).limit(1).get();
  return (res.data[0] as UnitDoc | undefined)?._id ?? 'u-county-office';
}

function concernedUnits(e: EventDoc, dir: Directory): Array<{ unitId: string; unitName: string }> {
  const ids = e.allUnits
    ? dir.units.filter((u) => u.role !== 'infoCenter' && u.role !== 'supervision').map((u) => u._id)
    : e.unitIds;
  return ids.map((id) => ({ unitId: id, unitName: dir.unitName(id) }));
}

async function activeEvents(db: Database): Promise<EventDoc[]> {
  return (await db.collection(EVENTS).where({ status: 'active' }).orderBy('occurredAt', 'desc').limit(50).get())
    .data as EventDoc[];
}

export async function loadEmergencyFacts(db: Database, dir: Directory): Promise<EmergencyFacts[]> {
  const events = await activeEvents(db);
  const first = await readEventFirstPosts(
    db,
    events.map((e) => e._id),
  );
  return events.map((e) => toFacts(e, dir, first));
}

function toFacts(e: EventDoc, dir: Directory, first: Map<string, number>): EmergencyFacts {
  return {
    id: e._id,
    title: e.title,
    occurredAt: e.occurredAt,
    major: isMajorLevel(e.level),
    active: e.status === 'active',
    units: concernedUnits(e, dir).map((u) => ({ ...u, firstPostAt: first.get(`${e._id}|${u.unitId}`) ?? null })),
    pressConferenceAt: e.pressConferenceAt,
    respondedAt: e.respondedAt,
    countyOfficeUnitId: dir.countyOfficeUnitId,
  };
}

function isCountyOfficeStaff(ctx: ActionContext, officeId: string): boolean {
  return (ctx.caller.staff?.roles ?? []).some(
    (g) => g.unitId === officeId && (g.role === 'leader' || g.role === 'unitAdmin'),
  );
}

function view(
  e: EventDoc,
  facts: EmergencyFacts,
  rules: EffectiveRules,
  now: number,
  canManage: boolean,
): EmergencyEventView {
  const firsts = facts.units.map((u) => u.firstPostAt).filter((x): x is number => x !== null);
  const clocks = emergencyClocks(
    rules,
    {
      occurredAt: e.occurredAt,
      major: facts.major,
      firstPostAt: firsts.length ? Math.min(...firsts) : null,
      pressConferenceAt: e.pressConferenceAt,
      respondedAt: e.respondedAt,
    },
    now,
  );
  const firstDue = clocks[0].dueAt;
  return {
    _id: e._id,
    title: e.title,
    description: e.description,
    level: e.level,
    occurredAt: e.occurredAt,
    declaredAt: e.declaredAt,
    declaredByName: e.declaredByName,
    status: e.status,
    clocks,
    units: facts.units.map((u) => ({
      unitId: u.unitId,
      unitName: u.unitName,
      firstPostAt: u.firstPostAt,
      onTime: u.firstPostAt === null ? (now > firstDue ? false : null) : u.firstPostAt <= firstDue,
    })),
    milestones: e.milestones.map((m) => ({
      milestone: m.milestone,
      label: m.milestone === 'end' ? '结束应急状态' : MILESTONE_LABELS[m.milestone],
      at: m.at,
      note: m.note,
      byName: m.byName,
    })),
    canManage,
  };
}

export async function eventView(db: Database, id: string, ctx: ActionContext): Promise<EmergencyEventView> {
  const e = await getDoc<EventDoc>(db, EVENTS, id);
  if (!e) throw notFound('突发事件不存在');
  const [dir, rules, first] = await Promise.all([loadDirectory(db), currentRules(db), readEventFirstPosts(db, [id])]);
  return view(
    e,
    toFacts(e, dir, first),
    rules.effective,
    ctx.deps.now(),
    isCountyOfficeStaff(ctx, dir.countyOfficeUnitId),
  );
}

/** Views of `events` with their clocks and first posts (one directory and rules read for all). */
async function viewsOf(db: Database, events: EventDoc[], ctx: ActionContext): Promise<EmergencyEventView[]> {
  if (!events.length) return [];
  const [dir, rules, first] = await Promise.all([
    loadDirectory(db),
    currentRules(db),
    readEventFirstPosts(
      db,
      events.map((e) => e._id),
    ),
  ]);
  const manage = isCountyOfficeStaff(ctx, dir.countyOfficeUnitId);
  const now = ctx.deps.now();
  return events.map((e) => view(e, toFacts(e, dir, first), rules.effective, now, manage));
}

/** The active events, most recent first (the dashboard's banner; a county has a handful at most). */
export async function activeEventViews(db: Database, ctx: ActionContext): Promise<EmergencyEventView[]> {
  return viewsOf(db, await activeEvents(db), ctx);
}

/**
 * Every declared event, newest declared first, a page at a time (keyset: createdAt, _id), each
 * with its clocks and which units have spoken; the history stays reachable however long it grows.
 */
export async function listEvents(
  db: Database,
  input: z.output<typeof listEventsInput>,
  ctx: ActionContext,
): Promise<Page<EmergencyEventView>> {
  const page = await pageNewestFirst<EventDoc, EventDoc>(db, EVENTS, {}, input.pageSize, input.cursor, (e) => e);
  return { items: await viewsOf(db, page.items, ctx), nextCursor: page.nextCursor };
}

export function summarize(v: EmergencyEventView): EmergencySummaryView {
  return {
    _id: v._id,
    title: v.title,
    level: v.level,
    occurredAt: v.occurredAt,
    clocks: v.clocks,
    spoken: v.units.filter((u) => u.firstPostAt !== null).length,
    concerned: v.units.length,
  };
}

export async function declareEvent(
  input: z.output<typeof declareEventInput>,
  ctx: ActionContext,
): Promise<EmergencyEventView> {
  const { db } = ctx.deps;
  const now = ctx.deps.now();
  const dir = await loadDirectory(db);
  if (!isCountyOfficeStaff(ctx, dir.countyOfficeUnitId)) throw forbidden('只有县政府办公室可以宣布突发事件');
  if (input.occurredAt > now + 5 * 60_000)
    throw invalid('事件发生时间不能晚于现在', { occurredAt: '事件发生时间不能晚于现在' });
  if (input.occurredAt < now - 7 * 86400_000)
    throw invalid('只能宣布 7 天内发生的事件', { occurredAt: '只能宣布 7 天内发生的事件' });
  const known = new Set(dir.units.map((u) => u._id));
  const unknown = input.unitIds.filter((u) => !known.has(u));
  if (unknown.length) throw invalid('所选单位不存在或已撤销', { unitIds: '所选单位不存在或已撤销' });
  const staff = ctx.caller.staff!;
  const id = ctx.deps.newId();
  const doc: Omit<EventDoc, '_id'> = {
    title: input.title,
    description: input.description,
    level: input.level,
    occurredAt: input.occurredAt,
    declaredAt: now,
    declaredBy: staff._id,
    declaredByName: staff.name,
    status: 'active',
    unitIds: [...new Set(input.unitIds)],
    allUnits: input.unitIds.length === 0,
    milestones: [],
    pressConferenceAt: null,
    respondedAt: null,
    endedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await inTransaction(ctx, async (t) => {
    await t
      .collection(EVENTS)
      .doc(id)
      .set({ data: doc as unknown as Record<string, unknown> });
    await traceChange(t, ctx, {
      target: { type: 'emergencyEvent', id },
      unitId: dir.countyOfficeUnitId,
      details: { title: input.title, level: input.level, units: doc.allUnits ? 'all' : doc.unitIds.length },
    });
  });
  // Tell each concerned unit: the person on duty first, else its leaders (broadcast in chunks).
  const units = concernedUnits({ ...doc, _id: id }, dir);
  const people: Array<{ staffId: string; unitId: string }> = [];
  for (const u of units) {
    const duty = dir.onDuty(u.unitId, now).slice(0, 1);
    for (const p of duty.length ? duty : dir.holders('leader', u.unitId))
      people.push({ staffId: p.staffId, unitId: u.unitId });
  }
  for (let i = 0; i < people.length; i += 50) {
    const chunk = people.slice(i, i + 50);
    await inTransaction(ctx, async (t) => {
      for (const p of chunk)
        await notify(t, ctx, {
          to: { staffId: p.staffId },
          kind: 'emergency.declared',
          title: `【突发事件·${EVENT_LEVEL_LABELS[input.level]}】${input.title}`,
          body: `县政府办公室已宣布突发事件，请在事件发生后 5 小时内发布权威信息（发布时关联本事件）。`,
          page: `/oversight/emergency/index?id=${id}`,
          urgent: true,
        });
    });
  }
  return eventView(db, id, ctx);
}

export async function recordMilestone(input: z.output<typeof recordMilestoneInput>, ctx: ActionContext) {
  const { db } = ctx.deps;
  const officeId = await countyOfficeId(db);
  if (!isCountyOfficeStaff(ctx, officeId)) throw forbidden('只有县政府办公室可以登记处置节点');
  const now = ctx.deps.now();
  const at = input.at ?? now;
  const staff = ctx.caller.staff!;
  await inTransaction(ctx, async (t) => {
    const e = await getDoc<EventDoc>(t, EVENTS, input.id);
    if (!e) throw notFound('突发事件不存在');
    if (e.status !== 'active') throw invalidTransition('该突发事件已结束', { status: e.status });
    if (at < e.occurredAt || at > now + 60_000)
      throw invalid('节点时间须在事件发生之后、现在之前', { at: '节点时间无效' });
    const field = input.milestone === 'pressConference' ? 'pressConferenceAt' : 'respondedAt';
    if (e[field] !== null)
      throw invalidTransition(`已登记过${MILESTONE_LABELS[input.milestone]}`, { [field]: e[field] });
    await t
      .collection(EVENTS)
      .doc(input.id)
      .update({
        data: {
          [field]: at,
          milestones: [
            ...e.milestones,
            { milestone: input.milestone, at, note: input.note, by: staff._id, byName: staff.name },
          ],
          updatedAt: now,
        },
      });
    await traceChange(t, ctx, {
      target: { type: 'emergencyEvent', id: input.id },
      unitId: officeId,
      details: { milestone: input.milestone, at },
    });
  });
  return eventView(db, input.id, ctx);
}

export async function endEvent(input: z.output<typeof endEventInput>, ctx: ActionContext) {
  const { db } = ctx.deps;
  const officeId = await countyOfficeId(db);
  if (!isCountyOfficeStaff(ctx, officeId)) throw forbidden('只有县政府办公室可以结束应急状态');
  const now = ctx.deps.now();
  const staff = ctx.caller.staff!;
  await inTransaction(ctx, async (t) => {
    const e = await getDoc<EventDoc>(t, EVENTS, input.id);
    if (!e) throw notFound('突发事件不存在');
    if (e.status !== 'active') throw invalidTransition('该突发事件已结束', { status: e.status });
    await t
      .collection(EVENTS)
      .doc(input.id)
      .update({
        data: {
          status: 'ended',
          endedAt: now,
          milestones: [
            ...e.milestones,
            { milestone: 'end', at: now, note: input.note, by: staff._id, byName: staff.name },
          ],
          updatedAt: now,
        },
      });
    await traceChange(t, ctx, {
      target: { type: 'emergencyEvent', id: input.id },
      unitId: officeId,
      reason: input.note,
    });
  });
  return eventView(db, input.id, ctx);
}
