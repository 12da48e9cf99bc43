import type { MessageCategory } from './schemas';
import type { Span } from './calendar';

// Every number of the message workflow in one place, each with where it comes from
// (RULES.md, Citizen messages), so the sweeper, the screens and the tests read the same figures.

export interface CategoryDeadlines {
  /** Accept (受理), transfer or tell the right channel within this. */
  accept: Span;
  /** Answer (答复) within this, counted from receipt. */
  answer: Span;
  /** Urgent: shown first and notified at once (求助: life or property at stake). */
  urgent: boolean;
}

const ORDINARY: CategoryDeadlines = { accept: { workingDays: 1 }, answer: { workingDays: 5 }, urgent: false };

export const MESSAGE_POLICY = {
  deadlines: {
    consult: ORDINARY,
    complaint: ORDINARY,
    suggestion: ORDINARY,
    report: ORDINARY,
    // 12345 rules: urgent requests involving life or property are handled within 2 hours.
    help: { accept: { hours: 2 }, answer: { workingDays: 5 }, urgent: true },
  } satisfies Record<MessageCategory, CategoryDeadlines>,
  /** The handler is reminded this long before a deadline ("a day before"). */
  dueSoonMs: 24 * 3600_000,
  /** An answer nobody rates is closed this many calendar days after it was given. */
  autoCloseDays: 7,
  /** 不满意 reopens the case this many times; after that a rating closes it. */
  reopenLimit: 1,
  /** An extension adds at most this many working days; one extension per message. */
  extension: { maxWorkingDays: 10, maxApproved: 1 },
  /** A 催办 deadline lies between 2 hours and 10 working days ahead. */
  urge: { minMs: 2 * 3600_000, maxWorkingDays: 10 },
  /** Abuse limits per citizen (issue 6). */
  abuse: { perHour: 5, perDay: 20, duplicateWindowMs: 24 * 3600_000 },
  photosMax: 6,
  sources: {
    accept: '12345 热线规则：1 个工作日内派单（受理）',
    answer: '省级通报：简单咨询超过 5 个工作日未答复被点名',
    urgent: '12345 热线规则：涉及生命财产安全的紧急诉求 2 小时内处置',
    counting: '《民法典》第二百零一条：期间开始的当日不计入，自下一日开始计算',
  },
} as const;

export function deadlinesFor(category: MessageCategory): CategoryDeadlines {
  return MESSAGE_POLICY.deadlines[category];
}

/** `1 个工作日` / `2 小时` — how a span reads in Chinese. */
export function spanLabel(span: Span): string {
  return 'hours' in span ? `${span.hours} 小时` : `${span.workingDays} 个工作日`;
}
