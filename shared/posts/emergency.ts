// Emergencies (突发事件): an authoritative first release within 5 hours, a press conference
// within 24 hours for major events, other public concerns answered within 48 hours
// (国办发〔2016〕61号; notice 第十八条(四), 第二十四条). Counted from when the event happened.

export const EMERGENCY_DEADLINES = [
  { key: 'firstRelease', hours: 5, label: '首次权威发布', basis: '国办发〔2016〕61号：5 小时内发布权威信息' },
  { key: 'pressConference', hours: 24, label: '新闻发布会', basis: '国办发〔2016〕61号：重大事件 24 小时内举行发布会' },
  { key: 'response', hours: 48, label: '回应关切', basis: '国办发〔2016〕61号：48 小时内予以回应' },
] as const;

export type EmergencyDeadlineKey = (typeof EMERGENCY_DEADLINES)[number]['key'];

export interface EmergencyCountdown {
  key: EmergencyDeadlineKey;
  label: string;
  basis: string;
  dueAt: number;
  /** Milliseconds left (negative once overdue). */
  remainingMs: number;
  overdue: boolean;
  /** The first release is met once the post is published (the other two are off-app events). */
  met: boolean;
  /** "还剩 3 小时 05 分", "已超时 1 小时 20 分" or "已于时限内发布". */
  text: string;
}

const HOUR = 3600 * 1000;

export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} 分钟`;
  return `${h} 小时 ${String(m).padStart(2, '0')} 分`;
}

/** The three countdowns for an event that happened at `occurredAt`, as seen at `now`. */
export function emergencyCountdowns(
  occurredAt: number,
  now: number,
  publishedAt: number | null = null,
): EmergencyCountdown[] {
  return EMERGENCY_DEADLINES.map((d) => {
    const dueAt = occurredAt + d.hours * HOUR;
    const met = d.key === 'firstRelease' && publishedAt !== null;
    const remainingMs = dueAt - (met ? publishedAt! : now);
    const overdue = remainingMs < 0;
    let text = overdue ? `已超时 ${formatDuration(remainingMs)}` : `还剩 ${formatDuration(remainingMs)}`;
    if (met) text = overdue ? `发布晚于时限 ${formatDuration(remainingMs)}` : '已在时限内发布';
    return { key: d.key, label: d.label, basis: d.basis, dueAt, remainingMs, overdue, met, text };
  });
}
