import type { FieldErrors } from '@shared/core/envelope';
import { toFieldErrors } from '@shared/core/zod-errors';
import type { PostKind } from '@shared/posts/kinds';
import { createPostInput, type CreatePostInput } from '@shared/posts/schemas';
import type { PostContent } from '@shared/posts/views';

// The compose form as typed, how it becomes the server's input (validated with the same shared
// schema), and how a stored copy is restored so nothing typed is lost on an error or a reload.

export interface PostForm {
  accountId: string;
  kind: PostKind;
  title: string;
  body: string;
  /** One link per line. */
  linksText: string;
  sourceName: string;
  sourceUrl: string;
  videoUrl: string;
  correctsPostId: string;
  occurredAt: number | null;
  /** Uploaded image ids, in order. */
  images: string[];
  /** The declared emergency event an emergency post answers ('' for none). */
  emergencyEventId: string;
}

export const EMPTY_FORM: PostForm = {
  accountId: '',
  kind: 'original',
  title: '',
  body: '',
  linksText: '',
  sourceName: '',
  sourceUrl: '',
  videoUrl: '',
  correctsPostId: '',
  occurredAt: null,
  images: [],
  emergencyEventId: '',
};

export function linksOf(text: string): string[] {
  return text
    .split(/\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

export function toInput(f: PostForm): CreatePostInput {
  return {
    accountId: f.accountId,
    kind: f.kind,
    title: f.title,
    body: f.body,
    links: linksOf(f.linksText),
    images: [...f.images],
    videoUrl: f.videoUrl.trim(),
    sourceName: f.kind === 'repost' ? f.sourceName : '',
    sourceUrl: f.kind === 'repost' ? f.sourceUrl.trim() : '',
    correctsPostId: f.kind === 'correction' && f.correctsPostId ? f.correctsPostId : null,
    occurredAt: f.kind === 'emergency' ? f.occurredAt : null,
    emergencyEventId: f.kind === 'emergency' && f.emergencyEventId ? f.emergencyEventId : null,
  };
}

/** Field errors keyed as the form shows them (links.N → linksText, images.N → images). */
export function checkForm(f: PostForm): { ok: true; input: CreatePostInput } | { ok: false; fieldErrors: FieldErrors } {
  const parsed = createPostInput.safeParse(toInput(f));
  if (parsed.success) return { ok: true, input: toInput(f) };
  return { ok: false, fieldErrors: formErrors(toFieldErrors(parsed.error)) };
}

export function formErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) {
    const key = k.startsWith('links') ? 'linksText' : k.startsWith('images') ? 'images' : k;
    if (!(key in out)) out[key] = v;
  }
  return out;
}

export function fromContent(accountId: string, c: PostContent): PostForm {
  return {
    accountId,
    kind: c.kind,
    title: c.title,
    body: c.body,
    linksText: c.links.join('\n'),
    sourceName: c.sourceName,
    sourceUrl: c.sourceUrl,
    videoUrl: c.videoUrl,
    correctsPostId: c.correctsPostId ?? '',
    occurredAt: c.occurredAt,
    images: [...c.images],
    emergencyEventId: c.emergencyEventId ?? '',
  };
}

/** A stored copy, or null when it is not a form (an old format, tampering). */
export function restoreForm(value: unknown): PostForm | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const str = (k: keyof PostForm) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  const kinds: PostKind[] = ['original', 'repost', 'correction', 'emergency'];
  return {
    accountId: str('accountId'),
    kind: kinds.includes(v.kind as PostKind) ? (v.kind as PostKind) : 'original',
    title: str('title'),
    body: str('body'),
    linksText: str('linksText'),
    sourceName: str('sourceName'),
    sourceUrl: str('sourceUrl'),
    videoUrl: str('videoUrl'),
    correctsPostId: str('correctsPostId'),
    occurredAt: typeof v.occurredAt === 'number' ? v.occurredAt : null,
    images: Array.isArray(v.images) ? v.images.filter((x): x is string => typeof x === 'string').slice(0, 9) : [],
    emergencyEventId: str('emergencyEventId'),
  };
}

export function sameForm(a: PostForm, b: PostForm): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
