import type { z } from 'zod';
import {
  IMPORTANCE_LABELS,
  INCIDENT_TYPE_LABELS,
  allowedIncidentActions,
  incidentRefusal,
  type IncidentAction,
} from '@shared/oversight/incidents';
import type {
  assignIncidentInput,
  escalateIncidentInput,
  handleIncidentInput,
  linkClarificationInput,
  listIncidentsInput,
  recordIncidentInput,
} from '@shared/oversight/schemas';
import type { IncidentView, Page } from '@shared/oversight/views';
import type { ActionContext } from '@server/runtime/action';
import type { Database } from '@server/runtime/database';
import { forbidden, invalid, invalidTransition, notFound } from '@server/runtime/errors';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import { pageNewestFirst } from '@server/runtime/paging';
import { notify } from '@server/features/notifications/notify';
import { findActiveUnit } from '@server/features/identity/units';
import { INCIDENTS, type IncidentDoc } from './model';
import { loadDirectory } from './directory';
import { notifyOnDutyFirst, unitStaff } from './duty';
import { findClarificationPost } from './sources/posts';
import { PERMISSIONS, decide } from '@shared/access/permissions';

// Opinion incidents (舆情台账): record, assign, handle; a 重大 one is reported to the county
// government with a monitoring report; a rumour links to its clarification post. A new incident
// goes first to the person on duty in the responsible unit (值班制度), else to its leaders
// (notifyOnDutyFirst).

const who = (ctx: ActionContext) => ({ staffId: ctx.caller.staff!._id, roles: ctx.caller.staff!.roles });

export function toIncidentView(d: IncidentDoc, ctx: ActionContext): IncidentView {
  return {
    _id: d._id,
    platform: d.platform,
    link: d.link,
    summary: d.summary,
    screenshots: d.screenshots,
    importance: d.importance,
    type: d.type,
    unitId: d.unitId,
    unitName: d.unitName,
    state: d.state,
    recordedByName: d.recordedByName,
    createdAt: d.createdAt,
    handlerId: d.handlerId,
    handlerName: d.handlerName,
    handling: d.handling ? { note: d.handling.note, at: d.handling.at, byName: d.handling.byName } : null,
    escalation: d.escalation ? { report: d.escalation.report, at: d.escalation.at, byName: d.escalation.byName } : null,
    clarification: d.clarification
      ? { postId: d.clarification.postId, title: d.clarification.title, at: d.clarification.at }
      : null,
    notifiedNames: d.notifiedNames,
    allowed: ctx.caller.staff ? allowedIncidentActions(subject(d), who(ctx)) : [],
    // Anyone on staff may record an incident for another unit, but only that unit and the county
    // offices may follow it: the form asks this before opening the detail page.
    canOpen: ctx.caller.staff ? decide(PERMISSIONS['incidents.get'], ctx.caller.staff.roles, d.unitId).allowed : false,
  };
}

const subject = (d: IncidentDoc) => ({
  state: d.state,
  unitId: d.unitId,
  importance: d.importance,
  type: d.type,
  handlerId: d.handlerId,
  escalatedAt: d.escalation?.at ?? null,
  clarificationPostId: d.clarification?.postId ?? null,
});

/** The incident's responsible unit, for the permission table's ownUnit scope. */
export async function incidentUnit(input: { id: string }, ctx: ActionContext): Promise<string | null> {
  return (await getDoc<IncidentDoc>(ctx.deps.db, INCIDENTS, input.id))?.unitId ?? null;
}

export async function recordIncident(
  input: z.output<typeof recordIncidentInput>,
  ctx: ActionContext,
): Promise<IncidentView> {
  const { db } = ctx.deps;
  const unit = await findActiveUnit(db, input.unitId);
  if (!unit) throw invalid('责任单位不存在或已撤销', { unitId: '请选择有效的责任单位' });
  const now = ctx.deps.now();
  const staff = ctx.caller.staff!;
  const id = ctx.deps.newId();
  const base: Omit<IncidentDoc, '_id' | 'notified' | 'notifiedNames'> = {
    platform: input.platform,
    link: input.link,
    summary: input.summary,
    screenshots: input.screenshots,
    importance: input.importance,
    type: input.type,
    unitId: unit._id,
    unitName: unit.name,
    state: 'reported',
    recordedBy: staff._id,
    recordedByName: staff.name,
    handlerId: null,
    handlerName: null,
    handling: null,
    escalation: null,
    clarification: null,
    createdAt: now,
    updatedAt: now,
  };
  const doc = await inTransaction(ctx, async (t) => {
    const first = await notifyOnDutyFirst(t, ctx, unit._id, {
      kind: 'incident.recorded',
      title: `【舆情·${IMPORTANCE_LABELS[input.importance]}】${INCIDENT_TYPE_LABELS[input.type]}`,
      body: input.summary.slice(0, 80),
      page: `/oversight/incident/index?id=${id}`,
      urgent: input.importance !== 'normal',
    });
    const stored: Omit<IncidentDoc, '_id'> = {
      ...base,
      notified: first.told,
      notifiedNames: first.people.map((p) => (first.onDuty ? `${p.name}（值班）` : p.name)),
    };
    await t
      .collection(INCIDENTS)
      .doc(id)
      .set({ data: stored as unknown as Record<string, unknown> });
    await traceChange(t, ctx, {
      target: { type: 'incident', id },
      unitId: unit._id,
      details: { importance: input.importance, type: input.type, toldFirst: first.told, onDuty: first.onDuty },
    });
    return stored;
  });
  return toIncidentView({ ...doc, _id: id }, ctx);
}

export async function listIncidents(
  db: Database,
  input: z.output<typeof listIncidentsInput>,
  ctx: ActionContext,
): Promise<Page<IncidentView>> {
  const county = ctx.caller.staff!.roles.some((g) => g.role === 'supervisor' || g.role === 'infoCenter');
  if (!input.unitId && !county) throw forbidden('请选择单位');
  const filter = { ...(input.unitId ? { unitId: input.unitId } : {}), ...(input.state ? { state: input.state } : {}) };
  return pageNewestFirst<IncidentDoc, IncidentView>(db, INCIDENTS, filter, input.pageSize, input.cursor, (d) =>
    toIncidentView(d, ctx),
  );
}

export async function getIncident(db: Database, id: string, ctx: ActionContext): Promise<IncidentView> {
  const d = await getDoc<IncidentDoc>(db, INCIDENTS, id);
  if (!d) throw notFound('舆情记录不存在');
  return toIncidentView(d, ctx);
}

/** Runs one step: re-reads the incident in the transaction, checks the guard, applies `change`. */
async function step(
  id: string,
  action: IncidentAction,
  ctx: ActionContext,
  change: (d: IncidentDoc, t: Parameters<Parameters<typeof inTransaction>[1]>[0]) => Promise<Partial<IncidentDoc>>,
): Promise<IncidentView> {
  return inTransaction(ctx, async (t) => {
    const d = await getDoc<IncidentDoc>(t, INCIDENTS, id);
    if (!d) throw notFound('舆情记录不存在');
    const why = incidentRefusal(action, subject(d), who(ctx));
    if (why) throw invalidTransition(why, { state: d.state });
    const patch = { ...(await change(d, t)), updatedAt: ctx.deps.now() };
    await t
      .collection(INCIDENTS)
      .doc(id)
      .update({ data: patch as Record<string, unknown> });
    await traceChange(t, ctx, { target: { type: 'incident', id }, unitId: d.unitId, details: { action } });
    return toIncidentView({ ...d, ...patch }, ctx);
  });
}

export async function assignIncident(input: z.output<typeof assignIncidentInput>, ctx: ActionContext) {
  const unitId = await incidentUnit(input, ctx);
  if (!unitId) throw notFound('舆情记录不存在');
  const handler = (await unitStaff(ctx.deps.db, unitId)).find((s) => s.staffId === input.handlerId);
  if (!handler) throw invalid('处置人须为责任单位的在岗工作人员', { handlerId: '请选择本单位工作人员' });
  return step(input.id, 'assign', ctx, async (d, t) => {
    await notify(t, ctx, {
      to: { staffId: handler.staffId },
      kind: 'incident.assigned',
      title: '舆情处置任务',
      body: `${ctx.caller.staff!.name}指派您处置：${d.summary.slice(0, 60)}`,
      page: `/oversight/incident/index?id=${d._id}`,
      urgent: d.importance !== 'normal',
    });
    return { state: 'assigned', handlerId: handler.staffId, handlerName: handler.name };
  });
}

export function handleIncident(input: z.output<typeof handleIncidentInput>, ctx: ActionContext) {
  const staff = ctx.caller.staff!;
  return step(input.id, 'handle', ctx, async () => ({
    state: 'handled',
    handling: { note: input.note, at: ctx.deps.now(), by: staff._id, byName: staff.name },
  }));
}

export async function escalateIncident(input: z.output<typeof escalateIncidentInput>, ctx: ActionContext) {
  const dir = await loadDirectory(ctx.deps.db);
  const staff = ctx.caller.staff!;
  const office = [
    ...dir.holders('leader', dir.countyOfficeUnitId),
    ...dir.holders('unitAdmin', dir.countyOfficeUnitId),
    ...dir.holders('supervisor'),
  ].filter((p, i, all) => all.findIndex((x) => x.staffId === p.staffId) === i);
  return step(input.id, 'escalate', ctx, async (d, t) => {
    for (const p of office)
      await notify(t, ctx, {
        to: { staffId: p.staffId },
        kind: 'incident.escalated',
        title: `【${IMPORTANCE_LABELS[d.importance]}舆情监测报告】${d.unitName}`,
        body: input.report.slice(0, 80),
        page: `/oversight/incident/index?id=${d._id}`,
        urgent: true,
      });
    return { escalation: { report: input.report, at: ctx.deps.now(), by: staff._id, byName: staff.name } };
  });
}

export async function linkClarification(input: z.output<typeof linkClarificationInput>, ctx: ActionContext) {
  const post = await findClarificationPost(ctx.deps.db, input.postId);
  if (post && !post.exists) throw invalid('没有找到该澄清信息', { postId: '没有找到该信息，请核对编号' });
  if (post && post.exists && !post.published)
    throw invalidTransition('澄清信息尚未发布，发布后再关联', { postId: input.postId });
  return step(input.id, 'linkClarification', ctx, async () => ({
    clarification: {
      postId: input.postId,
      title: post?.exists ? post.title : null,
      at: ctx.deps.now(),
      by: ctx.caller.staff!._id,
    },
  }));
}
