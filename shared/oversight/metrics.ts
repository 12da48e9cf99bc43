import type { MessageFacts } from './facts';
import type { AlertLevel, EffectiveRules } from './rules';
import { messageDeadlines } from './engine';
import { workingHoursBetween, type WorkingDays } from './time';

// The supervision numbers (issue 7 §2) as pure functions over facts, so the snapshot the sweep
// writes, the live drill-down and the bulletin all count the same way.

export interface MessageStats {
  received: number;
  /** Messages whose accept deadline has passed or that were accepted: the base of the on-time rate. */
  acceptJudged: number;
  acceptedOnTime: number;
  answerJudged: number;
  answeredOnTime: number;
  answered: number;
  /** Sum of office hours from receipt to answer, over `answered`. */
  answerHoursTotal: number;
  rated: number;
  /** 满意 + 基本满意. */
  satisfied: number;
  overdueNow: number;
  /** Open for longer than the 3-month rule. */
  unansweredLong: number;
}

export function emptyMessageStats(): MessageStats {
  return {
    received: 0,
    acceptJudged: 0,
    acceptedOnTime: 0,
    answerJudged: 0,
    answeredOnTime: 0,
    answered: 0,
    answerHoursTotal: 0,
    rated: 0,
    satisfied: 0,
    overdueNow: 0,
    unansweredLong: 0,
  };
}

export function addStats(a: MessageStats, b: MessageStats): MessageStats {
  const out = { ...a };
  for (const k of Object.keys(out) as Array<keyof MessageStats>) out[k] += b[k];
  return out;
}

export interface StatsContext {
  now: number;
  rules: EffectiveRules;
  calendar: WorkingDays;
}

/** Whether a message is overdue now, and against which step. */
export function overdueStep(m: MessageFacts, ctx: StatsContext): 'accept' | 'answer' | null {
  if (!m.open) return null;
  const d = messageDeadlines(m, ctx);
  if (m.awaitingAccept && d.accept && ctx.now > d.accept.due) return 'accept';
  if (m.answeredAt === null && d.answer && ctx.now > d.answer.due) return 'answer';
  return null;
}

/** Adds one message to `s` (mutates and returns it). */
export function countMessage(s: MessageStats, m: MessageFacts, ctx: StatsContext): MessageStats {
  const d = messageDeadlines(m, ctx);
  s.received += 1;
  if (d.accept) {
    if (m.acceptedAt !== null) {
      s.acceptJudged += 1;
      if (m.acceptedAt <= d.accept.due) s.acceptedOnTime += 1;
    } else if (ctx.now > d.accept.due) s.acceptJudged += 1;
  }
  if (d.answer) {
    if (m.answeredAt !== null) {
      s.answerJudged += 1;
      if (m.answeredAt <= d.answer.due) s.answeredOnTime += 1;
    } else if (ctx.now > d.answer.due) s.answerJudged += 1;
  }
  if (m.answeredAt !== null) {
    s.answered += 1;
    s.answerHoursTotal += workingHoursBetween(m.receivedAt, m.answeredAt, ctx.calendar);
  }
  if (m.rating) {
    s.rated += 1;
    if (m.rating !== 'unsatisfied') s.satisfied += 1;
  }
  if (overdueStep(m, ctx)) s.overdueNow += 1;
  if (m.open && m.answeredAt === null && d.unanswered && ctx.now > d.unanswered.due) s.unansweredLong += 1;
  return s;
}

/** A share as a whole percentage, or null when there is nothing to judge. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

export interface RateView {
  acceptOnTimeRate: number | null;
  answerOnTimeRate: number | null;
  /** Average office hours from receipt to answer. */
  avgAnswerHours: number | null;
  satisfactionRate: number | null;
}

export function rates(s: MessageStats): RateView {
  return {
    acceptOnTimeRate: percent(s.acceptedOnTime, s.acceptJudged),
    answerOnTimeRate: percent(s.answeredOnTime, s.answerJudged),
    avgAnswerHours: s.answered > 0 ? Math.round((s.answerHoursTotal / s.answered) * 10) / 10 : null,
    satisfactionRate: percent(s.satisfied, s.rated),
  };
}

/** Open alerts of a unit by level. */
export type AlertCounts = Record<AlertLevel, number>;

export function emptyAlertCounts(): AlertCounts {
  return { remind: 0, warn: 0, red: 0 };
}

export interface ScoreInput {
  messages: MessageStats;
  alerts: AlertCounts;
  filingsOverdue: number;
  accounts: number;
}

/**
 * The unit's score out of 100 for the 红黑榜 (the national check's 100 points, pass mark 60,
 * adapted to what the product sees): each open alert costs points by level, every overdue
 * filing 5, every overdue message 2 (at most 30), late answers and dissatisfaction up to 20
 * and 10. A red mark (a single-veto item) fails the unit whatever the points.
 */
export const SCORE_WEIGHTS = {
  alert: { remind: 2, warn: 5, red: 15 } satisfies Record<AlertLevel, number>,
  filingOverdue: 5,
  overdueMessage: 2,
  overdueMessageCap: 30,
  lateAnswers: 20,
  dissatisfaction: 10,
  passMark: 60,
} as const;

export function unitScore(input: ScoreInput): { score: number; red: boolean; pass: boolean } {
  const w = SCORE_WEIGHTS;
  let score = 100;
  score -= input.alerts.remind * w.alert.remind + input.alerts.warn * w.alert.warn + input.alerts.red * w.alert.red;
  score -= input.filingsOverdue * w.filingOverdue;
  score -= Math.min(w.overdueMessageCap, input.messages.overdueNow * w.overdueMessage);
  const r = rates(input.messages);
  if (r.answerOnTimeRate !== null) score -= ((100 - r.answerOnTimeRate) / 100) * w.lateAnswers;
  if (r.satisfactionRate !== null) score -= ((100 - r.satisfactionRate) / 100) * w.dissatisfaction;
  score = Math.max(0, Math.round(score * 10) / 10);
  const red = input.alerts.red > 0;
  return { score, red, pass: !red && score >= w.passMark };
}

export interface Rankable {
  unitId: string;
  unitName: string;
  score: number;
  red: boolean;
  /** Units with no account and no message are not ranked. */
  ranked: boolean;
}

/**
 * 红黑榜: the honour list is the best-scoring units without a red mark (at most `size`, score
 * ≥ 90); the warning list is every red-marked unit, then failing scores, worst first.
 */
export function ranking<T extends Rankable>(rows: readonly T[], size = 5): { honour: T[]; warning: T[] } {
  const ranked = rows.filter((r) => r.ranked);
  const byScore = (a: T, b: T) => b.score - a.score || a.unitName.localeCompare(b.unitName, 'zh');
  const honour = ranked
    .filter((r) => !r.red && r.score >= 90)
    .sort(byScore)
    .slice(0, size);
  const warning = ranked
    .filter((r) => r.red || r.score < SCORE_WEIGHTS.passMark)
    .sort((a, b) => Number(b.red) - Number(a.red) || a.score - b.score || a.unitName.localeCompare(b.unitName, 'zh'));
  return { honour, warning };
}
