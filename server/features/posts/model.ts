import type { Platform } from '@shared/accounts/contract';
import type { CheckReport } from '@shared/posts/checks/types';
import type { PostKind } from '@shared/posts/kinds';
import type { ChecklistKey } from '@shared/posts/schemas';
import type { DeliveryState, PostState } from '@shared/posts/transitions';
import type { PostContent } from '@shared/posts/views';

// Storage of posts. `posts` holds the current state; every edit adds an immutable row to
// `postVersions`; every step adds a row to `postEvents` (the post's timeline, written in the
// same transaction as the step and its audit entry). `rev` counts every change and is what
// two people acting at once race on: the loser's rev is stale and gets Conflict.

export const POSTS = 'posts';
export const POST_VERSIONS = 'postVersions';
export const POST_EVENTS = 'postEvents';
/** Which versions each reviewer/leader has seen (doc id `${postId}_${staffId}`). */
export const POST_SEEN = 'postSeen';

export interface PostDoc {
  _id: string;
  rev: number;
  version: number;
  accountId: string;
  accountName: string;
  platform: Platform;
  unitId: string;
  unitName: string;
  kind: PostKind;
  title: string;
  body: string;
  links: string[];
  images: string[];
  videoUrl: string;
  sourceName: string;
  sourceUrl: string;
  correctsPostId: string | null;
  occurredAt: number | null;
  /** The declared emergency event a 突发事件 post answers (absent on posts written before the link existed). */
  emergencyEventId?: string | null;
  state: PostState;
  delivery: {
    state: DeliveryState;
    url: string | null;
    publishedAt: number | null;
    failureReason: string | null;
    recordedBy: string | null;
    recordedByName: string | null;
  };
  authorId: string;
  authorName: string;
  reviewerId: string | null;
  reviewerName: string | null;
  approverId: string | null;
  approverName: string | null;
  checks: CheckReport | null;
  overrides: Array<{ key: string; reason: string; by: string; byName: string; at: number }>;
  checklist: { items: ChecklistKey[]; by: string; byName: string; at: number; note: string } | null;
  returned: { reason: string; by: string; byName: string; at: number } | null;
  approval: { by: string; byName: string; at: number; note: string } | null;
  correctedBy: { postId: string; title: string; at: number } | null;
  /** 1 for emergencies: they go to the front of every queue. */
  priority: 0 | 1;
  /** When the post entered the queue it is in now. */
  queuedAt: number;
  /** When it went out (the feed's order); null until published. */
  publicAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface PostVersionDoc {
  _id: string;
  postId: string;
  n: number;
  content: PostContent;
  by: string;
  byName: string;
  createdAt: number;
}

export interface PostEventDoc {
  _id: string;
  postId: string;
  at: number;
  action: string;
  actorId: string | null;
  actorName: string;
  fromState: PostState | null;
  toState: PostState;
  version: number;
  reason?: string;
  note?: string;
}

export function versionId(postId: string, n: number): string {
  return `${postId}_v${n}`;
}

export function contentOf(p: PostDoc): PostContent {
  return {
    kind: p.kind,
    title: p.title,
    body: p.body,
    links: p.links,
    images: p.images,
    videoUrl: p.videoUrl,
    sourceName: p.sourceName,
    sourceUrl: p.sourceUrl,
    correctsPostId: p.correctsPostId,
    occurredAt: p.occurredAt,
    emergencyEventId: p.emergencyEventId ?? null,
  };
}

/** Whether two contents differ in anything a reviewer reads. */
export function sameContent(a: PostContent, b: PostContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The document as written back (set() takes it without `_id`). */
export function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id, ...rest } = doc;
  void _id;
  return rest;
}
