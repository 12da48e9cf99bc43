import type { ErrorCode } from '@shared/core/envelope';

// A screen whose load failed keeps why (the server's words) and the stable code, so the screen
// can tell a failure a retry may mend from a refusal it cannot: a second tap on 重试 after 无权查看
// only repeats the refusal.

export type Failed = { status: 'error'; message: string; code?: ErrorCode };

/** The failed state for a refused or failed call (any `{ ok: false }` answer). */
export const failed = (res: { message: string; code?: ErrorCode }): Failed => ({
  status: 'error',
  message: res.message,
  code: res.code,
});

/** Refusals that stay refusals however often they are asked again: wrong role, gone, bad input. */
const FINAL: readonly ErrorCode[] = ['Forbidden', 'NotFound', 'InvalidParameter', 'InvalidTransition', 'ContentRisk'];

/**
 * Whether asking again may bring a different answer: a network or server failure, a rate limit
 * that passes, a device waiting for approval, a session to renew, a conflict with a newer state.
 * Unknown (no code) counts as worth a retry.
 */
export const retryMayHelp = (code?: ErrorCode | null): boolean => !code || !FINAL.includes(code);
