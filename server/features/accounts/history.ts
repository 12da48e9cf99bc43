import { TRANSITIONS, type AccountAction } from '@shared/accounts/transitions';
import type { AccountStatus } from '@shared/accounts/states';
import type { ActionContext } from '@server/runtime/action';
import type { TxLike } from '@server/runtime/audit';
import { notify } from '@server/features/notifications/notify';
import type { HistoryEntry } from './model';

// The account's own timeline (shown on the phone) and the notices to whoever acts next. The
// audit entry is written by the caller with traceChange in the same transaction.

export function historyEntry(
  ctx: ActionContext,
  action: AccountAction | 'apply',
  from: AccountStatus | null,
  to: AccountStatus,
  extra: { reason?: string; note?: string } = {},
): HistoryEntry {
  const s = ctx.caller.staff!;
  return {
    at: ctx.deps.now(),
    action,
    byId: s._id,
    byName: s.name,
    byTitle: s.title,
    from,
    to,
    ...(extra.reason ? { reason: extra.reason } : {}),
    ...(extra.note ? { note: extra.note } : {}),
  };
}

export function actionLabel(action: AccountAction | 'apply'): string {
  return action === 'apply' ? '申请开设' : TRANSITIONS[action].label;
}

export const detailPage = (id: string) => `/accounts/detail/index?id=${id}`;

/** One notice per recipient (deduplicated, never to the person who acted). */
export async function notifyAll(
  t: TxLike,
  ctx: ActionContext,
  staffIds: Iterable<string>,
  notice: { kind: string; title: string; body: string; accountId: string },
): Promise<void> {
  const me = ctx.caller.staff?._id;
  for (const id of new Set(staffIds)) {
    if (id === me) continue;
    await notify(t, ctx, {
      to: { staffId: id },
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      page: detailPage(notice.accountId),
    });
  }
}
