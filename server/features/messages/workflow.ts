import { checkTransition, stepUpFor, TRANSITIONS, type MessageAction, type Who } from '@shared/messages/transitions';
import type { Recipient } from '@shared/messages/sweep';
import type { TimelineEntry } from '@shared/messages/timeline';
import type { WorkCalendar } from '@shared/messages/calendar';
import type { StepUpPurpose } from '@shared/identity/policy';
import type { ActionContext, StaffRecord } from '@server/runtime/action';
import { auditAlone, type TxLike } from '@server/runtime/audit';
import { AppError, notFound } from '@server/runtime/errors';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import { consumeStepUp } from '@server/features/identity/stepup';
import { notify } from '@server/features/notifications/notify';
import { notifyOnDutyFirst } from '@server/features/oversight/duty';
import { loadDirectory, type Directory } from '@server/features/notifications/recipients';
import { loadCalendar } from './calendar-store';
import { MESSAGES, toSubject, withDerived, type MessageDoc } from './model';

// Every staff or citizen action on a message runs through here: re-read the message inside the
// transaction, check the shared transition table (state, actor, guard), apply the change, append
// the timeline, notify, and write the audit entry — all in one transaction. A refusal is audited
// too, with its reason.

export const staffPage = (id: string) => `/staff/message/index?id=${id}`;
export const citizenPage = (id: string) => `/pages/messages/detail/index?id=${id}`;

export interface PlannedMessageNotice {
  to: Recipient[];
  kind: string;
  title: string;
  body: string;
  urgent?: boolean;
  /**
   * An urgent message reaching a unit (transferred, routed): that unit's person on duty hears
   * this notice first (第十八条(三)), else its leaders and admins; nobody hears it twice.
   */
  dutyFirstIn?: string;
}

export interface Effect {
  /** The message after the action (derived fields are recomputed). */
  doc: MessageDoc;
  timeline: TimelineEntry[];
  notices: PlannedMessageNotice[];
  reason?: string;
  details?: Record<string, unknown>;
}

export interface Env {
  now: number;
  staff: StaffRecord | null;
  directory: Directory;
  calendar: WorkCalendar;
  t: TxLike;
}

export function whoOf(ctx: ActionContext): Who {
  const s = ctx.caller.staff;
  if (s && s.status === 'active') return { kind: 'staff', staffId: s._id, roles: s.roles };
  return { kind: 'citizen', openid: ctx.caller.openid };
}

export async function loadMessage(ctx: ActionContext, id: string): Promise<MessageDoc> {
  const m = await getDoc<MessageDoc>(ctx.deps.db, MESSAGES, id);
  if (!m) throw notFound('留言不存在或已被删除');
  return m;
}

/** The unit a message-scoped action targets (for the permission table's ownUnit scope). */
export async function messageUnit(id: string, ctx: ActionContext): Promise<string | null> {
  const m = await getDoc<MessageDoc>(ctx.deps.db, MESSAGES, id);
  return m?.unitId ?? null;
}

/**
 * Tells the person on duty first for every planned notice that asks for it (`dutyFirstIn`),
 * before any other notice of the change is written; returns who was told.
 */
export async function tellDutyFirst(
  t: TxLike,
  ctx: ActionContext,
  messageId: string,
  notices: readonly PlannedMessageNotice[],
): Promise<string[]> {
  const told: string[] = [];
  for (const n of notices) {
    if (!n.dutyFirstIn) continue;
    const first = await notifyOnDutyFirst(t, ctx, n.dutyFirstIn, {
      kind: n.kind,
      title: n.title,
      body: n.body,
      page: staffPage(messageId),
      urgent: true,
    });
    told.push(...first.told);
  }
  return told;
}

/** Writes each planned notice to every person it names, with the page where they act. */
export async function sendNotices(
  t: TxLike,
  ctx: ActionContext,
  directory: Directory,
  messageId: string,
  notices: readonly PlannedMessageNotice[],
  exclude: string | null,
  /** Already told of this change (e.g. first, as the person on duty): one notice per person. */
  alreadyTold: readonly string[] = [],
): Promise<number> {
  let n = 0;
  for (const planned of notices) {
    for (const to of directory.resolve(planned.to, exclude)) {
      if ('staffId' in to && alreadyTold.includes(to.staffId)) continue;
      await notify(t, ctx, {
        to,
        kind: planned.kind,
        title: planned.title,
        body: planned.body,
        page: 'openid' in to ? citizenPage(messageId) : staffPage(messageId),
        urgent: planned.urgent,
      });
      n += 1;
    }
  }
  return n;
}

export async function runTransition(
  ctx: ActionContext,
  id: string,
  action: MessageAction,
  apply: (m: MessageDoc, env: Env) => Effect | Promise<Effect>,
  opts: {
    units?: Array<string | null | undefined>;
    supervisors?: boolean;
    /** The step's fresh PIN, consumed in its transaction (stepUpFor in shared/messages/transitions). */
    stepUp?: { purpose: StepUpPurpose; id: string | undefined };
  } = {},
): Promise<MessageDoc> {
  const pre = await loadMessage(ctx, id);
  const directory = await loadDirectory(ctx.deps.db, [pre.unitId, pre.transfer?.fromUnitId, ...(opts.units ?? [])], {
    supervisors: opts.supervisors,
  });
  const calendar = await loadCalendar(ctx.deps.db);
  const now = ctx.deps.now();
  const who = whoOf(ctx);
  try {
    return await inTransaction(ctx, async (t) => {
      const m = await getDoc<MessageDoc>(t, MESSAGES, id);
      if (!m) throw notFound('留言不存在或已被删除');
      const check = checkTransition(action, toSubject(m), who, now);
      if (!check.ok) throw new AppError(check.code, check.reason, undefined, { state: m.state });
      if (opts.stepUp) await consumeStepUp(t, ctx, opts.stepUp.id, opts.stepUp.purpose);
      const effect = await apply(m, { now, staff: ctx.caller.staff, directory, calendar, t });
      const doc = withDerived({ ...effect.doc, timeline: [...m.timeline, ...effect.timeline], updatedAt: now });
      const { _id, ...data } = doc;
      await t
        .collection(MESSAGES)
        .doc(_id)
        .set({ data: data as unknown as Record<string, unknown> });
      const toldFirst = await tellDutyFirst(t, ctx, id, effect.notices);
      const sent = await sendNotices(t, ctx, directory, id, effect.notices, ctx.caller.staff?._id ?? null, toldFirst);
      await traceChange(t, ctx, {
        target: { type: 'message', id },
        unitId: m.unitId,
        reason: effect.reason,
        details: {
          trackingNo: m.trackingNo,
          from: m.state,
          to: doc.state,
          notices: sent + toldFirst.length,
          ...(toldFirst.length ? { toldFirst } : {}),
          ...effect.details,
        },
      });
      return doc;
    });
  } catch (e) {
    if (e instanceof AppError && (e.code === 'InvalidTransition' || e.code === 'Forbidden' || e.code === 'Conflict')) {
      await auditAlone(ctx.deps.db, now, {
        action: ctx.action,
        result: 'refused',
        reason: e.message,
        requestId: ctx.requestId,
        unitId: pre.unitId,
        deviceId: ctx.deviceId,
        target: { type: 'message', id },
        actor: { openid: ctx.caller.openid, staffId: ctx.caller.staff?._id ?? null },
        details: { action: TRANSITIONS[action].label, state: pre.state },
      });
    }
    throw e;
  }
}

/** runTransition's options for a step that may need a fresh PIN (none when stepUpFor says so). */
export function withStepUp(action: MessageAction, input: { approve?: boolean; stepUpId?: string }) {
  const purpose = stepUpFor(action, input);
  return purpose ? { stepUp: { purpose, id: input.stepUpId } } : {};
}

/** The acting staff member (present for every staff transition). */
export function actor(env: Env): { id: string; name: string } {
  const s = env.staff;
  if (!s) throw new AppError('Forbidden', '该操作仅限工作人员');
  return { id: s._id, name: s.name };
}
