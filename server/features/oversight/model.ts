import type { AlertDraft } from '@shared/oversight/engine';
import type { RuleKey } from '@shared/oversight/rules';
import type { MessageStats, AlertCounts } from '@shared/oversight/metrics';
import type { AccountRowView } from '@shared/oversight/views';
import type { BulletinContent, Period } from '@shared/oversight/bulletin';
import type { IncidentImportance, IncidentState, IncidentType } from '@shared/oversight/incidents';
import type { Shift } from '@shared/oversight/roster';
import type { EventLevel, EmergencyMilestone } from '@shared/oversight/emergency';

// Collections and documents of the oversight feature (issue 7).

export const RULE_VERSIONS = 'oversightRules';
export const OV_META = 'oversightMeta';
export const ALERTS = 'alerts';
/**
 * The dashboard's numbers live in two sets of collections, 'a' and 'b'. `oversightMeta/snapshot`
 * names the live one; a refresh writes the other, unit by unit over several timer runs, and
 * switches the pointer in one write when every unit is done (snapshot-set.ts), so readers never
 * see half of one refresh and half of another.
 */
export const SNAPSHOT_SETS = {
  a: { unitStats: 'oversightUnitStats', monthly: 'oversightMonthly' },
  b: { unitStats: 'oversightUnitStatsB', monthly: 'oversightMonthlyB' },
} as const;
export type SetName = keyof typeof SNAPSHOT_SETS;
export type SetCollections = (typeof SNAPSHOT_SETS)[SetName];
export const BULLETINS = 'bulletins';
export const INCIDENTS = 'incidents';
export const ROSTERS = 'dutyRosters';
export const HANDOVERS = 'dutyHandovers';
export const EVENTS = 'emergencyEvents';

export interface StoredSetting {
  key: RuleKey;
  value: number;
  enabled: boolean;
}

/** One version of the rule settings (`v1`, `v2`, …); `oversightMeta/rules` points at the newest. */
export interface RuleVersionDoc {
  _id: string;
  version: number;
  /** One row per rule (rule keys contain dots, which document field names may not). */
  settings: StoredSetting[];
  editedAt: number;
  editedBy: string;
  editedByName: string;
  reason: string;
  changes: RuleKey[];
}

export interface AlertDoc extends Omit<AlertDraft, 'id'> {
  _id: string;
  state: 'open' | 'closed';
  openedAt: number;
  closedAt: number | null;
  closeReason: string | null;
  /** The rule version in force when it was raised. */
  ruleVersion: number;
  /** Who was notified (staff ids) and their names as shown. */
  notified: string[];
  notifiedNames: string[];
  createdAt: number;
  updatedAt: number;
}

/** The sweep's per-unit snapshot of the numbers that are "now" (not per month). */
export interface UnitStatsDoc {
  _id: string;
  unitId: string;
  unitName: string;
  order: number;
  accounts: number;
  posts14: number;
  posts30: number;
  lastPostAt: number | null;
  overdueNow: number;
  longUnanswered: number;
  filingsOverdue: number;
  alerts: AlertCounts;
  accountRows: AccountRowView[];
  computedAt: number;
}

/** Per unit and China month: posts published and messages received (with how they were handled). */
export interface MonthlyDoc {
  _id: string;
  unitId: string;
  month: string;
  posts: number;
  stats: MessageStats;
  computedAt: number;
}

export interface BulletinUnitDoc {
  unitId: string;
  unitName: string;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  acknowledgedByName: string | null;
  correction: { text: string; at: number; by: string; byName: string } | null;
}

export interface BulletinDoc {
  _id: string;
  rev: number;
  period: Period;
  periodKey: string;
  status: 'draft' | 'issued';
  content: BulletinContent;
  units: BulletinUnitDoc[];
  /** Named units' ids (one indexed query finds a unit's bulletins). */
  unitIds: string[];
  createdBy: string;
  createdByName: string;
  createdAt: number;
  updatedAt: number;
  issuedAt: number | null;
}

export interface IncidentDoc {
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
  recordedBy: string;
  recordedByName: string;
  handlerId: string | null;
  handlerName: string | null;
  handling: { note: string; at: number; by: string; byName: string } | null;
  escalation: { report: string; at: number; by: string; byName: string } | null;
  clarification: { postId: string; title: string | null; at: number; by: string } | null;
  notified: string[];
  notifiedNames: string[];
  createdAt: number;
  updatedAt: number;
}

export interface RosterDoc {
  _id: string;
  unitId: string;
  shifts: Shift[];
  updatedAt: number;
  updatedBy: string;
  updatedByName: string;
}

export interface HandoverDoc {
  _id: string;
  unitId: string;
  note: string;
  by: string;
  byName: string;
  createdAt: number;
}

export interface EventDoc {
  _id: string;
  title: string;
  description: string;
  level: EventLevel;
  occurredAt: number;
  declaredAt: number;
  declaredBy: string;
  declaredByName: string;
  status: 'active' | 'ended';
  unitIds: string[];
  allUnits: boolean;
  milestones: Array<{ milestone: EmergencyMilestone | 'end'; at: number; note: string; by: string; byName: string }>;
  pressConferenceAt: number | null;
  respondedAt: number | null;
  endedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** The document as written back (set() takes it without `_id`). */
export function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id, ...rest } = doc;
  void _id;
  return rest;
}
