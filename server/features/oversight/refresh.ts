import type { RefreshPhase, RefreshState, RefreshStatusView } from '@shared/oversight/refresh';
import type { ActionContext } from '@server/runtime/action';
import type { Database, Deps } from '@server/runtime/deps';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import { OV_META } from './model';
import { runOversightSweep, type SweepProgress, type SweepResult } from './sweep';

// 立即刷新 without running the sweep inside the request. The full sweep takes ~40 s for a county
// (79 s cold), and a WeChat cloud function may be frozen the moment it returns, so "start it in
// the background and answer" would not be honest there. Instead the request records who asked
// and when (oversightMeta/refresh) and answers at once; the sweep runs on the timer — production:
// cloudfunctions/oversight's trigger every minute, which runs it when a refresh is queued or the
// numbers are older than SCHEDULED_EVERY_MS; locally the host's sweeper is also kicked at once —
// and writes its progress into the same document, which the dashboard polls
// (排队中 → 计算中 n/N → 已重新计算). The run holds a lease, so two timers never sweep at once and a
// run that died is taken over when its lease runs out.

const REFRESH = 'refresh';
/** The numbers are recomputed at least this often without anyone asking (the old timer's period). */
export const SCHEDULED_EVERY_MS = 10 * 60_000;
/** A run that has not reported progress for this long is taken to have died. */
export const LEASE_MS = 15 * 60_000;
/** Progress is written at most this often (real time): a poll every second or two needs no more. */
const PROGRESS_EVERY_MS = 1000;

interface RefreshDoc {
  state: RefreshState;
  requestedAt: number | null;
  requestedBy: string | null;
  requestedByName: string | null;
  /** Identifies one run: its progress and its end are written only while it still owns the document. */
  runId: string | null;
  startedAt: number | null;
  leaseUntil: number;
  phase: RefreshPhase | null;
  done: number;
  total: number;
  finishedAt: number | null;
  durationMs: number | null;
  error: string | null;
}

const IDLE: RefreshDoc = {
  state: 'idle',
  requestedAt: null,
  requestedBy: null,
  requestedByName: null,
  runId: null,
  startedAt: null,
  leaseUntil: 0,
  phase: null,
  done: 0,
  total: 0,
  finishedAt: null,
  durationMs: null,
  error: null,
};

const busy = (d: RefreshDoc | null, now: number) =>
  d !== null && (d.state === 'queued' || (d.state === 'running' && d.leaseUntil > now));

async function computedAt(db: Database): Promise<number | null> {
  return (await getDoc<{ computedAt: number }>(db, OV_META, 'snapshot'))?.computedAt ?? null;
}

function toView(d: RefreshDoc | null, snapshotAt: number | null): RefreshStatusView {
  const r = d ?? IDLE;
  return {
    state: r.state,
    requestedAt: r.requestedAt,
    requestedByName: r.requestedByName,
    startedAt: r.startedAt,
    phase: r.phase,
    done: r.done,
    total: r.total,
    finishedAt: r.finishedAt,
    durationMs: r.durationMs,
    error: r.error,
    computedAt: snapshotAt,
  };
}

export async function refreshStatus(db: Database): Promise<RefreshStatusView> {
  const [d, at] = await Promise.all([getDoc<RefreshDoc>(db, OV_META, REFRESH), computedAt(db)]);
  return toView(d, at);
}

type Kick = () => void;
let kick: Kick | null = null;

/**
 * The local host's sweeper listens here to start a requested refresh at once. In production
 * nobody listens: the timer trigger picks the request up within a minute.
 */
export function onRefreshRequested(fn: Kick): () => void {
  kick = fn;
  return () => {
    if (kick === fn) kick = null;
  };
}

/** oversight.refresh: records the request (or joins the one queued or under way) and answers at once. */
export async function requestRefresh(ctx: ActionContext): Promise<RefreshStatusView> {
  const now = ctx.deps.now();
  const staff = ctx.caller.staff!;
  const doc = await inTransaction(ctx, async (t) => {
    const cur = await getDoc<RefreshDoc>(t, OV_META, REFRESH);
    // Already asked for or under way: a second run would only repeat it.
    if (busy(cur, now)) return cur!;
    const next: RefreshDoc = {
      ...IDLE,
      finishedAt: cur?.finishedAt ?? null,
      durationMs: cur?.durationMs ?? null,
      state: 'queued',
      requestedAt: now,
      requestedBy: staff._id,
      requestedByName: staff.name,
    };
    await t
      .collection(OV_META)
      .doc(REFRESH)
      .set({ data: next as unknown as Record<string, unknown> });
    await traceChange(t, ctx, { target: { type: 'oversightRefresh', id: REFRESH }, unitId: null });
    return next;
  });
  kick?.();
  return toView(doc, await computedAt(ctx.deps.db));
}

export interface ScheduledRun {
  ran: boolean;
  /** Why it did not run: another run holds the lease, or nothing is due. */
  skipped?: 'busy' | 'notDue';
  result?: SweepResult;
}

/**
 * What the timer runs (every minute in production, every SWEEP_INTERVAL_MS on the local host):
 * the sweep, when a refresh was asked for, a run died, or the numbers are older than `everyMs`.
 */
export async function runScheduledOversight(
  deps: Deps,
  opts: { everyMs?: number; sweep?: typeof runOversightSweep } = {},
): Promise<ScheduledRun> {
  const now = deps.now();
  const everyMs = opts.everyMs ?? SCHEDULED_EVERY_MS;
  const runId = deps.newId();
  const claim = await deps.db.runTransaction(async (t) => {
    const cur = await getDoc<RefreshDoc>(t, OV_META, REFRESH);
    if (cur?.state === 'running' && cur.leaseUntil > now) return 'busy' as const;
    const last = await getDoc<{ computedAt: number }>(t, OV_META, 'snapshot');
    // A queued request, or a run whose lease ran out (it died: do its work again).
    const asked = cur?.state === 'queued' || cur?.state === 'running';
    if (!asked && last && now - last.computedAt < everyMs) return 'notDue' as const;
    const next: RefreshDoc = {
      ...IDLE,
      ...(asked
        ? { requestedAt: cur!.requestedAt, requestedBy: cur!.requestedBy, requestedByName: cur!.requestedByName }
        : {}),
      state: 'running',
      runId,
      startedAt: now,
      leaseUntil: now + LEASE_MS,
      phase: 'facts',
    };
    await t
      .collection(OV_META)
      .doc(REFRESH)
      .set({ data: next as unknown as Record<string, unknown> });
    return 'claimed' as const;
  }, 5);
  if (claim !== 'claimed') return { ran: false, skipped: claim };

  // Written only while this run still owns the document (a request after an expired lease re-queues it).
  const mine = deps.db.collection(OV_META).where({ _id: REFRESH, runId });
  let lastWrite = 0;
  let lastPhase: RefreshPhase | null = null;
  const progress = async (p: SweepProgress) => {
    const wall = Date.now();
    if (p.phase === lastPhase && p.done < p.total && wall - lastWrite < PROGRESS_EVERY_MS) return;
    lastWrite = wall;
    lastPhase = p.phase;
    await mine.update({ data: { phase: p.phase, done: p.done, total: p.total, leaseUntil: deps.now() + LEASE_MS } });
  };
  try {
    const result = await (opts.sweep ?? runOversightSweep)(deps, { progress });
    await mine.update({
      data: { state: 'done', finishedAt: deps.now(), durationMs: result.durationMs, leaseUntil: 0, error: null },
    });
    return { ran: true, result };
  } catch (e) {
    // The screen says it failed; the caller (host tick, cloud function) logs the stack.
    await mine.update({
      data: { state: 'failed', finishedAt: deps.now(), leaseUntil: 0, error: '计算过程出错，已记录日志' },
    });
    throw e;
  }
}
