// The county runs on China Standard Time (UTC+8, no daylight saving). Every date a person
// reads, and every per-day counter, is computed in that zone whatever the server's TZ is.
export const CHINA_OFFSET_MS = 8 * 3600 * 1000;

export interface ChinaDateParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  weekday: number; // 0 = Sunday
}

export function chinaParts(ms: number): ChinaDateParts {
  const d = new Date(ms + CHINA_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `20261127` */
export function chinaDateKey(ms: number): string {
  const p = chinaParts(ms);
  return `${p.year}${pad(p.month)}${pad(p.day)}`;
}

/** `2026-11-27 09:05` as a person in the county reads it. */
export function formatChinaDateTime(ms: number): string {
  const p = chinaParts(ms);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}
