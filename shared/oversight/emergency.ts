import type { EffectiveRules, RuleKey, RuleSource } from './rules';
import { HOUR_MS } from './time';

// Emergency mode (notice §三 “不失声、不缺位”, 第十八条(四), 第二十四条; 国办发〔2016〕61号): the county
// government office declares an event; every unit concerned must publish within the first-release
// limit; the press conference and the response to public concerns have their own clocks.

export const EVENT_LEVELS = ['general', 'serious', 'major', 'extreme'] as const;
export type EventLevel = (typeof EVENT_LEVELS)[number];
export const EVENT_LEVEL_LABELS: Record<EventLevel, string> = {
  general: '一般',
  serious: '较大',
  major: '重大',
  extreme: '特别重大',
};
/** Levels for which a press conference is due (重大 and above). */
export const isMajorLevel = (level: EventLevel) => level === 'major' || level === 'extreme';

export const EMERGENCY_MILESTONES = ['pressConference', 'response'] as const;
export type EmergencyMilestone = (typeof EMERGENCY_MILESTONES)[number];
export const MILESTONE_LABELS: Record<EmergencyMilestone, string> = {
  pressConference: '新闻发布会',
  response: '回应社会关切',
};

export interface EmergencyClock {
  ruleKey: RuleKey;
  label: string;
  hours: number;
  source: RuleSource;
  dueAt: number;
  /** When it was met (the first post, the press conference, the response); null while not. */
  metAt: number | null;
  /** Not required for this event (a press conference for a 一般 event) or switched off. */
  notRequired: boolean;
  overdue: boolean;
  /** `还剩 3 小时 05 分`, `已超时 1 小时 20 分`, `已按时完成`, `超时完成`, `无需举行`. */
  text: string;
}

export function formatSpan(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} 分钟`;
  return `${h} 小时 ${String(m).padStart(2, '0')} 分`;
}

function clock(
  rules: EffectiveRules,
  key: RuleKey,
  occurredAt: number,
  metAt: number | null,
  now: number,
  required: boolean,
): EmergencyClock {
  const rule = rules[key];
  const dueAt = occurredAt + rule.value * HOUR_MS;
  const notRequired = !required || !rule.enabled;
  const overdue = !notRequired && (metAt === null ? now > dueAt : metAt > dueAt);
  let text: string;
  if (notRequired) text = '无需举行';
  else if (metAt !== null) text = metAt <= dueAt ? '已按时完成' : `超时 ${formatSpan(metAt - dueAt)} 完成`;
  else text = now > dueAt ? `已超时 ${formatSpan(now - dueAt)}` : `还剩 ${formatSpan(dueAt - now)}`;
  return {
    ruleKey: key,
    label: rule.label,
    hours: rule.value,
    source: rule.source,
    dueAt,
    metAt,
    notRequired,
    overdue,
    text,
  };
}

/**
 * The three clocks of an event: the first release is met when the first concerned unit has
 * spoken (each unit's own clock is shown beside it), the others when the office records them.
 */
export function emergencyClocks(
  rules: EffectiveRules,
  e: {
    occurredAt: number;
    major: boolean;
    firstPostAt: number | null;
    pressConferenceAt: number | null;
    respondedAt: number | null;
  },
  now: number,
): EmergencyClock[] {
  return [
    clock(rules, 'emergency.firstRelease', e.occurredAt, e.firstPostAt, now, true),
    clock(rules, 'emergency.pressConference', e.occurredAt, e.pressConferenceAt, now, e.major),
    clock(rules, 'emergency.response', e.occurredAt, e.respondedAt, now, true),
  ];
}
