// Benchmark of the supervision dashboard (issue 7) on the shared synthetic county (300 units,
// 2,000 accounts, 200,000 posts, 1,000,000 messages; bench/seed-county.ts), beside the raw
// aggregate SQL that answers the same questions on store.sqlite, in the same run:
//   - the snapshot refresh (per unit: facts through the source adapters → rule engine →
//     snapshot documents), as one unbounded run, cold (12 months computed) and warm (recent
//     months only);
//   - the same refresh as the timer runs it in production: slices of at most SLICE_BUDGET_MS
//     (20 s) of work, each one timer call — the time of every slice (it must stay well inside a
//     cloud function's 60 s) and the total;
//   - the dashboard a supervisor opens (oversight.dashboard through the real handler path: main →
//     permission table → device signature → snapshot read → scores and 红黑榜);
//   - the drill-down into one unit (oversight.unit) and into its overdue cases (oversight.cases);
//   - 立即刷新: the request (oversight.refresh through the handler path) only records who asked.
//   npx tsx bench/oversight.ts   (or `npm run bench`; BENCH_SCALE=0.01 for a quick run)
// Alert storage and notification are not part of the measured refresh (see notes): the synthetic
// county raises 300,000 alerts, which a real county never would.
import { randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLocalStore, installLocalCloud, type LocalStore } from '@server/local/cloud';
import { configureRuntime, currentDeps, resetRuntime } from '@server/runtime/config';
import { createFunction } from '@server/runtime/main';
import { oversightActions } from '@server/features/oversight/actions';
import {
  SLICE_BUDGET_MS,
  runOversightSweep,
  runScheduledOversight,
  type SweepResult,
} from '@server/features/oversight/refresh';
import { OV_META } from '@server/features/oversight/model';
import { runAsCaller, LOCAL_APPID } from '@server/local/wx-context';
import { signRequest } from '@shared/identity/signing';
import { rankExpr, valueExpr } from '@server/local/cloud/sql-exprs';
import { splitPath } from '@server/local/cloud/paths';
import { chinaMonthKey, monthStart } from '@shared/oversight/time';
import type { Envelope } from '@shared/core/envelope';
import type { DashboardView } from '@shared/oversight/views';
import { BENCH_DIR, ensureScaledCounty, type SeedManifest } from './seed-county';
import { summarise, timeIt } from './lib/timing';
import type { BenchResult } from './lib/types';
import { renderLatest, type RunRecord } from './lib/report';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 50);
const REFRESH_RUNS = Number(process.env.BENCH_REFRESH_RUNS ?? 3);
const DAY = 86400_000;
/** The same county before the refresh was sliced (one run per request or timer call). */
const BEFORE = 'before slicing: cold 90 s, warm 46 s, the timer’s one run 64 s';

export async function run(): Promise<BenchResult[]> {
  const { file, manifest } = await ensureScaledCounty();
  const copy = join(BENCH_DIR, 'oversight-bench.sqlite');
  const clean = () => {
    for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
  };
  clean();
  copyFileSync(file, copy);
  const store = openLocalStore({ file: copy, synchronous: 'NORMAL' });
  installLocalCloud(store);
  resetRuntime();
  configureRuntime({ log: () => undefined });
  try {
    return await measure(store, manifest);
  } finally {
    store.close();
    resetRuntime();
    clean();
  }
}

/** The raw aggregate SQL on the store's tables (json_extract over the JSON text of each row). */
function rawQueries(store: LocalStore, now: number) {
  const t = (c: string) => `"${store.collectionTable(c)}"`;
  const j = (p: string) => `json_extract(data, '$.${p}')`;
  const month = chinaMonthKey(now);
  const from = monthStart(month);
  const posts = store.sqlite.prepare(
    `SELECT ${j('accountId')} AS a, ${j('unitId')} AS u, max(${j('publicAt')}) AS last,
            sum(${j('publicAt')} >= ?) AS n14, sum(${j('publicAt')} >= ?) AS n30
       FROM ${t('posts')} WHERE ${j('publicAt')} > 0 GROUP BY a`,
  );
  const messagesMonth = store.sqlite.prepare(
    `SELECT ${j('unitId')} AS u, count(*) AS received,
            sum(${j('acceptedAt')} IS NOT NULL AND ${j('acceptedAt')} <= ${j('acceptDueAt')}) AS acceptedOnTime,
            sum(${j('answeredAt')} IS NOT NULL AND ${j('answeredAt')} <= ${j('answerDueAt')}) AS answeredOnTime,
            sum(${j('rating.value')} IS NOT NULL) AS rated,
            sum(${j('rating.value')} IN ('satisfied', 'basic')) AS satisfied
       FROM ${t('messages')} WHERE ${j('createdAt')} >= ? AND ${j('createdAt')} < ? GROUP BY u`,
  );
  const messagesYear = store.sqlite.prepare(
    `SELECT ${j('unitId')} AS u, strftime('%Y-%m', ${j('createdAt')} / 1000 + 8 * 3600, 'unixepoch') AS m, count(*) AS received,
            sum(${j('answeredAt')} IS NOT NULL AND ${j('answeredAt')} <= ${j('answerDueAt')}) AS answeredOnTime
       FROM ${t('messages')} WHERE ${j('createdAt')} >= ? GROUP BY u, m`,
  );
  const overdue = store.sqlite.prepare(
    `SELECT ${j('unitId')} AS u, count(*) AS n FROM ${t('messages')}
      WHERE ${j('state')} IN ('submitted','transferring','accepted','handling','replyPending','redirectPending') AND ${j('dueAt')} < ?
      GROUP BY u`,
  );
  const accounts = store.sqlite.prepare(
    `SELECT ${j('managingUnitId')} AS u, count(*) AS n FROM ${t('accounts')} WHERE ${j('status')} IN ('opened','filed','active') GROUP BY u`,
  );
  // Per-unit questions go through the messages feature's own index expressions (unit_created,
  // unit_due), as the store's planner does.
  const x = (p: string) => ({ r: rankExpr(splitPath(p)), v: valueExpr(splitPath(p)) });
  const [unitX, createdX, dueX] = [x('unitId'), x('createdAt'), x('dueAt')];
  const unitMonth = store.sqlite.prepare(
    `SELECT count(*) AS received, sum(${j('answeredAt')} IS NOT NULL AND ${j('answeredAt')} <= ${j('answerDueAt')}) AS answeredOnTime
       FROM ${t('messages')} WHERE ${unitX.r} = 3 AND ${unitX.v} = ? AND ${createdX.r} = 2 AND ${createdX.v} >= ?`,
  );
  const unitAccounts = store.sqlite.prepare(`SELECT data FROM ${t('accounts')} WHERE ${j('managingUnitId')} = ?`);
  const unitOpen = store.sqlite.prepare(
    `SELECT id, ${j('trackingNo')}, ${dueX.v} AS due FROM ${t('messages')}
      WHERE ${unitX.r} = 3 AND ${unitX.v} = ? AND ${dueX.r} = 2 AND ${dueX.v} < ?
        AND ${j('state')} IN ('submitted','transferring','accepted','handling','replyPending','redirectPending')
      ORDER BY ${dueX.v}`,
  );
  return {
    /** What the live dashboard would need for one month, straight from the tables. */
    dashboard: () => {
      posts.all(now - 14 * DAY, now - 30 * DAY);
      messagesMonth.all(from, monthStart(month, 1));
      overdue.all(now);
      return accounts.all();
    },
    /** What the refresh computes: per-account activity, 12 months per unit, open cases. */
    refresh: () => {
      posts.all(now - 14 * DAY, now - 30 * DAY);
      messagesYear.all(monthStart(month, -11));
      overdue.all(now);
      return accounts.all();
    },
    unit: (unitId: string) => {
      unitAccounts.all(unitId);
      return unitMonth.get(unitId, from);
    },
    cases: (unitId: string) => unitOpen.all(unitId, now),
  };
}

async function measure(store: LocalStore, manifest: SeedManifest): Promise<BenchResult[]> {
  const deps = currentDeps();
  const main = createFunction('oversight', oversightActions);
  const sup = manifest.callers['s-supervisor'];
  if (!sup) throw new Error('the seeded county has no supervisor');
  const touch = () =>
    deps.db
      .collection('devices')
      .doc(sup.deviceId)
      .update({ data: { lastActiveAt: Date.now(), locked: false } });
  await touch();
  const call = async <T>(action: string, data: unknown): Promise<T> => {
    const proof = { id: sup.deviceId, ts: Date.now(), nonce: randomBytes(12).toString('hex') };
    const sig = signRequest(sup.secret, action, data ?? {}, proof);
    const r = (await runAsCaller({ OPENID: sup.openid, APPID: LOCAL_APPID }, () =>
      main({ action, data, device: { ...proof, sig } }, {}),
    )) as Envelope<T>;
    if (!r.ok) throw new Error(`${action}: ${r.code} ${r.message}`);
    return r.data;
  };
  const now = deps.now();
  const raw = rawQueries(store, now);
  const counts = Object.fromEntries(
    ['units', 'accounts', 'posts', 'messages'].map((c) => [
      c,
      (store.sqlite.prepare(`SELECT count(*) AS n FROM "${store.collectionTable(c)}"`).get() as { n: number }).n,
    ]),
  );
  const county = `${counts.units} units, ${counts.accounts} accounts, ${counts.posts.toLocaleString('en')} posts, ${counts.messages.toLocaleString('en')} messages`;
  const results: BenchResult[] = [];
  const push = (
    name: string,
    real: { p50: number; p95: number },
    base: string,
    b: { p50: number; p95: number },
    notes: string,
  ) => {
    results.push({
      name,
      p50: real.p50,
      p95: real.p95,
      baselineName: base,
      baselineP50: b.p50,
      baselineP95: b.p95,
      notes,
    });
    console.log(
      `  ${name}: p50 ${real.p50} ms, p95 ${real.p95} ms | raw p50 ${b.p50} ms, p95 ${b.p95} ms\n    ${notes}`,
    );
  };

  // 1. The refresh as one unbounded run, cold (set b is empty: every month computed), then in
  //    slices as the timer runs it (set a, also cold), then warm (recent months recomputed).
  const t0 = Date.now();
  let last: SweepResult = await runOversightSweep(deps, { alerts: false });
  const cold = Date.now() - t0;
  const rawRefresh = await timeIt(REFRESH_RUNS, () => raw.refresh(), 1);
  push(
    'oversight refresh, cold, one unbounded run (per unit: facts → rule engine → snapshot of 12 months)',
    { p50: cold, p95: cold },
    'raw SQL: posts GROUP BY account; messages GROUP BY unit, month (12 months); open overdue GROUP BY unit; accounts GROUP BY unit',
    rawRefresh,
    `${county}; one run; ${last.openMessages.toLocaleString('en')} open messages, ${last.alerts.open.toLocaleString('en')} alerts evaluated (not stored), ${last.snapshot.months} unit-months written; ${BEFORE}`,
  );

  /** A refresh as the timer runs it: one call per slice until it is done. */
  const sliced = async () => {
    const slices: Array<{ ms: number; units: number }> = [];
    let result: SweepResult | undefined;
    const started = Date.now();
    while (!result) {
      const run = await runScheduledOversight(deps, { force: true, alerts: false, budgetMs: SLICE_BUDGET_MS });
      if (!run.ran || !run.slice) throw new Error(`slice did not run: ${JSON.stringify(run)}`);
      slices.push({ ms: run.slice.ms, units: run.slice.units });
      result = run.result;
    }
    const ms = slices.map((x) => x.ms);
    return { slices, result, total: ms.reduce((a, b) => a + b, 0), wall: Date.now() - started, max: Math.max(...ms) };
  };
  const describe = (r: Awaited<ReturnType<typeof sliced>>) =>
    `${r.slices.length} slices of ${r.slices.map((x) => `${x.units} units/${(x.ms / 1000).toFixed(1)} s`).join(', ')}; ` +
    `total ${(r.total / 1000).toFixed(1)} s of work (${(r.wall / 1000).toFixed(1)} s back to back; in production a minute apart)`;
  const coldSlices = await sliced();
  push(
    `oversight refresh, cold, in slices of ${SLICE_BUDGET_MS / 1000} s (per slice: median, max)`,
    summarise(coldSlices.slices.map((x) => x.ms)),
    'the cold unbounded run above',
    { p50: cold, p95: cold },
    `${county}; ${describe(coldSlices)}; the max must stay well inside the function's 60 s`,
  );

  const warm: number[] = [];
  for (let i = 0; i < REFRESH_RUNS; i++) {
    const s = Date.now();
    last = await runOversightSweep(deps, { alerts: false });
    warm.push(Date.now() - s);
  }
  const warmStats = summarise(warm);
  push(
    'oversight refresh, warm, one unbounded run (recent 4 months recomputed)',
    warmStats,
    'raw SQL: the same aggregates as the cold refresh',
    rawRefresh,
    `${county}; n=${REFRESH_RUNS}; ${last.snapshot.months} unit-months rewritten per run`,
  );
  const warmSlices = await sliced();
  const perSlice = summarise(warmSlices.slices.map((x) => x.ms));
  push(
    `oversight refresh, warm, in slices of ${SLICE_BUDGET_MS / 1000} s (per slice: median, max) — what the timer runs`,
    { p50: perSlice.p50, p95: warmSlices.max },
    'the warm unbounded run above',
    warmStats,
    `${county}; ${describe(warmSlices)}; ${warmSlices.result.snapshot.months} unit-months rewritten; ${BEFORE}`,
  );

  // 1b. 立即刷新: the request answers before any computation (it records who asked). Between
  //     requests the status is reset so each one queues (the write path).
  await touch();
  const asks: number[] = [];
  const askRuns = Math.min(ITERATIONS, 20);
  for (let i = 0; i < askRuns; i++) {
    const s = Date.now();
    await call('oversight.refresh', {});
    asks.push(Date.now() - s);
    await deps.db
      .collection(OV_META)
      .doc('refresh')
      .update({ data: { state: 'idle' } });
  }
  push(
    'oversight.refresh — 立即刷新: the request is recorded and answered (handler path)',
    summarise(asks),
    'the warm refresh this request used to run inline',
    warmStats,
    `${county}; n=${askRuns}; nothing is computed in the request: the timer's slices (above) do it`,
  );

  // 2. The dashboard a supervisor opens (snapshot read through the real handler path).
  const board = await call<DashboardView>('oversight.dashboard', {});
  await touch();
  const dash = await timeIt(ITERATIONS, () => call('oversight.dashboard', {}));
  const rawDash = await timeIt(Math.min(ITERATIONS, 10), () => raw.dashboard(), 1);
  push(
    'oversight.dashboard — the county, this month (supervisor, handler path)',
    dash,
    'raw SQL: the live aggregate for the month (posts 14/30 days by account, the month’s messages by unit with on-time and satisfaction sums, open overdue by unit, accounts by unit)',
    rawDash,
    `${county}; n=${ITERATIONS}; ${board.units.length} unit rows, ${board.ranking.warning.length} on the warning list`,
  );

  // 3. Drill-down into the busiest unit and its overdue cases.
  const busiest = [...board.units].sort((a, b) => b.overdueNow - a.overdueNow)[0];
  await touch();
  const unit = await timeIt(ITERATIONS, () => call('oversight.unit', { unitId: busiest.unitId }));
  const rawUnit = await timeIt(ITERATIONS, () => raw.unit(busiest.unitId));
  push(
    'oversight.unit — one unit’s numbers, accounts, alerts and trend',
    unit,
    'raw SQL: the unit’s accounts and its month’s messages counted (index unit_created)',
    rawUnit,
    `${busiest.unitName}: ${busiest.overdueNow} overdue now; n=${ITERATIONS}`,
  );
  await touch();
  const cases = await timeIt(ITERATIONS, () =>
    call('oversight.cases', { unitId: busiest.unitId, kind: 'overdueMessages' }),
  );
  const rawCases = await timeIt(ITERATIONS, () => raw.cases(busiest.unitId));
  push(
    'oversight.cases — the unit’s overdue messages (live, rules applied), first page',
    cases,
    'raw SQL: the unit’s open messages past their stored dueAt ORDER BY dueAt (index unit_due)',
    rawCases,
    `${busiest.unitName}: ${busiest.overdueNow} overdue now; n=${ITERATIONS}`,
  );
  return results;
}

/**
 * Run alone (`npx tsx bench/oversight.ts`), BENCH_WRITE=1 puts its rows into the full-scale
 * results in place of the oversight section (bench/results/latest.{json,md}), leaving the other
 * benchmarks' rows as `npm run bench` last wrote them.
 */
function writeSection(results: BenchResult[], seconds: number) {
  const json = JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as RunRecord;
  const section = { source: SOURCE, results, seconds, measuredAt: new Date().toISOString() };
  const i = json.sections.findIndex((x) => x.source === SOURCE);
  if (i >= 0) json.sections[i] = section;
  else json.sections.push(section);
  writeFileSync(RESULTS_JSON, `${JSON.stringify(json, null, 2)}\n`);
  renderLatest();
}

const SOURCE = 'bench/oversight.ts';
const RESULTS_JSON = 'bench/results/latest.json';

if (require.main === module) {
  const started = Date.now();
  run()
    .then((r) => {
      console.table(r.map(({ notes: _n, ...x }) => x));
      const full = Number(process.env.BENCH_SCALE ?? 1) === 1;
      if (process.env.BENCH_WRITE === '1' && full) writeSection(r, (Date.now() - started) / 1000);
      else if (process.env.BENCH_WRITE === '1')
        console.log('BENCH_WRITE ignored: results are written at full scale only');
    })
    .catch((e: Error) => {
      console.error(e.stack ?? e.message);
      process.exit(1);
    });
}
