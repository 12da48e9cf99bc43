import { formatChinaDateTime } from '@shared/core/china-time';
import { refreshPending, refreshText } from '@shared/oversight/refresh';
import { chinaMonthKey, recentMonths } from '@shared/oversight/time';
import type { NotComputedView } from '@shared/oversight/views';
import type { Database } from '@server/runtime/database';
import { SCHEDULED_EVERY_MS, refreshStatus } from './refresh';
import { TREND_MONTHS } from './snapshot';
import type { SnapshotMeta } from './snapshot-set';

// Whether the live snapshot holds the numbers for some months. Before the first refresh has
// finished there is no snapshot at all, and a screen or a bulletin built from it would read every
// number as 0 — "0 件留言, 没有需要整改的单位" — which looks like a result. After it, a refresh
// computes the TREND_MONTHS months up to the instant it ran for (sweep.ts planRun), so a month
// newer than that (the first minutes of a new month) or older than the window is not there
// either. Months that have not begun yet are nobody's gap: a quarter in progress is computed
// when its months so far are.

const monthText = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

export type Coverage =
  | { kind: 'computed' }
  /** Nothing computed yet, or months newer than the snapshot: a refresh will fill them. */
  | { kind: 'pending'; reason: string }
  /** Older than the snapshot keeps: no refresh will compute them. */
  | { kind: 'tooOld'; reason: string }
  /** Not begun yet. */
  | { kind: 'future'; reason: string };

/** Which of `months` the snapshot `meta` lacks, and why, at `now`. */
export function coverage(meta: SnapshotMeta | null, months: string[], now: number): Coverage {
  const current = chinaMonthKey(now);
  const begun = months.filter((m) => m <= current);
  if (!begun.length) return { kind: 'future', reason: `${monthText(months[0])}尚未开始，没有督查数据` };
  if (!meta) return { kind: 'pending', reason: '尚未计算过督查数据' };
  const kept = recentMonths(meta.computedAt, TREND_MONTHS);
  const newer = begun.filter((m) => m > kept[kept.length - 1]);
  if (newer.length)
    return {
      kind: 'pending',
      reason: `现有数据计算于 ${formatChinaDateTime(meta.computedAt)}，尚不含${newer.map(monthText).join('、')}`,
    };
  const older = begun.filter((m) => m < kept[0]);
  if (older.length)
    return {
      kind: 'tooOld',
      reason: `督查数据只保留近 ${TREND_MONTHS} 个月（${monthText(kept[0])}起），不含${older.map(monthText).join('、')}`,
    };
  return { kind: 'computed' };
}

/** What is being done about it: the refresh under way, or when the timer will start one. */
export async function progressText(db: Database, meta: SnapshotMeta | null, now: number) {
  const status = await refreshStatus(db, now);
  if (refreshPending(status) || status.state === 'failed')
    return { text: refreshText(status), pending: refreshPending(status) };
  const due = meta ? meta.computedAt + SCHEDULED_EVERY_MS : now;
  const minutes = Math.ceil((due - now) / 60_000);
  return {
    text: minutes <= 1 ? '定时计算将在一分钟内自动开始' : `下次定时计算约 ${minutes} 分钟后自动开始`,
    pending: false,
  };
}

/** The screens' "尚未计算" state for `months`, or null when the snapshot holds them. */
export async function notComputedView(
  db: Database,
  meta: SnapshotMeta | null,
  months: string[],
  now: number,
): Promise<NotComputedView | null> {
  const c = coverage(meta, months, now);
  if (c.kind === 'computed') return null;
  if (c.kind !== 'pending') return { reason: c.reason, progress: '', pending: false };
  const p = await progressText(db, meta, now);
  return { reason: c.reason, progress: p.text, pending: p.pending };
}
