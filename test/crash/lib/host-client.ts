import { randomBytes } from 'node:crypto';
import { signRequest } from '@shared/identity/signing';
import type { Envelope } from '@shared/core/envelope';

// Talks to a running local host over HTTP the way the H5 app does: a guest session for a
// citizen, a demo session for a seeded staff member whose browser is pre-approved as their
// phone, and staff requests signed with that phone's secret (shared/identity/signing.ts).

export interface Session {
  token: string;
  openid: string;
  /** The phone a staff session signs with (absent for citizens). */
  device?: { id: string; secret: string };
}

export const DEMO_PIN = '246810';

async function post<T>(base: string, path: string, body: unknown, token?: string): Promise<Envelope<T>> {
  const res = await fetch(`${base}api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Envelope<T>;
}

function must<T>(env: Envelope<T>, what: string): T {
  if (!env.ok) throw new Error(`${what}: ${env.code} ${env.message}`);
  return env.data;
}

/** A new citizen: the host issues a guest identity (as WeChat would give a new user an OPENID). */
export async function guestSession(base: string): Promise<Session> {
  const data = must(await post<{ token: string; openid: string }>(base, '_session/guest', {}), 'guest session');
  return { token: data.token, openid: data.openid };
}

/** A seeded demo staff member on a new, pre-approved browser "phone", unlocked with the demo PIN. */
export async function staffSession(base: string, personaId: string): Promise<Session> {
  const device = { id: `crash${randomBytes(12).toString('hex')}`, secret: randomBytes(32).toString('hex') };
  const data = must(
    await post<{ token: string; openid: string }>(base, '_session/demo', {
      personaId,
      device: { ...device, info: { brand: 'bench', model: 'loopback', platform: 'h5' } },
    }),
    `demo session ${personaId}`,
  );
  const session: Session = { token: data.token, openid: data.openid, device };
  must(await call(base, session, 'identity', 'session.unlock', { pin: DEMO_PIN }), `unlock ${personaId}`);
  return session;
}

/** The request body a client sends: `{ action, data }`, plus a fresh device proof for staff. */
export function requestBody(session: Session, action: string, data: unknown, now = Date.now()): string {
  if (!session.device) return JSON.stringify({ action, data });
  const proof = { id: session.device.id, ts: now, nonce: randomBytes(12).toString('hex') };
  const sig = signRequest(session.device.secret, action, data ?? {}, proof);
  return JSON.stringify({ action, data, device: { ...proof, sig } });
}

/** Calls `fn`/`action` as `session`; a dropped connection rejects (the caller decides what it means). */
export async function call<T = unknown>(
  base: string,
  session: Session,
  fn: string,
  action: string,
  data: unknown,
): Promise<Envelope<T>> {
  const res = await fetch(`${base}api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
    body: requestBody(session, action, data),
  });
  return (await res.json()) as Envelope<T>;
}
