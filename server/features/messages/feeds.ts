import { z } from '@shared/core/zod';
import { cursorSchema, MAX_PAGE_SIZE } from '@shared/core/validators';
import { CHANNEL_LABELS, MESSAGE_CATEGORY_LABELS } from '@shared/messages/schemas';
import { currentDeps } from '@server/runtime/config';
import type { Database } from '@server/runtime/deps';
import { AppError } from '@server/runtime/errors';
import { MESSAGES, type MessageDoc } from './model';
import { pageByField } from '@server/runtime/paging';
import { toBoardItem } from './views';

// The portal's feed of published answers (第十条 results published; 第二十五条 the portal shows
// what was collected on the accounts): GET /public/answers.json, newest first, personal data
// masked exactly as on the public board. Messages that came from the portal or 12345 carry
// their channel and external id, so the portal can put each answer back under its letter.

interface HttpEvent {
  path: string;
  httpMethod: string;
  headers?: Record<string, string | undefined>;
  queryStringParameters?: Record<string, string | undefined>;
}
interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const feedQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  cursor: cursorSchema,
});

export async function answersFeed(db: Database, query: Record<string, string | undefined>) {
  const parsed = feedQuery.safeParse(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)));
  if (!parsed.success) throw new AppError('InvalidParameter', '查询参数无效（支持 limit、cursor）');
  const page = await pageByField<MessageDoc, ReturnType<typeof feedItem>>(
    db,
    MESSAGES,
    { published: true },
    'publishedAt',
    'desc',
    parsed.data.limit ?? 20,
    parsed.data.cursor,
    feedItem,
  );
  return {
    version: 1,
    title: '盐池县政务新媒体 · 群众留言公开答复',
    description: '经留言人同意公开、隐去个人信息的留言与答复',
    items: page.items,
    next_cursor: page.nextCursor,
  };
}

function feedItem(m: MessageDoc) {
  const b = toBoardItem(m);
  return {
    id: b._id,
    tracking_no: b.trackingNo,
    unit_name: b.unitName,
    category: MESSAGE_CATEGORY_LABELS[b.category],
    title: b.title,
    content: b.content,
    answer: b.answer,
    answer_kind: b.answerKind,
    redirect_channel: b.channel,
    source: CHANNEL_LABELS[m.channel],
    // Only for messages the portal or 12345 sent us: their own number, to match the answer back.
    external_id: m.channel === 'miniprogram' ? null : m.externalId,
    date_received: new Date(b.createdAt).toISOString(),
    date_answered: new Date(b.answeredAt).toISOString(),
    satisfaction: b.rating,
  };
}

function json(statusCode: number, body: unknown, maxAgeS = 0): HttpResult {
  return {
    statusCode,
    headers: {
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
      'content-type': 'application/json; charset=utf-8',
      'cache-control': maxAgeS ? `public, max-age=${maxAgeS}` : 'no-store',
    },
    body: JSON.stringify(body),
  };
}

/** Rows for the public router: `...MESSAGE_FEED_ROUTES` (cloudfunctions/public/router.ts). */
export const MESSAGE_FEED_ROUTES: Array<{
  pattern: RegExp;
  handle: (m: RegExpExecArray, event: HttpEvent) => Promise<HttpResult>;
}> = [
  {
    pattern: /^\/public\/answers\.json$/,
    handle: async (_m, event) => {
      try {
        return json(200, await answersFeed(currentDeps().db, event.queryStringParameters ?? {}), 60);
      } catch (e) {
        if (e instanceof AppError) return json(400, { ok: false, code: e.code, message: e.message });
        throw e;
      }
    },
  },
];
