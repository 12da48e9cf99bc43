import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { CloudFunctionMain } from '@server/runtime/main';
import { runAsCaller, LOCAL_APPID } from '../wx-context';
import { demoPersonas } from '../demo/seed';
import { signToken, verifyToken } from './tokens';
import { BodyTooLarge, bearer, fail, readBody, sendJson } from './http-util';
import { serveStatic } from './static';
import { servePublic } from '../../../cloudfunctions/public/router';
import { servePortalHttp } from './portal-route';
import { answerWhenDurable } from '../cloud';
import { Admission } from './admission';

// The embedded local cloud's HTTP face: `POST /api/<function>` with `{ action, data }` runs the
// same cloud-function main() as production, with the caller's OPENID taken from a session token
// the host signed (playing WeChat's part). Demo sign-in exists only in demo mode.

const demoDeviceSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  secret: z.string().regex(/^[0-9a-f]{64}$/),
  info: z.record(z.string(), z.string().max(60)).optional(),
});

export interface HostOptions {
  /** Demo mode: bind and pre-approve the browser for a seeded demo staff member. */
  trustDemoBrowser: (openid: string, device: z.infer<typeof demoDeviceSchema>) => Promise<void>;
  mode: 'demo' | 'local';
  secret: Buffer;
  staticDir: string;
  functions: Record<string, CloudFunctionMain>;
  now: () => number;
}

const GUEST_TTL_S = 30 * 24 * 3600;
const DEMO_TTL_S = 12 * 3600;
const FN_PATH = /^\/api\/([a-z][a-zA-Z0-9]{0,31})$/;

export function createHost(opts: HostOptions): Server {
  const issue = (sub: string, kind: 'guest' | 'demo', ttl: number) => {
    const iat = Math.floor(opts.now() / 1000);
    return signToken(opts.secret, { sub, kind, iat, exp: iat + ttl });
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === '/api/_health') {
      sendJson(res, 200, { ok: true, data: { status: 'ok', mode: opts.mode } });
      return;
    }
    if (path === '/api/_session/guest' && req.method === 'POST') {
      const openid = `local-${randomBytes(12).toString('hex')}`;
      sendJson(res, 200, { ok: true, data: { token: issue(openid, 'guest', GUEST_TTL_S), openid } });
      return;
    }
    if (path === '/api/_session/personas' || path === '/api/_session/demo') {
      if (opts.mode !== 'demo') {
        fail(res, 403, 'Forbidden', '演示身份只在演示模式下提供');
        return;
      }
      const personas = demoPersonas();
      if (path === '/api/_session/personas') {
        sendJson(res, 200, { ok: true, data: { personas: personas.map(({ openid: _o, ...p }) => p) } });
        return;
      }
      const body = await parseJson(req, res);
      if (!body) return;
      const persona = personas.find((p) => p.id === (body as { personaId?: unknown }).personaId);
      if (!persona) {
        fail(res, 400, 'InvalidParameter', '没有这个演示身份');
        return;
      }
      const { openid, ...view } = persona;
      const device = demoDeviceSchema.safeParse((body as { device?: unknown }).device);
      if (persona.kind === 'staff' && device.success) await opts.trustDemoBrowser(openid, device.data);
      sendJson(res, 200, { ok: true, data: { token: issue(openid, 'demo', DEMO_TTL_S), openid, persona: view } });
      return;
    }

    // Signed machine imports (POST /api/portal/import): the `portal` function's HTTP access path.
    if (path.startsWith('/api/portal/')) {
      await servePortalHttp(req, res, path);
      return;
    }

    const m = FN_PATH.exec(path);
    const main = m && Object.prototype.hasOwnProperty.call(opts.functions, m[1]) ? opts.functions[m[1]] : undefined;
    if (!main) {
      fail(res, 404, 'NotFound', `没有名为 ${path.slice(5)} 的云函数`);
      return;
    }
    if (req.method !== 'POST') {
      fail(res, 405, 'InvalidParameter', '云函数只接受 POST 请求');
      return;
    }
    const body = await parseJson(req, res);
    if (!body) return;
    const token = bearer(req);
    let openid: string | null = null;
    if (token) {
      const claims = verifyToken(opts.secret, token, opts.now());
      if (!claims) {
        fail(res, 401, 'Unauthenticated', '登录已过期，请重新进入');
        return;
      }
      openid = claims.sub;
    }
    // Sent only once everything it shows or reports is on disk (group commit, one wait per request).
    const envelope = await answerWhenDurable(() =>
      runAsCaller(openid ? { OPENID: openid, APPID: LOCAL_APPID } : null, () => main(body, {})),
    );
    sendJson(res, 200, envelope);
  }

  async function parseJson(req: IncomingMessage, res: ServerResponse): Promise<object | null> {
    let text: string;
    try {
      text = await readBody(req);
    } catch (e) {
      if (e instanceof BodyTooLarge) fail(res, 413, 'InvalidParameter', '请求内容过大（上限 1 MB）');
      else fail(res, 400, 'InvalidParameter', '请求读取失败');
      return null;
    }
    try {
      const value: unknown = text ? JSON.parse(text) : {};
      if (value && typeof value === 'object' && !Array.isArray(value)) return value;
    } catch {
      // fall through
    }
    fail(res, 400, 'InvalidParameter', '请求内容不是有效的 JSON 对象');
    return null;
  }

  // Every request that reaches the store waits for its turn (admission.ts): one per loop turn.
  const admission = new Admission();
  const inTurn = (res: ServerResponse, run: () => Promise<void>): Promise<void> => {
    const turn = admission.turn();
    if (!turn) {
      fail(res, 503, 'RateLimited', '服务繁忙，请稍后再试');
      return Promise.resolve();
    }
    return turn.then(run);
  };

  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path.startsWith('/api/')) {
      inTurn(res, () => handleApi(req, res, path)).catch((error) => {
        console.error('local host error', error);
        if (!res.headersSent) fail(res, 500, 'Internal', '本地服务内部错误');
        else res.end();
      });
      return;
    }
    // Public feeds (GET /public/*) are answered by the `public` function's router, as in production.
    if (path.startsWith('/public/'))
      return void inTurn(res, () => servePublic(req, res)).catch(() => fail(res, 500, 'Internal', '本地服务内部错误'));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      fail(res, 405, 'InvalidParameter', '不支持的请求方法');
      return;
    }
    serveStatic(opts.staticDir, req, res);
  });
}
