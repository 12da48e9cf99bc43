import type { FieldErrors } from '@shared/core/envelope';
import { toFieldErrors } from '@shared/core/zod-errors';
import {
  MESSAGE_CATEGORIES,
  PHOTOS_MAX,
  photoIdSchema,
  submitMessageInput,
  type MessageCategory,
  type SubmitMessageInput,
} from '@shared/messages/schemas';

// What the form holds while the citizen types; validated with the server's own schema.

export interface Draft {
  unitId: string;
  /** Kept so a restored draft shows the unit before the unit list has loaded. */
  unitName: string;
  category: MessageCategory | '';
  title: string;
  content: string;
  phone: string;
  allowPublish: boolean;
  /** Ids of photos already uploaded (they survive a reload with the draft). */
  photos: string[];
}

export const EMPTY_DRAFT: Draft = {
  unitId: '',
  unitName: '',
  category: '',
  title: '',
  content: '',
  phone: '',
  allowPublish: false,
  photos: [],
};

/** A stored draft from an older version or a broken store becomes a valid Draft. */
export function restoreDraft(value: unknown): Draft {
  if (!value || typeof value !== 'object') return { ...EMPTY_DRAFT };
  const v = value as Record<string, unknown>;
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  const category = (MESSAGE_CATEGORIES as readonly string[]).includes(str('category'))
    ? (str('category') as MessageCategory)
    : '';
  return {
    unitId: str('unitId'),
    unitName: str('unitName'),
    category,
    title: str('title'),
    content: str('content'),
    phone: str('phone'),
    allowPublish: v.allowPublish === true,
    photos: Array.isArray(v.photos)
      ? v.photos.filter((p): p is string => photoIdSchema.safeParse(p).success).slice(0, PHOTOS_MAX)
      : [],
  };
}

export function isBlank(d: Draft): boolean {
  return !d.unitId && !d.category && !d.title.trim() && !d.content.trim() && !d.phone.trim() && !d.photos.length;
}

/** Length the schema will measure (it trims first). */
export function contentLength(d: Draft): number {
  return d.content.trim().length;
}

function toRawInput(d: Draft): Record<string, unknown> {
  const phone = d.phone.trim();
  return {
    unitId: d.unitId,
    category: d.category || undefined,
    title: d.title,
    content: d.content,
    allowPublish: d.allowPublish,
    ...(d.photos.length ? { photos: d.photos } : {}),
    ...(phone ? { phone } : {}),
  };
}

export type DraftCheck = { ok: true; input: SubmitMessageInput } | { ok: false; fieldErrors: FieldErrors };

/** Runs `submitMessageInput` on the draft; messages keyed by field, as the server returns them. */
export function checkDraft(d: Draft): DraftCheck {
  const parsed = submitMessageInput.safeParse(toRawInput(d));
  if (parsed.success) return { ok: true, input: parsed.data };
  const fieldErrors = toFieldErrors(parsed.error);
  // An unpicked unit is an empty id to the schema; say what the citizen has to do instead.
  if (!d.unitId && fieldErrors.unitId) fieldErrors.unitId = '请选择收信单位';
  return { ok: false, fieldErrors };
}
