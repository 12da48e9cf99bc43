import type { PermissionRule } from '../access/permissions';

const UNIT = ['publisher', 'reviewer', 'leader', 'unitAdmin'] as const;
const UNIT_AND_COUNTY = [...UNIT, 'infoCenter', 'supervisor'] as const;
const LEADER = ['leader'] as const;
const COUNTY_OFFICE = ['leader', 'unitAdmin'] as const;
const INFO_CENTER = ['infoCenter'] as const;

// Who may call each accounts action. The permission table decides the unit scope; the shared
// transition table (shared/accounts/transitions.ts) then decides the exact person and state.
// County-office steps target the county office's own unit, so its leader/admin pass ownUnit.
export const ACCOUNT_PERMISSIONS: Record<string, PermissionRule> = {
  'accounts.directory': { label: '浏览政务账号名录', audience: 'anyone' },
  'accounts.list': { label: '查看账号登记', audience: 'staff', scope: 'ownUnit', roles: UNIT_AND_COUNTY },
  'accounts.get': {
    label: '查看账号详情',
    audience: 'staff',
    scope: 'ownUnit',
    roles: [...UNIT_AND_COUNTY],
  },
  'accounts.people': { label: '查看可担任责任人的人员', audience: 'staff', scope: 'ownUnit', roles: UNIT_AND_COUNTY },
  'accounts.apply': { label: '申请开设政务账号', audience: 'staff', scope: 'ownUnit', roles: UNIT },
  'accounts.resubmit': { label: '修改后重新提交开设申请', audience: 'staff', scope: 'ownUnit', roles: UNIT },
  'accounts.withdraw': { label: '撤回开设申请', audience: 'staff', scope: 'ownUnit', roles: UNIT },
  'accounts.unitApprove': { label: '主要领导批准开设账号', audience: 'staff', scope: 'ownUnit', roles: LEADER },
  'accounts.unitReturn': { label: '主要领导退回开设申请', audience: 'staff', scope: 'ownUnit', roles: LEADER },
  'accounts.officeQueue': {
    label: '查看县政府办公室待审批账号',
    audience: 'staff',
    scope: 'ownUnit',
    roles: COUNTY_OFFICE,
  },
  'accounts.officeApprove': {
    label: '县政府办公室审批开设账号',
    audience: 'staff',
    scope: 'ownUnit',
    roles: COUNTY_OFFICE,
  },
  'accounts.officeReturn': {
    label: '县政府办公室退回开设申请',
    audience: 'staff',
    scope: 'ownUnit',
    roles: COUNTY_OFFICE,
  },
  'accounts.open': { label: '登记账号开通', audience: 'staff', scope: 'ownUnit', roles: UNIT },
  'accounts.setImage': { label: '上传账号二维码或认证截图', audience: 'staff', scope: 'ownUnit', roles: UNIT },
  'accounts.edit': { label: '变更账号名称或责任人', audience: 'staff', scope: 'ownUnit', roles: UNIT },
  'accounts.submitFiling': { label: '提交备案表', audience: 'staff', scope: 'ownUnit', roles: UNIT },
  'accounts.submitRefiling': { label: '提交变更备案', audience: 'staff', scope: 'ownUnit', roles: UNIT },
  'accounts.acceptFiling': { label: '受理账号备案', audience: 'staff', scope: 'county', roles: INFO_CENTER },
  'accounts.returnFiling': { label: '退回账号备案', audience: 'staff', scope: 'county', roles: INFO_CENTER },
  'accounts.acceptRefiling': { label: '受理变更备案', audience: 'staff', scope: 'county', roles: INFO_CENTER },
  'accounts.returnRefiling': { label: '退回变更备案', audience: 'staff', scope: 'county', roles: INFO_CENTER },
  'accounts.grantException': { label: '登记账号开设例外', audience: 'staff', scope: 'county', roles: INFO_CENTER },
  'accounts.revokeException': { label: '撤销账号开设例外', audience: 'staff', scope: 'county', roles: INFO_CENTER },
  'accounts.exceptions': { label: '查看账号开设例外', audience: 'staff', scope: 'county', roles: INFO_CENTER },
  'accounts.requestClose': { label: '申请注销账号', audience: 'staff', scope: 'ownUnit', roles: UNIT },
  'accounts.closeApprove': { label: '主要领导批准注销账号', audience: 'staff', scope: 'ownUnit', roles: LEADER },
  'accounts.closeRefuse': { label: '主要领导不同意注销账号', audience: 'staff', scope: 'ownUnit', roles: LEADER },
  'accounts.recordNotice': { label: '登记停更公告', audience: 'staff', scope: 'ownUnit', roles: UNIT },
  'accounts.informSuperior': { label: '登记抄告上级单位', audience: 'staff', scope: 'ownUnit', roles: UNIT },
  'accounts.deregister': { label: '登记平台注销', audience: 'staff', scope: 'ownUnit', roles: UNIT },
  'accounts.filingForm': { label: '生成备案表 PDF', audience: 'staff', scope: 'ownUnit', roles: UNIT_AND_COUNTY },
  'accounts.exportRegistry': {
    label: '导出政务账号名录',
    audience: 'staff',
    scope: 'county',
    roles: ['infoCenter', 'supervisor'],
  },
};
