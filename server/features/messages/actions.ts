import { submitMessageInput, listMineInput, inboxInput } from '@shared/messages/schemas';
import { defineAction, type ActionMap } from '@server/runtime/action';
import { pageNewestFirst } from '@server/runtime/paging';
import { submitMessage } from './submit';
import { MESSAGES, toInboxItem, toMyMessageView, type MessageDoc } from './model';

// The messages cloud function: what citizens send and what the receiving unit sees.
export const messageActions: ActionMap = {
  'messages.submit': defineAction({ input: submitMessageInput, run: submitMessage }),

  'messages.mine': defineAction({
    input: listMineInput,
    run: (input, { deps, caller }) =>
      pageNewestFirst<MessageDoc, ReturnType<typeof toMyMessageView>>(
        deps.db,
        MESSAGES,
        { citizenOpenid: caller.openid },
        input.pageSize,
        input.cursor,
        toMyMessageView,
      ),
  }),

  'messages.inbox': defineAction({
    input: inboxInput,
    targetUnit: (input) => input.unitId,
    run: (input, { deps }) =>
      pageNewestFirst<MessageDoc, ReturnType<typeof toInboxItem>>(
        deps.db,
        MESSAGES,
        { unitId: input.unitId },
        input.pageSize,
        input.cursor,
        toInboxItem,
      ),
  }),
};
