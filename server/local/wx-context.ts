import { AsyncLocalStorage } from 'node:async_hooks';

// WeChat's runtime hands a cloud function its caller through environment variables
// (WX_OPENID, WX_APPID, listed in WX_CONTEXT_KEYS), and wx-server-sdk's getWXContext() reads
// them from process.env. The local host serves many callers at once in one process, so it
// gives each request its own view of those variables: process.env becomes a proxy that answers
// WX_* keys from the request's AsyncLocalStorage and everything else from the real environment.
// Handlers keep calling cloud.getWXContext() exactly as in production.

type WxContext = { OPENID: string; APPID: string; UNIONID?: string };
const storage = new AsyncLocalStorage<Record<string, string>>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const real = process.env;
  const isContextKey = (key: string | symbol): key is string =>
    typeof key === 'string' && (key === 'WX_CONTEXT_KEYS' || key.startsWith('WX_'));
  process.env = new Proxy(real, {
    get(target, key) {
      const scoped = storage.getStore();
      if (scoped && isContextKey(key)) return scoped[key];
      return Reflect.get(target, key);
    },
    has(target, key) {
      const scoped = storage.getStore();
      if (scoped && isContextKey(key)) return key in scoped;
      return Reflect.has(target, key);
    },
  });
}

/** Runs `fn` as a call from `ctx` (or from nobody, with null): what getWXContext() will report. */
export function runAsCaller<T>(ctx: WxContext | null, fn: () => T): T {
  install();
  const vars: Record<string, string> = ctx
    ? {
        WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
        WX_OPENID: ctx.OPENID,
        WX_APPID: ctx.APPID,
        ...(ctx.UNIONID ? { WX_UNIONID: ctx.UNIONID } : {}),
      }
    : {};
  return storage.run(vars, fn);
}

export const LOCAL_APPID = 'wx-local-demo';
