import { LegalHoliday, LunarDay, SolarDay, SolarTerm } from 'tyme4ts';
import { CHINA_OFFSET_MS } from '../core/china-time';

// The working-day calendar behind every message deadline (pure; server-side only, the client
// receives computed due times). Statutory holidays and make-up working days (调休上班) come from
// tyme4ts, which ships the State Council's yearly schedule. For a year the package does not
// cover yet, the statutory holidays of 《全国年节及纪念日放假办法》 (2024 revision) are derived
// from the lunar calendar, without make-up days (those are only known once announced). The
// information center's override table wins over both, so a newly announced schedule can be
// entered the day it is published.

export type DayKind = 'work' | 'off';

/** One row of the override table: `2027-01-01` is a day off, `2027-02-20` a make-up working day. */
export interface CalendarOverride {
  date: string; // YYYY-MM-DD, China date
  kind: DayKind;
  note: string;
}

export interface DayInfo {
  date: string;
  kind: DayKind;
  /** Why: 周末, 国庆节, 国庆节调休上班, the override's note, or 工作日. */
  reason: string;
  source: 'override' | 'official' | 'statutory' | 'weekday';
}

export type Span = { workingDays: number } | { hours: number };

export interface WorkCalendar {
  day(date: string): DayInfo;
  isWorkingDay(date: string): boolean;
  /** End (23:59:59.999 China time) of the n-th working day after the China date of `fromMs`. */
  addWorkingDays(fromMs: number, n: number): number;
  /** A deadline `span` after `fromMs`: working days as above, hours as wall-clock time. */
  deadline(fromMs: number, span: Span): number;
  /** Whether the package carries the official schedule for `year` (else statutory days only). */
  hasOfficialSchedule(year: number): boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

export function dateKey(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The China date (YYYY-MM-DD) of an instant. */
export function chinaDate(ms: number): string {
  const d = new Date(ms + CHINA_OFFSET_MS);
  return dateKey(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** 23:59:59.999 China time on `date`. */
export function chinaDayEnd(date: string): number {
  const [y, m, d] = parseDate(date);
  return Date.UTC(y, m - 1, d + 1) - CHINA_OFFSET_MS - 1;
}

/** 00:00 China time on `date`. */
export function chinaDayStart(date: string): number {
  const [y, m, d] = parseDate(date);
  return Date.UTC(y, m - 1, d) - CHINA_OFFSET_MS;
}

export function nextDate(date: string, n = 1): string {
  const [y, m, d] = parseDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return dateKey(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function parseDate(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function isValidDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && y >= 2000 && y <= 2100;
}

const officialYears = new Map<number, boolean>();

/** tyme4ts lists 元旦 (1 January, fixed by law) for every year whose schedule it carries. */
function hasOfficial(year: number): boolean {
  let known = officialYears.get(year);
  if (known === undefined) {
    known = LegalHoliday.fromYmd(year, 1, 1) !== null;
    officialYears.set(year, known);
  }
  return known;
}

const statutoryYears = new Map<number, Map<string, string>>();

const solarKey = (s: SolarDay) => dateKey(s.getYear(), s.getMonth(), s.getDay());

/** Statutory days off of 《全国年节及纪念日放假办法》 (2024): 13 days, before any 调休. */
function statutoryDays(year: number): Map<string, string> {
  let days = statutoryYears.get(year);
  if (days) return days;
  days = new Map<string, string>();
  days.set(dateKey(year, 1, 1), '元旦');
  const springFestival = LunarDay.fromYmd(year, 1, 1).getSolarDay();
  for (let i = -1; i <= 2; i++) days.set(solarKey(springFestival.next(i)), '春节');
  days.set(solarKey(SolarTerm.fromName(year, '清明').getSolarDay()), '清明节');
  days.set(dateKey(year, 5, 1), '劳动节');
  days.set(dateKey(year, 5, 2), '劳动节');
  days.set(solarKey(LunarDay.fromYmd(year, 5, 5).getSolarDay()), '端午节');
  days.set(solarKey(LunarDay.fromYmd(year, 8, 15).getSolarDay()), '中秋节');
  for (const d of [1, 2, 3]) days.set(dateKey(year, 10, d), '国庆节');
  statutoryYears.set(year, days);
  return days;
}

export function createWorkCalendar(overrides: readonly CalendarOverride[] = []): WorkCalendar {
  const byDate = new Map(overrides.map((o) => [o.date, o]));
  const cache = new Map<string, DayInfo>();

  function compute(date: string): DayInfo {
    const o = byDate.get(date);
    if (o)
      return { date, kind: o.kind, reason: o.note || (o.kind === 'off' ? '放假' : '调休上班'), source: 'override' };
    const [y, m, d] = parseDate(date);
    if (hasOfficial(y)) {
      const h = LegalHoliday.fromYmd(y, m, d);
      if (h) {
        const work = h.isWork();
        return {
          date,
          kind: work ? 'work' : 'off',
          reason: work ? `${h.getName()}调休上班` : h.getName(),
          source: 'official',
        };
      }
    } else {
      const name = statutoryDays(y).get(date);
      if (name) return { date, kind: 'off', reason: `${name}（法定节假日）`, source: 'statutory' };
    }
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    if (weekday === 0 || weekday === 6) return { date, kind: 'off', reason: '周末', source: 'weekday' };
    return { date, kind: 'work', reason: '工作日', source: 'weekday' };
  }

  function day(date: string): DayInfo {
    let info = cache.get(date);
    if (!info) {
      info = compute(date);
      cache.set(date, info);
    }
    return info;
  }

  function addWorkingDays(fromMs: number, n: number): number {
    if (!Number.isInteger(n) || n < 0) throw new Error(`working days must be a whole number ≥ 0, not ${n}`);
    let date = chinaDate(fromMs);
    if (n === 0) return chinaDayEnd(date);
    let left = n;
    // A year has at most ~40 days off in a row; 400 steps is a generous safety bound.
    for (let guard = 0; guard < 400 + n * 3; guard++) {
      date = nextDate(date);
      if (day(date).kind === 'work' && --left === 0) return chinaDayEnd(date);
    }
    throw new Error('working-day search did not terminate');
  }

  return {
    day,
    isWorkingDay: (date) => day(date).kind === 'work',
    addWorkingDays,
    deadline: (fromMs, span) =>
      'hours' in span ? fromMs + span.hours * 3600_000 : addWorkingDays(fromMs, span.workingDays),
    hasOfficialSchedule: hasOfficial,
  };
}
