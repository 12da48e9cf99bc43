import type { ActionContext } from '@server/runtime/action';
import type { TxLike } from '@server/runtime/audit';

// Notifications: one interface for every feature. Each notice lands in the recipient's in-app
// inbox (collection `notifications`), written in the caller's transaction so it commits with
// the change that caused it. Delivery beyond the app (WeChat subscribe messages in production)
// goes through an outbox: production sends it from the cloud function; locally it is recorded
// as "not sent: no WeChat environment" and can be viewed, never pretended sent.

export const NOTIFICATIONS = 'notifications';
export const OUTBOX = 'outbox';

export interface Notice {
  /** Exactly one recipient: a staff member or a citizen (by OPENID). */
  to: { staffId: string } | { openid: string };
  /** Stable kind, e.g. 'post.reviewNeeded', 'message.answered'. */
  kind: string;
  title: string;
  body: string;
  /** The page to open, e.g. '/posts/review/index?id=…' — where the person acts. */
  page: string;
  /** Urgent notices (emergencies, 求助) sort first and are pushed at once. */
  urgent?: boolean;
}

export interface NoticeDoc extends Omit<Notice, 'to'> {
  _id: string;
  staffId: string | null;
  openid: string | null;
  createdAt: number;
  readAt: number | null;
}

/** Writes a notice (and its outbox entry) inside transaction `t`. */
export async function notify(t: TxLike, ctx: ActionContext, notice: Notice): Promise<string> {
  const now = ctx.deps.now();
  const id = ctx.deps.newId();
  const { to, ...rest } = notice;
  const doc: Omit<NoticeDoc, '_id'> = {
    ...rest,
    urgent: Boolean(notice.urgent),
    staffId: 'staffId' in to ? to.staffId : null,
    openid: 'openid' in to ? to.openid : null,
    createdAt: now,
    readAt: null,
  };
  await t
    .collection(NOTIFICATIONS)
    .doc(id)
    .set({ data: doc as unknown as Record<string, unknown> });
  await t
    .collection(OUTBOX)
    .doc(id)
    .set({
      data: { noticeId: id, channel: 'subscribeMessage', status: 'pending', createdAt: now, attempts: 0 },
    });
  return id;
}
