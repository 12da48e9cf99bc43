import { z } from '../core/zod';
import { idSchema, mobileSchema, pageSizeSchema, cursorSchema, textSchema } from '../core/validators';

// Citizen messages (群众留言): the contract between the form, the cloud function and the inbox.

export const MESSAGE_CATEGORIES = ['consult', 'complaint', 'suggestion', 'help', 'report'] as const;
export type MessageCategory = (typeof MESSAGE_CATEGORIES)[number];
export const MESSAGE_CATEGORY_LABELS: Record<MessageCategory, string> = {
  consult: '咨询',
  complaint: '投诉',
  suggestion: '建议',
  help: '求助',
  report: '举报',
};

export const MESSAGE_TITLE_MAX = 50;
export const MESSAGE_CONTENT_MAX = 1000;

export const submitMessageInput = z.strictObject({
  unitId: idSchema.describe('收信单位'),
  category: z.enum(MESSAGE_CATEGORIES, { error: '请选择留言类型' }),
  title: textSchema('标题', 2, MESSAGE_TITLE_MAX),
  content: textSchema('留言内容', 5, MESSAGE_CONTENT_MAX),
  phone: z.union([mobileSchema, z.literal('')]).optional(),
  allowPublish: z.boolean({ error: '请选择是否同意公开' }).default(false),
});
export type SubmitMessageInput = z.input<typeof submitMessageInput>;

export const listMineInput = z.strictObject({ pageSize: pageSizeSchema, cursor: cursorSchema });
export const inboxInput = z.strictObject({
  unitId: idSchema,
  pageSize: pageSizeSchema,
  cursor: cursorSchema,
});
export const getMessageInput = z.strictObject({ id: idSchema });

/** Public status a citizen sees; the internal handling state is kept apart (DESIGN.md). */
export const PUBLIC_STATUSES = ['submitted', 'accepted', 'inProgress', 'answered', 'closed'] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];
export const PUBLIC_STATUS_LABELS: Record<PublicStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  inProgress: '办理中',
  answered: '已答复',
  closed: '已办结',
};

/** What a citizen sees of their own message. */
export interface MyMessageView {
  _id: string;
  trackingNo: string;
  unitName: string;
  category: MessageCategory;
  title: string;
  content: string;
  publicStatus: PublicStatus;
  createdAt: number;
}

/** What the receiving unit's staff see in the inbox list. */
export interface InboxItemView {
  _id: string;
  trackingNo: string;
  category: MessageCategory;
  title: string;
  excerpt: string;
  state: string;
  createdAt: number;
  hasPhone: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
