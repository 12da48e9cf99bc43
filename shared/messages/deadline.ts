import { formatChinaDateTime } from '../core/china-time';
import { MESSAGE_POLICY } from './policy';

// How a deadline reads on a card: when it is due, how much time is left, or how late it is.

export type DeadlineTone = 'none' | 'ok' | 'soon' | 'overdue';

/** `2 天 3 小时`, `5 小时`, `40 分钟` (rounded down; at least 1 minute). */
export function durationLabel(ms: number): string {
  const minutes = Math.max(1, Math.floor(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`;
  if (hours > 0) return `${hours} 小时`;
  return `${minutes} 分钟`;
}

export function deadlineStatus(dueAt: number | null, now: number): { tone: DeadlineTone; text: string; due: string } {
  if (dueAt === null) return { tone: 'none', text: '', due: '' };
  const due = formatChinaDateTime(dueAt).slice(5);
  const left = dueAt - now;
  if (left < 0) return { tone: 'overdue', text: `已超期 ${durationLabel(left)}`, due };
  if (left < MESSAGE_POLICY.dueSoonMs) return { tone: 'soon', text: `剩余 ${durationLabel(left)}`, due };
  return { tone: 'ok', text: `${due} 前`, due };
}
