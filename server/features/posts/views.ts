import type { AccountCore } from '@shared/accounts/contract';
import { emergencyCountdowns } from '@shared/posts/emergency';
import { POST_KIND_LABELS } from '@shared/posts/kinds';
import { diffText } from '@shared/posts/diff';
import {
  allowedPostActions,
  guardPostAction,
  POST_ACTIONS,
  POST_TRANSITIONS,
  type ActorFacts,
  type PostAction,
} from '@shared/posts/transitions';
import type {
  EmergencyEventOptionView,
  MyPostItemView,
  PostContent,
  PostDetailView,
  QueueItemView,
  TimelineEntry,
  VersionDiffView,
} from '@shared/posts/views';
import { contentOf, type PostDoc, type PostEventDoc } from './model';
import { postFacts } from './steps';

// Each screen's view of a post: only the fields it shows, never staff phone numbers.

export function excerpt(text: string, n = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
}

export function emergencyOf(p: PostDoc, now: number) {
  if (p.kind !== 'emergency' || p.occurredAt === null) return null;
  return { occurredAt: p.occurredAt, countdowns: emergencyCountdowns(p.occurredAt, now, p.delivery.publishedAt) };
}

/** Roles that would normally take each step: used to explain a refusal to the person who has the role. */
function wouldAct(action: PostAction, p: PostDoc, actor: ActorFacts, account: AccountCore | null): boolean {
  const has = (role: string) => actor.grants.some((g) => g.role === role && g.unitId === p.unitId);
  switch (POST_TRANSITIONS[action].actor) {
    case 'author':
      return actor.staffId === p.authorId;
    case 'reviewer':
      return has('reviewer');
    case 'leader':
      return has('leader') || account?.responsible?.leader?.staffId === actor.staffId;
    case 'reviewerOrLeader':
      return has('reviewer') || has('leader');
    case 'publisher':
      return has('publisher');
    default:
      return false;
  }
}

export function toDetail(
  p: PostDoc,
  account: AccountCore | null,
  actor: ActorFacts,
  extra: {
    unitName: string;
    diff: VersionDiffView | null;
    timeline: TimelineEntry[];
    corrects: { _id: string; title: string } | null;
    emergencyEvent: EmergencyEventOptionView | null;
    now: number;
  },
): PostDetailView {
  const facts = postFacts(p, account);
  const refusals: Partial<Record<PostAction, string>> = {};
  for (const action of POST_ACTIONS) {
    if (!POST_TRANSITIONS[action].from.includes(p.state) || !wouldAct(action, p, actor, account)) continue;
    const g = guardPostAction(action, facts, actor);
    if (!g.allowed) refusals[action] = g.reason;
  }
  return {
    _id: p._id,
    rev: p.rev,
    version: p.version,
    state: p.state,
    delivery: {
      state: p.delivery.state,
      url: p.delivery.url,
      publishedAt: p.delivery.publishedAt,
      failureReason: p.delivery.failureReason,
      recordedByName: p.delivery.recordedByName,
    },
    account: {
      _id: p.accountId,
      name: p.accountName,
      platform: p.platform,
      unitId: p.unitId,
      unitName: extra.unitName,
      status: account?.status ?? 'missing',
      leaderName: account?.responsible?.leader?.name ?? '',
    },
    content: contentOf(p),
    authorName: p.authorName,
    reviewerName: p.reviewerName,
    approverName: p.approverName,
    checks: p.checks,
    overrides: p.overrides.map(({ key, reason, byName, at }) => ({ key, reason, byName, at })),
    checklist: p.checklist
      ? { items: p.checklist.items, byName: p.checklist.byName, at: p.checklist.at, note: p.checklist.note }
      : null,
    returned: p.returned ? { reason: p.returned.reason, byName: p.returned.byName, at: p.returned.at } : null,
    approval: p.approval ? { byName: p.approval.byName, at: p.approval.at, note: p.approval.note } : null,
    emergency: emergencyOf(p, extra.now),
    corrects: extra.corrects,
    correctedBy: p.correctedBy ? { _id: p.correctedBy.postId, title: p.correctedBy.title, at: p.correctedBy.at } : null,
    emergencyEvent: extra.emergencyEvent,
    allowedActions: allowedPostActions(facts, actor),
    refusals,
    diff: extra.diff,
    timeline: extra.timeline,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

const ACTION_LABELS: Record<string, string> = {
  create: '创建草稿',
  ...Object.fromEntries(POST_ACTIONS.map((a) => [a, POST_TRANSITIONS[a].label])),
  edit: '修改内容',
};

export function toTimelineEntry(e: PostEventDoc): TimelineEntry {
  return {
    at: e.at,
    action: e.action,
    label: ACTION_LABELS[e.action] ?? e.action,
    actorName: e.actorName,
    fromState: e.fromState,
    toState: e.toState,
    version: e.version,
    ...(e.reason ? { reason: e.reason } : {}),
    ...(e.note ? { note: e.note } : {}),
  };
}

export function toQueueItem(p: PostDoc, now: number, changedSinceSeen: boolean): QueueItemView {
  return {
    _id: p._id,
    rev: p.rev,
    title: p.title,
    excerpt: excerpt(p.body),
    kind: p.kind,
    accountName: p.accountName,
    platform: p.platform,
    unitName: p.unitName,
    authorName: p.authorName,
    state: p.state,
    version: p.version,
    queuedAt: p.queuedAt,
    emergency: emergencyOf(p, now),
    checks: p.checks
      ? { blocking: p.checks.blocking, overridable: p.checks.overridable, warnings: p.checks.warnings }
      : null,
    changedSinceSeen,
  };
}

export function toMyPostItem(p: PostDoc): MyPostItemView {
  return {
    _id: p._id,
    title: p.title,
    kind: p.kind,
    accountName: p.accountName,
    platform: p.platform,
    state: p.state,
    delivery: p.delivery.state,
    version: p.version,
    returnedReason: p.state === 'returned' ? (p.returned?.reason ?? null) : null,
    updatedAt: p.updatedAt,
    createdAt: p.createdAt,
  };
}

/** Images added and removed between two versions (null: the same images in the same order). */
export function diffImages(a: readonly string[], b: readonly string[]): VersionDiffView['images'] {
  if (a.join('|') === b.join('|')) return null;
  const added = b.filter((x) => !a.includes(x));
  const removed = a.filter((x) => !b.includes(x));
  const kept = (list: readonly string[]) => list.filter((x) => a.includes(x) && b.includes(x)).join('|');
  return { added, removed, reordered: kept(a) !== kept(b) };
}

/**
 * Field-by-field changes between two versions' content; `eventTitle` names the linked emergency
 * events (a reviewer reads the event's title, not its id).
 */
export function diffContents(
  a: PostContent,
  b: PostContent,
  from: number,
  to: number,
  basis: VersionDiffView['basis'],
  eventTitle: (id: string | null | undefined) => string = (id) => id ?? '',
): VersionDiffView {
  const fields: VersionDiffView['fields'] = {};
  const pairs: Array<[keyof VersionDiffView['fields'], string, string]> = [
    ['kind', POST_KIND_LABELS[a.kind], POST_KIND_LABELS[b.kind]],
    ['title', a.title, b.title],
    ['body', a.body, b.body],
    ['links', a.links.join('\n'), b.links.join('\n')],
    ['sourceName', a.sourceName, b.sourceName],
    ['sourceUrl', a.sourceUrl, b.sourceUrl],
    ['videoUrl', a.videoUrl, b.videoUrl],
    ['emergencyEvent', eventTitle(a.emergencyEventId), eventTitle(b.emergencyEventId)],
  ];
  for (const [field, x, y] of pairs) if (x !== y) fields[field] = diffText(x, y);
  return { from, to, fields, images: diffImages(a.images ?? [], b.images ?? []), basis };
}
