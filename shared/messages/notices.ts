import { z } from '../core/zod';
import { cursorSchema, idSchema, pageSizeSchema } from '../core/validators';

// The in-app notices inbox (通知) every person has: citizens by their WeChat identity, staff by
// their staff record. (Kept beside messages, which sends most of them; posts use it too.)

/** Nothing to say: the caller's audience (citizen or staff) comes from the cloud context. */
export const subscribeTemplatesInput = z.strictObject({});
export const noticesMineInput = z.strictObject({
  pageSize: pageSizeSchema,
  cursor: cursorSchema,
  unreadOnly: z.boolean().default(false),
});

export const noticesReadInput = z.union([
  z.strictObject({ ids: z.array(idSchema).min(1, { error: '请选择通知' }).max(100, { error: '一次最多 100 条' }) }),
  z.strictObject({ all: z.literal(true) }),
]);

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'recorded-local', 'skipped'] as const;
export type DeliveryStatus = (typeof OUTBOX_STATUSES)[number];
export const DELIVERY_LABELS: Record<DeliveryStatus, string> = {
  pending: '微信消息待发送',
  sent: '已发送微信消息',
  failed: '微信消息发送失败',
  'recorded-local': '本地环境：微信消息仅记录未发送',
  skipped: '未发送微信消息',
};

export const outboxListInput = z.strictObject({
  status: z.enum(OUTBOX_STATUSES).optional(),
  pageSize: pageSizeSchema,
  cursor: cursorSchema,
});

export interface NoticeView {
  _id: string;
  kind: string;
  title: string;
  body: string;
  page: string;
  urgent: boolean;
  createdAt: number;
  readAt: number | null;
  delivery: DeliveryStatus | null;
  deliveryDetail: string | null;
}

export interface NoticesPage {
  items: NoticeView[];
  nextCursor: string | null;
  unread: number;
}

export interface OutboxItemView {
  _id: string;
  status: DeliveryStatus;
  detail: string | null;
  attempts: number;
  createdAt: number;
  kind: string;
  title: string;
  recipient: string;
}
