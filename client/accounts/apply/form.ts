import type { FieldErrors } from '@shared/core/envelope';
import { toFieldErrors } from '@shared/core/zod-errors';
import { applyInput, type ApplyInput } from '@shared/accounts/schemas';
import type { AccountType, Platform } from '@shared/accounts/contract';

// What the application form holds while the person types; checked with the server's own schema.

export interface Draft {
  owningUnitId: string;
  managingUnitId: string;
  platform: Platform | '';
  type: AccountType | '';
  name: string;
  purpose: string;
  holderStaffId: string;
  leaderId: string;
  reviewerId: string;
  publisherId: string;
  qq: string;
}

export const EMPTY: Draft = {
  owningUnitId: '',
  managingUnitId: '',
  platform: '',
  type: 'institutional',
  name: '',
  purpose: '',
  holderStaffId: '',
  leaderId: '',
  reviewerId: '',
  publisherId: '',
  qq: '',
};

export function restore(value: unknown): Draft {
  if (!value || typeof value !== 'object') return { ...EMPTY };
  const v = value as Record<string, unknown>;
  const out = { ...EMPTY };
  for (const k of Object.keys(EMPTY) as Array<keyof Draft>)
    if (typeof v[k] === 'string') (out as Record<string, string>)[k] = v[k] as string;
  return out;
}

export function toInput(d: Draft): Record<string, unknown> {
  return {
    platform: d.platform || undefined,
    type: d.type || undefined,
    owningUnitId: d.owningUnitId,
    managingUnitId: d.managingUnitId || d.owningUnitId,
    name: d.name,
    purpose: d.purpose,
    ...(d.type && d.type !== 'institutional' && d.holderStaffId ? { holderStaffId: d.holderStaffId } : {}),
    responsible: { leaderId: d.leaderId, reviewerId: d.reviewerId, publisherId: d.publisherId },
    qq: d.qq.trim(),
  };
}

export type Check = { ok: true; input: ApplyInput } | { ok: false; fieldErrors: FieldErrors };

export function check(d: Draft): Check {
  const parsed = applyInput.safeParse(toInput(d));
  if (parsed.success) return { ok: true, input: toInput(d) as ApplyInput };
  const fe = toFieldErrors(parsed.error);
  // Empty pickers read better as "please choose" than as an id format error.
  for (const [k, label] of [
    ['owningUnitId', '请选择主管部门'],
    ['responsible.leaderId', '请选择分管领导'],
    ['responsible.reviewerId', '请选择审核人员'],
    ['responsible.publisherId', '请选择发布人员'],
  ] as const) {
    if (
      fe[k] &&
      !(k.startsWith('responsible') ? (d as unknown as Record<string, string>)[k.split('.')[1]] : d.owningUnitId)
    )
      fe[k] = label;
  }
  return { ok: false, fieldErrors: fe };
}
