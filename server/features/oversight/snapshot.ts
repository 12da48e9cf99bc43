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
import type { Deps } from '@server/runtime/deps';
import type { AccountActivity } from './sources/posts';
import { readUnitWindow, toMessageFacts } from './sources/messages';
import { MONTHLY, UNIT_STATS, withoutId, type MonthlyDoc, type UnitStatsDoc } from './model';
import type { Directory } from './directory';

// The dashboard's snapshot, written by the sweep: per unit the numbers that are "now" (posts in
// the last 14/30 days, overdue cases, open alerts, each account's row) and per unit and month the
// posts published and the messages received with how they were handled. Reading the dashboard
// is then a few hundred small documents, whatever the size of the county's history. Months
// older than RECOMPUTE_MONTHS are kept as computed (late answers to them are rare).

export const TREND_MONTHS = 12;
export const RECOMPUTE_MONTHS = 4;
const rank: Record<AlertLevel, number> = { remind: 1, warn: 2, red: 3 };

export interface SnapshotInput {
  accounts: AccountFacts[];
  activity: Map<string, AccountActivity>;
  postsByUnitMonth: Map<string, number>;
  openMessages: MessageFacts[];
  alerts: AlertDraft[];
  months: string[];
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

async function writeInChunks(deps: Deps, collection: string, docs: Array<{ _id: string }>) {
  for (let i = 0; i < docs.length; i += 100) {
    const chunk = docs.slice(i, i + 100);
    await deps.db.runTransaction(async (t) => {
      for (const d of chunk)
        await t
          .collection(collection)
          .doc(d._id)
          .set({ data: withoutId(d) as Record<string, unknown> });
    }, 5);
  }
}

/** Which (unit, month) pairs need computing: recent months always, older ones when missing. */
async function monthsToCompute(deps: Deps, months: string[]): Promise<{ recompute: string[]; existing: Set<string> }> {
  const _ = deps.db.command;
  const existing = new Set<string>();
  let after = '';
  for (;;) {
    const res = await deps.db
      .collection(MONTHLY)
      .where({ month: _.in(months), _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .field({ _id: true })
      .limit(1000)
      .get();
    for (const r of res.data as Array<{ _id: string }>) existing.add(r._id);
    if (res.data.length < 1000) break;
    after = res.data[res.data.length - 1]._id;
  }
  return { recompute: months.slice(-RECOMPUTE_MONTHS), existing };
}

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

export async function writeSnapshot(
  deps: Deps,
  dir: Directory,
  input: SnapshotInput,
  stats: StatsContext,
  onUnit: (done: number, total: number) => Promise<void> = async () => undefined,
) {
  const now = stats.now;
  const { recompute, existing } = await monthsToCompute(deps, input.months);
  const unitDocs: UnitStatsDoc[] = [];
  const monthlyDocs: MonthlyDoc[] = [];
  const accountsByUnit = groupBy(input.accounts, (a) => a.unitId);
  const openByUnit = groupBy(input.openMessages, (m) => m.unitId);
  const alertsByUnit = groupBy(input.alerts, (d) => d.unitId);
  const alertsBySubject = groupBy(input.alerts, (d) => d.subject.id);
  const longUnanswered = new Set(
    input.alerts.filter((d) => d.ruleKey === 'message.unanswered').map((d) => d.subject.id),
  );

  for (const [order, unit] of dir.units.entries()) {
    const accounts = (accountsByUnit.get(unit._id) ?? []).filter((a) => a.monitored || a.filing || a.refiling);
    const alerts = alertsByUnit.get(unit._id) ?? [];
    const rows = accounts.map((a) => accountRow(a, input.activity.get(a.id), alertsBySubject.get(a.id) ?? [], now));
    const counts = emptyAlertCounts();
    for (const d of alerts) counts[d.level] += 1;
    const open = openByUnit.get(unit._id) ?? [];
    const long = open.filter((m) => longUnanswered.has(m.id));
    unitDocs.push({
      _id: unit._id,
      unitId: unit._id,
      unitName: unit.name,
      order,
      accounts: rows.length,
      posts14: rows.reduce((s, r) => s + r.posts14, 0),
      posts30: rows.reduce((s, r) => s + r.posts30, 0),
      lastPostAt: rows.reduce<number | null>(
        (m, r) => (r.lastPostAt !== null && (m === null || r.lastPostAt > m) ? r.lastPostAt : m),
        null,
      ),
      overdueNow: open.filter((m) => overdueStep(m, stats) !== null).length,
      longUnanswered: long.length,
      filingsOverdue: rows.filter((r) => r.filingOverdue).length,
      alerts: counts,
      accountRows: rows,
      computedAt: now,
    });

    await onUnit(order, dir.units.length);
    const needed = input.months.filter((m) => recompute.includes(m) || !existing.has(`${unit._id}_${m}`));
    if (!needed.length) continue;
    const from = monthStart(needed[0]);
    const to = monthStart(needed[needed.length - 1], 1);
    const perMonth = new Map<string, MessageStats>(needed.map((m) => [m, emptyMessageStats()]));
    for (const doc of await readUnitWindow(deps.db, unit._id, from, to)) {
      const s = perMonth.get(chinaMonthKey(doc.createdAt));
      if (s) countMessage(s, toMessageFacts(doc, dir.unitName), stats);
    }
    for (const m of needed)
      monthlyDocs.push({
        _id: `${unit._id}_${m}`,
        unitId: unit._id,
        month: m,
        posts: input.postsByUnitMonth.get(`${unit._id}|${m}`) ?? 0,
        stats: perMonth.get(m)!,
        computedAt: now,
      });
  }
  await writeInChunks(deps, UNIT_STATS, unitDocs);
  await writeInChunks(deps, MONTHLY, monthlyDocs);
  await onUnit(dir.units.length, dir.units.length);
  return { units: unitDocs.length, months: monthlyDocs.length };
}
