import { formatChinaDateTime } from '../core/china-time';
import type { AccountFacts, EmergencyFacts, MessageFacts, OversightFacts } from './facts';
import {
  NO_UPDATE_CHAIN,
  RECIPIENT_LABELS,
  type AlertLevel,
  type EffectiveRule,
  type EffectiveRules,
  type RecipientKind,
  type RuleKey,
  type RuleSource,
} from './rules';
import { ruleDeadline, wholeDays, type WorkingDays } from './time';

// The rule engine: pure, over plain facts. For every account, message and emergency it decides
// which rules have fired at `now` and returns one alert per (rule, subject) naming the rule,
// its source, the subject, who is told and when it escalates. The server stores the alerts
// (deduplicated by id), notifies the people and closes those that no longer fire.

export type SubjectType = 'account' | 'message' | 'emergency';

export interface AlertRecipient {
  kind: RecipientKind;
  /** Set when the rule names a person (the account's publisher, the case handler). */
  staffId?: string;
  label: string;
}

export interface AlertDraft {
  /** Deterministic: the same rule on the same subject is the same alert. */
  id: string;
  ruleKey: RuleKey;
  ruleLabel: string;
  level: AlertLevel;
  source: RuleSource;
  /** The threshold that fired, as text (`10 天`). */
  threshold: string;
  subject: { type: SubjectType; id: string; label: string };
  unitId: string;
  unitName: string;
  recipients: AlertRecipient[];
  text: string;
  /** When the time limit ran out. */
  since: number;
  /** The next step if nothing changes: when, which rule, to whom. */
  escalation: { at: number; ruleKey: RuleKey; to: string } | null;
}

export interface EngineContext {
  now: number;
  rules: EffectiveRules;
  calendar: WorkingDays;
}

const RULE_CODES: Record<RuleKey, string> = {
  'noUpdate.publisher': 'nu1',
  'noUpdate.leader': 'nu2',
  'noUpdate.red': 'nu3',
  'filing.due': 'fd',
  'refiling.due': 'rf',
  'message.accept': 'ma',
  'message.acceptUrgent': 'mu',
  'message.answer': 'mn',
  'message.unanswered': 'mx',
  'emergency.firstRelease': 'ef',
  'emergency.pressConference': 'ep',
  'emergency.response': 'er',
};

/** FNV-1a, twice with different seeds: a short stable id for long subject keys. */
function shortHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** The alert id of a rule on a subject: `al-nu1-<subject>`, at most 64 safe characters. */
export function alertId(ruleKey: RuleKey, subjectId: string): string {
  const id = `al-${RULE_CODES[ruleKey]}-${subjectId}`;
  return id.length <= 64 && /^[A-Za-z0-9_-]+$/.test(id) ? id : `al-${RULE_CODES[ruleKey]}-h${shortHash(subjectId)}`;
}

function recipients(kinds: readonly RecipientKind[], people: Partial<Record<RecipientKind, string | null>>) {
  return kinds.map((kind) => {
    const staffId = people[kind];
    return { kind, label: RECIPIENT_LABELS[kind], ...(staffId ? { staffId } : {}) } as AlertRecipient;
  });
}

function draft(
  rule: EffectiveRule,
  subject: AlertDraft['subject'],
  unit: { unitId: string; unitName: string },
  text: string,
  since: number,
  people: Partial<Record<RecipientKind, string | null>>,
  escalation: AlertDraft['escalation'],
): AlertDraft {
  return {
    id: alertId(rule.key, subject.id),
    ruleKey: rule.key,
    ruleLabel: rule.label,
    level: rule.level,
    source: rule.source,
    threshold: rule.text,
    subject,
    unitId: unit.unitId,
    unitName: unit.unitName,
    recipients: recipients(rule.notify, people),
    text,
    since,
    escalation,
  };
}

const escalationTarget = (rule: EffectiveRule) =>
  rule.level === 'red' ? '县政府督查室（红色标记、通报）' : rule.notify.map((k) => RECIPIENT_LABELS[k]).join('、');

/** No update for 10/12/14 days: one alert per step reached, each naming the next step. */
export function evaluateAccountUpdates(a: AccountFacts, ctx: EngineContext): AlertDraft[] {
  if (!a.monitored) return [];
  const from = a.lastPostAt ?? a.openedAt;
  if (from === null) return [];
  const chain = NO_UPDATE_CHAIN.map((k) => ctx.rules[k]).filter((r) => r.enabled);
  const out: AlertDraft[] = [];
  const days = wholeDays(from, ctx.now);
  const since = a.lastPostAt === null ? '开通以来' : '';
  for (const [i, rule] of chain.entries()) {
    const due = ruleDeadline(from, rule, ctx.calendar);
    if (ctx.now < due) break;
    const next = chain[i + 1];
    const escalation = next
      ? { at: ruleDeadline(from, next, ctx.calendar), ruleKey: next.key, to: escalationTarget(next) }
      : null;
    const text =
      `「${a.name}」（${a.platformLabel}）${since}已连续 ${days} 天未更新` +
      (escalation
        ? `；若仍不更新，${formatChinaDateTime(escalation.at)} 起将${escalationVerb(next!)}`
        : '；已标红，列入通报');
    out.push(
      draft(
        rule,
        { type: 'account', id: a.id, label: a.name },
        a,
        text,
        due,
        {
          accountPublisher: a.people.publisher?.staffId ?? null,
          accountLeader: a.people.leader?.staffId ?? null,
          accountReviewer: a.people.reviewer?.staffId ?? null,
        },
        escalation,
      ),
    );
  }
  return out;
}

function escalationVerb(rule: EffectiveRule): string {
  return rule.level === 'red' ? '标红并报县政府督查室通报' : `提醒${rule.notify.map((k) => RECIPIENT_LABELS[k])[0]}`;
}

/** The first filing within 7 days of opening, and a re-filing within 7 days of a change. */
export function evaluateFiling(a: AccountFacts, ctx: EngineContext): AlertDraft[] {
  const out: AlertDraft[] = [];
  const people = {
    accountLeader: a.people.leader?.staffId ?? null,
    accountPublisher: a.people.publisher?.staffId ?? null,
  };
  const filing = ctx.rules['filing.due'];
  if (filing.enabled && a.filing && !a.filing.submitted && a.openedAt !== null) {
    // Strictest wins: the rule's limit or the due date the accounts feature stored, whichever is first.
    const due = Math.min(ruleDeadline(a.openedAt, filing, ctx.calendar), a.filing.dueAt ?? Infinity);
    if (ctx.now > due) {
      const over = Math.max(1, wholeDays(due, ctx.now));
      out.push(
        draft(
          filing,
          { type: 'account', id: a.id, label: a.name },
          a,
          `「${a.name}」（${a.platformLabel}）开通超过 ${filing.text}仍未报备备案表，已逾期 ${over} 天`,
          due,
          people,
          null,
        ),
      );
    }
  }
  const refiling = ctx.rules['refiling.due'];
  if (refiling.enabled && a.refiling && !a.refiling.submitted) {
    const due = Math.min(ruleDeadline(a.refiling.since, refiling, ctx.calendar), a.refiling.dueAt ?? Infinity);
    if (ctx.now > due) {
      const over = Math.max(1, wholeDays(due, ctx.now));
      out.push(
        draft(
          refiling,
          { type: 'account', id: a.id, label: a.name },
          a,
          `「${a.name}」责任人或名称变更后超过 ${refiling.text}未重新备案，已逾期 ${over} 天`,
          due,
          people,
          null,
        ),
      );
    }
  }
  return out;
}

/** Deadlines of a message under the rules in force (an approved extension adds working days). */
export function messageDeadlines(m: MessageFacts, ctx: Pick<EngineContext, 'rules' | 'calendar'>) {
  const accept = ctx.rules['message.accept'];
  const urgent = ctx.rules['message.acceptUrgent'];
  const candidates: Array<{ rule: EffectiveRule; due: number }> = [];
  if (accept.enabled) candidates.push({ rule: accept, due: ruleDeadline(m.receivedAt, accept, ctx.calendar) });
  if (m.urgent && urgent.enabled)
    candidates.push({ rule: urgent, due: ruleDeadline(m.receivedAt, urgent, ctx.calendar) });
  // Several rules apply to the same step: the strictest (earliest) deadline wins.
  candidates.sort((a, b) => a.due - b.due);
  const answerRule = ctx.rules['message.answer'];
  const answer = answerRule.enabled
    ? {
        rule: answerRule,
        due: ruleDeadline(
          m.receivedAt,
          {
            unit: answerRule.unit,
            value: answerRule.value + (answerRule.unit === 'workingDays' ? m.extensionWorkingDays : 0),
          },
          ctx.calendar,
        ),
      }
    : null;
  const longRule = ctx.rules['message.unanswered'];
  const unanswered = longRule.enabled
    ? { rule: longRule, due: ruleDeadline(m.receivedAt, longRule, ctx.calendar) }
    : null;
  return { accept: candidates[0] ?? null, answer, unanswered };
}

export function evaluateMessage(m: MessageFacts, ctx: EngineContext): AlertDraft[] {
  if (!m.open) return [];
  const d = messageDeadlines(m, ctx);
  const out: AlertDraft[] = [];
  const subject = { type: 'message' as const, id: m.id, label: m.trackingNo };
  const people = { unitHandler: m.handlerId };
  const name = `留言 ${m.trackingNo}「${m.title}」`;
  if (d.accept && m.awaitingAccept && ctx.now > d.accept.due) {
    out.push(draft(d.accept.rule, subject, m, `${name}超过 ${d.accept.rule.text}未受理`, d.accept.due, people, null));
  }
  const answered = m.answeredAt !== null;
  if (!answered && d.answer && ctx.now > d.answer.due) {
    const escalation = d.unanswered
      ? { at: d.unanswered.due, ruleKey: d.unanswered.rule.key, to: escalationTarget(d.unanswered.rule) }
      : null;
    out.push(
      draft(d.answer.rule, subject, m, `${name}超过 ${d.answer.rule.text}未答复`, d.answer.due, people, escalation),
    );
  }
  if (!answered && d.unanswered && ctx.now > d.unanswered.due) {
    out.push(
      draft(
        d.unanswered.rule,
        subject,
        m,
        `${name}超过 ${d.unanswered.rule.text}未回复，已标红`,
        d.unanswered.due,
        people,
        null,
      ),
    );
  }
  return out;
}

/** The 5/24/48-hour clocks of an event: each concerned unit must have spoken within 5 hours. */
export function evaluateEmergency(e: EmergencyFacts, ctx: EngineContext): AlertDraft[] {
  if (!e.active) return [];
  const out: AlertDraft[] = [];
  const first = ctx.rules['emergency.firstRelease'];
  if (first.enabled) {
    const due = ruleDeadline(e.occurredAt, first, ctx.calendar);
    for (const u of e.units) {
      if (u.firstPostAt !== null || ctx.now <= due) continue;
      out.push(
        draft(
          first,
          { type: 'emergency', id: `${e.id}-${u.unitId}`, label: e.title },
          u,
          `突发事件「${e.title}」发生已超过 ${first.text}，${u.unitName}尚未发布权威信息`,
          due,
          {},
          null,
        ),
      );
    }
  }
  const office = { unitId: e.countyOfficeUnitId, unitName: '县政府办公室' };
  const press = ctx.rules['emergency.pressConference'];
  if (press.enabled && e.major && e.pressConferenceAt === null) {
    const due = ruleDeadline(e.occurredAt, press, ctx.calendar);
    if (ctx.now > due)
      out.push(
        draft(
          press,
          { type: 'emergency', id: e.id, label: e.title },
          office,
          `重大突发事件「${e.title}」发生已超过 ${press.text}，尚未举行新闻发布会`,
          due,
          {},
          null,
        ),
      );
  }
  const response = ctx.rules['emergency.response'];
  if (response.enabled && e.respondedAt === null) {
    const due = ruleDeadline(e.occurredAt, response, ctx.calendar);
    if (ctx.now > due)
      out.push(
        draft(
          response,
          { type: 'emergency', id: e.id, label: e.title },
          office,
          `突发事件「${e.title}」发生已超过 ${response.text}，尚未回应社会关切`,
          due,
          {},
          null,
        ),
      );
  }
  return out;
}

/** Every alert that fires at `ctx.now`. */
export function evaluate(facts: OversightFacts, ctx: EngineContext): AlertDraft[] {
  const out: AlertDraft[] = [];
  for (const a of facts.accounts) out.push(...evaluateAccountUpdates(a, ctx), ...evaluateFiling(a, ctx));
  for (const m of facts.messages) out.push(...evaluateMessage(m, ctx));
  for (const e of facts.emergencies) out.push(...evaluateEmergency(e, ctx));
  return out;
}
