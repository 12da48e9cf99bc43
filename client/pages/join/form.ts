import { queryParam } from '../../lib/params';
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

/**
 * The invite code a page was opened with: `?code=…` from a shared card or a path, or the 小程序码's
 * `scene` ("code=…", still percent-encoded by WeChat). Empty when neither carries one.
 */
export function inviteCodeFromParams(params: Record<string, string | undefined>): string {
  if (params.code) return normaliseCode(queryParam(params.code));
  const scene = new URLSearchParams(queryParam(params.scene));
  return normaliseCode(scene.get('code') ?? '');
}
