import type { z } from 'zod';
import { pinProblem } from '@shared/identity/pin-policy';
import type { setPinInput, unlockInput } from '@shared/identity/schemas';
import type { ActionContext, StaffRecord } from '@server/runtime/action';
import { AppError } from '@server/runtime/errors';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import { DEVICES, STAFF } from './model';
import { checkPin, FRESH_GUARD, hashPin } from './pin';

// Setting the PIN, unlocking the app with it, and locking the app by hand.

export async function setPin(input: z.output<typeof setPinInput>, ctx: ActionContext) {
  const problem = pinProblem(input.pin);
  if (problem) throw new AppError('InvalidParameter', problem, { pin: problem });
  const staff = ctx.caller.staff!;
  const now = ctx.deps.now();
  if (staff.pin) {
    // Changing a PIN needs the current one, with the same lockout as any other PIN entry.
    if (!input.currentPin)
      throw new AppError('InvalidParameter', '修改 PIN 需要输入当前 PIN', { currentPin: '请输入当前 PIN' });
    const check = await inTransaction(ctx, async (t) => {
      const fresh = (await getDoc<StaffRecord>(t, STAFF, staff._id)) ?? staff;
      const c = await checkPin(fresh, input.currentPin!, now);
      await t
        .collection(STAFF)
        .doc(staff._id)
        .update({ data: { pinGuard: c.guard } });
      if (!c.ok) await traceChange(t, ctx, { result: 'refused', reason: c.message, details: { outcome: c.reason } });
      return c;
    });
    if (!check.ok)
      throw new AppError('Forbidden', check.message, { currentPin: check.message }, { reason: check.reason });
  }
  const pin = { ...(await hashPin(input.pin)), setAt: now };
  await inTransaction(ctx, async (t) => {
    await t
      .collection(STAFF)
      .doc(staff._id)
      .update({ data: { pin, pinGuard: { ...FRESH_GUARD } } });
    if (ctx.deviceId)
      await t
        .collection(DEVICES)
        .doc(ctx.deviceId)
        .update({ data: { lastActiveAt: now, locked: false } });
    await traceChange(t, ctx, {
      target: { type: 'staff', id: staff._id },
      reason: staff.pin ? '修改 PIN' : '首次设置 PIN',
    });
  });
  return { pinSet: true };
}

export async function unlock(input: z.output<typeof unlockInput>, ctx: ActionContext) {
  const staff = ctx.caller.staff!;
  const now = ctx.deps.now();
  const check = await inTransaction(ctx, async (t) => {
    const fresh = (await getDoc<StaffRecord>(t, STAFF, staff._id)) ?? staff;
    const c = await checkPin(fresh, input.pin, now);
    await t
      .collection(STAFF)
      .doc(staff._id)
      .update({ data: { pinGuard: c.guard } });
    if (c.ok && ctx.deviceId) {
      await t
        .collection(DEVICES)
        .doc(ctx.deviceId)
        .update({ data: { lastActiveAt: now, locked: false } });
    }
    await traceChange(t, ctx, {
      target: { type: 'device', id: ctx.deviceId ?? '' },
      ...(c.ok ? {} : { result: 'refused' as const, reason: c.message, details: { outcome: c.reason } }),
    });
    return c;
  });
  if (!check.ok) {
    const code =
      check.reason === 'pin-wrong' ? 'Forbidden' : check.reason === 'pin-not-set' ? 'Unauthenticated' : 'RateLimited';
    throw new AppError(code, check.message, { pin: check.message }, { reason: check.reason });
  }
  return { unlocked: true };
}

export async function lockNow(_input: unknown, ctx: ActionContext) {
  await inTransaction(ctx, async (t) => {
    if (ctx.deviceId)
      await t
        .collection(DEVICES)
        .doc(ctx.deviceId)
        .update({ data: { locked: true } });
    await traceChange(t, ctx, { target: { type: 'device', id: ctx.deviceId ?? '' } });
  });
  return { locked: true };
}
