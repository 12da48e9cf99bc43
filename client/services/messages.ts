import type { InboxItemView, MyMessageView, Page, SubmitMessageInput } from '@shared/messages/schemas';
import { call } from './transport';

export type { InboxItemView, MyMessageView, Page, SubmitMessageInput };

export function submitMessage(input: SubmitMessageInput) {
  return call<{ _id: string; trackingNo: string }>('messages', 'messages.submit', input);
}

/** The caller's own messages, newest first. */
export function listMine(args: { cursor?: string | null } = {}) {
  return call<Page<MyMessageView>>('messages', 'messages.mine', args.cursor ? { cursor: args.cursor } : {});
}

/** Messages addressed to one unit, for its staff. */
export function inbox(args: { unitId: string; cursor?: string | null }) {
  return call<Page<InboxItemView>>('messages', 'messages.inbox', {
    unitId: args.unitId,
    ...(args.cursor ? { cursor: args.cursor } : {}),
  });
}
