import type { RoleGrant } from '../access/roles';
import type { StepUpPurpose } from '../identity/policy';
import type { PublicStatus } from './schemas';
import { MESSAGE_POLICY } from './policy';

// The message workflow as one table (DESIGN.md: explicit tables beat inferred magic). Internal
// handling states are kept apart from the coarse status a citizen sees. Every action, on the
// server and in the screens, goes through `checkTransition` / `allowedActions` below: the
// server to enforce, the client to show only the buttons the server would accept.

export const MESSAGE_STATES = [
  'submitted', // 待受理: at a unit (or the county office, for 不确定) waiting to be taken in
  'transferring', // 转办待接收: sent to another unit, which accepts or returns it
  'accepted', // 已受理
  'handling', // 办理中: a handler is on it (also after a 不满意 reopens it)
  'replyPending', // 答复待审核: drafted, waiting for the unit's reviewer
  'redirectPending', // 告知渠道待审核: "not our business, write to …", waiting for the reviewer
  'answered', // 已答复: the citizen can read and rate it
  'closed', // 已办结
] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

export const STATE_LABELS: Record<MessageState, string> = {
  submitted: '待受理',
  transferring: '转办待接收',
  accepted: '已受理',
  handling: '办理中',
  replyPending: '答复待审核',
  redirectPending: '告知渠道待审核',
  answered: '已答复',
  closed: '已办结',
};

/** What the citizen sees for each internal state (DESIGN.md: keep them apart). */
export const PUBLIC_STATUS_OF: Record<MessageState, PublicStatus> = {
  submitted: 'submitted',
  transferring: 'accepted',
  accepted: 'accepted',
  handling: 'inProgress',
  replyPending: 'inProgress',
  redirectPending: 'inProgress',
  answered: 'answered',
  closed: 'closed',
};

/** States in which the unit owes the citizen something, so a deadline runs. */
export const OPEN_STATES: readonly MessageState[] = [
  'submitted',
  'transferring',
  'accepted',
  'handling',
  'replyPending',
  'redirectPending',
];
export const isOpenState = (s: MessageState) => OPEN_STATES.includes(s);
/** While in these states the deadline is the accept deadline; later ones, the answer deadline. */
export const ACCEPT_STAGE: readonly MessageState[] = ['submitted', 'transferring'];

/** Who may take an action (resolved against the message's current unit). */
export type Actor =
  | 'unitStaff' // publisher, reviewer or leader of the unit holding the message
  | 'unitReviewer' // reviewer or leader of that unit
  | 'countyOffice' // unit staff of the county government office while it holds the message
  | 'supervisor' // 县政府督查室
  | 'citizen' // the citizen who wrote it
  | 'system'; // the deadline sweeper

const HANDLER_ROLES = ['publisher', 'reviewer', 'leader'] as const;
const REVIEWER_ROLES = ['reviewer', 'leader'] as const;

export const ACTOR_LABELS: Record<Actor, string> = {
  unitStaff: '只有承办单位的工作人员可以办理',
  unitReviewer: '只有承办单位的审核人员或分管领导可以审核答复',
  countyOffice: '只有县政府办公室可以分办“不确定”单位的留言',
  supervisor: '只有县政府督查室可以进行此操作',
  citizen: '只有留言人本人可以评价',
  system: '该操作由系统自动完成',
};

/** The facts about a message the table's guards look at. */
export interface TransitionSubject {
  state: MessageState;
  unitId: string;
  /** The unit holding it is the county government office (routes 不确定 messages). */
  atCountyOffice: boolean;
  citizenOpenid: string | null;
  handlerId: string | null;
  replyDraft: { by: string } | null;
  extension: { status: 'requested' | 'approved' | 'rejected' } | null;
  extensionsApproved: number;
  urge: { deadline: number; acknowledgedAt: number | null } | null;
  transferCount: number;
  reopenCount: number;
  answeredAt: number | null;
}

export type Who =
  | { kind: 'staff'; staffId: string; roles: readonly RoleGrant[] }
  | { kind: 'citizen'; openid: string }
  | { kind: 'system' };

export interface TransitionRule {
  /** 受理, 转办, … (the button and the audit read this). */
  label: string;
  from: readonly MessageState[];
  /** The states it can lead to; `same` keeps the state (a request, an urging, a note). */
  to: readonly MessageState[] | 'same';
  by: Actor;
  /** A reason in Chinese why the action cannot run now, beyond state and actor; null when fine. */
  guard?: (m: TransitionSubject, who: Who, now: number) => string | null;
}

export const MAX_TRANSFERS = 5;

export const TRANSITIONS = {
  accept: { label: '受理', from: ['submitted'], to: ['accepted'], by: 'unitStaff' },
  route: {
    label: '分办',
    from: ['submitted'],
    to: ['submitted'],
    by: 'countyOffice',
  },
  transfer: {
    label: '转办',
    from: ['submitted', 'accepted', 'handling'],
    to: ['transferring'],
    by: 'unitStaff',
    guard: (m) =>
      m.transferCount >= MAX_TRANSFERS
        ? `已转办 ${MAX_TRANSFERS} 次，请联系县政府办公室协调承办单位，不要继续转办`
        : null,
  },
  acceptTransfer: { label: '接收转办', from: ['transferring'], to: ['accepted'], by: 'unitStaff' },
  returnTransfer: { label: '退回转办', from: ['transferring'], to: ['submitted'], by: 'unitStaff' },
  assign: { label: '指定承办人', from: ['accepted', 'handling'], to: ['handling'], by: 'unitStaff' },
  draftReply: {
    label: '起草答复',
    from: ['accepted', 'handling', 'replyPending'],
    to: ['replyPending'],
    by: 'unitStaff',
  },
  draftRedirect: {
    label: '告知反映渠道',
    from: ['submitted', 'accepted', 'handling'],
    to: ['redirectPending'],
    by: 'unitStaff',
  },
  approveReply: {
    label: '审核通过并答复',
    from: ['replyPending', 'redirectPending'],
    to: ['answered'],
    by: 'unitReviewer',
    guard: (m, who) =>
      who.kind === 'staff' && m.replyDraft?.by === who.staffId
        ? '答复须由起草人以外的审核人员审核通过（四眼原则）'
        : null,
  },
  returnReply: {
    label: '退回修改',
    from: ['replyPending', 'redirectPending'],
    to: ['handling', 'submitted', 'accepted'],
    by: 'unitReviewer',
  },
  requestExtension: {
    label: '申请延期',
    from: ['accepted', 'handling'],
    to: 'same',
    by: 'unitStaff',
    guard: (m) => {
      if (m.extension?.status === 'requested') return '已有延期申请在等待县政府督查室审批';
      if (m.extensionsApproved >= MESSAGE_POLICY.extension.maxApproved)
        return `每件留言最多延期 ${MESSAGE_POLICY.extension.maxApproved} 次`;
      return null;
    },
  },
  decideExtension: {
    label: '审批延期',
    from: OPEN_STATES,
    to: 'same',
    by: 'supervisor',
    guard: (m) => (m.extension?.status === 'requested' ? null : '没有待审批的延期申请'),
  },
  urge: {
    label: '催办',
    from: OPEN_STATES,
    to: 'same',
    by: 'supervisor',
    guard: (m, _who, now) =>
      m.urge && m.urge.acknowledgedAt === null && m.urge.deadline > now
        ? '上一次催办尚未签收且未到期，请等待单位签收'
        : null,
  },
  acknowledgeUrge: {
    label: '签收催办',
    from: OPEN_STATES,
    to: 'same',
    by: 'unitStaff',
    guard: (m) => (m.urge && m.urge.acknowledgedAt === null ? null : '没有待签收的催办'),
  },
  rate: { label: '评价', from: ['answered'], to: ['closed', 'handling'], by: 'citizen' },
  autoClose: {
    label: '自动办结',
    from: ['answered'],
    to: ['closed'],
    by: 'system',
    guard: (m, _who, now) =>
      m.answeredAt !== null && now >= m.answeredAt + MESSAGE_POLICY.autoCloseDays * 24 * 3600_000
        ? null
        : `答复满 ${MESSAGE_POLICY.autoCloseDays} 天后才自动办结`,
  },
} as const satisfies Record<string, TransitionRule>;

export type MessageAction = keyof typeof TRANSITIONS;
export const MESSAGE_ACTIONS = Object.keys(TRANSITIONS) as MessageAction[];

export type TransitionCheck = { ok: true } | { ok: false; code: 'Forbidden' | 'InvalidTransition'; reason: string };

function holds(who: Who, roles: readonly string[], unitId: string): boolean {
  return who.kind === 'staff' && who.roles.some((g) => g.unitId === unitId && roles.includes(g.role));
}

/** Whether `who` is the kind of person the rule names, for this message. */
export function isActor(actor: Actor, m: TransitionSubject, who: Who): boolean {
  switch (actor) {
    case 'unitStaff':
      return holds(who, HANDLER_ROLES, m.unitId);
    case 'unitReviewer':
      return holds(who, REVIEWER_ROLES, m.unitId);
    case 'countyOffice':
      return m.atCountyOffice && holds(who, HANDLER_ROLES, m.unitId);
    case 'supervisor':
      return who.kind === 'staff' && who.roles.some((g) => g.role === 'supervisor');
    case 'citizen':
      return who.kind === 'citizen' && m.citizenOpenid !== null && who.openid === m.citizenOpenid;
    case 'system':
      return who.kind === 'system';
  }
}

/** Says whether `who` may take `action` on `m` now, and if not, why (in Chinese). */
export function checkTransition(action: MessageAction, m: TransitionSubject, who: Who, now: number): TransitionCheck {
  const rule: TransitionRule = TRANSITIONS[action];
  if (!isActor(rule.by, m, who)) return { ok: false, code: 'Forbidden', reason: ACTOR_LABELS[rule.by] };
  if (!rule.from.includes(m.state)) {
    return {
      ok: false,
      code: 'InvalidTransition',
      reason: `留言当前为「${STATE_LABELS[m.state]}」，不能${rule.label}`,
    };
  }
  const why = rule.guard?.(m, who, now) ?? null;
  return why ? { ok: false, code: 'InvalidTransition', reason: why } : { ok: true };
}

/** The staff actions `who` may take on `m` now: the only buttons a screen shows. */
export function allowedActions(m: TransitionSubject, who: Who, now: number): MessageAction[] {
  return MESSAGE_ACTIONS.filter((a) => {
    const by = TRANSITIONS[a].by as Actor;
    return by !== 'system' && by !== 'citizen' && checkTransition(a, m, who, now).ok;
  });
}

export type Rating = 'satisfied' | 'basic' | 'unsatisfied';
export const RATING_LABELS: Record<Rating, string> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
};

/** 满意 / 基本满意 close the case; 不满意 reopens it once (to the supervision office), then closes. */
export function rateOutcome(m: Pick<TransitionSubject, 'reopenCount'>, rating: Rating): 'closed' | 'handling' {
  return rating === 'unsatisfied' && m.reopenCount < MESSAGE_POLICY.reopenLimit ? 'handling' : 'closed';
}

/**
 * The fresh PIN a step needs (RULES.md Security: "before every approval, publication…"): approving
 * a reply publishes the unit's answer to the citizen (and perhaps the public board); approving an
 * extension moves a deadline the county checks. Refusing either needs none.
 */
export function stepUpFor(action: MessageAction, input: { approve?: boolean }): StepUpPurpose | null {
  if (action === 'approveReply') return 'message.approveReply';
  if (action === 'decideExtension' && input.approve === true) return 'message.approveExtension';
  return null;
}
