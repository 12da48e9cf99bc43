import type { FieldErrors } from '@shared/core/envelope';
import { toFieldErrors } from '@shared/core/zod-errors';
import { redeemInviteInput } from '@shared/identity/schemas';

// The invite form, checked with the server's own schema before it is sent (unit-tested).

export interface JoinForm {
  code: string;
  name: string;
  title: string;
  mobile: string;
}

export const EMPTY_JOIN: JoinForm = { code: '', name: '', title: '', mobile: '' };

export type JoinCheck = { ok: true; input: JoinForm } | { ok: false; fieldErrors: FieldErrors };

export function checkJoin(form: JoinForm): JoinCheck {
  const parsed = redeemInviteInput.safeParse(form);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, fieldErrors: toFieldErrors(parsed.error) };
}

/** A code from a shared link or typed by hand: spaces and dashes dropped, upper case. */
export function normaliseCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase().slice(0, 8);
}
