import cloud from 'wx-server-sdk';

// The one place the cloud SDK is initialised. In production the function runs in the caller's
// environment (DYNAMIC_CURRENT_ENV); locally the embedded cloud answers the same calls.
let initialised = false;

export function getCloud(): typeof cloud {
  if (!initialised) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    initialised = true;
  }
  return cloud;
}

/** The caller as WeChat's runtime reports it. Never read identity from the event payload. */
export function callerOpenid(): string | null {
  const ctx = getCloud().getWXContext() as { OPENID?: unknown };
  return typeof ctx.OPENID === 'string' && ctx.OPENID.length > 0 ? ctx.OPENID : null;
}
