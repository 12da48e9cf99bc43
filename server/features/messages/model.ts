import type { MessageCategory, PublicStatus, MyMessageView, InboxItemView } from '@shared/messages/schemas';

export const MESSAGES = 'messages';
export const COUNTERS = 'counters';

/** A citizen message as stored. Citizens and staff each get their own view of it (views below). */
export interface MessageDoc {
  _id: string;
  trackingNo: string;
  unitId: string;
  unitName: string;
  category: MessageCategory;
  title: string;
  content: string;
  phone: string | null;
  allowPublish: boolean;
  citizenOpenid: string;
  channel: 'miniprogram' | 'portal' | 'hotline12345';
  state: string;
  publicStatus: PublicStatus;
  createdAt: number;
  updatedAt: number;
}

export function toMyMessageView(m: MessageDoc): MyMessageView {
  return {
    _id: m._id,
    trackingNo: m.trackingNo,
    unitName: m.unitName,
    category: m.category,
    title: m.title,
    content: m.content,
    publicStatus: m.publicStatus,
    createdAt: m.createdAt,
  };
}

export function toInboxItem(m: MessageDoc): InboxItemView {
  return {
    _id: m._id,
    trackingNo: m.trackingNo,
    category: m.category,
    title: m.title,
    excerpt: m.content.length > 60 ? `${m.content.slice(0, 60)}…` : m.content,
    state: m.state,
    createdAt: m.createdAt,
    hasPhone: Boolean(m.phone),
  };
}
