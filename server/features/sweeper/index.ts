import { onRefreshRequested, runScheduledOversight } from '@server/features/oversight/refresh';
import { planSweep, type SweepSubject } from '@shared/messages/sweep';
import type { ActionContext } from '@server/runtime/action';
import { appendAudit } from '@server/runtime/audit';
import { currentDeps } from '@server/runtime/config';
import type { Deps } from '@server/runtime/deps';
import { getDoc } from '@server/runtime/trace';
import { notify } from '@server/features/notifications/notify';
import { deliverOutbox, localRecorder, type OutboxSender } from '@server/features/notifications/outbox';
import { loadDirectory } from '@server/features/notifications/recipients';
import { MESSAGES, withDerived, type MessageDoc } from '@server/features/messages/model';
import { citizenPage, staffPage } from '@server/features/messages/workflow';

// The deadline sweeper's runner. It reads the messages whose next check time has come (one
// indexed range, `nextCheckAt`), asks the pure planner what is due, and applies each change in
// its own transaction with its timeline entries, notices and audit lines (actor: the system).
// Then it drains the notification outbox. Production runs it from cloudfunctions/sweeper on a
// timer trigger; the local host runs it on an interval (SWEEP_INTERVAL_MS).

export interface SweepOptions {
  sender?: OutboxSender;
  /** Messages read per batch, and at most this many batches per run. */
  batchSize?: number;
  maxBatches?: number;
}

export interface SweepReport {
  at: number;
  checked: number;
  reminded: number;
  escalated: number;
  urgeLapsed: number;
  autoClosed: number;
  notices: number;
  delivered: Record<string, number>;
}

const SYSTEM = { openid: null, staffId: null };

export async function runSweep(deps: Deps = currentDeps(), opts: SweepOptions = {}): Promise<SweepReport> {
  const { db } = deps;
  const _ = db.command;
  const now = deps.now();
  const requestId = `sweep-${now}-${deps.newId().slice(0, 8)}`;
  const ctx: ActionContext = {
    caller: { openid: 'system', staff: null },
    deps,
    requestId,
    action: 'sweeper.run',
    deviceId: null,
  };
  const report: SweepReport = {
    at: now,
    checked: 0,
    reminded: 0,
    escalated: 0,
    urgeLapsed: 0,
    autoClosed: 0,
    notices: 0,
    delivered: {},
  };
  const batchSize = opts.batchSize ?? 100;
  for (let batch = 0; batch < (opts.maxBatches ?? 100); batch++) {
    const due = (
      await db
        .collection(MESSAGES)
        .where({ nextCheckAt: _.lte(now) })
        .orderBy('nextCheckAt', 'asc')
        .limit(batchSize)
        .get()
    ).data as MessageDoc[];
    if (!due.length) break;
    const directory = await loadDirectory(
      db,
      due.map((m) => m.unitId),
      { supervisors: true },
    );
    for (const listed of due) {
      report.checked += 1;
      await db.runTransaction(async (t) => {
        const m = await getDoc<MessageDoc>(t, MESSAGES, listed._id);
        if (!m) return;
        const plan = planSweep(m as SweepSubject & MessageDoc, now);
        if (!plan) {
          // Nothing due (it changed since it was listed): just move its next check on.
          const next = withDerived(m).nextCheckAt;
          await t
            .collection(MESSAGES)
            .doc(m._id)
            .update({ data: { nextCheckAt: next !== null && next > now ? next : null } });
          return;
        }
        const { nextCheckAt: _next, ...set } = plan.set;
        void _next;
        const doc = withDerived({ ...m, ...set, timeline: [...m.timeline, ...plan.timeline] } as MessageDoc);
        const { _id, ...data } = doc;
        await t
          .collection(MESSAGES)
          .doc(_id)
          .set({ data: data as unknown as Record<string, unknown> });
        for (const n of plan.notices) {
          for (const to of directory.resolve(n.to)) {
            await notify(t, ctx, {
              to,
              kind: n.kind,
              title: n.title,
              body: n.body,
              urgent: n.urgent,
              page: 'openid' in to ? citizenPage(m._id) : staffPage(m._id),
            });
            report.notices += 1;
          }
        }
        for (const line of plan.audit) {
          await appendAudit(t, now, {
            action: line.action,
            result: 'ok',
            requestId,
            actor: SYSTEM,
            unitId: m.unitId,
            target: { type: 'message', id: m._id },
            reason: line.reason,
            details: { trackingNo: m.trackingNo, dueAt: m.dueAt },
          });
        }
        for (const e of plan.events) {
          if (e === 'remind') report.reminded += 1;
          else if (e === 'escalate') report.escalated += 1;
          else if (e === 'urgeLapsed') report.urgeLapsed += 1;
          else report.autoClosed += 1;
        }
      }, 5);
    }
    if (due.length < batchSize) break;
  }
  report.delivered = await deliverOutbox(deps, opts.sender ?? localRecorder);
  return report;
}

/**
 * Starts the local host's interval (0 turns it off); returns a stop function. One run at a time,
 * errors logged; each tick runs the deadline sweep and then the oversight rule engine when it is
 * due (refresh.ts: asked for, or older than its period), as in production where
 * cloudfunctions/sweeper and cloudfunctions/oversight run on timer triggers. A 立即刷新 request
 * kicks the oversight part at once instead of waiting for the next tick.
 */
export function startSweeper(intervalMs: number, deps: () => Deps = currentDeps): () => void {
  if (intervalMs <= 0) return () => undefined;
  let running = false;
  let kicked = false;
  const run = async (deadlines: boolean) => {
    running = true;
    try {
      if (deadlines) await runSweep(deps());
      do {
        kicked = false;
        await runScheduledOversight(deps());
      } while (kicked);
    } catch (e) {
      deps().log('error', 'sweep failed', { error: (e as Error).stack ?? String(e) });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => {
    if (!running) void run(true);
  }, intervalMs);
  timer.unref?.();
  // A request that arrives mid-run is picked up when the run ends (the loop above).
  const stopKicks = onRefreshRequested(() => {
    if (running) kicked = true;
    else void run(false);
  });
  return () => {
    clearInterval(timer);
    stopKicks();
  };
}
