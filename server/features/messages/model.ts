import type { DueKind, InboxItemView, MessageCategory, MyMessageView, PublicStatus } from '@shared/messages/schemas';
import {
  ACCEPT_STAGE,
  PUBLIC_STATUS_OF,
  isOpenState,
  type MessageState,
  type Rating,
  type TransitionSubject,
} from '@shared/messages/transitions';
import { nextCheckAt, type SweepMarks } from '@shared/messages/sweep';
import type { TimelineEntry } from '@shared/messages/timeline';

export const MESSAGES = 'messages';
export const COUNTERS = 'counters';
export const RATE_LIMITS = 'rateLimits';
export const IMPORTS = 'messageImports';

export type Channel = 'miniprogram' | 'portal' | 'hotline12345';

/** A citizen message as stored. Citizens, staff and the public each get their own view of it. */
export interface MessageDoc {
  _id: string;
  trackingNo: string;
  /** The unit holding the message now. */
  unitId: string;
  unitName: string;
  /** The unit holding it is the county government office (it routes 不确定 messages). */
  atCountyOffice: boolean;
  /** Every unit that has held it (a unit that transferred it can still read it). */
  unitTrail: string[];
  /** Sent to “不确定”: the county government office routes it. */
  addressedUnsure: boolean;
  category: MessageCategory;
  title: string;
  content: string;
  phone: string | null;
  photos: string[];
  allowPublish: boolean;
  /** null for messages imported from the portal or 12345 (the citizen is not a WeChat user here). */
  citizenOpenid: string | null;
  citizenName: string | null;
  channel: Channel;
  externalId: string | null;
  state: MessageState;
  publicStatus: PublicStatus;
  urgent: boolean;
  createdAt: number;
  updatedAt: number;
  acceptDueAt: number | null;
  answerDueAt: number | null;
  acceptedAt: number | null;
  /** The deadline running now (derived): the accept deadline, then the answer deadline. */
  dueAt: number | null;
  dueKind: DueKind | null;
  /** When the sweeper must look at it next (derived). */
  nextCheckAt: number | null;
  sweep: SweepMarks | null;
  handlerId: string | null;
  handlerName: string | null;
  transfer: {
    fromUnitId: string;
    fromUnitName: string;
    toUnitId: string;
    toUnitName: string;
    reason: string;
    by: string;
    byName: string;
    at: number;
    fromState: MessageState;
  } | null;
  transferCount: number;
  replyDraft: {
    kind: 'answer' | 'redirect';
    text: string;
    channel: string | null;
    by: string;
    byName: string;
    at: number;
    fromState: MessageState;
    /** Set when the reviewer sent it back; the drafter revises from here. */
    returned?: { reason: string; byName: string; at: number } | null;
  } | null;
  answer: {
    kind: 'answer' | 'redirect';
    text: string;
    channel: string | null;
    unitName: string;
    at: number;
    draftedBy: string;
    approvedBy: string;
    approvedByName: string;
  } | null;
  answeredAt: number | null;
  published: boolean;
  publishedAt: number | null;
  extension: {
    status: 'requested' | 'approved' | 'rejected';
    workingDays: number;
    reason: string;
    by: string;
    byName: string;
    at: number;
    decidedBy: string | null;
    decidedByName: string | null;
    note: string | null;
  } | null;
  extensionsApproved: number;
  urge: {
    note: string;
    deadline: number;
    by: string;
    byName: string;
    at: number;
    acknowledgedAt: number | null;
    acknowledgedBy: string | null;
    acknowledgedByName: string | null;
    lapsedNotified?: boolean;
  } | null;
  rating: { value: Rating; at: number; comment: string | null } | null;
  reopenCount: number;
  closedAt: number | null;
  /** Derived flags, each behind an index (server/db/indexes.ts). */
  /** The sweeper has flagged the running deadline as passed (the county overdue list reads this). */
  overdue: boolean;
  awaitingReview: boolean;
  extensionPending: boolean;
  urgedOpen: boolean;
  reopenedOpen: boolean;
  awaitingRating: boolean;
  timeline: TimelineEntry[];
}

/** Recomputes every derived field from the facts, so flags and indexes never drift. */
export function withDerived(m: MessageDoc): MessageDoc {
  const open = isOpenState(m.state);
  const acceptStage = ACCEPT_STAGE.includes(m.state);
  const dueAt = !open ? null : acceptStage ? m.acceptDueAt : m.answerDueAt;
  const dueKind: DueKind | null = dueAt === null ? null : acceptStage ? 'accept' : 'answer';
  const next: MessageDoc = {
    ...m,
    publicStatus: PUBLIC_STATUS_OF[m.state],
    dueAt,
    dueKind,
    overdue: open && dueAt !== null && m.sweep?.escalatedFor === dueAt,
    awaitingReview: m.state === 'replyPending' || m.state === 'redirectPending',
    extensionPending: open && m.extension?.status === 'requested',
    urgedOpen: open && m.urge !== null && m.urge.acknowledgedAt === null,
    reopenedOpen: open && m.reopenCount > 0,
    awaitingRating: m.state === 'answered' && m.rating === null,
  };
  next.nextCheckAt = nextCheckAt(next);
  return next;
}

export function toSubject(m: MessageDoc): TransitionSubject {
  return {
    state: m.state,
    unitId: m.unitId,
    atCountyOffice: Boolean(m.atCountyOffice),
    citizenOpenid: m.citizenOpenid,
    handlerId: m.handlerId,
    replyDraft: m.replyDraft ? { by: m.replyDraft.by } : null,
    extension: m.extension ? { status: m.extension.status } : null,
    extensionsApproved: m.extensionsApproved,
    urge: m.urge ? { deadline: m.urge.deadline, acknowledgedAt: m.urge.acknowledgedAt } : null,
    transferCount: m.transferCount,
    reopenCount: m.reopenCount,
    answeredAt: m.answeredAt,
  };
}

export function toMyMessageView(m: MessageDoc): MyMessageView {
  return {
    _id: m._id,
    trackingNo: m.trackingNo,
    unitName: m.unitName,
    category: m.category,
    title: m.title,
    content: m.content,
    publicStatus: m.publicStatus,
    createdAt: m.createdAt,
    awaitingRating: Boolean(m.awaitingRating),
  };
}

export function toInboxItem(m: MessageDoc): InboxItemView {
  return {
    _id: m._id,
    trackingNo: m.trackingNo,
    category: m.category,
    title: m.title,
    excerpt: m.content.length > 60 ? `${m.content.slice(0, 60)}…` : m.content,
    state: m.state,
    unitName: m.unitName,
    createdAt: m.createdAt,
    hasPhone: Boolean(m.phone),
    urgent: Boolean(m.urgent),
    dueAt: m.dueAt ?? null,
    dueKind: m.dueKind ?? null,
    handlerName: m.handlerName ?? null,
    urgedOpen: Boolean(m.urgedOpen),
    reopened: (m.reopenCount ?? 0) > 0,
    extensionRequested: Boolean(m.extensionPending),
    channel: m.channel,
  };
}
