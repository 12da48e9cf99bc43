import Taro from '@tarojs/taro';
import type { Envelope } from '@shared/core/envelope';
import { API_ORIGIN, CLOUD_ENV_ID, IS_WEAPP } from './env';
import { createTransport, type OutgoingRequest, type RequestDecorator } from './transport-core';
import { getToken, renewSession } from './session';

// The one door to the backend: wx.cloud.callFunction on weapp, HTTP to the local host on H5.
// Pages use the feature modules (units, me, messages), never this file.

export type { OutgoingRequest, RequestDecorator };

let cloudReady = false;
function ensureCloud(): void {
  if (cloudReady) return;
  Taro.cloud.init({ env: CLOUD_ENV_ID, traceUser: true });
  cloudReady = true;
}

async function sendWeapp(fn: string, payload: OutgoingRequest['payload']): Promise<unknown> {
  ensureCloud();
  const res = await Taro.cloud.callFunction({ name: fn, data: payload });
  return res.result;
}

async function sendH5(fn: string, payload: OutgoingRequest['payload']): Promise<unknown> {
  const token = await getToken();
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${API_ORIGIN}/api/${encodeURIComponent(fn)}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(payload),
  });
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

const transport = createTransport(IS_WEAPP ? { send: sendWeapp } : { send: sendH5, renewSession });

/** Sees every reply (the security guard routes refusals; the idle clock notes activity). */
export type ResultObserver = (fn: string, action: string, res: Envelope<unknown>) => void;
let observer: ResultObserver | null = null;

/** Calls `action` on cloud function `fn`; always resolves with an envelope, never throws. */
export async function call<T>(fn: string, action: string, data?: object): Promise<Envelope<T>> {
  const res = await transport.call<T>(fn, action, data);
  try {
    observer?.(fn, action, res);
  } catch {
    // An observer's failure must not change what the page gets.
  }
  return res;
}

/** Installs (or with null removes) the one observer of every reply. */
export function setResultObserver(next: ResultObserver | null): void {
  observer = next;
}

/** Installs (or with null removes) the hook that may add fields such as `device` to every request. */
export function setRequestDecorator(decorator: RequestDecorator | null): void {
  transport.setRequestDecorator(decorator);
}
