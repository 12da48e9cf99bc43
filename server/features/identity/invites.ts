import type { z } from 'zod';
import { isCountyRole, ROLE_LABELS, type Role } from '@shared/access/roles';
import type { cancelInviteInput, openInvitesInput } from '@shared/identity/schemas';
import type { ActionContext } from '@server/runtime/action';
import { conflict, forbidden, invalidTransition, notFound } from '@server/runtime/errors';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import { pageNewestFirst } from '@server/runtime/paging';
import { INVITES, STAFF, type InviteDoc } from './model';

// The invites a unit has handed out and nobody has used yet: its admin sees them and can cancel
// one that went to the wrong person or is no longer needed, before anyone redeems it (the code is
// the only secret between the invite and a registration).

export interface OpenInviteView {
  code: string;
  role: string;
  createdAt: number;
  expiresAt: number;
  createdByName: string;
}

/** Open invites of a unit, newest first: not used, not cancelled, not expired. */
export async function listOpenInvites(input: z.output<typeof openInvitesInput>, ctx: ActionContext) {
  const { db } = ctx.deps;
  const _ = db.command;
  const filter = {
    unitId: input.unitId,
    expiresAt: _.gt(ctx.deps.now()),
    usedAt: _.exists(false),
    revoked: _.neq(true),
  };
  const page = await pageNewestFirst<InviteDoc, InviteDoc>(db, INVITES, filter, input.pageSize, input.cursor, (d) => d);
  const creators = [...new Set(page.items.map((d) => d.createdBy))];
  const names = new Map<string, string>();
  if (creators.length) {
    const res = await db
      .collection(STAFF)
      .where({ _id: _.in(creators) })
      .field({ name: true })
      .limit(creators.length)
      .get();
    for (const s of res.data as Array<{ _id: string; name: string }>) names.set(s._id, s.name);
  }
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((d): OpenInviteView => ({
      code: d._id,
      role: d.role,
      createdAt: d.createdAt,
      expiresAt: d.expiresAt,
      createdByName: names.get(d.createdBy) ?? '',
    })),
  };
}

/** The unit of an invite, for the permission check (null when there is no such code). */
export async function inviteUnitOf(code: string, ctx: ActionContext): Promise<string | null> {
  return (await getDoc<InviteDoc>(ctx.deps.db, INVITES, code))?.unitId ?? null;
}

/** Cancels an unused invite: the code stops working at once. */
export async function cancelInvite(input: z.output<typeof cancelInviteInput>, ctx: ActionContext) {
  const now = ctx.deps.now();
  const caller = ctx.caller.staff!;
  return inTransaction(ctx, async (t) => {
    const inv = await getDoc<InviteDoc>(t, INVITES, input.code);
    if (!inv) throw notFound('邀请码不存在');
    const role = inv.role as Role;
    // Whoever may not hand out this role may not take it back either (unit admins, county roles).
    const infoCenterOnly = role === 'unitAdmin' || isCountyRole(role);
    if (infoCenterOnly && !caller.roles.some((g) => g.role === 'infoCenter'))
      throw forbidden(`${ROLE_LABELS[role]}的邀请只能由县政府信息中心作废`);
    if (inv.revoked) throw conflict('这个邀请码已经作废');
    if (inv.usedAt)
      throw invalidTransition('这个邀请码已被使用，不能作废；如不批准其登记，请在「待审批」中拒绝，或停用该人员');
    if (inv.expiresAt <= now) throw invalidTransition('这个邀请码已过期，无需作废');
    await t
      .collection(INVITES)
      .doc(input.code)
      .update({ data: { revoked: true, revokedAt: now, revokedBy: caller._id } });
    await traceChange(t, ctx, {
      unitId: inv.unitId,
      target: { type: 'invite', id: input.code },
      details: { role: inv.role },
    });
    return { code: input.code, cancelled: true };
  });
}
