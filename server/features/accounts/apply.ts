import type { z } from 'zod';
import { PLATFORM_LABELS } from '@shared/accounts/contract';
import type { applyInput, resubmitInput } from '@shared/accounts/schemas';
import { guard } from '@shared/accounts/transitions';
import type { ActionContext } from '@server/runtime/action';
import { AppError, forbidden, notFound } from '@server/runtime/errors';
import { inTransaction, traceChange } from '@server/runtime/trace';
import { ACCOUNTS, type AccountDoc } from './model';
import {
  checkName,
  claimSlot,
  releaseSlot,
  requireUnit,
  resolveHolder,
  resolveResponsible,
  consumeException,
} from './rules';
import { countyOfficeUnitId, derived, guardAccount, guardActor, loadAccount, staffWithRole } from './support';
import { historyEntry, notifyAll } from './history';

// 申请开设 (第五条): unit staff apply; the application goes to the owning unit's leader.

type Application = z.output<typeof applyInput>;

async function prepare(app: Application, ctx: ActionContext) {
  const db = ctx.deps.db;
  const owning = await requireUnit(db, app.owningUnitId, 'owningUnitId', '主管部门');
  const managing =
    app.managingUnitId === app.owningUnitId
      ? owning
      : await requireUnit(db, app.managingUnitId, 'managingUnitId', '管理部门');
  const staff = ctx.caller.staff!;
  if (!staff.roles.some((g) => g.unitId === owning._id || g.unitId === managing._id)) {
    throw forbidden('只能为本单位申请开设账号');
  }
  const unitIds = [...new Set([owning._id, managing._id])];
  const responsible = await resolveResponsible(db, app.responsible, unitIds);
  const holder = await resolveHolder(db, app, owning._id);
  const nameException = await checkName(db, app.name, owning, app.platform);
  return { owning, managing, unitIds, responsible, holder, nameException };
}

export async function applyAccount(input: Application, ctx: ActionContext) {
  const p = await prepare(input, ctx);
  const now = ctx.deps.now();
  const id = ctx.deps.newId();
  const leaders = await staffWithRole(ctx.deps.db, p.owning._id, ['leader']);
  await inTransaction(ctx, async (t) => {
    const exceptions = [];
    if (input.type === 'institutional') {
      const extra = await claimSlot(t, ctx.deps.db, p.owning, input.platform, id);
      if (extra) exceptions.push(await consumeException(t, extra, id, now));
    }
    if (p.nameException) exceptions.push(await consumeException(t, p.nameException, id, now));
    const base = {
      platform: input.platform,
      type: input.type,
      owningUnitId: p.owning._id,
      managingUnitId: p.managing._id,
      unitIds: p.unitIds,
      name: input.name,
      purpose: input.purpose,
      status: 'applied' as const,
      responsible: p.responsible,
      holder: p.holder,
      openedAt: null,
      platformAccountId: '',
      link: '',
      qq: input.qq,
      applicantId: ctx.caller.staff!._id,
      filing: { dueAt: null, submittedAt: null, acceptedAt: null, acceptedBy: null, version: 0, returnedReason: null },
      refiling: null,
      closure: null,
      exceptions,
      images: { qr: null, verification: null },
      history: [historyEntry(ctx, 'apply', null, 'applied')],
      dirKey: null,
      createdAt: now,
      updatedAt: now,
    };
    const doc: Omit<AccountDoc, '_id'> = { ...base, ...derived(base) };
    await t
      .collection(ACCOUNTS)
      .doc(id)
      .set({ data: doc as unknown as Record<string, unknown> });
    await traceChange(t, ctx, {
      target: { type: 'account', id },
      unitId: p.owning._id,
      details: {
        platform: input.platform,
        type: input.type,
        name: input.name,
        exceptions: exceptions.map((e) => e.kind),
      },
    });
    await notifyAll(
      t,
      ctx,
      leaders.map((l) => l._id),
      {
        kind: 'account.unitApprovalNeeded',
        title: '政务账号开设待批准',
        body: `${p.owning.name}申请开设${PLATFORM_LABELS[input.platform]}「${input.name}」，请审批`,
        accountId: id,
      },
    );
  });
  return { _id: id, status: 'applied' as const };
}

/** A returned application, edited and sent to the leader again. */
export async function resubmitAccount(input: z.output<typeof resubmitInput>, ctx: ActionContext) {
  const app = input.application;
  const existing = await loadAccount(ctx.deps.db, input.id);
  if (!existing) throw notFound('账号不存在');
  const p = await prepare(app, ctx);
  const now = ctx.deps.now();
  const office = await countyOfficeUnitId(ctx.deps.db);
  const leaders = await staffWithRole(ctx.deps.db, p.owning._id, ['leader']);
  await inTransaction(ctx, async (t) => {
    const doc = await loadAccount(t, input.id);
    if (!doc) throw notFound('账号不存在');
    const g = guard('resubmit', guardAccount(doc), guardActor(ctx.caller.staff!, office));
    if (!g.ok) throw new AppError(g.code, g.reason, undefined, { status: doc.status });
    if (doc.owningUnitId !== p.owning._id) throw forbidden('重新提交时不能更换主管部门，请撤回后重新申请');
    const exceptions = [...doc.exceptions];
    if (doc.type === 'institutional' && (app.type !== 'institutional' || app.platform !== doc.platform)) {
      await releaseSlot(t, doc.owningUnitId, doc.platform, doc._id);
    }
    if (app.type === 'institutional') {
      const extra = await claimSlot(t, ctx.deps.db, p.owning, app.platform, doc._id);
      if (extra) exceptions.push(await consumeException(t, extra, doc._id, now));
    }
    if (p.nameException) exceptions.push(await consumeException(t, p.nameException, doc._id, now));
    const next = {
      ...doc,
      platform: app.platform,
      type: app.type,
      managingUnitId: p.managing._id,
      unitIds: p.unitIds,
      name: app.name,
      purpose: app.purpose,
      responsible: p.responsible,
      holder: p.holder,
      qq: app.qq,
      status: 'applied' as const,
      exceptions,
      history: [...doc.history, historyEntry(ctx, 'resubmit', doc.status, 'applied')],
      updatedAt: now,
    };
    const { _id, ...data } = { ...next, ...derived(next) };
    await t
      .collection(ACCOUNTS)
      .doc(_id)
      .set({ data: data as unknown as Record<string, unknown> });
    await traceChange(t, ctx, {
      target: { type: 'account', id: _id },
      unitId: doc.owningUnitId,
      details: { from: doc.status, to: 'applied' },
    });
    await notifyAll(
      t,
      ctx,
      leaders.map((l) => l._id),
      {
        kind: 'account.unitApprovalNeeded',
        title: '政务账号开设待批准',
        body: `${p.owning.name}修改后重新提交了「${app.name}」的开设申请`,
        accountId: _id,
      },
    );
  });
  return { _id: input.id, status: 'applied' as const };
}
