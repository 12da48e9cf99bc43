import type {
  BoardItemView,
  InboxFilter,
  InboxItemView,
  MyMessageDetail,
  MyMessageView,
  Page,
  StaffMessageView,
  SubmitMessageInput,
  SupervisionItemView,
  SupervisionView,
} from '@shared/messages/schemas';
import type { MessageState, Rating } from '@shared/messages/transitions';
import { cursorArg, searchArg } from './paging';
import { call } from './transport';

export type {
  BoardItemView,
  InboxFilter,
  InboxItemView,
  MyMessageDetail,
  MyMessageView,
  Page,
  StaffMessageView,
  SubmitMessageInput,
  SupervisionItemView,
  SupervisionView,
};

export function submitMessage(input: SubmitMessageInput) {
  return call<{ _id: string; trackingNo: string; unitName: string; unsure: boolean }>(
    'messages',
    'messages.submit',
    input,
  );
}

/** The caller's own messages, newest first. */
export function listMine(args: { cursor?: string | null } = {}) {
  return call<Page<MyMessageView>>('messages', 'messages.mine', cursorArg(args.cursor));
}

/** One of the caller's own messages with its timeline. */
export function getMine(id: string) {
  return call<MyMessageDetail>('messages', 'messages.mineGet', { id });
}

export function rate(id: string, rating: Rating, comment?: string) {
  return call<{ state: MessageState; reopened: boolean }>('messages', 'messages.rate', {
    id,
    rating,
    ...(comment ? { comment } : {}),
  });
}

/** Answers published with the citizen's consent, personal data masked. */
export function listBoard(args: { cursor?: string | null } = {}) {
  return call<Page<BoardItemView>>('messages', 'messages.board', cursorArg(args.cursor));
}

/** Messages held by one unit, for its staff, optionally filtered. */
export function inbox(args: { unitId: string; filter?: InboxFilter; cursor?: string | null }) {
  return call<Page<InboxItemView>>('messages', 'messages.inbox', {
    unitId: args.unitId,
    ...(args.filter && args.filter !== 'all' ? { filter: args.filter } : {}),
    ...cursorArg(args.cursor),
  });
}

export function getForStaff(id: string) {
  return call<StaffMessageView>('messages', 'messages.get', { id });
}

export function supervisionList(args: { view: SupervisionView; cursor?: string | null }) {
  return call<Page<SupervisionItemView>>('messages', 'messages.supervision', {
    view: args.view,
    ...cursorArg(args.cursor),
  });
}

export interface HandlerOption {
  _id: string;
  name: string;
  /** Role labels in the unit (发布人员, 审核人员, 分管领导). */
  roles: string[];
}

/** The people of a unit a message can be assigned to, searched by name, a page at a time. */
export function unitHandlers(args: { unitId: string; q?: string; cursor?: string | null }) {
  return call<Page<HandlerOption>>('messages', 'messages.handlers', {
    unitId: args.unitId,
    ...searchArg(args.q),
    ...cursorArg(args.cursor),
  });
}

type Summary = { _id: string; state: MessageState; unitId: string; dueAt: number | null };

/** One staff action on a message (`messages.<action>`), e.g. act('accept', { id }). */
export function act(action: string, data: Record<string, unknown>) {
  return call<Summary>('messages', `messages.${action}`, data);
}

/** Local host / H5: one photo as base64 (≤ 600 KB); returns the id to put in the message. */
export function uploadPhoto(mime: 'image/jpeg' | 'image/png' | 'image/webp', data: string) {
  return call<{ photoId: string }>('messages', 'messages.uploadPhoto', { mime, data });
}

/** Mini program: a photo the phone put in cloud storage itself, registered to the writer. */
export function registerPhoto(fileId: string) {
  return call<{ photoId: string }>('messages', 'messages.registerPhoto', { fileId });
}

/** A URL for one of the caller's own photos. */
export function ownPhotoUrl(photoId: string) {
  return call<{ url: string }>('messages', 'messages.photo', { photoId });
}

/** A URL for a photo on a message the staff member may read. */
export function staffPhotoUrl(id: string, photoId: string) {
  return call<{ url: string }>('messages', 'messages.staffPhoto', { id, photoId });
}
