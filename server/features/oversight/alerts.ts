import type { AlertDraft } from '@shared/oversight/engine';
import type { RuleKey } from '@shared/oversight/rules';
import type { AlertView } from '@shared/oversight/views';
import type { Deps } from '@server/runtime/deps';
import type { ActionContext } from '@server/runtime/action';
import { appendAudit, type TxLike } from '@server/runtime/audit';
import { notify } from '@server/features/notifications/notify';
import { getDoc } from '@server/runtime/trace';
import { ALERTS, type AlertDoc } from './model';
import { resolveAll, type Directory } from './directory';

// Storing the engine's alerts: one document per (rule, subject) — the id says which — so a rule
// that keeps firing is one alert, not one per sweep. The refresh works unit by unit, so alerts
// are synced per unit: a new alert (or one firing again after it had cleared) is stored, its
// people notified (except for message deadlines: see below) and an audit entry written in one
// transaction; an open alert of the unit the engine no longer returns is closed ("条件已消除").
// Each step is idempotent, so a unit done again after an interrupted run notifies nobody twice.

const CHUNK = 40;

/**
 * Message deadlines have one sender: the deadline sweeper (server/features/sweeper,
 * shared/messages/sweep.ts). It works from the deadline stored on the message — the one the
 * citizen was promised, moved by an approved extension — at the minute it passes, reminds the
 * day before, writes the step on the message's timeline with the notice, and marks each step so
 * it is sent once. The engine's alerts for the same steps stay as the record the dashboard,
 * drill-downs and bulletins read, but notify nobody, so a late message brings each person one
 * notice per step, not two. The 3-month rule (message.unanswered) has no sweeper step: it
 * notifies from here.
 */
export const SENT_BY_DEADLINE_SWEEPER: ReadonlySet<RuleKey> = new Set<RuleKey>([
  'message.accept',
  'message.acceptUrgent',
  'message.answer',
]);
const SWEEPER_NOTIFIED = '按留言办理期限提醒（承办人、分管领导、县政府督查室）';

export interface AlertSyncResult {
  opened: number;
  reopened: number;
  updated: number;
  closed: number;
  open: number;
}

async function readOpenAlerts(deps: Deps, unitId: string): Promise<AlertDoc[]> {
  const _ = deps.db.command;
  const out: AlertDoc[] = [];
  let after = '';
  for (;;) {
    const res = await deps.db
      .collection(ALERTS)
      .where({ unitId, state: 'open', _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(1000)
      .get();
    out.push(...(res.data as AlertDoc[]));
    if (res.data.length < 1000) return out;
    after = out[out.length - 1]._id;
  }
}

async function readByIds(deps: Deps, ids: string[]): Promise<Map<string, AlertDoc>> {
  const _ = deps.db.command;
  const out = new Map<string, AlertDoc>();
  for (let i = 0; i < ids.length; i += 100) {
    const res = await deps.db
      .collection(ALERTS)
      .where({ _id: _.in(ids.slice(i, i + 100)) })
      .limit(100)
      .get();
    for (const d of res.data as AlertDoc[]) out.set(d._id, d);
  }
  return out;
}

/** A context for writes the system makes on its own (the sweep): notices and audit say "系统". */
export function systemContext(deps: Deps, action: string): ActionContext {
  return { caller: { openid: 'system', staff: null }, deps, requestId: deps.newId(), action, deviceId: null };
}

const differs = (a: AlertDoc, d: AlertDraft) =>
  a.text !== d.text ||
  a.since !== d.since ||
  JSON.stringify(a.escalation) !== JSON.stringify(d.escalation) ||
  a.level !== d.level;

function pageFor(d: AlertDraft): string {
  return d.subject.type === 'message'
    ? `/oversight/unit/index?unitId=${d.unitId}&cases=overdueMessages`
    : `/oversight/unit/index?unitId=${d.unitId}`;
}

async function audit(t: TxLike, deps: Deps, requestId: string, action: string, ids: string[], reason: string) {
  await appendAudit(t, deps.now(), {
    action,
    result: 'ok',
    requestId,
    actor: { openid: null, staffId: null },
    reason,
    target: { type: 'alerts', id: ids.slice(0, 20).join(',') },
    details: { count: ids.length },
  });
}

/** Syncs the open alerts of `unitId` with the engine's `drafts` for that unit. */
export async function syncAlerts(
  deps: Deps,
  unitId: string,
  drafts: AlertDraft[],
  dir: Directory,
  ruleVersion: number,
): Promise<AlertSyncResult> {
  const now = deps.now();
  const ctx = systemContext(deps, 'oversight.sweep');
  const open = new Map((await readOpenAlerts(deps, unitId)).map((a) => [a._id, a]));
  const wanted = new Map(drafts.map((d) => [d.id, d]));
  const unknownIds = drafts.filter((d) => !open.has(d.id)).map((d) => d.id);
  const known = await readByIds(deps, unknownIds);

  const toOpen: Array<{ draft: AlertDraft; reopen: boolean }> = [];
  const toUpdate: AlertDraft[] = [];
  for (const d of drafts) {
    const cur = open.get(d.id) ?? known.get(d.id);
    // Open under another unit (the account or message moved here): the same alert, moved.
    if (cur?.state === 'open') {
      if (cur.unitId !== d.unitId || differs(cur, d)) toUpdate.push(d);
    } else toOpen.push({ draft: d, reopen: Boolean(cur) });
  }
  const toClose = [...open.values()].filter((a) => !wanted.has(a._id));

  for (let i = 0; i < toOpen.length; i += CHUNK) {
    const chunk = toOpen.slice(i, i + CHUNK);
    await deps.db.runTransaction(async (t) => {
      const raised: string[] = [];
      for (const { draft } of chunk) {
        // Read inside the transaction: a slice that stalled past its lease may sync the same
        // unit as the one that took over; the second to commit sees the alert open and is silent.
        if ((await getDoc<AlertDoc>(t, ALERTS, draft.id))?.state === 'open') continue;
        raised.push(draft.id);
        const bySweeper = SENT_BY_DEADLINE_SWEEPER.has(draft.ruleKey);
        const people = bySweeper ? [] : resolveAll(dir, draft.recipients, draft.unitId, now);
        const doc: Omit<AlertDoc, '_id'> = {
          ...withoutDraftId(draft),
          state: 'open',
          openedAt: now,
          closedAt: null,
          closeReason: null,
          ruleVersion,
          notified: people.map((p) => p.staffId),
          notifiedNames: bySweeper ? [SWEEPER_NOTIFIED] : people.map((p) => `${p.name}（${p.as}）`),
          createdAt: now,
          updatedAt: now,
        };
        await t
          .collection(ALERTS)
          .doc(draft.id)
          .set({ data: doc as unknown as Record<string, unknown> });
        for (const p of people)
          await notify(t, ctx, {
            to: { staffId: p.staffId },
            kind: `oversight.${draft.ruleKey}`,
            title: `【${draft.level === 'red' ? '红色标记' : draft.level === 'warn' ? '督查预警' : '督查提醒'}】${draft.ruleLabel}`,
            body: `${draft.text}（依据：${draft.source.doc}，${draft.source.clause}）`,
            page: pageFor(draft),
            urgent: draft.level === 'red',
          });
      }
      if (raised.length)
        await audit(t, deps, ctx.requestId, 'oversight.alertsRaised', raised, `督查规则触发 ${raised.length} 条预警`);
    }, 5);
  }

  for (let i = 0; i < toUpdate.length; i += 200) {
    const chunk = toUpdate.slice(i, i + 200);
    await deps.db.runTransaction(async (t) => {
      for (const d of chunk)
        await t
          .collection(ALERTS)
          .doc(d.id)
          .update({
            data: {
              text: d.text,
              since: d.since,
              escalation: d.escalation,
              level: d.level,
              unitId: d.unitId,
              unitName: d.unitName,
              updatedAt: now,
            },
          });
    }, 5);
  }

  for (let i = 0; i < toClose.length; i += CHUNK) {
    const chunk = toClose.slice(i, i + CHUNK);
    await deps.db.runTransaction(async (t) => {
      for (const a of chunk)
        await t
          .collection(ALERTS)
          .doc(a._id)
          .update({ data: { state: 'closed', closedAt: now, closeReason: '条件已消除', updatedAt: now } });
      await audit(
        t,
        deps,
        ctx.requestId,
        'oversight.alertsCleared',
        chunk.map((a) => a._id),
        `${chunk.length} 条预警的条件已消除，自动关闭`,
      );
    }, 5);
  }

  return {
    opened: toOpen.filter((o) => !o.reopen).length,
    reopened: toOpen.filter((o) => o.reopen).length,
    updated: toUpdate.length,
    closed: toClose.length,
    open: drafts.length,
  };
}

function withoutDraftId(d: AlertDraft): Omit<AlertDraft, 'id'> {
  const { id, ...rest } = d;
  void id;
  return rest;
}

export function toAlertView(a: AlertDoc): AlertView {
  return {
    _id: a._id,
    ruleKey: a.ruleKey,
    ruleLabel: a.ruleLabel,
    level: a.level,
    source: a.source,
    threshold: a.threshold,
    subject: a.subject,
    unitId: a.unitId,
    unitName: a.unitName,
    text: a.text,
    since: a.since,
    escalation: a.escalation,
    recipients: a.notifiedNames.length ? a.notifiedNames : a.recipients.map((r) => r.label),
    state: a.state,
    openedAt: a.openedAt,
    closedAt: a.closedAt,
    closeReason: a.closeReason,
    ruleVersion: a.ruleVersion,
  };
}
