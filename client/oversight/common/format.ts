import { formatChinaTime } from '../../lib/time';

// How oversight numbers read: `66.7%`, `36 小时`, `—` for nothing to judge.

export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);
export const hours = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v} 小时`);
export const when = (ms: number | null | undefined) => (ms ? formatChinaTime(ms) : '—');
export const day = (ms: number | null | undefined) => (ms ? formatChinaTime(ms).slice(0, 10) : '—');

/** `2026-11` → `2026年11月` */
export const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

/** The month before or after `2026-11`. */
export function shiftMonth(m: string, by: number): string {
  const [y, mo] = m.split('-').map(Number);
  const d = new Date(Date.UTC(y, mo - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** `2026-11-30` of a China day, `days` from now. */
export function chinaDateIn(days: number, now = Date.now()): string {
  return formatChinaTime(now + days * 86400_000).slice(0, 10);
}

export const LEVEL_TEXT = { remind: '提醒', warn: '预警', red: '红色标记' } as const;
