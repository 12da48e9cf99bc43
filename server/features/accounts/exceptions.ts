import type { z } from 'zod';
import { PLATFORM_LABELS } from '@shared/accounts/contract';
import { checkAccountName } from '@shared/accounts/naming';
import {
  EXCEPTION_KIND_LABELS,
  type grantExceptionInput,
  type listExceptionsInput,
  type reasonInput,
} from '@shared/accounts/schemas';
import type { AccountExceptionView } from '@shared/accounts/views';
import type { ActionContext } from '@server/runtime/action';
import { AppError, invalid, notFound } from '@server/runtime/errors';
import { pageNewestFirst } from '@server/runtime/paging';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import { ACCOUNT_EXCEPTIONS, type ExceptionDoc } from './model';
import { requireUnit } from './rules';
import { unitMap } from './support';

// Exceptions the information center records, with a reason, before a unit applies: a name not
// containing the unit's name (第五条) or a second institutional account on one platform
// (国办发〔2018〕123号 "原则上"). Each is single-use: the application that relies on it consumes it.

export async function grantException(input: z.output<typeof grantExceptionInput>, ctx: ActionContext) {
  const unit = await requireUnit(ctx.deps.db, input.unitId, 'unitId', '单位');
  if (input.kind === 'name' && input.name && checkAccountName(input.name, unit).ok) {
    throw invalid('该名称已包含单位名称或简称，不需要例外', { name: '该名称已包含单位名称或简称，不需要例外' });
  }
  const now = ctx.deps.now();
  const id = ctx.deps.newId();
  const staff = ctx.caller.staff!;
  const doc: Omit<ExceptionDoc, '_id'> = {
    kind: input.kind,
    unitId: unit._id,
    platform: input.platform,
    name: input.kind === 'name' ? (input.name ?? null) : null,
    reason: input.reason,
    grantedBy: staff._id,
    grantedByName: staff.name,
    grantedAt: now,
    usedByAccountId: null,
    usedAt: null,
    revokedAt: null,
    revokedReason: null,
    state: 'open',
    createdAt: now,
  };
  await inTransaction(ctx, async (t) => {
    await t
      .collection(ACCOUNT_EXCEPTIONS)
      .doc(id)
      .set({ data: doc as unknown as Record<string, unknown> });
    await traceChange(t, ctx, {
      target: { type: 'accountException', id },
      unitId: unit._id,
      reason: input.reason,
      details: { kind: input.kind, platform: input.platform, name: doc.name },
    });
  });
  return {
    _id: id,
    summary: `已为${unit.name}登记${EXCEPTION_KIND_LABELS[input.kind]}（${PLATFORM_LABELS[input.platform]}${doc.name ? `「${doc.name}」` : ''}）`,
  };
}

export async function revokeException(input: z.output<typeof reasonInput>, ctx: ActionContext) {
  const now = ctx.deps.now();
  await inTransaction(ctx, async (t) => {
    const doc = await getDoc<ExceptionDoc>(t, ACCOUNT_EXCEPTIONS, input.id);
    if (!doc) throw notFound('例外记录不存在');
    if (doc.state !== 'open')
      throw new AppError('Conflict', doc.state === 'used' ? '该例外已被账号使用，不能撤销' : '该例外已撤销');
    await t
      .collection(ACCOUNT_EXCEPTIONS)
      .doc(input.id)
      .update({ data: { state: 'revoked', revokedAt: now, revokedReason: input.reason } });
    await traceChange(t, ctx, {
      target: { type: 'accountException', id: input.id },
      unitId: doc.unitId,
      reason: input.reason,
    });
  });
  return { _id: input.id, state: 'revoked' as const };
}

export async function listExceptions(input: z.output<typeof listExceptionsInput>, ctx: ActionContext) {
  const db = ctx.deps.db;
  const units = await unitMap(db);
  return pageNewestFirst<ExceptionDoc, AccountExceptionView>(
    db,
    ACCOUNT_EXCEPTIONS,
    input.unitId ? { unitId: input.unitId } : {},
    input.pageSize,
    input.cursor,
    (e) => ({
      _id: e._id,
      kind: e.kind,
      unitId: e.unitId,
      unitName: units.get(e.unitId)?.name ?? '（已撤销单位）',
      platform: e.platform,
      name: e.name,
      reason: e.reason,
      grantedByName: e.grantedByName,
      grantedAt: e.grantedAt,
      usedByAccountId: e.usedByAccountId,
      revokedAt: e.revokedAt,
    }),
  );
}
