import type { NoticesPage } from '@shared/messages/notices';
import { call } from './transport';

export type { NoticesPage };
export type { NoticeView } from '@shared/messages/notices';

/** The caller's own notices (citizens by WeChat identity, staff by staff record), newest first. */
export function listNotices(args: { cursor?: string | null; unreadOnly?: boolean } = {}) {
  return call<NoticesPage>('messages', 'notices.mine', {
    ...(args.cursor ? { cursor: args.cursor } : {}),
    ...(args.unreadOnly ? { unreadOnly: true } : {}),
  });
}

export function markRead(ids: string[]) {
  return call<{ marked: number; unread: number }>('messages', 'notices.read', { ids });
}

export function markAllRead() {
  return call<{ marked: number; unread: number }>('messages', 'notices.read', { all: true });
}

/** How many notices are unread (one small page). */
export async function unreadCount(): Promise<number | null> {
  const res = await listNotices({ unreadOnly: true });
  return res.ok ? res.data.unread : null;
}
