import type { ActionContext } from './action';
import { appendAudit, serviceActor, type AuditInput, type TxLike } from './audit';

// Helpers that tie a change to its audit entry: run the change in a transaction and write the
// entry in that same transaction, with the actor, request and device taken from the context.

export type AuditFields = Pick<AuditInput, 'target' | 'unitId' | 'reason' | 'details'> & {
  action?: string;
  /** 'refused' records a decision that said no (a wrong PIN) while other state still changed. */
  result?: 'ok' | 'refused';
};

/**
 * Fresh-PIN tickets spent in a transaction. The change's own audit entry names the ticket
 * (details.stepUpId), so "who approved this, and with which PIN check" is one entry, and a
 * spent ticket is never a change without its trace.
 */
const spentStepUps = new WeakMap<TxLike, string>();

export function noteStepUpSpent(t: TxLike, stepUpId: string): void {
  spentStepUps.set(t, stepUpId);
}

/** The unit an entry belongs to when the change does not name one: the caller's own. */
function callerUnit(ctx: ActionContext): string | null {
  const s = ctx.caller.staff;
  return s?.roles[0]?.unitId ?? s?.pendingRoles?.[0]?.unitId ?? null;
}

export function traceChange(t: TxLike, ctx: ActionContext, fields: AuditFields) {
  const { action, result, unitId, ...rest } = fields;
  const stepUpId = spentStepUps.get(t);
  if (stepUpId) rest.details = { ...rest.details, stepUpId };
  return appendAudit(t, ctx.deps.now(), {
    action: action ?? ctx.action,
    result: result ?? 'ok',
    requestId: ctx.requestId,
    actor: actorOf(ctx),
    deviceId: ctx.deviceId,
    unitId: unitId === undefined ? callerUnit(ctx) : unitId,
    ...rest,
  });
}

/** The audit actor of a context: the person (openid, staff record) or the import key. */
export function actorOf(ctx: ActionContext): AuditInput['actor'] {
  if (ctx.caller.service) return serviceActor(ctx.caller.service);
  return { openid: ctx.caller.openid, staffId: ctx.caller.staff?._id ?? null };
}

/** Runs `fn` in a database transaction (retried on a write conflict). */
export function inTransaction<T>(ctx: ActionContext, fn: (t: TxLike) => Promise<T>): Promise<T> {
  return ctx.deps.db.runTransaction(fn, 5) as Promise<T>;
}

export { getDoc } from './docs';
