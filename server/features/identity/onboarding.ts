import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import { isCountyRole, ROLE_LABELS, type Role, type RoleGrant } from '@shared/access/roles';
import { SECURITY_POLICY } from '@shared/identity/policy';
import type {
  createInviteInput,
  redeemInviteInput,
  staffDecisionInput,
  disableStaffInput,
  staffIdInput,
} from '@shared/identity/schemas';
import type { ActionContext, StaffRecord } from '@server/runtime/action';
import { AppError, forbidden, invalid, notFound } from '@server/runtime/errors';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import { findActiveUnit } from './units';
import { DEVICES, INVITES, STAFF, type DeviceDoc, type InviteDoc } from './model';
import { inviteImageMaker, JOIN_PAGE } from './invite-qr';

// Onboarding on the phone: a unit admin creates a one-time invite (a role in the unit, 72 hours);
// the invitee redeems it with name, 职务 and phone; the unit admin approves (the information
// center approves unit admins and county roles). Staff can be disabled, which ends every device.

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const newInviteCode = () =>
  Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/** Roles only the information center may grant: unit admins and the county roles. */
const needsInfoCenter = (role: Role) => role === 'unitAdmin' || isCountyRole(role);
const isInfoCenter = (s: StaffRecord | null) => Boolean(s?.roles.some((g) => g.role === 'infoCenter'));
const unitIdsOf = (grants: RoleGrant[]) => [...new Set(grants.map((g) => g.unitId))];

export async function createInvite(input: z.output<typeof createInviteInput>, ctx: ActionContext) {
  const role = input.role as Role;
  if (needsInfoCenter(role) && !isInfoCenter(ctx.caller.staff)) {
    throw forbidden(`${ROLE_LABELS[role]}的邀请只能由县政府信息中心创建`);
  }
  const unit = await findActiveUnit(ctx.deps.db, input.unitId);
  if (!unit) throw invalid('单位不存在', { unitId: '请选择有效的单位' });
  if (role === 'infoCenter' && unit.role !== 'infoCenter')
    throw invalid('县政府信息中心角色只能属于县政府信息中心', { unitId: '单位与角色不符' });
  if (role === 'supervisor' && unit.role !== 'supervision')
    throw invalid('督查角色只能属于县政府督查室', { unitId: '单位与角色不符' });
  const now = ctx.deps.now();
  const code = newInviteCode();
  const invite: Omit<InviteDoc, '_id'> = {
    unitId: unit._id,
    role,
    createdBy: ctx.caller.staff!._id,
    createdAt: now,
    expiresAt: now + SECURITY_POLICY.inviteTtlMs,
  };
  await inTransaction(ctx, async (t) => {
    await t.collection(INVITES).doc(code).set({ data: invite });
    await traceChange(t, ctx, { unitId: unit._id, target: { type: 'invite', id: code }, details: { role } });
  });
  // The picture is drawn after the commit: it is not state, and a failure to draw it leaves the
  // code and the path, which work on their own.
  const image = await inviteImageMaker().make(code);
  return { code, unitName: unit.name, role, expiresAt: invite.expiresAt, path: `${JOIN_PAGE}?code=${code}`, image };
}

export async function redeemInvite(input: z.output<typeof redeemInviteInput>, ctx: ActionContext) {
  const now = ctx.deps.now();
  const existing = ctx.caller.staff;
  if (existing?.status === 'disabled') throw forbidden('您的工作人员账号已停用，不能使用邀请码');
  const staffId = existing?._id ?? ctx.deps.newId();
  const result = await inTransaction(ctx, async (t) => {
    const invite = await getDoc<InviteDoc & { preApproved?: boolean; trustFirstDevice?: boolean }>(
      t,
      INVITES,
      input.code,
    );
    if (!invite || invite.revoked) return { error: '邀请码不存在，请核对后重新输入' };
    if (invite.usedAt) return { error: '这个邀请码已经使用过了，请向单位管理员索取新的邀请码' };
    if (invite.expiresAt <= now) return { error: '邀请码已过期（有效期 72 小时），请向单位管理员索取新的邀请码' };
    const grant: RoleGrant = { role: invite.role as Role, unitId: invite.unitId };
    const base = existing ?? {
      openid: ctx.caller.openid,
      roles: [],
      pendingRoles: [],
      status: 'pending',
      createdAt: now,
    };
    const roles = invite.preApproved ? [...(base.roles ?? []), grant] : (base.roles ?? []);
    const pendingRoles = invite.preApproved ? (base.pendingRoles ?? []) : [...(base.pendingRoles ?? []), grant];
    const doc = {
      ...base,
      name: input.name,
      title: input.title,
      mobile: input.mobile,
      roles,
      pendingRoles,
      unitIds: unitIdsOf(roles),
      pendingUnitIds: unitIdsOf(pendingRoles),
      pendingNeedsInfoCenter: pendingRoles.some((g) => needsInfoCenter(g.role)),
      status: invite.preApproved ? 'active' : base.status,
      ...(invite.trustFirstDevice ? { trustFirstDevice: true } : {}),
    };
    delete (doc as { _id?: string })._id;
    await t.collection(STAFF).doc(staffId).set({ data: doc });
    await t
      .collection(INVITES)
      .doc(input.code)
      .update({ data: { usedBy: staffId, usedAt: now } });
    await traceChange(t, ctx, {
      action: 'invites.redeem',
      unitId: invite.unitId,
      target: { type: 'staff', id: staffId },
      details: { role: invite.role, invite: input.code, preApproved: Boolean(invite.preApproved) },
    });
    return { status: doc.status as string, role: invite.role, unitId: invite.unitId };
  });
  if ('error' in result) throw new AppError('InvalidParameter', result.error!, { code: result.error! });
  const unit = await findActiveUnit(ctx.deps.db, (result as { unitId: string }).unitId);
  return { staffId, ...result, unitName: unit?.name ?? '' };
}

/** The unit whose admin decides on a pending person (their first pending grant). */
export async function pendingUnitOf(staffId: string, ctx: ActionContext): Promise<string | null> {
  const s = await getDoc<StaffRecord>(ctx.deps.db, STAFF, staffId);
  return s?.pendingRoles?.[0]?.unitId ?? s?.roles[0]?.unitId ?? null;
}

export async function decideStaff(input: z.output<typeof staffDecisionInput>, ctx: ActionContext) {
  if (!input.approve && !input.reason) throw invalid('不予批准时请写明理由', { reason: '请填写理由' });
  const now = ctx.deps.now();
  const caller = ctx.caller.staff!;
  return inTransaction(ctx, async (t) => {
    const s = await getDoc<StaffRecord & { unitIds?: string[] }>(t, STAFF, input.staffId);
    if (!s) throw notFound('没有找到这位工作人员');
    const pending = s.pendingRoles ?? [];
    if (!pending.length) throw new AppError('InvalidTransition', '这位工作人员没有待审批的角色');
    const adminUnits = caller.roles.filter((g) => g.role === 'unitAdmin').map((g) => g.unitId);
    const mine = pending.filter((g) =>
      needsInfoCenter(g.role) ? isInfoCenter(caller) : isInfoCenter(caller) || adminUnits.includes(g.unitId),
    );
    if (!mine.length) throw forbidden('单位管理员和县级角色须由县政府信息中心审批');
    const rest = pending.filter((g) => !mine.includes(g));
    const roles = input.approve ? [...s.roles, ...mine] : s.roles;
    const status = s.status === 'disabled' ? 'disabled' : roles.length ? 'active' : 'pending';
    await t
      .collection(STAFF)
      .doc(s._id)
      .update({
        data: {
          roles,
          pendingRoles: rest,
          unitIds: unitIdsOf(roles),
          pendingUnitIds: unitIdsOf(rest),
          pendingNeedsInfoCenter: rest.some((g) => needsInfoCenter(g.role)),
          status,
          approvedAt: now,
          approvedBy: caller._id,
        },
      });
    await traceChange(t, ctx, {
      unitId: mine[0].unitId,
      target: { type: 'staff', id: s._id },
      reason: input.approve ? `批准：${mine.map((g) => ROLE_LABELS[g.role]).join('、')}` : input.reason,
      details: { approve: input.approve, roles: mine },
    });
    return { staffId: s._id, status, roles };
  });
}

/** Units the caller administers (all, for the information center). */
function assertCanManage(caller: StaffRecord, target: StaffRecord & { unitIds?: string[] }) {
  if (isInfoCenter(caller)) return;
  const adminUnits = caller.roles.filter((g) => g.role === 'unitAdmin').map((g) => g.unitId);
  const targetUnits = target.unitIds ?? unitIdsOf(target.roles);
  if (!targetUnits.length || !targetUnits.every((u) => adminUnits.includes(u))) {
    throw forbidden('只能管理本单位的工作人员');
  }
}

export async function disableStaff(input: z.output<typeof disableStaffInput>, ctx: ActionContext) {
  const now = ctx.deps.now();
  const caller = ctx.caller.staff!;
  if (input.staffId === caller._id) throw forbidden('不能停用自己的账号');
  const devices = await ctx.deps.db.collection(DEVICES).where({ staffId: input.staffId }).limit(100).get();
  return inTransaction(ctx, async (t) => {
    const s = await getDoc<StaffRecord>(t, STAFF, input.staffId);
    if (!s) throw notFound('没有找到这位工作人员');
    assertCanManage(caller, s);
    await t
      .collection(STAFF)
      .doc(s._id)
      .update({ data: { status: 'disabled', disabledAt: now, disabledBy: caller._id } });
    let revoked = 0;
    for (const d of devices.data as DeviceDoc[]) {
      if (d.status === 'revoked') continue;
      await t
        .collection(DEVICES)
        .doc(d._id)
        .update({
          data: { status: 'revoked', revokedAt: now, revokedBy: caller._id, revokeReason: '人员停用' },
        });
      revoked += 1;
    }
    await traceChange(t, ctx, {
      unitId: s.roles[0]?.unitId ?? null,
      target: { type: 'staff', id: s._id },
      reason: input.reason,
      details: { devicesRevoked: revoked },
    });
    return { staffId: s._id, status: 'disabled', devicesRevoked: revoked };
  });
}

export async function unlockStaff(input: z.output<typeof staffIdInput>, ctx: ActionContext) {
  const caller = ctx.caller.staff!;
  return inTransaction(ctx, async (t) => {
    const s = await getDoc<StaffRecord>(t, STAFF, input.staffId);
    if (!s) throw notFound('没有找到这位工作人员');
    assertCanManage(caller, s);
    await t
      .collection(STAFF)
      .doc(s._id)
      .update({ data: { pinGuard: { consecutive: 0, lockedUntil: 0, recent: [], hardLocked: false } } });
    await traceChange(t, ctx, {
      unitId: s.roles[0]?.unitId ?? null,
      target: { type: 'staff', id: s._id },
      reason: '解除 PIN 锁定',
    });
    return { staffId: s._id, unlocked: true };
  });
}
