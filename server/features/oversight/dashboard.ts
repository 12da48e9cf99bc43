import type { z } from 'zod';
import { messageDeadlines } from '@shared/oversight/engine';
import { RULE_DEFS } from '@shared/oversight/rules';
import {
  addStats,
  emptyAlertCounts,
  emptyMessageStats,
  overdueStep,
  rates,
  ranking,
  unitScore,
  type MessageStats,
} from '@shared/oversight/metrics';
import { chinaMonthKey, recentMonths } from '@shared/oversight/time';
import type { casesInput, trendsInput } from '@shared/oversight/schemas';
import type {
  CaseItem,
  CountySummaryView,
  DashboardView,
  Page,
  TrendPoint,
  UnitDetailView,
  UnitRowView,
} from '@shared/oversight/views';
import { formatChinaDateTime } from '@shared/core/china-time';
import type { ActionContext } from '@server/runtime/action';
import type { Database } from '@server/runtime/database';
import { invalid, notFound } from '@server/runtime/errors';
import { getDoc } from '@server/runtime/trace';
import { pageNewestFirst } from '@server/runtime/paging';
import { ALERTS, type AlertDoc, type MonthlyDoc, type SetCollections, type UnitStatsDoc } from './model';
import { readLive } from './snapshot-set';
import { notComputedView } from './coverage';
import { toAlertView } from './alerts';
import { activeEventViews, summarize } from './emergency';
import { readOpenMessages, toMessageFacts } from './sources/messages';
import { currentRules } from './rules-store';
import { workCalendar } from './sweep';
import { findActiveUnit } from '@server/features/identity/units';

// The supervision dashboard: reads the refresh's snapshot (a few hundred small documents, all
// from the live set: snapshot-set.ts) and adds the scores and the 红黑榜; drill-downs read the
// live cases behind a number.

export async function allUnitStats(db: Database, c: SetCollections): Promise<UnitStatsDoc[]> {
  const out: UnitStatsDoc[] = [];
  for (;;) {
    const res = await db
      .collection(c.unitStats)
      .orderBy('order', 'asc')
      .field({ accountRows: false })
      .skip(out.length)
      .limit(1000)
      .get();
    out.push(...(res.data as UnitStatsDoc[]));
    if (res.data.length < 1000) return out;
  }
}

async function monthlyFor(db: Database, c: SetCollections, month: string): Promise<Map<string, MonthlyDoc>> {
  const res = await db.collection(c.monthly).where({ month }).limit(1000).get();
  return new Map((res.data as MonthlyDoc[]).map((d) => [d.unitId, d]));
}

export function unitRow(u: UnitStatsDoc, m: MessageStats): UnitRowView {
  const r = rates(m);
  const s = unitScore({
    messages: { ...m, overdueNow: u.overdueNow },
    alerts: u.alerts,
    filingsOverdue: u.filingsOverdue,
    accounts: u.accounts,
  });
  return {
    unitId: u.unitId,
    unitName: u.unitName,
    accounts: u.accounts,
    posts14: u.posts14,
    posts30: u.posts30,
    lastPostAt: u.lastPostAt,
    received: m.received,
    ...r,
    overdueNow: u.overdueNow,
    longUnanswered: u.longUnanswered,
    filingsOverdue: u.filingsOverdue,
    alerts: u.alerts,
    score: s.score,
    red: s.red,
    pass: s.pass,
    ranked: u.accounts > 0 || m.received > 0,
  };
}

function countySummary(rows: UnitRowView[], stats: MessageStats): CountySummaryView {
  const alerts = emptyAlertCounts();
  for (const r of rows) for (const k of ['remind', 'warn', 'red'] as const) alerts[k] += r.alerts[k];
  const r = rates(stats);
  return {
    units: rows.filter((x) => x.ranked).length,
    accounts: rows.reduce((s, x) => s + x.accounts, 0),
    posts14: rows.reduce((s, x) => s + x.posts14, 0),
    posts30: rows.reduce((s, x) => s + x.posts30, 0),
    received: stats.received,
    ...r,
    overdueNow: rows.reduce((s, x) => s + x.overdueNow, 0),
    filingsOverdue: rows.reduce((s, x) => s + x.filingsOverdue, 0),
    alerts,
    redUnits: rows.filter((x) => x.red).length,
  };
}

export async function dashboard(db: Database, month: string | undefined, ctx: ActionContext): Promise<DashboardView> {
  const m = month ?? chinaMonthKey(ctx.deps.now());
  const [snap, events] = await Promise.all([
    readLive(db, (c) => Promise.all([allUnitStats(db, c), monthlyFor(db, c, m)])),
    activeEventViews(db, ctx),
  ]);
  const computedAt = snap.meta?.computedAt ?? null;
  const notComputed = await notComputedView(db, snap.meta, [m], ctx.deps.now());
  const [units, monthly] = snap.value;
  let total = emptyMessageStats();
  const rows = units.map((u) => {
    const s = monthly.get(u.unitId)?.stats ?? emptyMessageStats();
    total = addStats(total, s);
    return unitRow(u, s);
  });
  return {
    computedAt,
    notComputed,
    month: m,
    county: countySummary(rows, total),
    units: rows,
    ranking: ranking(rows),
    emergencies: events.map(summarize),
  };
}

async function trendPoints(db: Database, c: SetCollections, months: string[], unitId?: string): Promise<TrendPoint[]> {
  const _ = db.command;
  const docs: MonthlyDoc[] = [];
  for (;;) {
    const res = await db
      .collection(c.monthly)
      .where(unitId ? { unitId, month: _.in(months) } : { month: _.in(months) })
      .orderBy('_id', 'asc')
      .skip(docs.length)
      .limit(1000)
      .get();
    docs.push(...(res.data as MonthlyDoc[]));
    if (res.data.length < 1000) break;
  }
  return months.map((month) => {
    const mine = docs.filter((d) => d.month === month);
    const stats = mine.reduce((s, d) => addStats(s, d.stats), emptyMessageStats());
    const r = rates(stats);
    return {
      month,
      posts: mine.reduce((s, d) => s + d.posts, 0),
      received: stats.received,
      answerOnTimeRate: r.answerOnTimeRate,
      satisfactionRate: r.satisfactionRate,
      overdue: stats.answerJudged - stats.answeredOnTime,
    };
  });
}

export async function trends(db: Database, input: z.output<typeof trendsInput>, now: number): Promise<TrendPoint[]> {
  return (await readLive(db, (c) => trendPoints(db, c, recentMonths(now, input.months), input.unitId))).value;
}

export async function unitDetail(
  db: Database,
  unitId: string,
  month: string | undefined,
  now: number,
): Promise<UnitDetailView> {
  const unit = await findActiveUnit(db, unitId);
  if (!unit) throw notFound('单位不存在或已撤销');
  const m = month ?? chinaMonthKey(now);
  const [snap, alerts] = await Promise.all([
    readLive(db, (c) =>
      Promise.all([
        getDoc<UnitStatsDoc>(db, c.unitStats, unitId),
        getDoc<MonthlyDoc>(db, c.monthly, `${unitId}_${m}`),
        trendPoints(db, c, recentMonths(now, 6), unitId),
      ]),
    ),
    db.collection(ALERTS).where({ unitId, state: 'open' }).orderBy('createdAt', 'desc').limit(50).get(),
  ]);
  const computedAt = snap.meta?.computedAt ?? null;
  const notComputed = await notComputedView(db, snap.meta, [m], now);
  const [stats, monthly, trend] = snap.value;
  const base: UnitStatsDoc = stats ?? {
    _id: unitId,
    unitId,
    unitName: unit.name,
    order: unit.order,
    accounts: 0,
    posts14: 0,
    posts30: 0,
    lastPostAt: null,
    overdueNow: 0,
    longUnanswered: 0,
    filingsOverdue: 0,
    alerts: emptyAlertCounts(),
    accountRows: [],
    computedAt: 0,
  };
  const levelRank = { red: 0, warn: 1, remind: 2 } as const;
  return {
    computedAt,
    notComputed,
    month: m,
    unit: unitRow(base, monthly?.stats ?? emptyMessageStats()),
    accounts: [...base.accountRows].sort(
      (a, b) =>
        (a.level ? levelRank[a.level] : 3) - (b.level ? levelRank[b.level] : 3) ||
        (b.daysSilent ?? 0) - (a.daysSilent ?? 0),
    ),
    alerts: (alerts.data as AlertDoc[])
      .map(toAlertView)
      .sort((a, b) => levelRank[a.level] - levelRank[b.level] || a.since - b.since),
    trends: trend,
  };
}

const OFFSET = /^\d{1,6}$/;

/** The cases behind a number, newest or most urgent first. */
export async function cases(db: Database, input: z.output<typeof casesInput>, now: number): Promise<Page<CaseItem>> {
  if (input.kind === 'alerts' || input.kind === 'redAlerts') {
    const filter = { unitId: input.unitId, state: 'open', ...(input.kind === 'redAlerts' ? { level: 'red' } : {}) };
    return pageNewestFirst<AlertDoc, CaseItem>(db, ALERTS, filter, input.pageSize, input.cursor, (a) => ({
      id: a._id,
      kind: 'alert',
      title: a.ruleLabel,
      detail: a.text,
      level: a.level,
      at: a.since,
      source: `${a.source.doc}：${a.source.clause}`,
    }));
  }
  if (input.cursor && !OFFSET.test(input.cursor)) throw invalid('翻页参数无效，请刷新列表', { cursor: '翻页参数无效' });
  const offset = input.cursor ? Number(input.cursor) : 0;
  const rules = (await currentRules(db)).effective;
  const calendar = await workCalendar(db);
  const ctx = { now, rules, calendar };
  const docs = await readOpenMessages(db, input.unitId);
  const rows: CaseItem[] = [];
  for (const doc of docs) {
    const m = toMessageFacts(doc, () => '');
    const d = messageDeadlines(m, ctx);
    if (input.kind === 'overdueMessages') {
      const step = overdueStep(m, ctx);
      if (!step) continue;
      const due = step === 'accept' ? d.accept! : d.answer!;
      rows.push({
        id: m.id,
        kind: 'message',
        title: `${m.trackingNo}「${m.title}」`,
        detail: `超过 ${due.rule.text}未${step === 'accept' ? '受理' : '答复'}，应于 ${formatChinaDateTime(due.due)} 前${step === 'accept' ? '受理' : '答复'}`,
        level: due.rule.level,
        at: due.due,
        source: `${due.rule.source.doc}：${due.rule.source.clause}`,
      });
    } else if (d.unanswered && m.answeredAt === null && now > d.unanswered.due) {
      rows.push({
        id: m.id,
        kind: 'message',
        title: `${m.trackingNo}「${m.title}」`,
        detail: `${formatChinaDateTime(m.receivedAt)} 收到，超过 ${d.unanswered.rule.text}未回复`,
        level: 'red',
        at: d.unanswered.due,
        source: `${RULE_DEFS['message.unanswered'].source.doc}：${RULE_DEFS['message.unanswered'].source.clause}`,
      });
    }
  }
  rows.sort((a, b) => a.at - b.at);
  const items = rows.slice(offset, offset + input.pageSize);
  return { items, nextCursor: offset + input.pageSize < rows.length ? String(offset + input.pageSize) : null };
}
