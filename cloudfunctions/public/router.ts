import type { IncomingMessage, ServerResponse } from 'node:http';
import { currentDeps } from '@server/runtime/config';
import { directoryFeed, publicImage } from '@server/features/accounts/public-feed';
import { POST_FEED_ROUTES } from '@server/features/posts/feeds';
import { MESSAGE_FEED_ROUTES } from '@server/features/messages/feeds';

// The `public` cloud function: read-only public feeds over HTTP (CloudBase HTTP access in
// production; the local host forwards GET /public/* here). A small router: add one row per feed.
// Events and results use CloudBase's integration shape, so the same code answers both.

export interface HttpEvent {
  path: string;
  httpMethod: string;
  headers?: Record<string, string | undefined>;
  queryStringParameters?: Record<string, string | undefined>;
}

export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded?: boolean;
}

type Handler = (match: RegExpExecArray, event: HttpEvent) => Promise<HttpResult>;

const COMMON = {
  'access-control-allow-origin': '*',
  'x-content-type-options': 'nosniff',
};

export function json(statusCode: number, body: unknown, maxAgeS = 0): HttpResult {
  return {
    statusCode,
    headers: {
      ...COMMON,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': maxAgeS ? `public, max-age=${maxAgeS}` : 'no-store',
    },
    body: JSON.stringify(body),
  };
}

export const PUBLIC_ROUTES: Array<{ pattern: RegExp; handle: Handler }> = [
  ...POST_FEED_ROUTES,
  ...MESSAGE_FEED_ROUTES,
  {
    pattern: /^\/public\/directory\.json$/,
    handle: async () => {
      const deps = currentDeps();
      return json(200, await directoryFeed(deps.db, deps.now()), 300);
    },
  },
  {
    pattern: /^\/public\/files\/([0-9a-f]{64}\.(?:png|jpg))$/,
    handle: async (m) => {
      const img = await publicImage(m[1]);
      if (!img) return json(404, { ok: false, code: 'NotFound', message: '图片不存在' });
      return {
        statusCode: 200,
        headers: { ...COMMON, 'content-type': img.mime, 'cache-control': 'public, max-age=86400, immutable' },
        body: img.bytes.toString('base64'),
        isBase64Encoded: true,
      };
    },
  },
];

/** Answers one HTTP event: GET only, unknown paths 404, a bug is a 500 without details. */
export async function handlePublic(event: HttpEvent): Promise<HttpResult> {
  const method = (event.httpMethod || 'GET').toUpperCase();
  if (method === 'OPTIONS')
    return { statusCode: 204, headers: { ...COMMON, 'access-control-allow-methods': 'GET' }, body: '' };
  if (method !== 'GET' && method !== 'HEAD')
    return json(405, { ok: false, code: 'InvalidParameter', message: '只支持 GET 请求' });
  const path = (event.path || '/').split('?')[0];
  for (const route of PUBLIC_ROUTES) {
    const m = route.pattern.exec(path);
    if (m) {
      try {
        return await route.handle(m, event);
      } catch (error) {
        currentDeps().log('error', 'public feed failed', {
          path,
          error: error instanceof Error ? error.stack : String(error),
        });
        return json(500, { ok: false, code: 'Internal', message: '服务器开小差了，请稍后再试' });
      }
    }
  }
  return json(404, { ok: false, code: 'NotFound', message: `没有这个公开数据：${path}` });
}

/** The local host's adapter: a Node request in, the same result written out. */
export async function servePublic(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local');
  const result = await handlePublic({
    path: url.pathname,
    httpMethod: req.method ?? 'GET',
    headers: req.headers as Record<string, string>,
    queryStringParameters: Object.fromEntries(url.searchParams),
  });
  const body = result.isBase64Encoded ? Buffer.from(result.body, 'base64') : Buffer.from(result.body, 'utf8');
  res.writeHead(result.statusCode, { ...result.headers, 'content-length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}
