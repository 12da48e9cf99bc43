import type { z } from 'zod';
import {
  PROBLEM_KINDS,
  composeBulletin,
  periodKey,
  periodLabel,
  periodMonths,
  type ProblemKind,
  type UnitProblems,
} from '@shared/oversight/bulletin';
import { addStats, emptyMessageStats, ranking, type MessageStats } from '@shared/oversight/metrics';
import type { RuleKey } from '@shared/oversight/rules';
import type {
  acknowledgeInput,
  bulletinIdInput,
  correctionInput,
  generateBulletinInput,
  issueBulletinInput,
  listBulletinsInput,
  updateBulletinInput,
} from '@shared/oversight/schemas';
import type { BulletinListItem, BulletinView, Page } from '@shared/oversight/views';
import { chinaDate, chinaDayEnd, isValidDate } from '@shared/messages/calendar';
import type { ActionContext } from '@server/runtime/action';
import type { Database } from '@server/runtime/database';
import { conflict, invalid, invalidTransition, notFound } from '@server/runtime/errors';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import { pageNewestFirst } from '@server/runtime/paging';
import { notify } from '@server/features/notifications/notify';
import { ALERTS, BULLETINS, OV_META, type AlertDoc, type BulletinDoc, type MonthlyDoc } from './model';
import { allUnitStats, unitRow } from './dashboard';
import { readLive, type SnapshotMeta } from './snapshot-set';
import { coverage, progressText } from './coverage';
import { loadDirectory } from './directory';
import { readAll } from './read-all';

// Bulletins (通报): generated from the snapshot and the open alerts, edited while a draft,
// issued to the units it names, acknowledged (签收) and answered with a correction report
// (整改情况) by each of them before the deadline.

const PROBLEM_OF: Partial<Record<RuleKey, ProblemKind>> = {
  'noUpdate.red': 'noUpdate',
  'filing.due': 'filing',
  'refiling.due': 'filing',
  'message.accept': 'messageOverdue',
  'message.acceptUrgent': 'messageOverdue',
  'message.answer': 'messageOverdue',
  'message.unanswered': 'messageLong',
  'emergency.firstRelease': 'emergency',
};

const isCounty = (ctx: ActionContext) =>
  (ctx.caller.staff?.roles ?? []).some((g) => g.role === 'supervisor' || g.role === 'infoCenter');
const holdsIn = (ctx: ActionContext, unitId: string, roles: string[]) =>
  (ctx.caller.staff?.roles ?? []).some((g) => g.unitId === unitId && roles.includes(g.role));

async function openProblemAlerts(db: Database): Promise<AlertDoc[]> {
  const _ = db.command;
  const out: AlertDoc[] = [];
  let after = '';
  for (;;) {
    const res = await db
      .collection(ALERTS)
      .where({ state: 'open', ruleKey: _.in(Object.keys(PROBLEM_OF)), _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(1000)
      .get();
    out.push(...(res.data as AlertDoc[]));
    if (res.data.length < 1000) return out;
    after = out[out.length - 1]._id;
  }
}

function listItem(b: BulletinDoc): BulletinListItem {
  return {
    _id: b._id,
    title: b.content.title,
    docNo: b.content.docNo,
    periodLabel: b.content.periodLabel,
    status: b.status,
    createdAt: b.createdAt,
    issuedAt: b.issuedAt,
    deadline: b.content.deadline,
    named: b.units.length,
    acknowledged: b.units.filter((u) => u.acknowledgedAt !== null).length,
    corrected: b.units.filter((u) => u.correction !== null).length,
  };
}

export function toBulletinView(b: BulletinDoc, ctx: ActionContext, unitId?: string): BulletinView {
  const now = ctx.deps.now();
  const late = now > chinaDayEnd(b.content.deadline);
  const mine = unitId ? b.units.find((u) => u.unitId === unitId) : undefined;
  const heads = unitId ? holdsIn(ctx, unitId, ['leader', 'unitAdmin']) : false;
  return {
    ...listItem(b),
    rev: b.rev,
    period: b.period,
    content: b.content,
    units: b.units.map((u) => ({
      unitId: u.unitId,
      unitName: u.unitName,
      acknowledgedAt: u.acknowledgedAt,
      acknowledgedByName: u.acknowledgedByName,
      correction: u.correction ? { text: u.correction.text, at: u.correction.at, byName: u.correction.byName } : null,
      overdue: late && u.correction === null,
    })),
    canEdit: b.status === 'draft' && (ctx.caller.staff?.roles ?? []).some((g) => g.role === 'supervisor'),
    canAcknowledge: b.status === 'issued' && Boolean(mine) && heads && mine!.acknowledgedAt === null,
    canReportCorrection:
      b.status === 'issued' && Boolean(mine) && heads && mine!.acknowledgedAt !== null && mine!.correction === null,
  };
}

/** Reads a bulletin the caller may see: county roles any; a unit only issued ones naming it. */
export async function readVisible(
  db: Database,
  input: z.output<typeof bulletinIdInput>,
  ctx: ActionContext,
): Promise<BulletinDoc> {
  const b = await getDoc<BulletinDoc>(db, BULLETINS, input.id);
  if (b && isCounty(ctx)) return b;
  if (!b || b.status !== 'issued' || !input.unitId || !b.unitIds.includes(input.unitId))
    throw notFound('没有找到该通报');
  return b;
}

/**
 * A bulletin states the county's numbers as facts and is issued under the office's name: built
 * from a snapshot that does not hold the period (no refresh has finished yet, or the period's
 * months are newer than it) it would say 0 units, 0 messages and "no problems found".
 */
async function refuseUncomputed(db: Database, meta: SnapshotMeta | null, months: string[], now: number) {
  const c = coverage(meta, months, now);
  if (c.kind === 'computed') return;
  if (c.kind !== 'pending') throw invalid(`不能生成该时段的通报：${c.reason}`, { period: c.reason });
  const p = await progressText(db, meta, now);
  const next = p.pending ? '请等计算完成后再生成通报' : '请在督查看板点“立即刷新”，完成后再生成通报';
  throw invalidTransition(`督查数据尚未计算完成（${c.reason}；${p.text}），${next}`, { notComputed: true });
}

export async function generateBulletin(
  input: z.output<typeof generateBulletinInput>,
  ctx: ActionContext,
): Promise<BulletinView> {
  const { db } = ctx.deps;
  const p = input.period;
  if ((p.kind === 'quarter' && p.index > 4) || p.index < 1)
    throw invalid('季度须为 1–4', { 'period.index': '季度须为 1–4' });
  const now = ctx.deps.now();
  const months = periodMonths(p);
  if (months[0] > chinaDate(now).slice(0, 7)) throw invalid('不能为尚未开始的时段生成通报', { period: '时段尚未开始' });
  const _ = db.command;
  const [dir, snap, alerts] = await Promise.all([
    loadDirectory(db),
    readLive(db, (c) =>
      Promise.all([allUnitStats(db, c), readAll<MonthlyDoc>(db, c.monthly, { month: _.in(months) })]),
    ),
    openProblemAlerts(db),
  ]);
  await refuseUncomputed(db, snap.meta, months, now);
  const [unitStats, monthly] = snap.value;
  const statsOf = new Map<string, MessageStats>();
  const postsOf = new Map<string, number>();
  for (const d of monthly) {
    statsOf.set(d.unitId, addStats(statsOf.get(d.unitId) ?? emptyMessageStats(), d.stats));
    postsOf.set(d.unitId, (postsOf.get(d.unitId) ?? 0) + d.posts);
  }
  const rows = unitStats.map((u) => unitRow(u, statsOf.get(u.unitId) ?? emptyMessageStats()));
  const rowOf = new Map(rows.map((r) => [r.unitId, r]));
  const byUnit = new Map<string, AlertDoc[]>();
  for (const a of alerts) byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a]);
  const problems: UnitProblems[] = [...byUnit.entries()]
    .map(([unitId, list]) => {
      const row = rowOf.get(unitId);
      return {
        unitId,
        unitName: row?.unitName ?? dir.unitName(unitId),
        score: row?.score ?? 0,
        red: list.some((a) => a.level === 'red'),
        items: PROBLEM_KINDS.map((kind) => {
          const mine = list.filter((a) => PROBLEM_OF[a.ruleKey] === kind).sort((a, b) => a.since - b.since);
          return { kind, count: mine.length, cases: mine.map((a) => ({ id: a.subject.id, text: a.text })) };
        }).filter((i) => i.count > 0),
        remark: '',
      };
    })
    .sort((a, b) => Number(b.red) - Number(a.red) || a.score - b.score || a.unitName.localeCompare(b.unitName, 'zh'));
  const county = {
    units: rows.filter((r) => r.ranked).length,
    accounts: rows.reduce((s, r) => s + r.accounts, 0),
    posts: [...postsOf.values()].reduce((s, n) => s + n, 0),
    messages: [...statsOf.values()].reduce((s, m) => addStats(s, m), emptyMessageStats()),
  };
  const deadline = chinaDate(now + 10 * 86400_000);
  const staff = ctx.caller.staff!;
  const id = ctx.deps.newId();
  return inTransaction(ctx, async (t) => {
    const seqKey = `bulletinSeq-${p.year}`;
    const seq = ((await getDoc<{ seq: number }>(t, OV_META, seqKey))?.seq ?? 0) + 1;
    await t.collection(OV_META).doc(seqKey).set({ data: { seq } });
    const content = composeBulletin({
      period: p,
      seq,
      county,
      problems,
      honour: ranking(rows).honour.map((r) => ({ unitName: r.unitName, score: r.score })),
      deadline,
    });
    const doc: Omit<BulletinDoc, '_id'> = {
      rev: 1,
      period: p,
      periodKey: periodKey(p),
      status: 'draft',
      content,
      units: problems.map((u) => ({
        unitId: u.unitId,
        unitName: u.unitName,
        acknowledgedAt: null,
        acknowledgedBy: null,
        acknowledgedByName: null,
        correction: null,
      })),
      unitIds: problems.map((u) => u.unitId),
      createdBy: staff._id,
      createdByName: staff.name,
      createdAt: now,
      updatedAt: now,
      issuedAt: null,
    };
    await t
      .collection(BULLETINS)
      .doc(id)
      .set({ data: doc as unknown as Record<string, unknown> });
    await traceChange(t, ctx, {
      target: { type: 'bulletin', id },
      unitId: staff.roles[0]?.unitId ?? null,
      details: { period: periodLabel(p), named: doc.unitIds.length },
    });
    return toBulletinView({ ...doc, _id: id }, ctx);
  });
}

export async function updateBulletin(
  input: z.output<typeof updateBulletinInput>,
  ctx: ActionContext,
): Promise<BulletinView> {
  if (!isValidDate(input.deadline)) throw invalid('整改期限不是有效日期', { deadline: '请选择有效日期' });
  const now = ctx.deps.now();
  if (chinaDayEnd(input.deadline) < now) throw invalid('整改期限不能早于今天', { deadline: '整改期限不能早于今天' });
  return inTransaction(ctx, async (t) => {
    const b = await getDoc<BulletinDoc>(t, BULLETINS, input.id);
    if (!b) throw notFound('没有找到该通报');
    if (b.status !== 'draft') throw invalidTransition('通报已印发，不能再修改', { status: b.status });
    if (b.rev !== input.rev) throw conflict('通报已被他人修改，请刷新后再改', { rev: b.rev });
    const unknown = Object.keys(input.remarks).filter((u) => !b.unitIds.includes(u));
    if (unknown.length) throw invalid('只能为被通报的单位填写说明', { remarks: '只能为被通报的单位填写说明' });
    const content = {
      ...b.content,
      title: input.title,
      docNo: input.docNo,
      overviewText: input.overviewText,
      requirementsText: input.requirementsText,
      deadline: input.deadline,
      problems: b.content.problems.map((p) => ({ ...p, remark: input.remarks[p.unitId] ?? p.remark })),
    };
    const next: BulletinDoc = { ...b, rev: b.rev + 1, content, updatedAt: now };
    await t
      .collection(BULLETINS)
      .doc(b._id)
      .update({ data: { rev: next.rev, content, updatedAt: now } });
    await traceChange(t, ctx, { target: { type: 'bulletin', id: b._id }, details: { rev: next.rev } });
    return toBulletinView(next, ctx);
  });
}

export async function issueBulletin(
  input: z.output<typeof issueBulletinInput>,
  ctx: ActionContext,
): Promise<BulletinView> {
  const { db } = ctx.deps;
  const dir = await loadDirectory(db);
  const now = ctx.deps.now();
  return inTransaction(ctx, async (t) => {
    const b = await getDoc<BulletinDoc>(t, BULLETINS, input.id);
    if (!b) throw notFound('没有找到该通报');
    if (b.status !== 'draft') throw invalidTransition('通报已印发', { status: b.status });
    if (b.rev !== input.rev) throw conflict('通报已被他人修改，请刷新后再印发', { rev: b.rev });
    if (chinaDayEnd(b.content.deadline) < now)
      throw invalid('整改期限已过，请先修改期限', { deadline: '整改期限已过' });
    await t
      .collection(BULLETINS)
      .doc(b._id)
      .update({ data: { status: 'issued', issuedAt: now, rev: b.rev + 1, updatedAt: now } });
    for (const u of b.units) {
      const people = [...dir.holders('leader', u.unitId), ...dir.holders('unitAdmin', u.unitId)];
      for (const p of people.filter((x, i) => people.findIndex((y) => y.staffId === x.staffId) === i))
        await notify(t, ctx, {
          to: { staffId: p.staffId },
          kind: 'bulletin.issued',
          title: `【通报】${b.content.title}`,
          body: `本单位被通报，请签收并于 ${b.content.deadline} 前报送整改情况。`,
          page: `/oversight/bulletin/index?id=${b._id}&unitId=${u.unitId}`,
          urgent: true,
        });
    }
    await traceChange(t, ctx, { target: { type: 'bulletin', id: b._id }, details: { named: b.unitIds } });
    return toBulletinView({ ...b, status: 'issued', issuedAt: now, rev: b.rev + 1, updatedAt: now }, ctx);
  });
}

export function listBulletins(
  db: Database,
  input: z.output<typeof listBulletinsInput>,
): Promise<Page<BulletinListItem>> {
  return pageNewestFirst<BulletinDoc, BulletinListItem>(db, BULLETINS, {}, input.pageSize, input.cursor, listItem);
}

/** Issued bulletins naming the unit, with the unit's own acknowledgement status. */
export async function unitBulletins(db: Database, unitId: string, ctx: ActionContext): Promise<BulletinView[]> {
  const res = await db
    .collection(BULLETINS)
    .where({ unitIds: unitId, status: 'issued' })
    .orderBy('createdAt', 'desc')
    .limit(50)
    .get();
  return (res.data as BulletinDoc[]).map((b) => toBulletinView(b, ctx, unitId));
}

async function unitStep(
  input: { id: string; unitId: string },
  ctx: ActionContext,
  step: (b: BulletinDoc, u: BulletinDoc['units'][number]) => Partial<BulletinDoc['units'][number]>,
  notice: (b: BulletinDoc, unitName: string) => { title: string; body: string },
): Promise<BulletinView> {
  const { db } = ctx.deps;
  const dir = await loadDirectory(db);
  const now = ctx.deps.now();
  return inTransaction(ctx, async (t) => {
    const b = await getDoc<BulletinDoc>(t, BULLETINS, input.id);
    if (!b || b.status !== 'issued' || !b.unitIds.includes(input.unitId)) throw notFound('没有找到该通报');
    const units = b.units.map((u) => (u.unitId === input.unitId ? { ...u, ...step(b, u) } : u));
    await t
      .collection(BULLETINS)
      .doc(b._id)
      .update({ data: { units, rev: b.rev + 1, updatedAt: now } });
    const unit = b.units.find((u) => u.unitId === input.unitId)!;
    const n = notice(b, unit.unitName);
    for (const p of dir.holders('supervisor'))
      await notify(t, ctx, {
        to: { staffId: p.staffId },
        kind: 'bulletin.unitStep',
        ...n,
        page: `/oversight/bulletin/index?id=${b._id}`,
      });
    await traceChange(t, ctx, { target: { type: 'bulletin', id: b._id }, unitId: input.unitId });
    return toBulletinView({ ...b, units, rev: b.rev + 1, updatedAt: now }, ctx, input.unitId);
  });
}

export function acknowledgeBulletin(input: z.output<typeof acknowledgeInput>, ctx: ActionContext) {
  const staff = ctx.caller.staff!;
  return unitStep(
    input,
    ctx,
    (_b, u) => {
      if (u.acknowledgedAt !== null)
        throw invalidTransition('本单位已签收该通报', { acknowledgedAt: u.acknowledgedAt });
      return { acknowledgedAt: ctx.deps.now(), acknowledgedBy: staff._id, acknowledgedByName: staff.name };
    },
    (b, unitName) => ({
      title: `${unitName}已签收通报`,
      body: `${unitName}（${staff.name}）已签收《${b.content.title}》。`,
    }),
  );
}

export function reportCorrection(input: z.output<typeof correctionInput>, ctx: ActionContext) {
  const staff = ctx.caller.staff!;
  return unitStep(
    input,
    ctx,
    (_b, u) => {
      if (u.acknowledgedAt === null) throw invalidTransition('请先签收通报，再报送整改情况', { acknowledgedAt: null });
      if (u.correction !== null) throw invalidTransition('本单位已报送整改情况', { correctedAt: u.correction.at });
      return { correction: { text: input.text, at: ctx.deps.now(), by: staff._id, byName: staff.name } };
    },
    (b, unitName) => ({
      title: `${unitName}报送了整改情况`,
      body: `《${b.content.title}》：${input.text.slice(0, 60)}`,
    }),
  );
}
