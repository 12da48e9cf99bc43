import { CHINA_OFFSET_MS, chinaParts } from '../core/china-time';

// The filing deadline (notice §一): the 备案表 reaches the county information center within one
// week of opening; a change of the three responsible people or of the name is re-filed within
// one week of the change (RULES.md default). Days are China calendar days: an account opened on
// 11-27 is due by the end of 12-04 and is 1 day overdue on 12-05.

export const FILING_DAYS = 7;
export const REFILING_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;

/** Midnight (China time) starting the China day that contains `ms`. */
export function chinaDayStart(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
}

/** `2026-11-27` (China date) → that day's midnight in ms; null if not a real date. */
export function parseChinaDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return utc - CHINA_OFFSET_MS;
}

/** `2026-11-27` for the China day containing `ms`. */
export function formatChinaDate(ms: number): string {
  const p = chinaParts(ms);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The last moment (inclusive, ms) to file for something that happened at `fromMs`. */
export function dueAfter(fromMs: number, days: number): number {
  return chinaDayStart(fromMs) + (days + 1) * DAY_MS - 1;
}

/** Whole China days past the due moment (0 while not overdue). */
export function daysOverdue(dueAt: number, now: number): number {
  if (now <= dueAt) return 0;
  return Math.round((chinaDayStart(now) - chinaDayStart(dueAt)) / DAY_MS);
}

/** Whole China days left until the due day (0 on the due day itself). */
export function daysLeft(dueAt: number, now: number): number {
  return Math.max(0, Math.round((chinaDayStart(dueAt) - chinaDayStart(now)) / DAY_MS));
}

export interface FilingFlag {
  kind: 'filing' | 'refiling';
  dueAt: number;
  daysOverdue: number;
  daysLeft: number;
  /** e.g. `备案已逾期 3 天` or `备案还剩 2 天（12-04 前）`. */
  text: string;
}

/** The flag shown wherever the account appears while a filing or re-filing is outstanding. */
export function filingFlag(kind: 'filing' | 'refiling', dueAt: number | null, now: number): FilingFlag | null {
  if (dueAt === null) return null;
  const over = daysOverdue(dueAt, now);
  const left = daysLeft(dueAt, now);
  const what = kind === 'filing' ? '备案' : '变更备案';
  const text =
    over > 0 ? `${what}已逾期 ${over} 天` : `${what}还剩 ${left} 天（${formatChinaDate(dueAt).slice(5)} 前）`;
  return { kind, dueAt, daysOverdue: over, daysLeft: left, text };
}

/** The part of a stored account record the flag reads (posts and oversight may pass raw records). */
export interface FlaggableAccount {
  status: string;
  filing?: { dueAt: number | null } | null;
  refiling?: { state: string; dueAt: number } | null;
}

/** The outstanding filing (while opened) or re-filing (active, not yet submitted) flag, or null. */
export function accountFilingFlag(a: FlaggableAccount, now: number): FilingFlag | null {
  if (a.status === 'opened') return filingFlag('filing', a.filing?.dueAt ?? null, now);
  if (a.status === 'active' && a.refiling && a.refiling.state !== 'submitted')
    return filingFlag('refiling', a.refiling.dueAt, now);
  return null;
}
