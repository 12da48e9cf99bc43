import type { AlertLevel, EffectiveRule, RuleKey, RuleSource, RuleUnit } from './rules';
import type { AlertCounts } from './metrics';
import type { BulletinContent, Period } from './bulletin';
import type { IncidentAction, IncidentImportance, IncidentState, IncidentType } from './incidents';
import type { NoDutyReason, Shift } from './roster';
import type { EmergencyClock, EventLevel } from './emergency';

// What the oversight screens receive: picked fields, never whole documents.

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface UnitRowView {
  unitId: string;
  unitName: string;
  accounts: number;
  posts14: number;
  posts30: number;
  lastPostAt: number | null;
  received: number;
  acceptOnTimeRate: number | null;
  answerOnTimeRate: number | null;
  avgAnswerHours: number | null;
  satisfactionRate: number | null;
  overdueNow: number;
  longUnanswered: number;
  filingsOverdue: number;
  alerts: AlertCounts;
  score: number;
  red: boolean;
  pass: boolean;
  ranked: boolean;
}

export interface CountySummaryView {
  units: number;
  accounts: number;
  posts14: number;
  posts30: number;
  received: number;
  acceptOnTimeRate: number | null;
  answerOnTimeRate: number | null;
  avgAnswerHours: number | null;
  satisfactionRate: number | null;
  overdueNow: number;
  filingsOverdue: number;
  alerts: AlertCounts;
  redUnits: number;
}

export interface EmergencySummaryView {
  _id: string;
  title: string;
  level: EventLevel;
  occurredAt: number;
  clocks: EmergencyClock[];
  spoken: number;
  concerned: number;
}

/**
 * Why the numbers asked for are not there (never computed, or the month is newer or older than the
 * snapshot holds). The screens then show this instead of numbers, which would all read 0.
 */
export interface NotComputedView {
  /** E.g. 尚未计算过督查数据. */
  reason: string;
  /** What is being done: 排队中 / 计算中 n/N / 定时计算将在一分钟内自动开始; '' when nothing will. */
  progress: string;
  /** A refresh is queued or under way: worth asking again shortly. */
  pending: boolean;
}

export interface DashboardView {
  /** When the snapshot behind these numbers was computed (null: never yet). */
  computedAt: number | null;
  /** Non-null: the month's numbers have not been computed; the rest of the view is not a result. */
  notComputed: NotComputedView | null;
  month: string;
  county: CountySummaryView;
  units: UnitRowView[];
  ranking: { honour: UnitRowView[]; warning: UnitRowView[] };
  emergencies: EmergencySummaryView[];
}

export interface AccountRowView {
  accountId: string;
  name: string;
  platformLabel: string;
  posts14: number;
  posts30: number;
  lastPostAt: number | null;
  daysSilent: number | null;
  /** The loudest open alert on the account. */
  level: AlertLevel | null;
  filingOverdue: boolean;
  publisherName: string;
  leaderName: string;
}

export interface AlertView {
  _id: string;
  ruleKey: RuleKey;
  ruleLabel: string;
  level: AlertLevel;
  source: RuleSource;
  threshold: string;
  subject: { type: 'account' | 'message' | 'emergency'; id: string; label: string };
  unitId: string;
  unitName: string;
  text: string;
  since: number;
  escalation: { at: number; ruleKey: RuleKey; to: string } | null;
  recipients: string[];
  state: 'open' | 'closed';
  openedAt: number;
  closedAt: number | null;
  closeReason: string | null;
  ruleVersion: number;
}

export interface TrendPoint {
  month: string;
  posts: number;
  received: number;
  answerOnTimeRate: number | null;
  satisfactionRate: number | null;
  overdue: number;
}

export interface UnitDetailView {
  computedAt: number | null;
  /** Non-null: the month's numbers have not been computed; the rest of the view is not a result. */
  notComputed: NotComputedView | null;
  month: string;
  unit: UnitRowView;
  accounts: AccountRowView[];
  alerts: AlertView[];
  trends: TrendPoint[];
}

/** One row behind a number: a message, an alert. */
export interface CaseItem {
  id: string;
  kind: 'message' | 'alert';
  title: string;
  detail: string;
  level: AlertLevel | null;
  at: number;
  /** Source of the rule (for alerts) so the row says why. */
  source: string | null;
}

export interface RuleView extends EffectiveRule {
  min: number;
  max: number;
  defaultValue: number;
  ceiling: { value: number; source: RuleSource } | null;
  unit: RuleUnit;
}

export interface RulesView {
  version: number;
  editedAt: number | null;
  editedByName: string | null;
  reason: string | null;
  rules: RuleView[];
}

export interface RuleVersionView {
  version: number;
  editedAt: number;
  editedByName: string;
  reason: string;
  changes: Array<{ key: RuleKey; label: string; from: string; to: string }>;
}

export type BulletinStatus = 'draft' | 'issued';

export interface BulletinUnitStatus {
  unitId: string;
  unitName: string;
  acknowledgedAt: number | null;
  acknowledgedByName: string | null;
  correction: { text: string; at: number; byName: string } | null;
  /** Past the deadline without a correction report. */
  overdue: boolean;
}

export interface BulletinListItem {
  _id: string;
  title: string;
  docNo: string;
  periodLabel: string;
  status: BulletinStatus;
  createdAt: number;
  issuedAt: number | null;
  deadline: string;
  named: number;
  acknowledged: number;
  corrected: number;
}

export interface BulletinView extends BulletinListItem {
  rev: number;
  period: Period;
  content: BulletinContent;
  units: BulletinUnitStatus[];
  /** What the caller may do now. */
  canEdit: boolean;
  canAcknowledge: boolean;
  canReportCorrection: boolean;
}

export interface ExportView {
  fileName: string;
  mime: string;
  /** The file, base64 (bulletins are tens of kilobytes). */
  base64: string;
  bytes: number;
}

export interface IncidentView {
  _id: string;
  platform: string;
  link: string;
  summary: string;
  screenshots: string[];
  importance: IncidentImportance;
  type: IncidentType;
  unitId: string;
  unitName: string;
  state: IncidentState;
  recordedByName: string;
  createdAt: number;
  handlerId: string | null;
  handlerName: string | null;
  handling: { note: string; at: number; byName: string } | null;
  escalation: { report: string; at: number; byName: string } | null;
  clarification: { postId: string; title: string | null; at: number } | null;
  /** Who was told first (the person on duty, or the unit's leaders when nobody is). */
  notifiedNames: string[];
  allowed: IncidentAction[];
  /** Whether the caller may open the incident (its unit or a county office); a reporter from
   * another unit may not. */
  canOpen: boolean;
}

export interface StaffOption {
  staffId: string;
  name: string;
  title: string;
  roles: string[];
}

export interface RosterView {
  unitId: string;
  unitName: string;
  shifts: Shift[];
  updatedAt: number | null;
  updatedByName: string | null;
  onDuty: Array<{ staffId: string; name: string; shift: string }>;
  handovers: Array<{ _id: string; note: string; byName: string; at: number }>;
  canEdit: boolean;
  /** The caller works in the unit and may write a handover note (county offices only read). */
  canHandover: boolean;
}

/**
 * One unit in the county offices' 各单位当前值班 list: whom to call first in an emergency. The
 * work mobile is shown whole, as the 备案表 shows each account's responsible people to the county:
 * it is the contact the roster exists to give (RULES.md masks citizens' numbers, not staff's).
 */
export interface DutyNowRow {
  unitId: string;
  unitName: string;
  /** On duty now, roster order (the first is called first); empty when nobody is. */
  onDuty: Array<{ staffId: string; name: string; title: string; mobile: string; shift: string }>;
  /** Why nobody is on duty; null when someone is. */
  why: NoDutyReason | null;
}

export interface EventUnitView {
  unitId: string;
  unitName: string;
  firstPostAt: number | null;
  /** Spoke within the first-release limit. */
  onTime: boolean | null;
}

export interface EmergencyEventView {
  _id: string;
  title: string;
  description: string;
  level: EventLevel;
  occurredAt: number;
  declaredAt: number;
  declaredByName: string;
  status: 'active' | 'ended';
  clocks: EmergencyClock[];
  units: EventUnitView[];
  milestones: Array<{ milestone: string; label: string; at: number; note: string; byName: string }>;
  canManage: boolean;
}
