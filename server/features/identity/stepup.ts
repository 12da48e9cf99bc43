import type { z } from 'zod';
import { SECURITY_POLICY, STEP_UP_LABELS, type StepUpPurpose } from '@shared/identity/policy';
import type { stepUpChallengeInput, stepUpInput } from '@shared/identity/schemas';
import type { ActionContext, StaffRecord } from '@server/runtime/action';
import type { TxLike } from '@server/runtime/audit';
import { AppError } from '@server/runtime/errors';
import { getDoc, inTransaction, noteStepUpSpent, traceChange } from '@server/runtime/trace';
import { STAFF, STEP_UP_CHALLENGES, STEP_UPS, type StepUpChallengeDoc, type StepUpDoc } from './model';
import { checkPin } from './pin';
import { biometricVerifier } from './soter';

// Step-up: approving, returning or publishing a post, closing an account and changing devices
// need a fresh PIN (or SOTER biometrics on weapp). A successful check issues a single-use
// ticket valid for 5 minutes; the sensitive action consumes it in its own transaction.
// SOTER: the phone signs a server challenge (single use, 5 minutes, bound to the person, the
// device and the purpose) inside its secure element; the signature alone would be valid for
// ever, so without the challenge an old proof could be replayed.

type Input = z.output<typeof stepUpInput>;

export async function issueStepUpChallenge(input: z.output<typeof stepUpChallengeInput>, ctx: ActionContext) {
  const now = ctx.deps.now();
  const verifier = biometricVerifier();
  // Where the server cannot verify SOTER (locally), no challenge is stored: the phone is told to
  // use the PIN instead of being shown a fingerprint prompt whose answer nobody could check.
  if (!verifier.available) return { challenge: null, expiresAt: null, soterAvailable: false };
  const challenge = ctx.deps.newId();
  const doc: Omit<StepUpChallengeDoc, '_id'> = {
    staffId: ctx.caller.staff!._id,
    deviceId: ctx.deviceId,
    purpose: input.purpose,
    createdAt: now,
    expiresAt: now + SECURITY_POLICY.stepUpTtlMs,
    usedAt: null,
  };
  await inTransaction(ctx, async (t) => {
    await t.collection(STEP_UP_CHALLENGES).doc(challenge).set({ data: doc });
    await traceChange(t, ctx, {
      target: { type: 'stepUpChallenge', id: challenge },
      details: { purpose: input.purpose },
    });
  });
  return { challenge, expiresAt: doc.expiresAt, soterAvailable: true };
}

/** The challenge the phone signed, read from SOTER's resultJSON; null when it carries none. */
function signedChallenge(resultJSON: string): string | null {
  try {
    const parsed: unknown = JSON.parse(resultJSON);
    const c = (parsed as { challenge?: unknown } | null)?.challenge;
    return typeof c === 'string' && c.length > 0 && c.length <= 64 ? c : null;
  } catch {
    return null;
  }
}

/** Why a signed challenge cannot be used, or null when it is this person's, this phone's, fresh and unused. */
function challengeProblem(c: StepUpChallengeDoc | null, ctx: ActionContext, purpose: string, now: number) {
  if (!c || c.staffId !== ctx.caller.staff!._id || c.deviceId !== ctx.deviceId)
    return '生物认证的挑战码无效，请重新验证';
  if (c.purpose !== purpose) return '生物认证的挑战码不是为这项操作申请的，请重新验证';
  if (c.usedAt !== null) return '生物认证结果已使用过，请重新验证';
  if (c.expiresAt <= now) return '生物认证已超过 5 分钟，请重新验证';
  return null;
}

export async function verifyStepUp(input: Input, ctx: ActionContext) {
  const staff = ctx.caller.staff!;
  const now = ctx.deps.now();
  let failure: string | null = null;
  let method: 'pin' | 'soter' = 'pin';
  const challengeId = input.soter ? signedChallenge(input.soter.resultJSON) : null;
  if (input.soter) {
    method = 'soter';
    if (!challengeId) failure = '生物认证结果缺少挑战码，请重新验证';
    else {
      const verdict = await biometricVerifier().verify(ctx.caller.openid, input.soter);
      if (!verdict.ok) failure = verdict.message;
    }
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
    } else {
      // The challenge is spent by any answer that names it, good or bad: one try per challenge.
      const c = challengeId ? await getDoc<StepUpChallengeDoc>(t, STEP_UP_CHALLENGES, challengeId) : null;
      failure ??= challengeProblem(c, ctx, input.purpose, now);
      if (c && c.usedAt === null && c.staffId === ctx.caller.staff!._id)
        await t
          .collection(STEP_UP_CHALLENGES)
          .doc(c._id)
          .update({ data: { usedAt: now } });
    }
    if (method === 'soter' && failure) {
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
      result.reason === 'pin-wrong' || result.reason === 'soter-failed' ? 'Forbidden' : 'RateLimited',
      result.message,
      { [method]: result.message },
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
  noteStepUpSpent(t, stepUpId);
}
