import type { Platform } from '../accounts/contract';
import type { CheckReport } from './checks/types';
import type { DiffSegment } from './diff';
import type { EmergencyCountdown } from './emergency';
import type { PostKind } from './kinds';
import type { ChecklistKey } from './schemas';
import type { DeliveryState, PostAction, PostState } from './transitions';

// What the posts cloud function returns to each screen. Each view carries only the fields
// that screen needs (DESIGN.md: never return whole documents).

export interface PostContent {
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
  emergencyEventId: string | null;
}

export interface PostAccountView {
  _id: string;
  name: string;
  platform: Platform;
  unitId: string;
  unitName: string;
  status: string;
  leaderName: string;
}

export interface VersionDiffView {
  from: number;
  to: number;
  /** Field → segments; only fields that changed are present. */
  fields: Partial<
    Record<
      'title' | 'body' | 'links' | 'sourceName' | 'sourceUrl' | 'videoUrl' | 'kind' | 'emergencyEvent',
      DiffSegment[]
    >
  >;
  /** Images added and removed (ids, viewable with posts.image); null when the images did not change. */
  images: { added: string[]; removed: string[]; reordered: boolean } | null;
  /** 'seen': since the version this person last saw; 'requested': versions asked for. */
  basis: 'seen' | 'requested';
}

export interface TimelineEntry {
  at: number;
  action: string;
  label: string;
  actorName: string;
  fromState: PostState | null;
  toState: PostState;
  version: number;
  reason?: string;
  note?: string;
}

export interface PostDetailView {
  _id: string;
  rev: number;
  version: number;
  state: PostState;
  delivery: {
    state: DeliveryState;
    url: string | null;
    publishedAt: number | null;
    failureReason: string | null;
    recordedByName: string | null;
  };
  account: PostAccountView;
  content: PostContent;
  authorName: string;
  reviewerName: string | null;
  approverName: string | null;
  checks: CheckReport | null;
  overrides: Array<{ key: string; reason: string; byName: string; at: number }>;
  checklist: { items: ChecklistKey[]; byName: string; at: number; note: string } | null;
  returned: { reason: string; byName: string; at: number } | null;
  approval: { byName: string; at: number; note: string } | null;
  emergency: { occurredAt: number; countdowns: EmergencyCountdown[] } | null;
  corrects: { _id: string; title: string } | null;
  correctedBy: { _id: string; title: string; at: number } | null;
  /** The declared emergency event this post answers. */
  emergencyEvent: EmergencyEventOptionView | null;
  /** What the caller may do now, from the shared transition table. */
  allowedActions: PostAction[];
  /** Why the caller may not take the step their role would normally take here. */
  refusals: Partial<Record<PostAction, string>>;
  /** Changes since the version the caller last saw (null: first look, or nothing changed). */
  diff: VersionDiffView | null;
  timeline: TimelineEntry[];
  createdAt: number;
  updatedAt: number;
}

export interface CheckCounts {
  blocking: number;
  overridable: number;
  warnings: number;
}

export interface QueueItemView {
  _id: string;
  rev: number;
  title: string;
  excerpt: string;
  kind: PostKind;
  accountName: string;
  platform: Platform;
  unitName: string;
  authorName: string;
  state: PostState;
  version: number;
  queuedAt: number;
  emergency: { occurredAt: number; countdowns: EmergencyCountdown[] } | null;
  checks: CheckCounts | null;
  /** Changed since this person last saw it (a resubmission after a return). */
  changedSinceSeen: boolean;
}

export interface MyPostItemView {
  _id: string;
  title: string;
  kind: PostKind;
  accountName: string;
  platform: Platform;
  state: PostState;
  delivery: DeliveryState;
  version: number;
  returnedReason: string | null;
  updatedAt: number;
  createdAt: number;
}

/** A declared emergency event, as the compose page offers it and a linked post shows it. */
export interface EmergencyEventOptionView {
  _id: string;
  title: string;
  /** 一般 / 较大 / 重大 / 特别重大. */
  levelLabel: string;
  occurredAt: number;
  active: boolean;
}

export interface PostableAccountView {
  _id: string;
  name: string;
  platform: Platform;
  unitId: string;
  unitName: string;
  leaderName: string;
  reviewerName: string;
}

/**
 * A published post as the county portal and the public see it: no staff names or notes, and no
 * images — they are private uploads, served only to staff as short-lived URLs (a feed would need
 * a public, lasting address); the post on the platform (`url`) carries them.
 */
export interface FeedItemView {
  id: string;
  title: string;
  body: string;
  kind: PostKind;
  accountId: string;
  accountName: string;
  platform: Platform;
  unitId: string;
  unitName: string;
  url: string;
  links: string[];
  publishedAt: number;
  /** Set when a later correction corrected this post (第十八条(四)). */
  correctedBy: { id: string; title: string } | null;
  corrects: { id: string; title: string } | null;
}

/** What saving or checking a draft returns. */
export interface DraftSaved {
  _id: string;
  rev: number;
  version: number;
  checks: CheckReport;
}
