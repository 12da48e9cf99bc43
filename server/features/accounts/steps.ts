import { guard, TRANSITIONS, type AccountAction } from '@shared/accounts/transitions';
import type { ActionContext } from '@server/runtime/action';
import { auditAlone, type TxLike } from '@server/runtime/audit';
import { AppError, notFound } from '@server/runtime/errors';
import { inTransaction, traceChange } from '@server/runtime/trace';
import { consumeStepUp } from '@server/features/identity/stepup';
import { ACCOUNTS, type AccountDoc } from './model';
import { countyOfficeUnitId, derived, guardAccount, guardActor, loadAccount } from './support';
import { historyEntry, notifyAll } from './history';

// Runs one step of the transition table: checks the guard (and audits a refusal with its
// reason), consumes the step-up when the row needs one, applies the step's change, appends the
// timeline entry, writes the audit entry and the notices, all in one transaction.

export interface StepNotice {
  to: string[];
  kind: string;
  title: string;
  body: string;
}

export interface StepSpec<P> {
  reason?: string;
  note?: string;
  stepUpId?: string;
  /** Queries and checks outside the transaction (CloudBase allows only reads by id inside). */
  prepare?: (doc: AccountDoc) => Promise<P>;
  /** The change this step makes, beyond the status; may read/write other docs by id through `t`. */
  change?: (doc: AccountDoc, prepared: P, t: TxLike, now: number) => Promise<Partial<AccountDoc>> | Partial<AccountDoc>;
  notice?: (doc: AccountDoc, prepared: P) => Promise<StepNotice | null> | StepNotice | null;
}

function refusal(code: 'InvalidTransition' | 'Forbidden', reason: string, status: string) {
  return new AppError(code, reason, undefined, { status });
}

export async function runStep<P = undefined>(
  ctx: ActionContext,
  id: string,
  action: AccountAction,
  spec: StepSpec<P> = {},
): Promise<{ _id: string; status: AccountDoc['status'] }> {
  const db = ctx.deps.db;
  const row = TRANSITIONS[action];
  const office = await countyOfficeUnitId(db);
  const actor = guardActor(ctx.caller.staff!, office);
  const before = await loadAccount(db, id);
  if (!before) throw notFound('账号不存在或已删除');
  const early = guard(action, guardAccount(before), actor);
  if (!early.ok) {
    await auditAlone(db, ctx.deps.now(), {
      action: ctx.action,
      result: 'refused',
      reason: early.reason,
      requestId: ctx.requestId,
      unitId: before.owningUnitId,
      target: { type: 'account', id },
      deviceId: ctx.deviceId,
      actor: { openid: ctx.caller.openid, staffId: ctx.caller.staff?._id ?? null },
    });
    throw refusal(early.code, early.reason, before.status);
  }
  const prepared = (spec.prepare ? await spec.prepare(before) : undefined) as P;
  const notice = spec.notice ? await spec.notice(before, prepared) : null;
  const now = ctx.deps.now();
  return inTransaction(ctx, async (t) => {
    const doc = await loadAccount(t, id);
    if (!doc) throw notFound('账号不存在或已删除');
    const g = guard(action, guardAccount(doc), actor);
    if (!g.ok) throw refusal(g.code, g.reason, doc.status);
    if (row.stepUp) await consumeStepUp(t, ctx, spec.stepUpId, row.stepUp);
    const patch = spec.change ? await spec.change(doc, prepared, t, now) : {};
    const status = row.to ?? doc.status;
    const next: AccountDoc = {
      ...doc,
      ...patch,
      status,
      history: [
        ...doc.history,
        historyEntry(ctx, action, doc.status, status, { reason: spec.reason, note: spec.note }),
      ],
      updatedAt: now,
    };
    const { _id, ...data } = { ...next, ...derived(next) };
    await t
      .collection(ACCOUNTS)
      .doc(_id)
      .set({ data: data as unknown as Record<string, unknown> });
    await traceChange(t, ctx, {
      target: { type: 'account', id },
      unitId: doc.owningUnitId,
      ...(spec.reason ? { reason: spec.reason } : {}),
      details: { from: doc.status, to: status, step: action },
    });
    if (notice) await notifyAll(t, ctx, notice.to, { ...notice, accountId: id });
    return { _id: id, status };
  });
}
