import { evaluate, evaluateEmergency, type AlertDraft } from '@shared/oversight/engine';
import type { StatsContext } from '@shared/oversight/metrics';
import { recentMonths, type WorkingDays } from '@shared/oversight/time';
import type { Deps, Database } from '@server/runtime/deps';
import { loadCalendar } from '@server/features/messages/calendar-store';
import { listActiveUnits } from '@server/features/identity/units';
import { currentRules, rulesAt } from './rules-store';
import { loadDirectory, type Directory } from './directory';
import { readUnitAccounts, toAccountFacts } from './sources/accounts';
import { readUnitPostActivity } from './sources/posts';
import { readOpenMessages, toMessageFacts } from './sources/messages';
import { loadEmergencyFacts } from './emergency';
import { syncAlerts, type AlertSyncResult } from './alerts';
import { TREND_MONTHS, existingMonths, unitMonthlyDocs, unitStatsDoc } from './snapshot';
import { collectionsOf, otherSet, readSnapshotMeta, setOf } from './snapshot-set';
import type { MonthlyDoc, SetName, UnitStatsDoc } from './model';

// The oversight sweep's work, one unit at a time. A county (300 units, 1,000,000 messages)
// takes longer than a cloud function may run, so refresh.ts cuts a refresh into slices across
// timer runs; this file is what a slice does: plan the refresh once (the instant it computes
// for, the rule version, the units, the set it writes), then per unit read the unit's facts
// through the source adapters (indexed by unit), evaluate the rules, sync the unit's alerts
// (store, notify, close) and compute its snapshot documents. Every unit is judged at the
// plan's `asOf` under the plan's rules, so the slices of one refresh add up to what one
// unbounded run at `asOf` would compute.

export interface RunPlan {
  /** The instant every unit is judged at (the refresh's start). */
  asOf: number;
  ruleVersion: number;
  months: string[];
  /** The snapshot set this refresh writes (the one not live when it started). */
  set: SetName;
  unitIds: string[];
  /** Units of the live snapshot that are no longer active: their open alerts are closed. */
  goneUnitIds: string[];
}

export async function planRun(db: Database, asOf: number): Promise<RunPlan> {
  const [rules, units, meta] = await Promise.all([currentRules(db), listActiveUnits(db), readSnapshotMeta(db)]);
  const unitIds = units.map((u) => u._id);
  const active = new Set(unitIds);
  return {
    asOf,
    ruleVersion: rules.version,
    months: recentMonths(asOf, TREND_MONTHS),
    set: otherSet(setOf(meta)),
    unitIds,
    goneUnitIds: (meta?.unitIds ?? []).filter((id) => !active.has(id)),
  };
}

/**
 * The working-day calendar: statutory holidays and make-up days (shared/messages/calendar.ts) with
 * the information center's overrides, the same one the message deadlines use.
 */
export const workCalendar = (db: Database): Promise<WorkingDays> => loadCalendar(db);

/** What every unit of a slice shares: loaded once per slice (a few thousand small documents). */
export interface SliceContext {
  plan: RunPlan;
  dir: Directory;
  stats: StatsContext;
  /** The emergency clocks' alerts, by the unit they name. */
  emergencyAlerts: Map<string, AlertDraft[]>;
  emergencies: number;
}

export async function loadSliceContext(db: Database, plan: RunPlan): Promise<SliceContext> {
  const [rules, dir, calendar] = await Promise.all([
    rulesAt(db, plan.ruleVersion),
    loadDirectory(db),
    workCalendar(db),
  ]);
  const stats = { now: plan.asOf, rules: rules.effective, calendar };
  const events = await loadEmergencyFacts(db, dir);
  const emergencyAlerts = new Map<string, AlertDraft[]>();
  for (const d of events.flatMap((e) => evaluateEmergency(e, stats)))
    emergencyAlerts.set(d.unitId, [...(emergencyAlerts.get(d.unitId) ?? []), d]);
  return { plan, dir, stats, emergencyAlerts, emergencies: events.length };
}

export const NO_SYNC: AlertSyncResult = { opened: 0, reopened: 0, updated: 0, closed: 0, open: 0 };

export interface UnitOutcome {
  unitDoc: UnitStatsDoc;
  monthlyDocs: MonthlyDoc[];
  accounts: number;
  openMessages: number;
  alerts: AlertSyncResult;
}

/**
 * One unit: its facts, the rules' alerts (synced unless `alerts` is false, as the benchmark of
 * the snapshot alone does) and its snapshot documents, not yet written.
 */
export async function computeUnit(
  deps: Deps,
  cx: SliceContext,
  index: number,
  opts: { alerts?: boolean } = {},
): Promise<UnitOutcome> {
  const { db } = deps;
  const { plan, dir, stats } = cx;
  const unitId = plan.unitIds[index];
  const accountDocs = await readUnitAccounts(db, unitId);
  const [activity, openDocs, existing] = await Promise.all([
    readUnitPostActivity(
      db,
      unitId,
      accountDocs.map((a) => a._id),
      plan.asOf,
      plan.months,
    ),
    readOpenMessages(db, unitId),
    existingMonths(db, collectionsOf(plan.set), unitId, plan.months),
  ]);
  const accounts = accountDocs.map((a) =>
    toAccountFacts(a, dir.unitName, activity.byAccount.get(a._id)?.lastPostAt ?? null),
  );
  const openMessages = openDocs.map((m) => toMessageFacts(m, dir.unitName));
  const drafts = [
    ...evaluate({ accounts, messages: openMessages, emergencies: [] }, stats),
    ...(cx.emergencyAlerts.get(unitId) ?? []),
  ];
  const alerts =
    opts.alerts === false
      ? { ...NO_SYNC, open: drafts.length }
      : await syncAlerts(deps, unitId, drafts, dir, plan.ruleVersion);
  const unitDoc = unitStatsDoc(
    {
      unitId,
      unitName: dir.unitName(unitId),
      order: index,
      accounts,
      activity: activity.byAccount,
      openMessages,
      alerts: drafts,
    },
    stats,
  );
  const monthlyDocs = await unitMonthlyDocs(db, unitId, plan.months, existing, activity.byMonth, dir.unitName, stats);
  return { unitDoc, monthlyDocs, accounts: accounts.length, openMessages: openMessages.length, alerts };
}

/** Closes the open alerts of units that are no longer active (nothing fires for them now). */
export async function closeGoneUnits(deps: Deps, cx: SliceContext): Promise<AlertSyncResult> {
  let total = { ...NO_SYNC };
  for (const unitId of cx.plan.goneUnitIds)
    total = addSync(total, await syncAlerts(deps, unitId, [], cx.dir, cx.plan.ruleVersion));
  return total;
}

/** Removes the unit documents of the set being written that name no unit of the plan. */
export async function dropStrayUnits(db: Database, plan: RunPlan): Promise<void> {
  const c = collectionsOf(plan.set);
  const res = await db.collection(c.unitStats).field({ _id: true }).limit(1000).get();
  const keep = new Set(plan.unitIds);
  for (const d of res.data as Array<{ _id: string }>)
    if (!keep.has(d._id)) await db.collection(c.unitStats).doc(d._id).remove();
}

export function addSync(a: AlertSyncResult, b: AlertSyncResult): AlertSyncResult {
  return {
    opened: a.opened + b.opened,
    reopened: a.reopened + b.reopened,
    updated: a.updated + b.updated,
    closed: a.closed + b.closed,
    open: a.open + b.open,
  };
}
