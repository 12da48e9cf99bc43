import { z } from '../core/zod';
import { idSchema, mobileSchema, pageSizeSchema, cursorSchema, textSchema } from '../core/validators';
import { imageIdSchema, registerImageInput, uploadImageInput } from '../uploads/schemas';
import { searchTextSchema } from '../identity/schemas';
import type { MessageAction, MessageState, Rating } from './transitions';
import type { CitizenTimelineItem, StaffTimelineItem } from './timeline';

// Citizen messages (群众留言): the contract between the forms, the cloud function and the lists.

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
export const REPLY_MAX = 2000;
export const PHOTOS_MAX = 6;

/** `unitId` value for “不确定”: the county government office routes the message. */
export const UNSURE_UNIT = 'unsure';

/** Photos are private uploads (shared/uploads): the same ids, upload and registration inputs as post images. */
export const photoIdSchema = imageIdSchema;
export const uploadPhotoInput = uploadImageInput;
export const registerPhotoInput = registerImageInput;

const reason = (label: string) => textSchema(label, 2, 200);

export const photoInput = z.strictObject({ photoId: photoIdSchema });
export const messagePhotoInput = z.strictObject({ id: idSchema, photoId: photoIdSchema });

export const submitMessageInput = z.strictObject({
  unitId: idSchema.describe('收信单位'),
  category: z.enum(MESSAGE_CATEGORIES, { error: '请选择留言类型' }),
  title: textSchema('标题', 2, MESSAGE_TITLE_MAX),
  content: textSchema('留言内容', 5, MESSAGE_CONTENT_MAX),
  phone: z.union([mobileSchema, z.literal('')]).optional(),
  allowPublish: z.boolean({ error: '请选择是否同意公开' }).default(false),
  photos: z
    .array(photoIdSchema)
    .max(PHOTOS_MAX, { error: `最多上传 ${PHOTOS_MAX} 张图片` })
    .default([]),
});
export type SubmitMessageInput = z.input<typeof submitMessageInput>;

export const INBOX_FILTERS = ['all', 'mine', 'review', 'overdue', 'dueToday'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];
export const INBOX_FILTER_LABELS: Record<InboxFilter, string> = {
  all: '全部',
  mine: '我承办的',
  review: '待审核',
  overdue: '已超期',
  dueToday: '今日到期',
};

export const listMineInput = z.strictObject({ pageSize: pageSizeSchema, cursor: cursorSchema });
export const inboxInput = z.strictObject({
  unitId: idSchema,
  filter: z.enum(INBOX_FILTERS, { error: '筛选条件无效' }).default('all'),
  pageSize: pageSizeSchema,
  cursor: cursorSchema,
});
export const getMessageInput = z.strictObject({ id: idSchema });

export const SUPERVISION_VIEWS = ['overdue', 'reopened', 'extension', 'urged'] as const;
export type SupervisionView = (typeof SUPERVISION_VIEWS)[number];
export const SUPERVISION_VIEW_LABELS: Record<SupervisionView, string> = {
  overdue: '超期未办',
  reopened: '不满意重办',
  extension: '延期申请',
  urged: '已催办',
};
export const supervisionInput = z.strictObject({
  view: z.enum(SUPERVISION_VIEWS, { error: '列表类型无效' }).default('overdue'),
  pageSize: pageSizeSchema,
  cursor: cursorSchema,
});

export const transferInput = z.strictObject({ id: idSchema, toUnitId: idSchema, reason: reason('转办理由') });
export const routeInput = z.strictObject({
  id: idSchema,
  toUnitId: idSchema,
  note: z.union([reason('分办说明'), z.literal('')]).optional(),
});
export const returnTransferInput = z.strictObject({ id: idSchema, reason: reason('退回理由') });
export const assignInput = z.strictObject({ id: idSchema, handlerId: idSchema });
export const draftReplyInput = z.strictObject({ id: idSchema, text: textSchema('答复内容', 10, REPLY_MAX) });
export const draftRedirectInput = z.strictObject({
  id: idSchema,
  channel: textSchema('反映渠道', 2, 100),
  text: textSchema('告知内容', 10, 1000),
});
export const approveReplyInput = z.strictObject({
  id: idSchema,
  /** Publish on the public board (only if the citizen allowed it). */
  publish: z.boolean().default(true),
  stepUpId: idSchema.optional(),
});
export const returnReplyInput = z.strictObject({ id: idSchema, reason: reason('退回理由') });
export const requestExtensionInput = z.strictObject({
  id: idSchema,
  workingDays: z
    .number({ error: '请选择延期天数' })
    .int()
    .min(1, { error: '至少延期 1 个工作日' })
    .max(10, { error: '最多延期 10 个工作日' }),
  reason: reason('延期理由'),
});
export const decideExtensionInput = z.strictObject({
  id: idSchema,
  approve: z.boolean({ error: '请选择批准或不批准' }),
  note: z.union([reason('审批意见'), z.literal('')]).optional(),
  stepUpId: idSchema.optional(),
});
export const urgeInput = z.strictObject({
  id: idSchema,
  workingDays: z
    .number({ error: '请选择办理期限' })
    .int()
    .min(1, { error: '期限至少 1 个工作日' })
    .max(10, { error: '期限最多 10 个工作日' }),
  note: reason('催办要求'),
});
export const acknowledgeUrgeInput = z.strictObject({
  id: idSchema,
  note: z.union([reason('签收说明'), z.literal('')]).optional(),
});

export const RATINGS = ['satisfied', 'basic', 'unsatisfied'] as const;
export const rateInput = z.strictObject({
  id: idSchema,
  rating: z.enum(RATINGS, { error: '请选择满意程度' }),
  comment: z.union([textSchema('评价说明', 2, 200), z.literal('')]).optional(),
});

export const boardInput = z.strictObject({ pageSize: pageSizeSchema, cursor: cursorSchema });
/** The people a message can be assigned to, searched by name, a page at a time. */
export const unitHandlersInput = z.strictObject({
  unitId: idSchema,
  q: searchTextSchema,
  pageSize: pageSizeSchema,
  cursor: cursorSchema,
});

export const IMPORT_CHANNELS = ['portal', 'hotline12345'] as const;
export const CHANNEL_LABELS: Record<'miniprogram' | (typeof IMPORT_CHANNELS)[number], string> = {
  miniprogram: '小程序',
  portal: '门户网站信箱',
  hotline12345: '12345 热线',
};
export const importMessageInput = z.strictObject({
  channel: z.enum(IMPORT_CHANNELS, { error: '来源渠道无效' }),
  externalId: z
    .string({ error: '请填写来源编号' })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '来源编号只能包含字母、数字、- 和 _' }),
  unitId: idSchema,
  category: z.enum(MESSAGE_CATEGORIES, { error: '请选择留言类型' }),
  title: textSchema('标题', 2, MESSAGE_TITLE_MAX),
  content: textSchema('留言内容', 5, MESSAGE_CONTENT_MAX),
  phone: z.union([mobileSchema, z.literal('')]).optional(),
  /** When the citizen wrote it on the other channel (deadlines count from then); default now. */
  receivedAt: z.number().int().positive().optional(),
  allowPublish: z.boolean().default(false),
});
export type ImportMessageInput = z.input<typeof importMessageInput>;

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

/** What a citizen sees of their own message in the list. */
export interface MyMessageView {
  _id: string;
  trackingNo: string;
  unitName: string;
  category: MessageCategory;
  title: string;
  content: string;
  publicStatus: PublicStatus;
  createdAt: number;
  /** The answer is in and not rated yet: the list shows “请评价”. */
  awaitingRating: boolean;
}

export interface AnswerView {
  kind: 'answer' | 'redirect';
  text: string;
  /** For 告知渠道: where to write instead. */
  channel: string | null;
  unitName: string;
  at: number;
}

/** A citizen's own message with its timeline in plain words. */
export interface MyMessageDetail extends MyMessageView {
  phone: string | null;
  photos: string[];
  allowPublish: boolean;
  answer: AnswerView | null;
  rating: { value: Rating; at: number } | null;
  canRate: boolean;
  /** A 不满意 now would reopen the case (true until it has been reopened once). */
  canReopen: boolean;
  /** When the unit promises an answer (null once answered). */
  answerDueAt: number | null;
  timeline: CitizenTimelineItem[];
}

export type DueKind = 'accept' | 'answer';

/** What the receiving unit's staff see in the inbox list. */
export interface InboxItemView {
  _id: string;
  trackingNo: string;
  category: MessageCategory;
  title: string;
  excerpt: string;
  state: MessageState;
  unitName: string;
  createdAt: number;
  hasPhone: boolean;
  urgent: boolean;
  /** The deadline running now and which one it is; null when none runs. */
  dueAt: number | null;
  dueKind: DueKind | null;
  handlerName: string | null;
  /** A 催办 the unit has not acknowledged yet. */
  urgedOpen: boolean;
  reopened: boolean;
  extensionRequested: boolean;
  channel: 'miniprogram' | 'portal' | 'hotline12345';
}

/** The staff message page: everything the unit needs, and the actions allowed to this person. */
export interface StaffMessageView extends InboxItemView {
  unitId: string;
  content: string;
  /** The full number only for the unit holding the message; masked for county viewers. */
  phone: string | null;
  photos: string[];
  allowPublish: boolean;
  publicStatus: PublicStatus;
  addressedUnsure: boolean;
  acceptDueAt: number | null;
  answerDueAt: number | null;
  handlerId: string | null;
  transfer: { fromUnitName: string; toUnitName: string; reason: string; at: number } | null;
  replyDraft: {
    kind: 'answer' | 'redirect';
    text: string;
    channel: string | null;
    byName: string;
    at: number;
  } | null;
  answer: (AnswerView & { approvedByName: string; published: boolean }) | null;
  extension: {
    status: 'requested' | 'approved' | 'rejected';
    workingDays: number;
    reason: string;
    byName: string;
    at: number;
    decidedByName: string | null;
    note: string | null;
  } | null;
  urge: {
    note: string;
    deadline: number;
    byName: string;
    at: number;
    acknowledgedAt: number | null;
    acknowledgedByName: string | null;
  } | null;
  rating: { value: Rating; at: number; comment: string | null } | null;
  reopenCount: number;
  externalId: string | null;
  timeline: StaffTimelineItem[];
  allowed: MessageAction[];
}

/** The supervision office's lists: an inbox row plus the unit and the lateness. */
export interface SupervisionItemView extends InboxItemView {
  unitId: string;
}

/** A published answer on the public board: personal data masked. */
export interface BoardItemView {
  _id: string;
  trackingNo: string;
  unitName: string;
  category: MessageCategory;
  title: string;
  content: string;
  answer: string;
  answerKind: 'answer' | 'redirect';
  channel: string | null;
  createdAt: number;
  answeredAt: number;
  rating: Rating | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
