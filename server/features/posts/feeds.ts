import type { z } from 'zod';
import type { Page } from '@shared/messages/schemas';
import type { feedInput } from '@shared/posts/schemas';
import type { FeedItemView } from '@shared/posts/views';
import { PLATFORM_LABELS } from '@shared/accounts/contract';
import { POST_KIND_LABELS } from '@shared/posts/kinds';
import type { Database } from '@server/runtime/database';
import { currentDeps } from '@server/runtime/config';
import { invalid } from '@server/runtime/errors';
import { getDoc } from '@server/runtime/trace';
import { UNITS } from '@server/features/identity/units';
import { POSTS, type PostDoc } from './model';

// The portal's feed of published posts (第二十四条 key points on the account, details on the
// portal; 第二十五条 account content shown on the portal): per unit and for the whole county,
// as JSON Feed 1.1 and RSS 2.0. Only public fields: no staff names, notes or check results.

const CURSOR = /^(\d{1,16})_([A-Za-z0-9_-]{1,64})$/;

export function toFeedItem(p: PostDoc): FeedItemView {
  return {
    id: p._id,
    title: p.title,
    body: p.body,
    kind: p.kind,
    accountId: p.accountId,
    accountName: p.accountName,
    platform: p.platform,
    unitId: p.unitId,
    unitName: p.unitName,
    url: p.delivery.url ?? '',
    links: p.links,
    publishedAt: p.publicAt ?? p.delivery.publishedAt ?? p.updatedAt,
    correctedBy: p.correctedBy ? { id: p.correctedBy.postId, title: p.correctedBy.title } : null,
    corrects: p.correctsPostId ? { id: p.correctsPostId, title: '' } : null,
  };
}

/** Published (and later corrected) posts, newest first, optionally of one unit. */
export async function listFeed(db: Database, input: z.output<typeof feedInput>): Promise<Page<FeedItemView>> {
  const _ = db.command;
  const base: Record<string, unknown> = { publicAt: _.gt(0) };
  if (input.unitId) base.unitId = input.unitId;
  let where: unknown = base;
  if (input.cursor) {
    const m = CURSOR.exec(input.cursor);
    if (!m) throw invalid('翻页参数无效，请刷新', { cursor: '翻页参数无效' });
    const at = Number(m[1]);
    where = _.and([base, _.or([{ publicAt: _.lt(at) }, { publicAt: at, _id: _.lt(m[2]) }])]);
  }
  const rows = (
    await db
      .collection(POSTS)
      .where(where as Record<string, unknown>)
      .orderBy('publicAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(input.pageSize + 1)
      .get()
  ).data as PostDoc[];
  const items = rows.slice(0, input.pageSize);
  const titles = new Map(items.map((p) => [p._id, p.title]));
  const feed = items.map(toFeedItem);
  for (const f of feed) {
    if (f.corrects) {
      const t = titles.get(f.corrects.id) ?? (await getDoc<PostDoc>(db, POSTS, f.corrects.id))?.title ?? '';
      f.corrects = { id: f.corrects.id, title: t };
    }
  }
  const last = items[items.length - 1];
  return { items: feed, nextCursor: rows.length > input.pageSize && last ? `${last.publicAt}_${last._id}` : null };
}

// ---- HTTP routes for the portal (GET /public/posts.json, /public/posts.rss) ----
// Rows for the public router (cloudfunctions/public/router.ts), in its CloudBase HTTP shape.

export interface FeedHttpEvent {
  path: string;
  headers?: Record<string, string | undefined>;
  queryStringParameters?: Record<string, string | undefined>;
}
export interface FeedHttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export interface PublicRequest {
  path: string;
  query: URLSearchParams;
  /** e.g. http://127.0.0.1:8080 (for the feed's own URL). */
  origin: string;
}

const COUNTY = '盐池县';
const iso = (ms: number) => new Date(ms).toISOString();

async function feedFor(db: Database, req: PublicRequest) {
  const unitId = req.query.get('unit') ?? undefined;
  const limit = Math.min(Math.max(Number(req.query.get('limit') ?? 50) || 50, 1), 100);
  if (unitId !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(unitId)) return null;
  const unit = unitId ? await getDoc<{ name: string }>(db, UNITS, unitId) : null;
  if (unitId && !unit) return null;
  const page = await listFeed(db, { unitId, pageSize: limit, cursor: undefined });
  const title = `${unit ? unit.name : COUNTY}政务新媒体 · 已发布信息`;
  return { unitId, title, items: page.items };
}

type Feed = NonNullable<Awaited<ReturnType<typeof feedFor>>>;

function jsonFeed(req: PublicRequest, f: Feed) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: f.title,
    home_page_url: 'https://www.yanchi.gov.cn/',
    feed_url: `${req.origin}${req.path}${f.unitId ? `?unit=${f.unitId}` : ''}`,
    language: 'zh-CN',
    items: f.items.map((i) => ({
      id: i.id,
      url: i.url,
      title: i.correctedBy ? `【已更正】${i.title}` : i.title,
      content_text: i.body,
      date_published: iso(i.publishedAt),
      authors: [{ name: i.accountName }],
      tags: [POST_KIND_LABELS[i.kind], PLATFORM_LABELS[i.platform], i.unitName],
      _yanchi: {
        unit_id: i.unitId,
        unit_name: i.unitName,
        account_name: i.accountName,
        platform: i.platform,
        kind: i.kind,
        links: i.links,
        corrected_by: i.correctedBy,
        corrects: i.corrects,
      },
    })),
  };
}

export function xmlEscape(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

function rss(req: PublicRequest, f: Feed): string {
  const items = f.items
    .map((i) =>
      [
        '<item>',
        `<title>${xmlEscape(i.correctedBy ? `【已更正】${i.title}` : i.title)}</title>`,
        `<link>${xmlEscape(i.url)}</link>`,
        `<guid isPermaLink="false">${xmlEscape(i.id)}</guid>`,
        `<pubDate>${new Date(i.publishedAt).toUTCString()}</pubDate>`,
        `<category>${xmlEscape(i.unitName)}</category>`,
        `<category>${xmlEscape(POST_KIND_LABELS[i.kind])}</category>`,
        `<description>${xmlEscape(i.body)}</description>`,
        '</item>',
      ].join(''),
    )
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0">',
    '<channel>',
    `<title>${xmlEscape(f.title)}</title>`,
    '<link>https://www.yanchi.gov.cn/</link>',
    `<description>${xmlEscape(`${f.title}（${req.origin}${req.path}）`)}</description>`,
    '<language>zh-CN</language>',
    f.items[0] ? `<lastBuildDate>${new Date(f.items[0].publishedAt).toUTCString()}</lastBuildDate>` : '',
    items,
    '</channel>',
    '</rss>',
  ].join('\n');
}

const HEADERS = {
  'access-control-allow-origin': '*',
  'x-content-type-options': 'nosniff',
  'cache-control': 'public, max-age=60',
};

/** The feed as JSON Feed 1.1 or RSS 2.0; 404 for an unknown or malformed unit. */
export async function postFeed(db: Database, format: 'json' | 'rss', req: PublicRequest): Promise<FeedHttpResult> {
  const f = await feedFor(db, req);
  if (!f) {
    return {
      statusCode: 404,
      headers: { ...HEADERS, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ ok: false, code: 'NotFound', message: '没有这个单位' }),
    };
  }
  return format === 'json'
    ? {
        statusCode: 200,
        headers: { ...HEADERS, 'content-type': 'application/feed+json; charset=utf-8' },
        body: JSON.stringify(jsonFeed(req, f)),
      }
    : {
        statusCode: 200,
        headers: { ...HEADERS, 'content-type': 'application/rss+xml; charset=utf-8' },
        body: rss(req, f),
      };
}

function requestOf(event: FeedHttpEvent): PublicRequest {
  const host = event.headers?.host ?? event.headers?.Host ?? 'localhost';
  const proto =
    event.headers?.['x-forwarded-proto'] ??
    (host.startsWith('127.0.0.1') || host.startsWith('localhost') ? 'http' : 'https');
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(event.queryStringParameters ?? {})) if (typeof v === 'string') query.set(k, v);
  return { path: event.path.split('?')[0], query, origin: `${proto}://${host}` };
}

/** Rows for the public router: `...POST_FEED_ROUTES` (cloudfunctions/public/router.ts). */
export const POST_FEED_ROUTES: Array<{
  pattern: RegExp;
  handle: (m: RegExpExecArray, event: FeedHttpEvent) => Promise<FeedHttpResult>;
}> = [
  {
    pattern: /^\/public\/posts\.(json|rss)$/,
    handle: (m, event) => postFeed(currentDeps().db, m[1] as 'json' | 'rss', requestOf(event)),
  },
];
