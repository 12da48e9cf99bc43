import { formatChinaDateTime } from '../core/china-time';
import { MESSAGE_POLICY } from './policy';

// Abuse limits per citizen (issue 6): 5 messages an hour, 20 a day, and the same text (title and
// content) twice in 24 hours is refused. Pure: the server keeps the recent submissions of each citizen in one
// document, read and written in the submission's transaction, so two concurrent submissions
// cannot both slip under a limit.

export interface RecentSubmission {
  at: number;
  /** Hash of the normalized title and content (see normalizeForDuplicate). */
  h: string;
  trackingNo: string;
}

export type AbuseCheck = { ok: true; recent: RecentSubmission[] } | { ok: false; message: string; retryAt: number };

/** Whitespace, punctuation and letter case do not make a text different. */
export function normalizeForDuplicate(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

const HOUR = 3600_000;
const hhmm = (ms: number) => formatChinaDateTime(ms).slice(11);

/** Checks one new submission against the citizen's recent ones; on success, the list to store. */
export function checkAbuse(recentAll: readonly RecentSubmission[], now: number, h: string): AbuseCheck {
  const { perHour, perDay, duplicateWindowMs } = MESSAGE_POLICY.abuse;
  const day = recentAll.filter((r) => r.at > now - Math.max(24 * HOUR, duplicateWindowMs)).sort((a, b) => a.at - b.at);
  const dup = day.find((r) => r.h === h && r.at > now - duplicateWindowMs);
  if (dup) {
    return {
      ok: false,
      message: `24 小时内您已提交过相同内容的留言（查询编号 ${dup.trackingNo}），请勿重复提交，可在“我的留言”查看办理进度`,
      retryAt: dup.at + duplicateWindowMs,
    };
  }
  const lastHour = day.filter((r) => r.at > now - HOUR);
  if (lastHour.length >= perHour) {
    const retryAt = lastHour[lastHour.length - perHour].at + HOUR;
    return { ok: false, message: `1 小时内最多提交 ${perHour} 条留言，请在 ${hhmm(retryAt)} 后再提交`, retryAt };
  }
  const lastDay = day.filter((r) => r.at > now - 24 * HOUR);
  if (lastDay.length >= perDay) {
    const retryAt = lastDay[lastDay.length - perDay].at + 24 * HOUR;
    return {
      ok: false,
      message: `24 小时内最多提交 ${perDay} 条留言，请在 ${formatChinaDateTime(retryAt).slice(5)} 后再提交`,
      retryAt,
    };
  }
  return { ok: true, recent: day };
}
