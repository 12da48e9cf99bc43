import type { Envelope } from '@shared/core/envelope';
import { API_ORIGIN, IS_WEAPP } from './env';
import { fetchEnvelope, type FetchLike } from './envelope-io';
import { readJson, removeKey, writeJson } from './storage';

// Who the H5 visitor is. On weapp WeChat supplies the identity and there is no token.

export type PersonaKind = 'citizen' | 'staff';

/** A ready-made identity offered by the local host in demo mode. */
export interface Persona {
  id: string;
  name: string;
  title: string;
  unitName: string;
  roles: string[];
  kind: PersonaKind;
}

interface StoredSession {
  token: string;
  openid: string;
  /** null for the anonymous guest citizen. */
  persona: Persona | null;
}

const SESSION_KEY = 'zw.session.v1';
const httpFetch: FetchLike = (url, init) => fetch(url, init);
let pending: Promise<StoredSession | null> | null = null;

function readSession(): StoredSession | null {
  const s = readJson<StoredSession>(SESSION_KEY);
  return s && typeof s.token === 'string' && s.token ? s : null;
}

async function createGuest(): Promise<StoredSession | null> {
  const res = await fetchEnvelope<{ token: string; openid: string }>(httpFetch, `${API_ORIGIN}/api/_session/guest`, {
    method: 'POST',
    body: {},
  });
  if (!res.ok || !res.data?.token) return null;
  const session: StoredSession = { token: res.data.token, openid: res.data.openid, persona: null };
  writeJson(SESSION_KEY, session);
  return session;
}

/** The H5 session, creating an anonymous citizen on first use; null on weapp or when the host is unreachable. */
export async function ensureSession(): Promise<StoredSession | null> {
  if (IS_WEAPP) return null;
  const existing = readSession();
  if (existing) return existing;
  if (!pending) pending = createGuest().finally(() => (pending = null));
  return pending;
}

export async function getToken(): Promise<string | null> {
  return (await ensureSession())?.token ?? null;
}

/** Drops a token the server no longer accepts and starts a fresh guest session. */
export async function renewSession(): Promise<boolean> {
  if (IS_WEAPP) return false;
  removeKey(SESSION_KEY);
  return (await ensureSession()) !== null;
}

/** The demo persona the visitor chose, or null for the anonymous citizen. */
export function currentPersona(): Persona | null {
  return IS_WEAPP ? null : (readSession()?.persona ?? null);
}

const DEMO_ONLY: Envelope<never> = {
  ok: false,
  code: 'Forbidden',
  message: '体验身份只在网页体验版中提供',
};

/** Identities to try the product as; a Fail envelope unless the host runs in demo mode. */
export async function listPersonas(): Promise<Envelope<{ personas: Persona[] }>> {
  if (IS_WEAPP) return DEMO_ONLY;
  return fetchEnvelope<{ personas: Persona[] }>(httpFetch, `${API_ORIGIN}/api/_session/personas`, { method: 'GET' });
}

/**
 * Which person this browser is acting as, to keep one device per person on H5 (as WeChat keeps
 * storage per user): the demo persona's id, else the guest's OPENID; null without a session.
 */
export function sessionIdentityKey(probe?: { personaId: string }): string | null {
  if (probe) return `p-${probe.personaId}`;
  const s = readSession();
  if (!s) return null;
  return s.persona ? `p-${s.persona.id}` : `o-${s.openid}`;
}

/** The browser's device, bound and pre-approved by the demo host for a demo staff persona. */
export interface DemoDevice {
  id: string;
  secret: string;
  info?: Record<string, string>;
}

export async function signInAs(
  personaId: string,
  device?: DemoDevice,
): Promise<Envelope<{ token: string; openid: string; persona: Persona }>> {
  if (IS_WEAPP) return DEMO_ONLY;
  const res = await fetchEnvelope<{ token: string; openid: string; persona: Persona }>(
    httpFetch,
    `${API_ORIGIN}/api/_session/demo`,
    { method: 'POST', body: device ? { personaId, device } : { personaId } },
  );
  if (res.ok) writeJson(SESSION_KEY, { token: res.data.token, openid: res.data.openid, persona: res.data.persona });
  return res;
}
