import { evaluate, type AlertDraft } from '@shared/oversight/engine';
import type { OversightFacts } from '@shared/oversight/facts';
import type { EffectiveRules } from '@shared/oversight/rules';
import { recentMonths, type WorkingDays } from '@shared/oversight/time';
import type { Deps, Database } from '@server/runtime/deps';
import { loadCalendar } from '@server/features/messages/calendar-store';
import { currentRules } from './rules-store';
import { loadDirectory, type Directory } from './directory';
import { readWatchedAccounts, toAccountFacts } from './sources/accounts';
import { readPostActivity, type PostActivity } from './sources/posts';
import { readOpenMessages, toMessageFacts } from './sources/messages';
import { loadEmergencyFacts } from './emergency';
import { syncAlerts, type AlertSyncResult } from './alerts';
import { TREND_MONTHS, writeSnapshot } from './snapshot';
import { OV_META } from './model';

// The oversight sweep: runs on the same timer as the message sweeper (production: a timer
// trigger; locally the host's interval) when it is due or 立即刷新 asked for it (refresh.ts). It reads the
// facts through the source adapters, evaluates the rules, stores/notifies/closes alerts and
// writes the dashboard snapshot.

export interface SweepResult {
  computedAt: number;
  durationMs: number;
  ruleVersion: number;
  accounts: number;
  openMessages: number;
  emergencies: number;
  alerts: AlertSyncResult;
  snapshot: { units: number; months: number };
}

export interface GatheredFacts {
  facts: OversightFacts;
  activity: PostActivity;
  rules: EffectiveRules;
  ruleVersion: number;
  dir: Directory;
  calendar: WorkingDays;
  months: string[];
}

/**
 * The working-day calendar: statutory holidays and make-up days (shared/messages/calendar.ts) with
 * the information center's overrides, the same one the message deadlines use.
 */
export const workCalendar = (db: Database): Promise<WorkingDays> => loadCalendar(db);

export async function gatherFacts(deps: Deps, now: number): Promise<GatheredFacts> {
  const { db } = deps;
  const [rules, dir, calendar] = await Promise.all([currentRules(db), loadDirectory(db), workCalendar(db)]);
  const months = recentMonths(now, TREND_MONTHS);
  const [activity, accountDocs, openDocs] = await Promise.all([
    readPostActivity(db, now, months),
    readWatchedAccounts(db),
    readOpenMessages(db),
  ]);
  const accounts = accountDocs.map((a) =>
    toAccountFacts(a, dir.unitName, activity.byAccount.get(a._id)?.lastPostAt ?? null),
  );
  const messages = openDocs.map((m) => toMessageFacts(m, dir.unitName));
  const emergencies = await loadEmergencyFacts(db, dir);
  return {
    facts: { accounts, messages, emergencies },
    activity,
    rules: rules.effective,
    ruleVersion: rules.version,
    dir,
    calendar,
    months,
  };
}

const NO_SYNC: AlertSyncResult = { opened: 0, reopened: 0, updated: 0, closed: 0, open: 0 };

/** Where a sweep is: reading the facts, raising alerts, or writing unit `done` of `total`. */
export interface SweepProgress {
  phase: 'facts' | 'alerts' | 'snapshot';
  done: number;
  total: number;
}

export interface SweepOptions {
  /** false: the snapshot only (the benchmark measures that part alone). */
  alerts?: boolean;
  /** Told as the sweep moves on (the refresh status the dashboard polls). */
  progress?: (p: SweepProgress) => Promise<void>;
}

/** Evaluates every rule now, syncs the alerts (store, notify, close) and refreshes the dashboard snapshot. */
export async function runOversightSweep(deps: Deps, opts: SweepOptions = {}): Promise<SweepResult> {
  const started = Date.now();
  const now = deps.now();
  const progress = opts.progress ?? (async () => undefined);
  await progress({ phase: 'facts', done: 0, total: 0 });
  const g = await gatherFacts(deps, now);
  const drafts: AlertDraft[] = evaluate(g.facts, { now, rules: g.rules, calendar: g.calendar });
  await progress({ phase: 'alerts', done: 0, total: drafts.length });
  const alerts =
    opts.alerts === false ? { ...NO_SYNC, open: drafts.length } : await syncAlerts(deps, drafts, g.dir, g.ruleVersion);
  const snapshot = await writeSnapshot(
    deps,
    g.dir,
    {
      accounts: g.facts.accounts,
      activity: g.activity.byAccount,
      postsByUnitMonth: g.activity.byUnitMonth,
      openMessages: g.facts.messages,
      alerts: drafts,
      months: g.months,
    },
    { now, rules: g.rules, calendar: g.calendar },
    (done, total) => progress({ phase: 'snapshot', done, total }),
  );
  const result: SweepResult = {
    computedAt: now,
    durationMs: Date.now() - started,
    ruleVersion: g.ruleVersion,
    accounts: g.facts.accounts.length,
    openMessages: g.facts.messages.length,
    emergencies: g.facts.emergencies.length,
    alerts,
    snapshot,
  };
  await deps.db
    .collection(OV_META)
    .doc('snapshot')
    .set({ data: { ...result } as unknown as Record<string, unknown> });
  return result;
}
