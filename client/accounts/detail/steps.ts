import { TRANSITIONS, type AccountAction } from '@shared/accounts/transitions';
import type { AccountDetail } from '../../services/accounts';
import type { StepField, StepValues } from '../common/StepSheet';

// What each lifecycle step asks for on the phone, and how its answers become the request.
// Who may take it and from which state is the shared transition table's business.

export interface StepUi {
  button: string;
  title: string;
  description?: string;
  confirmText: string;
  danger?: boolean;
  fields(d: AccountDetail, ctx: { siblings: Array<{ id: string; label: string }> }): StepField[];
  defaults(d: AccountDetail, today: string): StepValues;
  payload(v: StepValues): Record<string, unknown>;
}

const PRINCIPAL = '我是本单位主要领导，或已经本单位主要领导同意';
const reason = (label = '理由'): StepField => ({
  key: 'reason',
  label,
  kind: 'textarea',
  placeholder: '请写明理由，对方会看到',
});
const none = () => ({});
const str = (v: StepValues, k: string) => String(v[k] ?? '').trim();
const opt = (v: StepValues, k: string) => (str(v, k) ? { [k]: str(v, k) } : {});

const confirmOnly = (button: string, description: string, confirmText = button): StepUi => ({
  button,
  title: button,
  description,
  confirmText,
  fields: () => [],
  defaults: none,
  payload: none,
});

const withReason = (button: string, description: string, danger = true): StepUi => ({
  button,
  title: button,
  description,
  confirmText: button,
  danger,
  fields: () => [reason()],
  defaults: () => ({ reason: '' }),
  payload: (v) => ({ reason: str(v, 'reason') }),
});

/** A responsible person, chosen among the owning and managing units' people with the role. */
const person = (
  d: AccountDetail,
  key: 'leaderId' | 'reviewerId' | 'publisherId',
  label: string,
  role: 'leader' | 'reviewer' | 'publisher',
): StepField => ({
  key,
  label,
  kind: 'person',
  unitIds: [...new Set([d.owningUnitId, d.managingUnitId])],
  role,
  valueName: d.responsible[role].name,
});

export const STEP_UI: Partial<Record<AccountAction, StepUi>> = {
  withdraw: { ...confirmOnly('撤回申请', '撤回后申请作废；如需开设请重新申请。'), danger: true },
  unitApprove: {
    button: '批准开设',
    title: '批准开设账号',
    description: '第五条：设立政务微博、微信须经本单位主要领导批准，再报县政府办公室。',
    confirmText: '批准',
    fields: () => [{ key: 'principalConfirmed', label: PRINCIPAL, kind: 'check' }],
    defaults: () => ({ principalConfirmed: false }),
    payload: (v) => (v.principalConfirmed === true ? { principalConfirmed: true } : {}),
  },
  unitReturn: withReason('退回修改', '退回后申请人可修改重新提交。'),
  officeApprove: confirmOnly('审批同意', '同意后，单位可在平台上开通账号，开通后 7 天内报县政府信息中心备案。', '同意'),
  officeReturn: withReason('退回', '退回后申请人可修改重新提交。'),
  open: {
    button: '登记开通',
    title: '登记账号开通',
    description: '开通后 7 天内须提交备案表（盐政公开办发〔2017〕1号）。',
    confirmText: '登记开通',
    fields: () => [
      { key: 'name', label: '平台上的账号名称', kind: 'text' },
      { key: 'openedOn', label: '开通日期', kind: 'date' },
      { key: 'platformAccountId', label: '平台账号或微信号', kind: 'text', placeholder: '例如 yanchijiaoyu' },
      { key: 'link', label: '账号主页链接（选填）', kind: 'text', placeholder: 'https://' },
    ],
    defaults: (d, today) => ({ name: d.name, openedOn: today, platformAccountId: d.platformAccountId, link: d.link }),
    payload: (v) => ({
      name: str(v, 'name'),
      openedOn: str(v, 'openedOn'),
      platformAccountId: str(v, 'platformAccountId'),
      link: str(v, 'link'),
    }),
  },
  edit: {
    button: '变更名称或责任人',
    title: '变更账号信息',
    description: '正常运行的账号变更名称或分管领导、审核人员、发布人员后，须在 7 天内重新备案。',
    confirmText: '保存变更',
    fields: (d) => [
      { key: 'name', label: '账号名称', kind: 'text' },
      person(d, 'leaderId', '分管领导', 'leader'),
      person(d, 'reviewerId', '审核人员', 'reviewer'),
      person(d, 'publisherId', '发布人员', 'publisher'),
      { key: 'qq', label: 'QQ号（选填）', kind: 'text' },
    ],
    defaults: (d) => ({
      name: d.name,
      leaderId: d.responsible.leader.staffId,
      reviewerId: d.responsible.reviewer.staffId,
      publisherId: d.responsible.publisher.staffId,
      qq: d.qq,
    }),
    payload: (v) => ({
      name: str(v, 'name'),
      responsible: {
        leaderId: str(v, 'leaderId'),
        reviewerId: str(v, 'reviewerId'),
        publisherId: str(v, 'publisherId'),
      },
      qq: str(v, 'qq'),
    }),
  },
  submitFiling: confirmOnly('提交备案表', '备案表（附件1）将报县政府信息中心受理。可先下载 PDF 核对。', '提交备案'),
  acceptFiling: confirmOnly('受理备案', '受理后账号正常运行，并列入全县政务账号名录。', '受理'),
  returnFiling: withReason('退回备案', '退回后单位修改信息重新提交，备案期限不变。'),
  submitRefiling: confirmOnly('提交变更备案', '把变更后的备案表报县政府信息中心受理。', '提交'),
  acceptRefiling: confirmOnly('受理变更备案', '受理后变更生效，备案表版本更新。', '受理'),
  returnRefiling: withReason('退回变更备案', '退回后单位修改重新提交，期限不变。'),
  requestClose: {
    button: '申请注销',
    title: '申请注销账号',
    description: '第二十二条：经主管部门主要领导批准，抄告上级单位，予以公告，并在平台注销。',
    confirmText: '提交注销申请',
    danger: true,
    fields: (_d, ctx) => [
      reason('注销理由'),
      ...(ctx.siblings.length
        ? [
            {
              key: 'successorId',
              label: '引导关注者改关注（本单位主账号，选填）',
              kind: 'chips' as const,
              options: ctx.siblings,
            },
          ]
        : []),
    ],
    defaults: () => ({ reason: '', successorId: '' }),
    payload: (v) => ({ reason: str(v, 'reason'), ...opt(v, 'successorId') }),
  },
  closeApprove: {
    button: '批准注销',
    title: '批准注销账号',
    description: '批准后需要验证 PIN。随后单位发布停更公告、抄告上级单位并在平台注销。',
    confirmText: '批准注销',
    danger: true,
    fields: () => [{ key: 'principalConfirmed', label: PRINCIPAL, kind: 'check' }],
    defaults: () => ({ principalConfirmed: false }),
    payload: (v) => (v.principalConfirmed === true ? { principalConfirmed: true } : {}),
  },
  closeRefuse: withReason('不同意注销', '账号恢复正常运行。', false),
  recordNotice: {
    button: '登记停更公告',
    title: '登记停更公告',
    description: '在本账号上发布停更公告，告知关注者今后关注本单位的主账号。',
    confirmText: '登记',
    fields: () => [
      { key: 'publishedOn', label: '公告发布日期', kind: 'date' },
      { key: 'noticeText', label: '公告内容', kind: 'textarea' },
      { key: 'link', label: '公告链接（选填）', kind: 'text', placeholder: 'https://' },
    ],
    defaults: (d, today) => ({
      publishedOn: today,
      noticeText: d.closure?.successorName
        ? `本账号即日起停止更新，感谢关注。请关注${d.closure.successorName.replace(/（.*）$/, '')}获取${d.owningUnitName}的最新信息。`
        : `本账号即日起停止更新，感谢关注。${d.owningUnitName}的信息请关注县政府门户网站。`,
      link: '',
    }),
    payload: (v) => ({ publishedOn: str(v, 'publishedOn'), noticeText: str(v, 'noticeText'), link: str(v, 'link') }),
  },
  informSuperior: {
    button: '登记抄告上级',
    title: '登记抄告上级单位',
    confirmText: '登记',
    fields: () => [
      { key: 'superiorUnit', label: '上级单位', kind: 'text', placeholder: '例如 县政府办公室' },
      { key: 'informedOn', label: '抄告日期', kind: 'date' },
    ],
    defaults: (_d, today) => ({ superiorUnit: '', informedOn: today }),
    payload: (v) => ({ superiorUnit: str(v, 'superiorUnit'), informedOn: str(v, 'informedOn') }),
  },
  deregister: {
    button: '登记平台注销',
    title: '登记平台注销',
    description: '确认已在平台上注销本账号。登记后账号从全县名录中移除，需要验证 PIN。',
    confirmText: '确认已注销',
    danger: true,
    fields: () => [{ key: 'deregisteredOn', label: '平台注销日期', kind: 'date' }],
    defaults: (_d, today) => ({ deregisteredOn: today }),
    payload: (v) => ({ deregisteredOn: str(v, 'deregisteredOn') }),
  },
};

/** The fresh-PIN purpose a step needs, or undefined. */
export const stepUpPurpose = (a: AccountAction) => TRANSITIONS[a].stepUp;
