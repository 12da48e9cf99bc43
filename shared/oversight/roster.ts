import { CHINA_OFFSET_MS } from '../core/china-time';

// The duty roster (值班制度, 第十八条(三)): each unit keeps one weekly roster that repeats every
// week — who is on duty on which weekday, from when to when, China time. A shift whose end is
// not after its start runs past midnight into the next day (e.g. 18:00–08:30).

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_LABELS: Record<Weekday, string> = {
  1: '周一',
  2: '周二',
  3: '周三',
  4: '周四',
  5: '周五',
  6: '周六',
  7: '周日',
};

export interface Shift {
  weekday: Weekday;
  /** `HH:MM`, China time. */
  start: string;
  end: string;
  staffId: string;
  staffName: string;
}

export const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function minutesOf(hhmm: string): number {
  const m = TIME_OF_DAY.exec(hhmm);
  if (!m) throw new Error(`not a time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Weekday (1 = Monday … 7 = Sunday) and minute of the day, China time. */
export function chinaWeekMinute(ms: number): { weekday: Weekday; minute: number } {
  const d = new Date(ms + CHINA_OFFSET_MS);
  const w = d.getUTCDay();
  return { weekday: (w === 0 ? 7 : w) as Weekday, minute: d.getUTCHours() * 60 + d.getUTCMinutes() };
}

const prevDay = (w: Weekday): Weekday => (w === 1 ? 7 : ((w - 1) as Weekday));

/** Whether `shift` covers the instant `ms`. */
export function shiftCovers(shift: Shift, ms: number): boolean {
  const { weekday, minute } = chinaWeekMinute(ms);
  const s = minutesOf(shift.start);
  const e = minutesOf(shift.end);
  const overnight = e <= s;
  if (shift.weekday === weekday) return overnight ? minute >= s : minute >= s && minute < e;
  if (overnight && shift.weekday === prevDay(weekday)) return minute < e;
  return false;
}

/** The shifts on duty at `ms`, in roster order (the first is notified first). */
export function onDutyAt(shifts: readonly Shift[], ms: number): Shift[] {
  return shifts.filter((s) => shiftCovers(s, ms));
}

/** Why nobody on duty can be reached: no roster, outside every shift, or the rostered people left. */
export type NoDutyReason = '未排值班表' | '此时不在值班时段' | '值班人员已不在岗';

/** Why nobody is on duty at `ms`, for a unit whose rostered people on duty now are all gone. */
export function noDutyReason(shifts: readonly Shift[] | undefined, ms: number): NoDutyReason {
  if (!shifts?.length) return '未排值班表';
  return onDutyAt(shifts, ms).length ? '值班人员已不在岗' : '此时不在值班时段';
}

/** Why a roster cannot be saved (Chinese, by field), or an empty object. */
export function rosterProblems(shifts: readonly Shift[]): Record<string, string> {
  const problems: Record<string, string> = {};
  shifts.forEach((s, i) => {
    if (s.start === s.end) problems[`shifts.${i}.end`] = '结束时间不能与开始时间相同';
  });
  const seen = new Set<string>();
  shifts.forEach((s, i) => {
    const key = `${s.weekday}-${s.start}-${s.staffId}`;
    if (seen.has(key)) problems[`shifts.${i}.staffId`] = '同一人同一时段重复排班';
    seen.add(key);
  });
  return problems;
}

/** `周一 08:30–18:00` / `周五 18:00–次日 08:30` */
export function shiftLabel(s: Pick<Shift, 'weekday' | 'start' | 'end'>): string {
  const overnight = minutesOf(s.end) <= minutesOf(s.start);
  return `${WEEKDAY_LABELS[s.weekday]} ${s.start}–${overnight ? '次日 ' : ''}${s.end}`;
}
