import { MESSAGE_POLICY } from './policy';
import type { TimelineEntry } from './timeline';
import { isOpenState, PUBLIC_STATUS_OF, type MessageState } from './transitions';
import type { PublicStatus } from './schemas';

// The deadline sweeper as a pure function over (message, now) → changes. The server runs it on
// a timer (a timer trigger in production, an interval in the local host) and applies each
// change in a transaction with its notices and audit entries. Idempotent: a message carries
// which deadline it was reminded and escalated for, so running twice changes nothing.

/** What the sweeper reads of a message. */
export interface SweepSubject {
  _id: string;
  trackingNo: string;
  title: string;
  state: MessageState;
  unitId: string;
  handlerId: string | null;
  citizenOpenid: string | null;
  urgent: boolean;
  dueAt: number | null;
  answeredAt: number | null;
  urge: { deadline: number; acknowledgedAt: number | null; lapsedNotified?: boolean } | null;
  sweep: SweepMarks | null;
}

/** Which deadline has had its reminder and its escalation (a new deadline starts afresh). */
export interface SweepMarks {
  remindedFor: number | null;
  escalatedFor: number | null;
}

/** Who a notice goes to; the runner turns these into people. */
export type Recipient =
  | { kind: 'staff'; staffId: string }
  | { kind: 'unitRoles'; unitId: string; roles: Array<'publisher' | 'reviewer' | 'leader'> }
  | { kind: 'supervisors' }
  | { kind: 'citizen'; openid: string };

export interface PlannedNotice {
  to: Recipient[];
  kind: string;
  title: string;
  body: string;
  urgent: boolean;
}

export type SweepEvent = 'remind' | 'escalate' | 'urgeLapsed' | 'autoClose';

export interface SweepChange {
  id: string;
  events: SweepEvent[];
  /** Fields to set on the message. */
  set: {
    sweep?: SweepMarks;
    urge?: SweepSubject['urge'];
    state?: MessageState;
    publicStatus?: PublicStatus;
    closedAt?: number;
    dueAt?: number | null;
    nextCheckAt: number | null;
    updatedAt?: number;
  };
  timeline: TimelineEntry[];
  notices: PlannedNotice[];
  /** One audit line per event, with the system as actor. */
  audit: Array<{ action: string; reason: string }>;
}

const AUTO_CLOSE_MS = MESSAGE_POLICY.autoCloseDays * 24 * 3600_000;

/** When the sweeper next needs to look at this message; null when never (until it changes). */
export function nextCheckAt(m: Pick<SweepSubject, 'state' | 'dueAt' | 'answeredAt' | 'urge' | 'sweep'>): number | null {
  if (m.state === 'answered') return m.answeredAt !== null ? m.answeredAt + AUTO_CLOSE_MS : null;
  if (!isOpenState(m.state)) return null;
  const candidates: number[] = [];
  if (m.dueAt !== null) {
    if (m.sweep?.remindedFor !== m.dueAt) candidates.push(m.dueAt - MESSAGE_POLICY.dueSoonMs);
    if (m.sweep?.escalatedFor !== m.dueAt) candidates.push(m.dueAt);
  }
  if (m.urge && m.urge.acknowledgedAt === null && !m.urge.lapsedNotified) candidates.push(m.urge.deadline);
  return candidates.length ? Math.min(...candidates) : null;
}

function reminderTargets(m: SweepSubject): Recipient[] {
  if (m.state === 'replyPending' || m.state === 'redirectPending')
    return [{ kind: 'unitRoles', unitId: m.unitId, roles: ['reviewer'] }];
  if (m.handlerId) return [{ kind: 'staff', staffId: m.handlerId }];
  return [{ kind: 'unitRoles', unitId: m.unitId, roles: ['publisher'] }];
}

/** The change due for one message at `now`, or null when nothing is due. */
export function planSweep(m: SweepSubject, now: number): SweepChange | null {
  const change: SweepChange = {
    id: m._id,
    events: [],
    set: { nextCheckAt: null },
    timeline: [],
    notices: [],
    audit: [],
  };
  const label = `留言 ${m.trackingNo}「${m.title}」`;
  let marks: SweepMarks = { remindedFor: m.sweep?.remindedFor ?? null, escalatedFor: m.sweep?.escalatedFor ?? null };
  let urge = m.urge;

  if (m.state === 'answered') {
    if (m.answeredAt === null || now < m.answeredAt + AUTO_CLOSE_MS) return null;
    change.events.push('autoClose');
    change.set = {
      state: 'closed',
      publicStatus: PUBLIC_STATUS_OF.closed,
      closedAt: now,
      dueAt: null,
      nextCheckAt: null,
      updatedAt: now,
    };
    change.timeline.push({ at: now, kind: 'autoClosed', actor: 'system' });
    if (m.citizenOpenid) {
      change.notices.push({
        to: [{ kind: 'citizen', openid: m.citizenOpenid }],
        kind: 'message.closed',
        title: '留言已办结',
        body: `您的${label}答复后 ${MESSAGE_POLICY.autoCloseDays} 天未评价，已自动办结。`,
        urgent: false,
      });
    }
    change.audit.push({
      action: 'sweeper.autoClose',
      reason: `答复满 ${MESSAGE_POLICY.autoCloseDays} 天未评价，自动办结`,
    });
    return change;
  }
  if (!isOpenState(m.state)) return null;

  if (m.dueAt !== null) {
    if (now >= m.dueAt && marks.escalatedFor !== m.dueAt) {
      change.events.push('escalate');
      marks = { remindedFor: m.dueAt, escalatedFor: m.dueAt };
      change.timeline.push({ at: now, kind: 'escalated', actor: 'system', until: m.dueAt });
      change.notices.push({
        to: [
          { kind: 'unitRoles', unitId: m.unitId, roles: ['leader'] },
          ...reminderTargets(m),
          { kind: 'supervisors' },
        ],
        kind: 'message.overdue',
        title: '留言已超期',
        body: `${label}已超过办理期限，请督促办理。`,
        urgent: true,
      });
      change.audit.push({ action: 'sweeper.escalate', reason: '超过办理期限，已通知分管领导、承办人和县政府督查室' });
    } else if (now >= m.dueAt - MESSAGE_POLICY.dueSoonMs && now < m.dueAt && marks.remindedFor !== m.dueAt) {
      change.events.push('remind');
      marks = { ...marks, remindedFor: m.dueAt };
      change.timeline.push({ at: now, kind: 'reminded', actor: 'system', until: m.dueAt });
      change.notices.push({
        to: reminderTargets(m),
        kind: 'message.dueSoon',
        title: '留言即将到期',
        body: `${label}将在 24 小时内到期，请及时办理。`,
        urgent: m.urgent,
      });
      change.audit.push({ action: 'sweeper.remind', reason: '距办理期限不足 24 小时，已提醒承办人' });
    }
  }

  if (urge && urge.acknowledgedAt === null && !urge.lapsedNotified && now >= urge.deadline) {
    change.events.push('urgeLapsed');
    urge = { ...urge, lapsedNotified: true };
    change.timeline.push({ at: now, kind: 'urgeLapsed', actor: 'system', until: urge.deadline });
    change.notices.push({
      to: [{ kind: 'unitRoles', unitId: m.unitId, roles: ['leader'] }, { kind: 'supervisors' }],
      kind: 'message.urgeLapsed',
      title: '催办期限已过',
      body: `${label}的催办期限已过，单位仍未签收。`,
      urgent: true,
    });
    change.audit.push({ action: 'sweeper.urgeLapsed', reason: '催办期限已过仍未签收，已通知分管领导和县政府督查室' });
  }

  if (!change.events.length) return null;
  const next = nextCheckAt({ ...m, sweep: marks, urge });
  change.set = { sweep: marks, nextCheckAt: next, ...(urge !== m.urge ? { urge } : {}) };
  return change;
}

/** Plans every message; the ones with nothing to do are left out. */
export function planSweeps(messages: readonly SweepSubject[], now: number): SweepChange[] {
  return messages.map((m) => planSweep(m, now)).filter((c): c is SweepChange => c !== null);
}
