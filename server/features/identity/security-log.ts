import type { z } from 'zod';
import { actionLabel } from '@shared/access/permissions';
import type { captureReportInput, securityEventsInput } from '@shared/identity/schemas';
import type { ActionContext, StaffRecord } from '@server/runtime/action';
import { AUDIT, type AuditRecord } from '@server/runtime/audit';
import { forbidden, invalid } from '@server/runtime/errors';
import { inTransaction, traceChange } from '@server/runtime/trace';
import { STAFF } from './model';

// The security log: unit admins read their unit's entries of the audit trail; the information
// center reads every unit's. Entries are shown with the action's Chinese label and the actor's
// name, newest first, a page at a time.

export async function securityEvents(input: z.output<typeof securityEventsInput>, ctx: ActionContext) {
  const caller = ctx.caller.staff!;
  const county = caller.roles.some((g) => g.role === 'infoCenter');
  if (!input.unitId && !county) throw forbidden('请选择本单位查看安全日志');
  const db = ctx.deps.db;
  const _ = db.command;
  const filter: Record<string, unknown> = input.unitId ? { unitId: input.unitId } : {};
  if (input.cursor) {
    if (!/^\d{1,15}$/.test(input.cursor)) throw invalid('翻页参数无效', { cursor: '翻页参数无效' });
    filter.seq = _.lt(Number(input.cursor));
  }
  if (input.notableOnly) filter['details.decision'] = _.neq('admitted');
  const res = await db
    .collection(AUDIT)
    .where(filter)
    .orderBy('seq', 'desc')
    .limit(input.pageSize + 1)
    .get();
  const rows = (res.data as AuditRecord[]).slice(0, input.pageSize);
  const ids = [...new Set(rows.map((r) => r.actor.staffId).filter((x): x is string => Boolean(x)))];
  const people = ids.length
    ? ((
        await db
          .collection(STAFF)
          .where({ _id: _.in(ids) })
          .field({ name: true })
          .limit(100)
          .get()
      ).data as StaffRecord[])
    : [];
  const names = new Map(people.map((p) => [p._id, p.name]));
  return {
    items: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      action: r.action,
      label: actionLabel(r.action),
      result: r.result,
      reason: r.reason ?? null,
      actorName: r.actor.service
        ? r.actor.service.label
        : r.actor.staffId
          ? (names.get(r.actor.staffId) ?? '工作人员')
          : r.actor.openid
            ? '群众'
            : '系统',
      unitId: r.unitId ?? null,
      deviceId: r.deviceId ?? null,
      target: r.target ?? null,
    })),
    nextCursor: res.data.length > input.pageSize && rows.length ? String(rows[rows.length - 1].seq) : null,
  };
}

export async function reportCapture(input: z.output<typeof captureReportInput>, ctx: ActionContext) {
  const staff = ctx.caller.staff!;
  await inTransaction(ctx, (t) =>
    traceChange(t, ctx, {
      unitId: staff.roles[0]?.unitId ?? null,
      reason: input.kind === 'screenshot' ? `在「${input.page}」截屏` : `在「${input.page}」录屏`,
      details: { page: input.page, kind: input.kind },
    }),
  );
  return { recorded: true };
}
