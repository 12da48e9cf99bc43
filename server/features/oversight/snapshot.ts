import type { AlertDraft } from '@shared/oversight/engine';
import type { AccountFacts, MessageFacts } from '@shared/oversight/facts';
import {
  countMessage,
  emptyAlertCounts,
  emptyMessageStats,
  overdueStep,
  type MessageStats,
  type StatsContext,
} from '@shared/oversight/metrics';
import type { AlertLevel } from '@shared/oversight/rules';
import { chinaMonthKey, monthStart, wholeDays } from '@shared/oversight/time';
import type { AccountRowView } from '@shared/oversight/views';
import type { Database } from '@server/runtime/database';
import type { AccountActivity } from './sources/posts';
import { readUnitWindow, toMessageFacts } from './sources/messages';
import type { MonthlyDoc, SetCollections, UnitStatsDoc } from './model';

// The dashboard's snapshot of one unit, computed by the refresh (sweep.ts): the numbers that
// are "now" (posts in the last 14/30 days, overdue cases, open alerts, each account's row) and
// per month the posts published and the messages received with how they were handled. Reading
// the dashboard is then a few hundred small documents, whatever the size of the county's
// history. Months older than RECOMPUTE_MONTHS are kept as computed (late answers to them are
// rare); each snapshot set computes them once, when they are missing.

export const TREND_MONTHS = 12;
export const RECOMPUTE_MONTHS = 4;
const rank: Record<AlertLevel, number> = { remind: 1, warn: 2, red: 3 };

export function accountRow(
  a: AccountFacts,
  act: AccountActivity | undefined,
  alerts: AlertDraft[],
  now: number,
): AccountRowView {
  const mine = alerts.filter((d) => d.subject.type === 'account' && d.subject.id === a.id);
  const level = mine.reduce<AlertLevel | null>(
    (acc, d) => (acc === null || rank[d.level] > rank[acc] ? d.level : acc),
    null,
  );
  const last = act?.lastPostAt ?? null;
  const from = last ?? a.openedAt;
  return {
    accountId: a.id,
    name: a.name,
    platformLabel: a.platformLabel,
    posts14: act?.posts14 ?? 0,
    posts30: act?.posts30 ?? 0,
    lastPostAt: last,
    daysSilent: from === null ? null : wholeDays(from, now),
    level,
    filingOverdue: mine.some((d) => d.ruleKey === 'filing.due' || d.ruleKey === 'refiling.due'),
    publisherName: a.people.publisher?.name ?? '',
    leaderName: a.people.leader?.name ?? '',
  };
}

export interface UnitFacts {
  unitId: string;
  unitName: string;
  order: number;
  accounts: AccountFacts[];
  activity: Map<string, AccountActivity>;
  openMessages: MessageFacts[];
  /** Every alert the engine raised for the unit. */
  alerts: AlertDraft[];
}

/** The unit's "now" numbers and account rows. */
export function unitStatsDoc(u: UnitFacts, stats: StatsContext): UnitStatsDoc {
  const bySubject = new Map<string, AlertDraft[]>();
  for (const d of u.alerts) bySubject.set(d.subject.id, [...(bySubject.get(d.subject.id) ?? []), d]);
  const longUnanswered = new Set(u.alerts.filter((d) => d.ruleKey === 'message.unanswered').map((d) => d.subject.id));
  const rows = u.accounts
    .filter((a) => a.monitored || a.filing || a.refiling)
    .map((a) => accountRow(a, u.activity.get(a.id), bySubject.get(a.id) ?? [], stats.now));
  const counts = emptyAlertCounts();
  for (const d of u.alerts) counts[d.level] += 1;
  return {
    _id: u.unitId,
    unitId: u.unitId,
    unitName: u.unitName,
    order: u.order,
    accounts: rows.length,
    posts14: rows.reduce((s, r) => s + r.posts14, 0),
    posts30: rows.reduce((s, r) => s + r.posts30, 0),
    lastPostAt: rows.reduce<number | null>(
      (m, r) => (r.lastPostAt !== null && (m === null || r.lastPostAt > m) ? r.lastPostAt : m),
      null,
    ),
    overdueNow: u.openMessages.filter((m) => overdueStep(m, stats) !== null).length,
    longUnanswered: u.openMessages.filter((m) => longUnanswered.has(m.id)).length,
    filingsOverdue: rows.filter((r) => r.filingOverdue).length,
    alerts: counts,
    accountRows: rows,
    computedAt: stats.now,
  };
}

/** The months (of `months`) this unit has a document for in the set. */
export async function existingMonths(
  db: Database,
  c: SetCollections,
  unitId: string,
  months: string[],
): Promise<Set<string>> {
  const _ = db.command;
  const res = await db
    .collection(c.monthly)
    .where({ unitId, month: _.in(months) })
    .field({ month: true })
    .limit(1000)
    .get();
  return new Set((res.data as Array<{ month: string }>).map((d) => d.month));
}

/**
 * The unit's monthly documents to write: the recent months always, older ones when the set has
 * none yet. Messages are read once for the whole span, through the (unitId, createdAt) index.
 */
export async function unitMonthlyDocs(
  db: Database,
  unitId: string,
  months: string[],
  existing: Set<string>,
  postsByMonth: Map<string, number>,
  unitName: (unitId: string) => string,
  stats: StatsContext,
): Promise<MonthlyDoc[]> {
  const recompute = new Set(months.slice(-RECOMPUTE_MONTHS));
  const needed = months.filter((m) => recompute.has(m) || !existing.has(m));
  if (!needed.length) return [];
  const perMonth = new Map<string, MessageStats>(needed.map((m) => [m, emptyMessageStats()]));
  const from = monthStart(needed[0]);
  const to = monthStart(needed[needed.length - 1], 1);
  for (const doc of await readUnitWindow(db, unitId, from, to)) {
    const s = perMonth.get(chinaMonthKey(doc.createdAt));
    if (s) countMessage(s, toMessageFacts(doc, unitName), stats);
  }
  return needed.map((m) => ({
    _id: `${unitId}_${m}`,
    unitId,
    month: m,
    posts: postsByMonth.get(m) ?? 0,
    stats: perMonth.get(m)!,
    computedAt: stats.now,
  }));
}
