import type { RoleGrant } from '../access/roles';
import type { StepUpPurpose } from '../identity/policy';
import { ACCOUNT_STATUS_LABELS, type AccountStatus, type RefilingState } from './states';

// The account's transition table (issue 4): state → action → next state, who may take the step,
// and guards that say why a step is refused. The server enforces it; the client reads it to
// show only the buttons the person may press. One source of truth.
//
// Who:
// - unitStaff:    any unit role (发布/审核/分管领导/单位管理员) in the owning or the managing unit.
// - unitLeader:   role `leader` in the owning unit (主管部门). The approval step carries an explicit
//                 `principalConfirmed` flag: the leader confirms they are the unit's principal
//                 leader (主要领导) or approve with the principal leader's consent (第五条, 第二十二条).
//                 For personal and leader accounts the holder may not approve their own account.
// - countyOffice: role `leader` or `unitAdmin` in the unit whose role is 'countyOffice'
//                 (县人民政府办公室, 第五条).
// - infoCenter:   role `infoCenter` (县政府信息中心, the filing authority of notice §一).

export type ActorKind = 'unitStaff' | 'unitLeader' | 'countyOffice' | 'infoCenter';

export const ACCOUNT_ACTIONS = [
  'resubmit',
  'withdraw',
  'unitApprove',
  'unitReturn',
  'officeApprove',
  'officeReturn',
  'open',
  'edit',
  'submitFiling',
  'acceptFiling',
  'returnFiling',
  'submitRefiling',
  'acceptRefiling',
  'returnRefiling',
  'requestClose',
  'closeApprove',
  'closeRefuse',
  'recordNotice',
  'informSuperior',
  'deregister',
] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

export interface TransitionRow {
  label: string;
  from: readonly AccountStatus[];
  /** Next state; null keeps the state (changes and re-filing while active). */
  to: AccountStatus | null;
  who: ActorKind;
  /** A written reason is required (returns, refusals, closure request). */
  reason?: boolean;
  /**
   * A fresh PIN for this purpose is consumed in the step's transaction: every approval and the
   * closure (RULES.md Security: "before every approval, publication, closure or device change").
   */
  stepUp?: StepUpPurpose;
  /** Extra condition on the re-filing sub-state. */
  refiling?: readonly (RefilingState | null)[];
}

export const TRANSITIONS: Record<AccountAction, TransitionRow> = {
  resubmit: { label: '修改后重新提交', from: ['returned'], to: 'applied', who: 'unitStaff' },
  withdraw: { label: '撤回申请', from: ['applied', 'returned'], to: 'withdrawn', who: 'unitStaff' },
  unitApprove: {
    label: '主要领导批准开设',
    from: ['applied'],
    to: 'unitApproved',
    who: 'unitLeader',
    stepUp: 'account.approve',
  },
  unitReturn: { label: '主要领导退回申请', from: ['applied'], to: 'returned', who: 'unitLeader', reason: true },
  officeApprove: {
    label: '县政府办公室审批同意',
    from: ['unitApproved'],
    to: 'approved',
    who: 'countyOffice',
    stepUp: 'account.approve',
  },
  officeReturn: {
    label: '县政府办公室退回',
    from: ['unitApproved'],
    to: 'returned',
    who: 'countyOffice',
    reason: true,
  },
  open: { label: '登记开通', from: ['approved'], to: 'opened', who: 'unitStaff' },
  edit: {
    label: '变更名称或责任人',
    from: ['opened', 'active'],
    to: null,
    who: 'unitStaff',
    refiling: [null, 'due', 'returned'],
  },
  submitFiling: { label: '提交备案表', from: ['opened'], to: 'filed', who: 'unitStaff' },
  acceptFiling: { label: '信息中心受理备案', from: ['filed'], to: 'active', who: 'infoCenter' },
  returnFiling: { label: '信息中心退回备案', from: ['filed'], to: 'opened', who: 'infoCenter', reason: true },
  submitRefiling: {
    label: '提交变更备案',
    from: ['active'],
    to: null,
    who: 'unitStaff',
    refiling: ['due', 'returned'],
  },
  acceptRefiling: {
    label: '信息中心受理变更备案',
    from: ['active'],
    to: null,
    who: 'infoCenter',
    refiling: ['submitted'],
  },
  returnRefiling: {
    label: '信息中心退回变更备案',
    from: ['active'],
    to: null,
    who: 'infoCenter',
    reason: true,
    refiling: ['submitted'],
  },
  requestClose: { label: '申请注销', from: ['active'], to: 'closeRequested', who: 'unitStaff', reason: true },
  closeApprove: {
    label: '主要领导批准注销',
    from: ['closeRequested'],
    to: 'closeApproved',
    who: 'unitLeader',
    stepUp: 'account.close',
  },
  closeRefuse: { label: '主要领导不同意注销', from: ['closeRequested'], to: 'active', who: 'unitLeader', reason: true },
  recordNotice: { label: '登记停更公告', from: ['closeApproved'], to: 'noticePublished', who: 'unitStaff' },
  informSuperior: { label: '登记抄告上级单位', from: ['noticePublished'], to: 'superiorInformed', who: 'unitStaff' },
  deregister: {
    label: '登记平台注销',
    from: ['superiorInformed'],
    to: 'closed',
    who: 'unitStaff',
    stepUp: 'account.close',
  },
};

/** What the guard needs to know about the account. */
export interface GuardAccount {
  status: AccountStatus;
  owningUnitId: string;
  managingUnitId: string;
  /** The official whose personal or leader account this is (null for institutional ones). */
  holderStaffId: string | null;
  refiling: RefilingState | null;
}

/** What the guard needs to know about the person. */
export interface GuardActor {
  staffId: string;
  grants: readonly RoleGrant[];
  /** The county government office's unit id (the unit whose role is 'countyOffice'). */
  countyOfficeUnitId: string | null;
}

export type GuardResult = { ok: true } | { ok: false; reason: string; code: 'InvalidTransition' | 'Forbidden' };

const UNIT_ROLES = ['publisher', 'reviewer', 'leader', 'unitAdmin'];

const WHO_TEXT: Record<ActorKind, string> = {
  unitStaff: '本单位（主管或管理单位）的工作人员',
  unitLeader: '主管单位的主要领导（分管领导角色，并确认经主要领导批准）',
  countyOffice: '县政府办公室的领导或单位管理员',
  infoCenter: '县政府信息中心',
};

/** Whether `actor` is the kind of person a step needs (ignoring the account's state). */
export function actorIs(kind: ActorKind, account: GuardAccount, actor: GuardActor): boolean {
  const g = actor.grants;
  switch (kind) {
    case 'unitStaff':
      return g.some(
        (x) =>
          UNIT_ROLES.includes(x.role) && (x.unitId === account.owningUnitId || x.unitId === account.managingUnitId),
      );
    case 'unitLeader':
      return g.some((x) => x.role === 'leader' && x.unitId === account.owningUnitId);
    case 'countyOffice':
      return (
        actor.countyOfficeUnitId !== null &&
        g.some((x) => (x.role === 'leader' || x.role === 'unitAdmin') && x.unitId === actor.countyOfficeUnitId)
      );
    case 'infoCenter':
      return g.some((x) => x.role === 'infoCenter');
  }
}

/** Why `actor` may not take `action` on `account` now, or ok. */
export function guard(action: AccountAction, account: GuardAccount, actor: GuardActor): GuardResult {
  const row = TRANSITIONS[action];
  if (!row.from.includes(account.status)) {
    return {
      ok: false,
      code: 'InvalidTransition',
      reason: `账号当前状态为「${ACCOUNT_STATUS_LABELS[account.status]}」，不能${row.label}`,
    };
  }
  if (row.refiling && !row.refiling.includes(account.refiling)) {
    const why =
      account.refiling === 'submitted'
        ? '变更备案正在信息中心受理中'
        : account.refiling === null
          ? '没有待处理的变更备案'
          : '变更备案尚未提交';
    return { ok: false, code: 'InvalidTransition', reason: `${why}，不能${row.label}` };
  }
  if (!actorIs(row.who, account, actor)) {
    return { ok: false, code: 'Forbidden', reason: `只有${WHO_TEXT[row.who]}可以${row.label}` };
  }
  if (row.who === 'unitLeader' && account.holderStaffId && account.holderStaffId === actor.staffId) {
    return { ok: false, code: 'Forbidden', reason: `本人的公务账号须由单位其他领导审批，不能自己${row.label}` };
  }
  return { ok: true };
}

/** The steps `actor` may take on `account` now (the buttons the detail screen shows). */
export function allowedActions(account: GuardAccount, actor: GuardActor): AccountAction[] {
  return ACCOUNT_ACTIONS.filter((a) => guard(a, account, actor).ok);
}
