import {
  acknowledgeUrgeInput,
  approveReplyInput,
  assignInput,
  boardInput,
  decideExtensionInput,
  draftRedirectInput,
  draftReplyInput,
  getMessageInput,
  importMessageInput,
  inboxInput,
  listMineInput,
  messagePhotoInput,
  photoInput,
  registerPhotoInput,
  uploadPhotoInput,
  rateInput,
  requestExtensionInput,
  returnReplyInput,
  returnTransferInput,
  routeInput,
  submitMessageInput,
  supervisionInput,
  transferInput,
  unitHandlersInput,
  urgeInput,
} from '@shared/messages/schemas';
import { calendarListInput, calendarSetInput } from '@shared/messages/calendar-schemas';
import { defineAction, type ActionContext, type ActionMap } from '@server/runtime/action';
import { noticeActions } from '@server/features/notifications/actions';
import { importMessage, submitMessage } from './submit';
import {
  acceptMessage,
  acceptTransfer,
  assignHandler,
  returnTransfer,
  routeMessage,
  transferMessage,
} from './handling';
import { approveReply, draftRedirect, draftReply, returnReply } from './replies';
import { acknowledgeUrge, decideExtension, rateAnswer, requestExtension, urgeMessage } from './supervision';
import { board, getForStaff, getMine, inbox, listMine, readableUnit, supervisionList, unitHandlers } from './queries';
import { listCalendar, setCalendarDay } from './calendar-store';
import { messageUnit } from './workflow';
import { registerPhoto, uploadPhoto, viewMessagePhoto, viewOwnPhoto } from './photos';

const byMessage = (i: { id: string }, ctx: ActionContext) => messageUnit(i.id, ctx);

// The messages cloud function: what citizens send and follow, what units do with it, what the
// supervision office oversees, the public board, the working-day calendar and the notices inbox.
export const messageActions: ActionMap = {
  'messages.submit': defineAction({ input: submitMessageInput, run: submitMessage }),
  'messages.mine': defineAction({ input: listMineInput, run: listMine }),
  'messages.mineGet': defineAction({ input: getMessageInput, run: getMine }),
  'messages.rate': defineAction({ input: rateInput, run: rateAnswer }),
  'messages.board': defineAction({ input: boardInput, run: board }),
  'messages.uploadPhoto': defineAction({ input: uploadPhotoInput, run: uploadPhoto }),
  'messages.registerPhoto': defineAction({ input: registerPhotoInput, run: registerPhoto }),
  'messages.photo': defineAction({ input: photoInput, run: viewOwnPhoto }),
  'messages.staffPhoto': defineAction({ input: messagePhotoInput, targetUnit: readableUnit, run: viewMessagePhoto }),

  'messages.inbox': defineAction({ input: inboxInput, targetUnit: (i) => i.unitId, run: inbox }),
  'messages.get': defineAction({ input: getMessageInput, targetUnit: readableUnit, run: getForStaff }),
  'messages.handlers': defineAction({ input: unitHandlersInput, targetUnit: (i) => i.unitId, run: unitHandlers }),
  'messages.accept': defineAction({ input: getMessageInput, targetUnit: byMessage, run: acceptMessage }),
  'messages.route': defineAction({ input: routeInput, targetUnit: byMessage, run: routeMessage }),
  'messages.transfer': defineAction({ input: transferInput, targetUnit: byMessage, run: transferMessage }),
  'messages.acceptTransfer': defineAction({ input: getMessageInput, targetUnit: byMessage, run: acceptTransfer }),
  'messages.returnTransfer': defineAction({ input: returnTransferInput, targetUnit: byMessage, run: returnTransfer }),
  'messages.assign': defineAction({ input: assignInput, targetUnit: byMessage, run: assignHandler }),
  'messages.draftReply': defineAction({ input: draftReplyInput, targetUnit: byMessage, run: draftReply }),
  'messages.draftRedirect': defineAction({ input: draftRedirectInput, targetUnit: byMessage, run: draftRedirect }),
  'messages.approveReply': defineAction({ input: approveReplyInput, targetUnit: byMessage, run: approveReply }),
  'messages.returnReply': defineAction({ input: returnReplyInput, targetUnit: byMessage, run: returnReply }),
  'messages.requestExtension': defineAction({
    input: requestExtensionInput,
    targetUnit: byMessage,
    run: requestExtension,
  }),
  'messages.acknowledgeUrge': defineAction({
    input: acknowledgeUrgeInput,
    targetUnit: byMessage,
    run: acknowledgeUrge,
  }),
  'messages.decideExtension': defineAction({ input: decideExtensionInput, run: decideExtension }),
  'messages.urge': defineAction({ input: urgeInput, run: urgeMessage }),
  'messages.supervision': defineAction({ input: supervisionInput, run: supervisionList }),
  'messages.import': defineAction({ input: importMessageInput, run: importMessage }),

  'calendar.list': defineAction({ input: calendarListInput, run: listCalendar }),
  'calendar.set': defineAction({ input: calendarSetInput, run: setCalendarDay }),

  ...noticeActions,
};
