import type { z } from 'zod';
import { SECURITY_POLICY, STEP_UP_LABELS, type StepUpPurpose } from '@shared/identity/policy';
import type { stepUpInput } from '@shared/identity/schemas';
import type { ActionContext, StaffRecord } from '@server/runtime/action';
import type { TxLike } from '@server/runtime/audit';
import { AppError } from '@server/runtime/errors';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import { STAFF, STEP_UPS, type StepUpDoc } from './model';
import { checkPin } from './pin';
import { biometricVerifier } from './soter';

// Step-up: approving, returning or publishing a post, closing an account and changing devices
// need a fresh PIN (or SOTER biometrics on weapp). A successful check issues a single-use
// ticket valid for 5 minutes; the sensitive action consumes it in its own transaction.

type Input = z.output<typeof stepUpInput>;

export async function verifyStepUp(input: Input, ctx: ActionContext) {
  const staff = ctx.caller.staff!;
  const now = ctx.deps.now();
  let failure: string | null = null;
  let method: 'pin' | 'soter' = 'pin';
  if (input.soter) {
    method = 'soter';
    const verdict = await biometricVerifier().verify(ctx.caller.openid, input.soter);
    if (!verdict.ok) failure = verdict.message;
  } else if (!input.pin) {
    throw new AppError('InvalidParameter', '请输入 PIN', { pin: '请输入 6 位 PIN' });
  }
  const ticketId = ctx.deps.newId();
  const result = await inTransaction(ctx, async (t) => {
    if (method === 'pin') {
      const fresh = (await getDoc<StaffRecord>(t, STAFF, staff._id)) ?? staff;
      const check = await checkPin(fresh, input.pin!, now);
      await t
        .collection(STAFF)
        .doc(staff._id)
        .update({ data: { pinGuard: check.guard } });
      if (!check.ok) {
        await traceChange(t, ctx, {
          result: 'refused',
          reason: check.message,
          details: { purpose: input.purpose, outcome: check.reason },
        });
        return { ok: false as const, message: check.message, reason: check.reason };
      }
    } else if (failure) {
      await traceChange(t, ctx, {
        result: 'refused',
        reason: failure,
        details: { purpose: input.purpose, outcome: 'soter-failed' },
      });
      return { ok: false as const, message: failure, reason: 'soter-failed' };
    }
    const ticket: Omit<StepUpDoc, '_id'> = {
      staffId: staff._id,
      deviceId: ctx.deviceId,
      purpose: input.purpose,
      method,
      createdAt: now,
      expiresAt: now + SECURITY_POLICY.stepUpTtlMs,
      usedAt: null,
    };
    await t.collection(STEP_UPS).doc(ticketId).set({ data: ticket });
    await traceChange(t, ctx, {
      target: { type: 'stepUp', id: ticketId },
      details: { purpose: input.purpose, method },
    });
    return { ok: true as const };
  });
  if (!result.ok) {
    throw new AppError(
      result.reason === 'pin-wrong' ? 'Forbidden' : 'RateLimited',
      result.message,
      { pin: result.message },
      { reason: result.reason },
    );
  }
  return { stepUpId: ticketId, expiresAt: now + SECURITY_POLICY.stepUpTtlMs };
}

/** Consumes a step-up ticket inside the sensitive action's transaction, or refuses. */
export async function consumeStepUp(
  t: TxLike,
  ctx: ActionContext,
  stepUpId: string | undefined,
  purpose: StepUpPurpose,
) {
  const label = STEP_UP_LABELS[purpose];
  const refuse = (why: string) =>
    new AppError('Forbidden', `${label}前需要重新验证 PIN（${why}）`, undefined, {
      reason: 'stepup-required',
      purpose,
    });
  if (!stepUpId) throw refuse('未验证');
  const ticket = await getDoc<StepUpDoc>(t, STEP_UPS, stepUpId);
  const now = ctx.deps.now();
  if (!ticket || ticket.staffId !== ctx.caller.staff?._id) throw refuse('验证凭据无效');
  if (ticket.purpose !== purpose) throw refuse('验证用途不符');
  if (ticket.usedAt !== null) throw refuse('验证凭据已使用过');
  if (ticket.expiresAt <= now) throw refuse('验证已超过 5 分钟');
  await t
    .collection(STEP_UPS)
    .doc(stepUpId)
    .update({ data: { usedAt: now } });
}
