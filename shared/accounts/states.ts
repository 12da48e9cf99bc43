// The lifecycle states of an official account (issue 4) and the work queue each one waits in.
// Opening: 第五条 (principal leader, county government office), notice §一 (1-week filing).
// Closing: 第二十二条 (principal leader approves, superior unit informed, notice, deregister).

export const ACCOUNT_STATUSES = [
  'applied',
  'returned',
  'unitApproved',
  'approved',
  'opened',
  'filed',
  'active',
  'closeRequested',
  'closeApproved',
  'noticePublished',
  'superiorInformed',
  'closed',
  'withdrawn',
] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  applied: '待本单位主要领导审批',
  returned: '已退回，待修改',
  unitApproved: '待县政府办公室审批',
  approved: '已批准，待开通',
  opened: '已开通，待备案',
  filed: '已报备，待信息中心受理',
  active: '正常运行',
  closeRequested: '注销待主要领导批准',
  closeApproved: '注销已批准，待发布停更公告',
  noticePublished: '已发停更公告，待抄告上级单位',
  superiorInformed: '已抄告上级，待平台注销',
  closed: '已注销',
  withdrawn: '已撤回申请',
};

/** States in which the account no longer exists and holds no place in the registry. */
export const ENDED_STATUSES: readonly AccountStatus[] = ['closed', 'withdrawn'];

/** States in which the account exists on the platform (it can be followed, posted to, closed). */
export const LIVE_STATUSES: readonly AccountStatus[] = [
  'opened',
  'filed',
  'active',
  'closeRequested',
  'closeApproved',
  'noticePublished',
  'superiorInformed',
];

/** A change of the filing (one of the three people or the name) after the account is active. */
export const REFILING_STATES = ['due', 'submitted', 'returned'] as const;
export type RefilingState = (typeof REFILING_STATES)[number];
export const REFILING_STATE_LABELS: Record<RefilingState, string> = {
  due: '变更待重新备案',
  submitted: '变更已报备，待信息中心受理',
  returned: '变更备案被退回',
};

/** Whose desk the account is waiting on; stored on the record so queues are one indexed query. */
export type AccountQueue = 'unitLeader' | 'countyOffice' | 'infoCenter' | 'unit' | 'none';

export function queueOf(status: AccountStatus, refiling: RefilingState | null): AccountQueue {
  switch (status) {
    case 'applied':
    case 'closeRequested':
      return 'unitLeader';
    case 'unitApproved':
      return 'countyOffice';
    case 'filed':
      return 'infoCenter';
    case 'returned':
    case 'approved':
    case 'opened':
    case 'closeApproved':
    case 'noticePublished':
    case 'superiorInformed':
      return 'unit';
    case 'active':
      if (refiling === 'submitted') return 'infoCenter';
      return refiling ? 'unit' : 'none';
    default:
      return 'none';
  }
}
