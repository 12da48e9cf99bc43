import { CHINA_OFFSET_MS, chinaParts } from '../core/china-time';
import type { EffectiveRule } from './rules';

// Deadline arithmetic for the rules: calendar days and hours are wall-clock spans, months are
// China calendar months (the 31st clamps to the month's last day), working days go through the
// working-day calendar the caller passes in (shared/messages/calendar.ts on the server).

export const HOUR_MS = 3600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Anything that can add working days (the server passes the statutory-holiday calendar). */
export interface WorkingDays {
  addWorkingDays(fromMs: number, n: number): number;
  isWorkingDay(date: string): boolean;
}

/** `fromMs` plus `n` China calendar months, same wall-clock time. */
export function addMonthsChina(fromMs: number, n: number): number {
  const d = new Date(fromMs + CHINA_OFFSET_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDay);
  const ms = d.getTime() - Date.UTC(y, d.getUTCMonth(), d.getUTCDate());
  return Date.UTC(y, m, day) + ms - CHINA_OFFSET_MS;
}

/** The moment a rule's time limit runs out for something that started at `fromMs`. */
export function ruleDeadline(fromMs: number, rule: Pick<EffectiveRule, 'unit' | 'value'>, cal: WorkingDays): number {
  switch (rule.unit) {
    case 'hours':
      return fromMs + rule.value * HOUR_MS;
    case 'days':
      return fromMs + rule.value * DAY_MS;
    case 'months':
      return addMonthsChina(fromMs, rule.value);
    case 'workingDays':
      return cal.addWorkingDays(fromMs, rule.value);
  }
}

/** Whole days from `fromMs` to `now` (0 when `now` is earlier). */
export function wholeDays(fromMs: number, now: number): number {
  return Math.max(0, Math.floor((now - fromMs) / DAY_MS));
}

/** `2026-11` (China month) of an instant. */
export function chinaMonthKey(ms: number): string {
  const p = chinaParts(ms);
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

/** 00:00 China time on the first day of `month` (`2026-11`), plus `add` months. */
export function monthStart(month: string, add = 0): number {
  const [y, m] = month.split('-').map(Number);
  return Date.UTC(y, m - 1 + add, 1) - CHINA_OFFSET_MS;
}

/** The `count` China months ending with the month of `now`, oldest first. */
export function recentMonths(now: number, count: number): string[] {
  const current = chinaMonthKey(now);
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(chinaMonthKey(monthStart(current, -i)));
  return out;
}

/** Office hours used for "average answer time in working hours": 09:00–17:00 on working days. */
export const OFFICE_HOURS = { startHour: 9, endHour: 17 } as const;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Office hours between two instants: the part of each working day's 09:00–17:00 that lies
 * between them. An answer sent at 10:00 to a message received at 16:00 the working day
 * before took 2 working hours.
 */
export function workingHoursBetween(fromMs: number, toMs: number, cal: WorkingDays): number {
  if (toMs <= fromMs) return 0;
  let total = 0;
  // Walk China days; a case spans at most a few months, so this stays small.
  let dayStart = Math.floor((fromMs + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
  for (let guard = 0; dayStart < toMs && guard < 800; guard++, dayStart += DAY_MS) {
    const d = new Date(dayStart + CHINA_OFFSET_MS);
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    if (!cal.isWorkingDay(date)) continue;
    const open = dayStart + OFFICE_HOURS.startHour * HOUR_MS;
    const close = dayStart + OFFICE_HOURS.endHour * HOUR_MS;
    const a = Math.max(open, fromMs);
    const b = Math.min(close, toMs);
    if (b > a) total += b - a;
  }
  return total / HOUR_MS;
}
