import type { NoticesPage } from '@shared/messages/notices';
import Taro from '@tarojs/taro';
import { cursorArg } from './paging';
import { call } from './transport';
import { IS_WEAPP } from './env';
import { createSubscriber } from './subscribe-core';

export type { NoticesPage };
export type { NoticeView } from '@shared/messages/notices';

/** The caller's own notices (citizens by WeChat identity, staff by staff record), newest first. */
export function listNotices(args: { cursor?: string | null; unreadOnly?: boolean } = {}) {
  return call<NoticesPage>('messages', 'notices.mine', {
    ...cursorArg(args.cursor),
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

// ---- WeChat subscribe messages (weapp only; H5 has no such channel) ----

const subscriber = createSubscriber({
  fetchIds: async () => {
    if (!IS_WEAPP) return [];
    const res = await call<{ tmplIds: string[] }>('messages', 'notices.subscribeTemplates', {});
    return res.ok ? res.data.tmplIds : null;
  },
  // Taro's typing of this call carries the device-subscription fields; the mini program form needs tmplIds only.
  request: (tmplIds) =>
    Taro.requestSubscribeMessage({ tmplIds } as unknown as Parameters<typeof Taro.requestSubscribeMessage>[0]),
});

/** At launch and when the person changes (citizen ↔ staff): learn which templates to ask for. */
export const prefetchSubscribeTemplates = () => void subscriber.prefetch();
/** First thing in a tap that leads to a notice (sending a message, submitting a post…). */
export const askForWeChatNotices = () => {
  if (IS_WEAPP) subscriber.ask();
};
