import type { RefreshPhase, RefreshState, RefreshStatusView } from '@shared/oversight/refresh';
import type { ActionContext } from '@server/runtime/action';
import type { Database, Transaction } from '@server/runtime/database';
import type { Deps } from '@server/runtime/deps';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import type { AlertSyncResult } from './alerts';
import { OV_META, withoutId } from './model';
import { SNAPSHOT, collectionsOf, readSnapshotMeta, type SnapshotMeta } from './snapshot-set';
import {
  NO_SYNC,
  addSync,
  closeGoneUnits,
  computeUnit,
  dropStrayUnits,
  loadSliceContext,
  planRun,
  type RunPlan,
} from './sweep';

// 立即刷新 and the timer's refresh, cut into slices that fit a cloud function.
//
// The limit: a WeChat cloud function is stopped when it runs past its timeout. CloudBase's
// function settings say "超时时间 … 可设置范围为 1~900 秒，默认值 3 秒"
// (https://docs.cloudbase.net/cloud-function/function-configuration/config); its CLI config
// allows "timeout … 取值范围 1-60 秒" (https://docs.cloudbase.net/cli-v1/functions/configs),
// and in the mini program's console the editor accepts 1–60 s (开放社区, "前端限制输入1-60s",
// https://developers.weixin.qq.com/community/minihome/doc/0002a4188a8c6024687a45c955b000).
// uniCloud's notes on Tencent's timer triggers give 900 s as their ceiling
// (https://uniapp.dcloud.net.cn/uniCloud/trigger.html: "腾讯云定时触发最大超时时间为900秒").
// We plan for the 60 s a mini program's own console lets one set: measured on the county of
// 300 units and 1,000,000 messages a whole refresh took 46–90 s, so one timer run cannot be
// trusted to finish it.
//
// So a refresh is a run of slices. The request only records who asked (oversightMeta/refresh)
// and answers at once. Each timer call (cloudfunctions/oversight every minute; locally the
// host's sweeper, kicked at once) claims a slice under a lease, works through units until its
// time budget (SLICE_BUDGET_MS, 20 s, well inside the limit) is spent, and writes after every unit —
// in the same transaction as that unit's documents — how far the refresh has got, which is the
// progress the dashboard polls (计算中 n/N). A slice that dies leaves its lease to run out; the
// next timer call takes the run over at the recorded unit. The last slice switches the
// dashboard to the new numbers in one write (snapshot-set.ts).
//
// Not incremental: every refresh recomputes every unit. The numbers move with time alone
// (14/30-day windows, days without an update, deadlines passing), so "no source changed" does
// not mean "same numbers"; and there is no trustworthy per-unit change feed to skip on — the
// audit log names one unit for a transfer between two, and a dirty-unit mark would have to be
// written inside the messages, posts and accounts features' own transactions.

const REFRESH = 'refresh';
/** The numbers are recomputed at least this often without anyone asking. */
export const SCHEDULED_EVERY_MS = 10 * 60_000;
/** A slice starts no new unit after this much work: a third of the 60 s, leaving room for one more unit and the switch. */
export const SLICE_BUDGET_MS = 20_000;
/** The budget in force: OVERSIGHT_SLICE_MS (the function's environment) or SLICE_BUDGET_MS; 0 = one unit per slice. */
export const sliceBudgetMs = (): number => atLeastZero(process.env.OVERSIGHT_SLICE_MS) ?? SLICE_BUDGET_MS;
/**
 * A slice renews its lease after every unit; one that has not for this long is taken to have
 * died (killed at the function's timeout) and the next timer call takes the run over.
 */
export const LEASE_MS = 3 * 60_000;
/** A run whose slices keep dying is given up after this many takeovers (a unit too big to finish). */
export const MAX_TAKEOVERS = 3;

function atLeastZero(v: string | undefined): number | null {
  const n = v === undefined || v.trim() === '' ? NaN : Number(v);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

interface Requester {
  requestedAt: number;
  requestedBy: string;
  requestedByName: string;
}

interface RunTotals {
  accounts: number;
  openMessages: number;
  months: number;
  alerts: AlertSyncResult;
}

interface RefreshDoc {
  state: RefreshState;
  requestedAt: number | null;
  requestedBy: string | null;
  requestedByName: string | null;
  /** Asked for while a run was under way (its numbers are as of before the ask): run again after it. */
  again: Requester | null;
  /** One refresh, all its slices. */
  runId: string | null;
  /** The slice holding the lease: only it may write the run's progress and documents. */
  sliceId: string | null;
  startedAt: number | null;
  /** 0 between slices. */
  leaseUntil: number;
  plan: RunPlan | null;
  phase: RefreshPhase | null;
  /** Units written (the next unit to compute), of `total`. */
  done: number;
  total: number;
  slices: number;
  takeovers: number;
  /** Time spent in slices so far (not the waits between them). */
  workMs: number;
  totals: RunTotals;
  finishedAt: number | null;
  durationMs: number | null;
  error: string | null;
}

const NO_TOTALS: RunTotals = { accounts: 0, openMessages: 0, months: 0, alerts: NO_SYNC };

const IDLE: RefreshDoc = {
  state: 'idle',
  requestedAt: null,
  requestedBy: null,
  requestedByName: null,
  again: null,
  runId: null,
  sliceId: null,
  startedAt: null,
  leaseUntil: 0,
  plan: null,
  phase: null,
  done: 0,
  total: 0,
  slices: 0,
  takeovers: 0,
  workMs: 0,
  totals: NO_TOTALS,
  finishedAt: null,
  durationMs: null,
  error: null,
};

/** What a finished refresh found (also what the benchmark reports). */
export interface SweepResult {
  computedAt: number;
  /** Time spent in slices, summed. */
  durationMs: number;
  slices: number;
  ruleVersion: number;
  accounts: number;
  openMessages: number;
  emergencies: number;
  alerts: AlertSyncResult;
  snapshot: { units: number; months: number };
}

/** The refresh document, with defaults for fields a document written before slicing lacks. */
async function readRefresh(db: Database | Transaction): Promise<RefreshDoc | null> {
  const d = await getDoc<Partial<RefreshDoc>>(db, OV_META, REFRESH);
  return d ? { ...IDLE, ...d } : null;
}
const writeRefresh = (t: Transaction, doc: RefreshDoc) =>
  t
    .collection(OV_META)
    .doc(REFRESH)
    .set({ data: withoutId({ _id: REFRESH, ...doc }) as unknown as Record<string, unknown> });

function toView(d: RefreshDoc | null, snapshotAt: number | null, now: number): RefreshStatusView {
  const r = { ...IDLE, ...d };
  return {
    state: r.state,
    requestedAt: r.requestedAt,
    requestedByName: r.requestedByName,
    startedAt: r.startedAt,
    phase: r.phase,
    done: r.done,
    total: r.total,
    waiting: r.state === 'running' && r.leaseUntil <= now,
    slices: r.slices,
    asOf: r.plan?.asOf ?? null,
    again: r.again !== null,
    finishedAt: r.finishedAt,
    durationMs: r.durationMs,
    error: r.error,
    computedAt: snapshotAt,
  };
}

export async function refreshStatus(db: Database, now: number): Promise<RefreshStatusView> {
  const [d, meta] = await Promise.all([readRefresh(db), readSnapshotMeta(db)]);
  return toView(d, meta?.computedAt ?? null, now);
}

type Kick = () => void;
let kick: Kick | null = null;

/**
 * The local host's sweeper listens here to start a requested refresh, and the next slice of a
 * refresh, at once. In production nobody listens: the timer trigger comes within a minute.
 */
export function onRefreshRequested(fn: Kick): () => void {
  kick = fn;
  return () => {
    if (kick === fn) kick = null;
  };
}

/**
 * oversight.refresh: records the request and answers at once. A request already queued is
 * joined; one made while a run is under way is queued to run again after it, since that run's
 * numbers are as of its start, before whatever the asker has just changed.
 */
export async function requestRefresh(ctx: ActionContext): Promise<RefreshStatusView> {
  const now = ctx.deps.now();
  const staff = ctx.caller.staff!;
  const me: Requester = { requestedAt: now, requestedBy: staff._id, requestedByName: staff.name };
  const doc = await inTransaction(ctx, async (t) => {
    const cur = await readRefresh(t);
    if (cur?.state === 'queued' || (cur?.state === 'running' && cur.again)) return cur;
    const next: RefreshDoc =
      cur?.state === 'running'
        ? { ...cur, again: me }
        : { ...IDLE, finishedAt: cur?.finishedAt ?? null, durationMs: cur?.durationMs ?? null, state: 'queued', ...me };
    await writeRefresh(t, next);
    await traceChange(t, ctx, { target: { type: 'oversightRefresh', id: REFRESH }, unitId: null });
    return next;
  });
  kick?.();
  return toView(doc, (await readSnapshotMeta(ctx.deps.db))?.computedAt ?? null, now);
}

export interface ScheduledRun {
  ran: boolean;
  /** Why no slice ran: another slice holds the lease, or nothing is due. */
  skipped?: 'busy' | 'notDue';
  /** This slice lost its lease (it ran too long and the run was taken over): it stopped. */
  lost?: boolean;
  /** Set by the slice that finished the refresh. */
  result?: SweepResult;
  /** What this slice did. */
  slice?: { units: number; ms: number; done: number; total: number; tookOver: boolean };
}

export interface ScheduledOptions {
  /** Recompute when the numbers are older than this, unasked. */
  everyMs?: number;
  /** Start no new unit after this much work in one call (at least one unit is always done). */
  budgetMs?: number;
  leaseMs?: number;
  /** Start a refresh even if none is due (the unbounded runOversightSweep). */
  force?: boolean;
  /** false: the snapshot without storing alerts (the benchmark of the numbers alone). */
  alerts?: boolean;
  /** Called after each unit is written (tests look at the status mid-slice here). */
  onUnit?: (done: number, total: number) => Promise<void>;
}

type Claim =
  | { kind: 'busy' }
  | { kind: 'notDue' }
  | { kind: 'failed'; doc: RefreshDoc }
  | { kind: 'slice'; doc: RefreshDoc; tookOver: boolean };

/** Claims the next slice: continues a run under way, or starts one when asked or due. */
async function claimSlice(deps: Deps, sliceId: string, opts: ScheduledOptions): Promise<Claim> {
  const now = deps.now();
  const leaseMs = opts.leaseMs ?? LEASE_MS;
  return deps.db.runTransaction(async (t): Promise<Claim> => {
    const cur = await readRefresh(t);
    if (cur?.state === 'running') {
      if (cur.leaseUntil > now) return { kind: 'busy' };
      // leaseUntil is 0 when the last slice handed back; otherwise that slice died.
      const tookOver = cur.leaseUntil !== 0;
      const takeovers = cur.takeovers + (tookOver ? 1 : 0);
      if (takeovers > MAX_TAKEOVERS) {
        const failed: RefreshDoc = {
          ...cur,
          state: 'failed',
          leaseUntil: 0,
          sliceId: null,
          finishedAt: now,
          error: `计算在第 ${cur.done + 1} 个单位处多次中断，已停止；下次定时计算将从头开始`,
        };
        await writeRefresh(t, failed);
        return { kind: 'failed', doc: failed };
      }
      const doc = { ...cur, sliceId, leaseUntil: now + leaseMs, slices: cur.slices + 1, takeovers };
      await writeRefresh(t, doc);
      return { kind: 'slice', doc, tookOver };
    }
    const asked = cur?.state === 'queued';
    const last = await getDoc<SnapshotMeta>(t, OV_META, SNAPSHOT);
    if (!asked && !opts.force && last && now - last.computedAt < (opts.everyMs ?? SCHEDULED_EVERY_MS))
      return { kind: 'notDue' };
    const doc: RefreshDoc = {
      ...IDLE,
      ...(asked
        ? { requestedAt: cur.requestedAt, requestedBy: cur.requestedBy, requestedByName: cur.requestedByName }
        : {}),
      state: 'running',
      runId: deps.newId(),
      sliceId,
      startedAt: now,
      leaseUntil: now + leaseMs,
      phase: 'plan',
      slices: 1,
    };
    await writeRefresh(t, doc);
    return { kind: 'slice', doc, tookOver: false };
  }, 5);
}

/**
 * Applies `change` to the refresh document, with `writes` in the same transaction, only while
 * this slice holds the lease. Null: the run was taken over; nothing was written.
 */
async function whileOwner(
  deps: Deps,
  sliceId: string,
  change: (cur: RefreshDoc) => Partial<RefreshDoc>,
  writes: (t: Transaction) => Promise<void> = async () => undefined,
): Promise<RefreshDoc | null> {
  return deps.db.runTransaction(async (t) => {
    const cur = await readRefresh(t);
    if (!cur || cur.state !== 'running' || cur.sliceId !== sliceId) return null;
    const next = { ...cur, ...change(cur) };
    await writes(t);
    await writeRefresh(t, next);
    return next;
  }, 5);
}

async function setDocs(t: Transaction, collection: string, docs: Array<{ _id: string }>) {
  for (const d of docs)
    await t
      .collection(collection)
      .doc(d._id)
      .set({ data: withoutId(d) as Record<string, unknown> });
}

/**
 * What the timer runs (every minute in production, every SWEEP_INTERVAL_MS on the local host):
 * one slice of the refresh under way, or the first slice of a new one when asked or due.
 */
export async function runScheduledOversight(deps: Deps, opts: ScheduledOptions = {}): Promise<ScheduledRun> {
  const sliceId = deps.newId();
  const claim = await claimSlice(deps, sliceId, opts);
  if (claim.kind === 'busy' || claim.kind === 'notDue') return { ran: false, skipped: claim.kind };
  if (claim.kind === 'failed') {
    deps.log('error', 'oversight refresh given up', { error: claim.doc.error });
    return { ran: false };
  }
  const started = Date.now();
  const budget = opts.budgetMs ?? sliceBudgetMs();
  const leaseMs = opts.leaseMs ?? LEASE_MS;
  const lease = () => deps.now() + leaseMs;
  const from = claim.doc.done;
  const sliceOf = (done: number, total: number) => ({
    units: done - from,
    ms: Date.now() - started,
    done,
    total,
    tookOver: claim.tookOver,
  });
  try {
    let doc: RefreshDoc | null = claim.doc;
    if (!doc.plan) {
      const plan = await planRun(deps.db, doc.startedAt ?? deps.now());
      doc = await whileOwner(deps, sliceId, () => ({
        plan,
        total: plan.unitIds.length,
        phase: 'units',
        leaseUntil: lease(),
      }));
      if (!doc) return { ran: true, lost: true };
    }
    const plan = doc.plan!;
    const c = collectionsOf(plan.set);
    const cx = await loadSliceContext(deps.db, plan);
    let done = doc.done;
    while (done < plan.unitIds.length && (done === from || Date.now() - started < budget)) {
      const out = await computeUnit(deps, cx, done, { alerts: opts.alerts });
      const next = done + 1;
      doc = await whileOwner(
        deps,
        sliceId,
        (cur) => ({
          done: next,
          phase: 'units',
          leaseUntil: lease(),
          totals: {
            accounts: cur.totals.accounts + out.accounts,
            openMessages: cur.totals.openMessages + out.openMessages,
            months: cur.totals.months + out.monthlyDocs.length,
            alerts: addSync(cur.totals.alerts, out.alerts),
          },
        }),
        async (t) => {
          await setDocs(t, c.unitStats, [out.unitDoc]);
          await setDocs(t, c.monthly, out.monthlyDocs);
        },
      );
      if (!doc) return { ran: true, lost: true, slice: sliceOf(done, plan.unitIds.length) };
      done = next;
      await opts.onUnit?.(done, plan.unitIds.length);
    }
    if (done < plan.unitIds.length) {
      // Out of time: hand the run back; the next timer call (locally: at once) goes on from here.
      const ms = Date.now() - started;
      if (!(await whileOwner(deps, sliceId, (cur) => ({ leaseUntil: 0, sliceId: null, workMs: cur.workMs + ms }))))
        return { ran: true, lost: true, slice: sliceOf(done, plan.unitIds.length) };
      kick?.();
      return { ran: true, slice: sliceOf(done, plan.unitIds.length) };
    }
    return await publish(deps, sliceId, cx, opts, started, sliceOf(done, plan.unitIds.length));
  } catch (e) {
    // The screen says it failed; the caller (host tick, cloud function) logs the stack.
    await whileOwner(deps, sliceId, () => ({
      state: 'failed',
      finishedAt: deps.now(),
      leaseUntil: 0,
      sliceId: null,
      error: '计算过程出错，已记录日志',
    }));
    throw e;
  }
}

/** The last slice: closes what the gone units left open, then switches the dashboard to the new set. */
async function publish(
  deps: Deps,
  sliceId: string,
  cx: Awaited<ReturnType<typeof loadSliceContext>>,
  opts: ScheduledOptions,
  started: number,
  slice: NonNullable<ScheduledRun['slice']>,
): Promise<ScheduledRun> {
  const { plan } = cx;
  if (!(await whileOwner(deps, sliceId, () => ({ phase: 'publish' })))) return { ran: true, lost: true, slice };
  const gone = opts.alerts === false ? NO_SYNC : await closeGoneUnits(deps, cx);
  await dropStrayUnits(deps.db, plan);
  let result: SweepResult | null = null;
  const doc = await whileOwner(
    deps,
    sliceId,
    (cur) => {
      const durationMs = cur.workMs + (Date.now() - started);
      result = {
        computedAt: plan.asOf,
        durationMs,
        slices: cur.slices,
        ruleVersion: plan.ruleVersion,
        accounts: cur.totals.accounts,
        openMessages: cur.totals.openMessages,
        emergencies: cx.emergencies,
        alerts: addSync(cur.totals.alerts, { ...gone, open: 0 }),
        snapshot: { units: plan.unitIds.length, months: cur.totals.months },
      };
      const finished = { finishedAt: deps.now(), durationMs, workMs: durationMs, leaseUntil: 0, sliceId: null };
      // A request made during the run: queue the next run for it at once.
      return cur.again
        ? { ...IDLE, ...finished, state: 'queued', ...cur.again }
        : { ...finished, state: 'done', phase: 'publish', error: null };
    },
    async (t) => {
      const last = await getDoc<SnapshotMeta>(t, OV_META, SNAPSHOT);
      const meta: SnapshotMeta = {
        ...result!,
        gen: (last?.gen ?? 0) + 1,
        set: plan.set,
        unitIds: plan.unitIds,
      };
      await t
        .collection(OV_META)
        .doc(SNAPSHOT)
        .set({ data: meta as unknown as Record<string, unknown> });
    },
  );
  if (!doc) return { ran: true, lost: true, slice };
  if (doc.state === 'queued') kick?.();
  return { ran: true, result: result!, slice };
}

/** A whole refresh now, whatever its budget: tests and the benchmark compare the slices with it. */
export async function runOversightSweep(deps: Deps, opts: { alerts?: boolean } = {}): Promise<SweepResult> {
  const run = await runScheduledOversight(deps, { force: true, budgetMs: Infinity, alerts: opts.alerts });
  if (!run.result) throw new Error(`督查计算没有完成（${run.skipped ?? (run.lost ? 'lost' : 'stopped')}）`);
  return run.result;
}
