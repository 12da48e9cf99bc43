import type { RoleGrant } from '../access/roles';
import type { StepUpPurpose } from '../identity/policy';

// The post's content workflow (notice §二, 第十八条(一), 第二十一条; 国办发〔2018〕123号 先审后发):
// draft → submitted (automatic checks) → reviewed (content and 保密审查 checklist) → approved
// (the account's 分管领导, fresh PIN) → published (the publisher records link and time).
// Returned (with a reason) goes back to the author; the author may withdraw before approval.
// Author, reviewer and approver are three different people. Delivery to the platform is a
// separate state (an approved post's delivery may fail). The client reads this table to show
// the actions a person may take; the server enforces the same guards.

export const POST_STATES = [
  'draft',
  'submitted',
  'reviewed',
  'approved',
  'published',
  'returned',
  'withdrawn',
  'corrected',
] as const;
export type PostState = (typeof POST_STATES)[number];

export const POST_STATE_LABELS: Record<PostState, string> = {
  draft: '草稿',
  submitted: '待审核',
  reviewed: '待审批',
  approved: '待发布',
  published: '已发布',
  returned: '已退回',
  withdrawn: '已撤回',
  corrected: '已更正',
};

export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
  pending: '未发布到平台',
  delivered: '已发布到平台',
  failed: '平台发布失败',
};

export const POST_ACTIONS = [
  'edit',
  'submit',
  'withdraw',
  'review',
  'return',
  'approve',
  'publish',
  'reportDeliveryFailure',
  'markCorrected',
] as const;
export type PostAction = (typeof POST_ACTIONS)[number];

export type PostActor = 'author' | 'reviewer' | 'leader' | 'reviewerOrLeader' | 'publisher' | 'system';

export interface PostTransition {
  label: string;
  from: readonly PostState[];
  /** null: the state stays (a new version, a delivery note). */
  to: PostState | null;
  actor: PostActor;
  /** A fresh PIN is needed (RULES.md Security: before every approval and publication). */
  stepUp?: StepUpPurpose;
  reasonRequired?: boolean;
}

export const POST_TRANSITIONS: Record<PostAction, PostTransition> = {
  edit: { label: '修改', from: ['draft', 'returned'], to: null, actor: 'author' },
  submit: { label: '提交审核', from: ['draft', 'returned'], to: 'submitted', actor: 'author' },
  withdraw: { label: '撤回', from: ['draft', 'submitted', 'reviewed', 'returned'], to: 'withdrawn', actor: 'author' },
  review: { label: '审核通过', from: ['submitted'], to: 'reviewed', actor: 'reviewer' },
  return: {
    label: '退回修改',
    from: ['submitted', 'reviewed'],
    to: 'returned',
    actor: 'reviewerOrLeader',
    stepUp: 'post.reject',
    reasonRequired: true,
  },
  approve: { label: '审批通过', from: ['reviewed'], to: 'approved', actor: 'leader', stepUp: 'post.approve' },
  publish: { label: '登记发布', from: ['approved'], to: 'published', actor: 'publisher', stepUp: 'post.publish' },
  reportDeliveryFailure: { label: '登记发布失败', from: ['approved'], to: null, actor: 'publisher' },
  markCorrected: { label: '标记为已更正', from: ['published'], to: 'corrected', actor: 'system' },
};

/** What the guards need to know about the post and its account. */
export interface PostFacts {
  state: PostState;
  unitId: string;
  authorId: string;
  reviewerId: string | null;
  accountStatus: string;
  accountLeaderId: string;
  accountLeaderName: string;
}

/** Who is acting. */
export interface ActorFacts {
  staffId: string;
  grants: readonly RoleGrant[];
}

/** Why a guard refused: the post's state, the account's state, or who is acting. */
export type RefusalKind = 'state' | 'account' | 'actor';
export type Guard = { allowed: true } | { allowed: false; reason: string; kind: RefusalKind };

const ok: Guard = { allowed: true };
const no = (reason: string, kind: RefusalKind = 'actor'): Guard => ({ allowed: false, reason, kind });

/** Actions that need the account to be active (published posts go out through it). */
const NEEDS_ACTIVE_ACCOUNT: readonly PostAction[] = ['edit', 'submit', 'review', 'approve', 'publish'];

const holds = (actor: ActorFacts, role: RoleGrant['role'], unitId: string) =>
  actor.grants.some((g) => g.role === role && g.unitId === unitId);

function asReviewer(post: PostFacts, actor: ActorFacts): Guard {
  if (!holds(actor, 'reviewer', post.unitId)) return no('只有本单位的审核人员可以审核');
  if (actor.staffId === post.authorId) return no('不能审核自己撰写的信息：撰稿、审核、审批须由三人分别负责');
  return ok;
}

function asLeader(post: PostFacts, actor: ActorFacts): Guard {
  if (actor.staffId !== post.accountLeaderId)
    return no(`只有该账号备案的分管领导（${post.accountLeaderName || '未备案'}）可以审批`);
  if (actor.staffId === post.authorId) return no('不能审批自己撰写的信息：撰稿、审核、审批须由三人分别负责');
  if (actor.staffId === post.reviewerId) return no('已审核该信息的人不能再审批：撰稿、审核、审批须由三人分别负责');
  return ok;
}

/** Whether `actor` may take `action` on the post now, and if not, why (in Chinese). */
export function guardPostAction(action: PostAction, post: PostFacts, actor: ActorFacts): Guard {
  const rule = POST_TRANSITIONS[action];
  if (!rule.from.includes(post.state)) {
    return no(`该信息当前为「${POST_STATE_LABELS[post.state]}」，不能${rule.label}`, 'state');
  }
  if (NEEDS_ACTIVE_ACCOUNT.includes(action) && post.accountStatus !== 'active') {
    return no('该账号目前不是“已启用”状态，暂不能处理信息发布（请先完成账号开通和备案）', 'account');
  }
  switch (rule.actor) {
    case 'author':
      return actor.staffId === post.authorId ? ok : no(`只有撰稿人本人可以${rule.label}`);
    case 'reviewer':
      return asReviewer(post, actor);
    case 'leader':
      return asLeader(post, actor);
    case 'reviewerOrLeader': {
      if (actor.staffId === post.authorId) return no('不能退回自己撰写的信息；如需修改，请撤回');
      const r = asReviewer(post, actor);
      if (r.allowed || post.state !== 'reviewed') return r;
      const l = asLeader(post, actor);
      return l.allowed ? l : no('只有本单位审核人员或该账号的分管领导可以退回');
    }
    case 'publisher':
      return holds(actor, 'publisher', post.unitId) ? ok : no('只有本单位的发布人员可以登记发布');
    case 'system':
      return no('该操作由系统在更正信息发布后自动完成');
  }
}

/** The actions `actor` may take on the post now (the client shows these buttons). */
export function allowedPostActions(post: PostFacts, actor: ActorFacts): PostAction[] {
  return POST_ACTIONS.filter((a) => guardPostAction(a, post, actor).allowed);
}
