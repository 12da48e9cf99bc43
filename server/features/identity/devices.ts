import type { z } from 'zod';
import { SECURITY_POLICY } from '@shared/identity/policy';
import type { registerDeviceInput, deviceIdInput, reportLostInput } from '@shared/identity/schemas';
import type { ActionContext, StaffRecord } from '@server/runtime/action';
import { AppError, conflict, forbidden, notFound } from '@server/runtime/errors';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import { consumeStepUp } from './stepup';
import { DEVICES, STAFF, type DeviceDoc } from './model';

// Trusted devices (notice 第二十一条): a phone is bound by its holder, approved by the unit
// admin, at most two per person, and refused at once when reported lost.

const trustedCount = async (ctx: ActionContext, staffId: string) =>
  (await ctx.deps.db.collection(DEVICES).where({ staffId, status: 'trusted' }).count()).total as number;

export async function registerDevice(input: z.output<typeof registerDeviceInput>, ctx: ActionContext) {
  const staff = ctx.caller.staff!;
  const now = ctx.deps.now();
  if ((await trustedCount(ctx, staff._id)) >= SECURITY_POLICY.maxTrustedDevices) {
    throw new AppError(
      'Forbidden',
      `每人最多绑定 ${SECURITY_POLICY.maxTrustedDevices} 台设备，请先挂失或解绑一台`,
      undefined,
      {
        reason: 'device-limit',
      },
    );
  }
  const anyDevice = await ctx.deps.db.collection(DEVICES).where({ staffId: staff._id }).limit(1).get();
  const trustAtOnce =
    Boolean((staff as StaffRecord & { trustFirstDevice?: boolean }).trustFirstDevice) && !anyDevice.data.length;
  return inTransaction(ctx, async (t) => {
    const existing = await getDoc<DeviceDoc>(t, DEVICES, input.deviceId);
    if (existing) {
      if (existing.staffId !== staff._id) {
        throw new AppError('Forbidden', '这台设备已绑定在其他人名下', undefined, { reason: 'device-foreign' });
      }
      throw conflict('本机已经登记过了', { status: existing.status, reason: 'device-exists' });
    }
    const doc: Omit<DeviceDoc, '_id'> = {
      staffId: staff._id,
      openid: ctx.caller.openid,
      secret: input.secret,
      info: input.info,
      status: trustAtOnce ? 'trusted' : 'pending',
      createdAt: now,
      ...(trustAtOnce ? { approvedAt: now, approvedBy: 'bootstrap' } : {}),
      lastActiveAt: null,
      locked: false,
    };
    await t.collection(DEVICES).doc(input.deviceId).set({ data: doc });
    if (trustAtOnce)
      await t
        .collection(STAFF)
        .doc(staff._id)
        .update({ data: { trustFirstDevice: false } });
    await traceChange(t, ctx, {
      unitId: staff.roles[0]?.unitId ?? staff.pendingRoles?.[0]?.unitId ?? null,
      target: { type: 'device', id: input.deviceId },
      reason: trustAtOnce ? '初始管理员的第一台设备，按引导令牌直接信任' : '申请绑定本机',
      details: { info: input.info },
    });
    return { deviceId: input.deviceId, status: doc.status };
  });
}

/** The unit a device's holder belongs to, for the permission table's scope. */
export async function deviceUnit(deviceId: string, ctx: ActionContext): Promise<string | null> {
  const d = await getDoc<DeviceDoc>(ctx.deps.db, DEVICES, deviceId);
  if (!d) return null;
  const s = await getDoc<StaffRecord>(ctx.deps.db, STAFF, d.staffId);
  return s?.roles[0]?.unitId ?? s?.pendingRoles?.[0]?.unitId ?? null;
}

export async function approveDevice(input: z.output<typeof deviceIdInput> & { stepUpId?: string }, ctx: ActionContext) {
  const now = ctx.deps.now();
  const d0 = await getDoc<DeviceDoc>(ctx.deps.db, DEVICES, input.deviceId);
  if (!d0) throw notFound('没有找到这台设备');
  const trusted = await trustedCount(ctx, d0.staffId);
  return inTransaction(ctx, async (t) => {
    const d = await getDoc<DeviceDoc>(t, DEVICES, input.deviceId);
    if (!d) throw notFound('没有找到这台设备');
    if (d.status !== 'pending')
      throw new AppError(
        'InvalidTransition',
        d.status === 'trusted' ? '这台设备已经批准过了' : '这台设备已挂失，不能再批准',
      );
    if (trusted >= SECURITY_POLICY.maxTrustedDevices) {
      throw forbidden(`该工作人员已有 ${SECURITY_POLICY.maxTrustedDevices} 台受信任设备，不能再批准第三台`);
    }
    await consumeStepUp(t, ctx, input.stepUpId, 'device.change');
    await t
      .collection(DEVICES)
      .doc(d._id)
      .update({ data: { status: 'trusted', approvedAt: now, approvedBy: ctx.caller.staff!._id } });
    await traceChange(t, ctx, {
      target: { type: 'device', id: d._id },
      reason: '批准设备',
      details: { holder: d.staffId },
    });
    return { deviceId: d._id, status: 'trusted' };
  });
}

export async function reportLost(input: z.output<typeof reportLostInput>, ctx: ActionContext) {
  const caller = ctx.caller.staff!;
  const now = ctx.deps.now();
  return inTransaction(ctx, async (t) => {
    const d = await getDoc<DeviceDoc>(t, DEVICES, input.deviceId);
    if (!d) throw notFound('没有找到这台设备');
    if (d.staffId !== caller._id) {
      // Someone else's phone: only that person's unit admin (or the information center).
      const holder = await getDoc<StaffRecord & { unitIds?: string[]; pendingUnitIds?: string[] }>(t, STAFF, d.staffId);
      const adminUnits = caller.roles.filter((g) => g.role === 'unitAdmin').map((g) => g.unitId);
      const county = caller.status === 'active' && caller.roles.some((g) => g.role === 'infoCenter');
      const theirs = [
        ...(holder?.unitIds ?? holder?.roles.map((g) => g.unitId) ?? []),
        ...(holder?.pendingUnitIds ?? []),
      ];
      if (!county && !(caller.status === 'active' && theirs.some((u) => adminUnits.includes(u)))) {
        throw forbidden('只能挂失自己的设备，或本单位人员的设备');
      }
    }
    if (d.status === 'revoked') return { deviceId: d._id, status: 'revoked' };
    const reason = input.reason ?? (d.staffId === caller._id ? '本人挂失' : '单位管理员挂失');
    await t
      .collection(DEVICES)
      .doc(d._id)
      .update({ data: { status: 'revoked', revokedAt: now, revokedBy: caller._id, revokeReason: reason } });
    await traceChange(t, ctx, { target: { type: 'device', id: d._id }, reason, details: { holder: d.staffId } });
    return { deviceId: d._id, status: 'revoked' };
  });
}
