import type { Envelope, Fail } from '@shared/core/envelope';
import { isErrorCode } from '@shared/core/envelope';

// Pure helpers that turn whatever came back from the wire into an envelope; no Taro, no I/O.

export const NETWORK_FAIL_MESSAGE = '网络异常，请检查网络后重试';

export function networkFail(): Fail {
  return { ok: false, code: 'Internal', message: NETWORK_FAIL_MESSAGE };
}

/** A well-formed envelope passes through; anything else (HTML error page, null) is a network failure. */
export function asEnvelope<T>(value: unknown): Envelope<T> {
  if (!value || typeof value !== 'object') return networkFail();
  const v = value as Record<string, unknown>;
  if (v.ok === true) return value as Envelope<T>;
  if (v.ok === false && isErrorCode(v.code)) {
    return {
      ...(value as Fail),
      message: typeof v.message === 'string' && v.message ? v.message : '操作失败，请稍后重试',
    };
  }
  return networkFail();
}

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ text(): Promise<string> }>;

/** One HTTP exchange whose JSON body is an envelope; never throws. */
export async function fetchEnvelope<T>(
  fetchImpl: FetchLike,
  url: string,
  init: { method: 'GET' | 'POST'; token?: string | null; body?: unknown },
): Promise<Envelope<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  try {
    const res = await fetchImpl(url, {
      method: init.method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    return asEnvelope<T>(text ? JSON.parse(text) : null);
  } catch {
    return networkFail();
  }
}
