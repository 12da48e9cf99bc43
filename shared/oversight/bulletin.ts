import { CHINA_OFFSET_MS, chinaParts } from '../core/china-time';
import type { MessageStats } from './metrics';
import { rates } from './metrics';

// Bulletins (通报, notice §三 “定期通报有关情况”, 第二十六条): the supervision office's periodic
// circular for a month or a quarter, in the usual layout — 总体情况, 存在问题 (units and cases
// named), 工作要求 (with a deadline). Composed here from the numbers; edited by the office;
// exported to Word and PDF by the server; acknowledged and answered by every unit it names.

export const PERIOD_KINDS = ['month', 'quarter'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  year: number;
  /** Month 1–12 or quarter 1–4. */
  index: number;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];

export function periodLabel(p: Period): string {
  return p.kind === 'month' ? `${p.year}年${p.index}月` : `${p.year}年第${QUARTER_NAMES[p.index - 1]}季度`;
}

export function periodKey(p: Period): string {
  return p.kind === 'month' ? `${p.year}-${String(p.index).padStart(2, '0')}` : `${p.year}-Q${p.index}`;
}

/** The months (`2026-10`) a period covers. */
export function periodMonths(p: Period): string[] {
  const first = p.kind === 'month' ? p.index : (p.index - 1) * 3 + 1;
  const n = p.kind === 'month' ? 1 : 3;
  return Array.from({ length: n }, (_, i) => `${p.year}-${String(first + i).padStart(2, '0')}`);
}

/** [start, end) of a period in ms, China time. */
export function periodRange(p: Period): { start: number; end: number } {
  const first = p.kind === 'month' ? p.index : (p.index - 1) * 3 + 1;
  const n = p.kind === 'month' ? 1 : 3;
  return {
    start: Date.UTC(p.year, first - 1, 1) - CHINA_OFFSET_MS,
    end: Date.UTC(p.year, first - 1 + n, 1) - CHINA_OFFSET_MS,
  };
}

/** The month containing `now`. */
export function currentMonth(now: number): Period {
  const c = chinaParts(now);
  return { kind: 'month', year: c.year, index: c.month };
}

export const PROBLEM_KINDS = ['noUpdate', 'filing', 'messageOverdue', 'messageLong', 'emergency'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];
export const PROBLEM_LABELS: Record<ProblemKind, string> = {
  noUpdate: '账号长期未更新',
  filing: '未按时备案',
  messageOverdue: '留言超期未办',
  messageLong: '留言超过 3 个月未回复',
  emergency: '突发事件未及时发声',
};

export interface ProblemCase {
  /** Account id, message id or event id: the drill-down target. */
  id: string;
  /** What the bulletin prints: `「盐池教育」已连续 15 天未更新`. */
  text: string;
}

export interface UnitProblems {
  unitId: string;
  unitName: string;
  score: number;
  red: boolean;
  items: Array<{ kind: ProblemKind; count: number; cases: ProblemCase[] }>;
  /** The office's own words about this unit (edited). */
  remark: string;
}

export interface OverviewTable {
  units: number;
  accounts: number;
  posts: number;
  messages: number;
  acceptOnTimeRate: number | null;
  answerOnTimeRate: number | null;
  satisfactionRate: number | null;
  redUnits: number;
}

export interface BulletinContent {
  title: string;
  docNo: string;
  periodLabel: string;
  overviewText: string;
  overview: OverviewTable;
  problems: UnitProblems[];
  requirementsText: string;
  /** The China date (YYYY-MM-DD) by which named units report their correction. */
  deadline: string;
  honour: Array<{ unitName: string; score: number }>;
}

export interface ComposeInput {
  period: Period;
  seq: number;
  county: { units: number; accounts: number; posts: number; messages: MessageStats };
  problems: UnitProblems[];
  honour: Array<{ unitName: string; score: number }>;
  deadline: string;
}

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

/** The draft a supervisor starts from: every section filled from the numbers. */
export function composeBulletin(input: ComposeInput): BulletinContent {
  const label = periodLabel(input.period);
  const r = rates(input.county.messages);
  const red = input.problems.filter((p) => p.red).length;
  const overview: OverviewTable = {
    units: input.county.units,
    accounts: input.county.accounts,
    posts: input.county.posts,
    messages: input.county.messages.received,
    acceptOnTimeRate: r.acceptOnTimeRate,
    answerOnTimeRate: r.answerOnTimeRate,
    satisfactionRate: r.satisfactionRate,
    redUnits: red,
  };
  const overviewText =
    `${label}，全县 ${overview.units} 个单位共运行政务新媒体账号 ${overview.accounts} 个，发布信息 ${overview.posts} 条，` +
    `收到群众留言 ${overview.messages} 件，按时受理率 ${pct(overview.acceptOnTimeRate)}，按时答复率 ${pct(overview.answerOnTimeRate)}，` +
    `群众满意率 ${pct(overview.satisfactionRate)}。` +
    (input.problems.length
      ? `经督查，${input.problems.length} 个单位存在问题，其中 ${red} 个单位被红色标记。`
      : '经督查，未发现需要通报的问题。');
  const names = input.problems.map((p) => p.unitName).join('、');
  const requirementsText = input.problems.length
    ? `一、${names}要对照本通报逐项整改，于 ${input.deadline} 前在小程序中签收本通报并报送整改情况。\n` +
      '二、各单位主要负责人要亲自过问，分管负责人直接负责，明确专人每日更新、及时受理答复群众留言，确保“事事有回应，件件有落实”。\n' +
      '三、县政府督查室将对整改情况进行复查，对整改不到位的单位予以再次通报。'
    : '各单位要继续保持政务新媒体正常运行，及时发布信息、回应群众关切。';
  return {
    title: `关于${label}全县政务新媒体运行情况的通报`,
    docNo: `盐政督通〔${input.period.year}〕${input.seq}号`,
    periodLabel: label,
    overviewText,
    overview,
    problems: input.problems,
    requirementsText,
    deadline: input.deadline,
    honour: input.honour,
  };
}
