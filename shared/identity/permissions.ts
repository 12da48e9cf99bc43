import type { PermissionRule } from '../access/permissions';

const ANY_STAFF = ['publisher', 'reviewer', 'leader', 'unitAdmin', 'infoCenter', 'supervisor'] as const;
const ADMINS = ['unitAdmin', 'infoCenter'] as const;

// Identity, onboarding, devices, PIN and the security log (issue 3; notice 第二十一条).
export const IDENTITY_PERMISSIONS: Record<string, PermissionRule> = {
  'units.list': { label: '查看单位名录', audience: 'anyone' },
  'me.get': { label: '查看我的身份', audience: 'anyone' },
  'invites.redeem': { label: '使用邀请码登记', audience: 'anyone' },
  'devices.register': { label: '申请绑定本机', audience: 'member' },
  'devices.mine': { label: '查看我的设备', audience: 'member' },
  'devices.reportLost': { label: '挂失设备', audience: 'member' },
  'security.reportCapture': { label: '报告截屏或录屏', audience: 'member' },
  'pin.set': { label: '设置 PIN', audience: 'staff', scope: 'self', roles: ANY_STAFF, lockExempt: true },
  'session.unlock': { label: '输入 PIN 解锁', audience: 'staff', scope: 'self', roles: ANY_STAFF, lockExempt: true },
  'session.lock': { label: '立即锁定', audience: 'staff', scope: 'self', roles: ANY_STAFF, lockExempt: true },
  'stepup.verify': { label: '验证 PIN（敏感操作）', audience: 'staff', scope: 'self', roles: ANY_STAFF },
  'stepup.challenge': { label: '申请生物认证挑战码', audience: 'staff', scope: 'self', roles: ANY_STAFF },
  'invites.create': { label: '创建邀请码', audience: 'staff', scope: 'ownUnit', roles: ADMINS },
  'invites.open': { label: '查看未使用的邀请码', audience: 'staff', scope: 'ownUnit', roles: ADMINS },
  'invites.cancel': { label: '作废邀请码', audience: 'staff', scope: 'ownUnit', roles: ADMINS },
  'staff.list': { label: '查看本单位人员', audience: 'staff', scope: 'ownUnit', roles: ADMINS },
  'staff.decide': { label: '审批人员登记', audience: 'staff', scope: 'ownUnit', roles: ADMINS },
  'staff.disable': { label: '停用人员', audience: 'staff', scope: 'ownUnit', roles: ADMINS },
  'staff.unlock': { label: '解除 PIN 锁定', audience: 'staff', scope: 'ownUnit', roles: ADMINS },
  'devices.unit': { label: '查看本单位设备', audience: 'staff', scope: 'ownUnit', roles: ADMINS },
  'devices.approve': { label: '批准设备', audience: 'staff', scope: 'ownUnit', roles: ADMINS },
  'security.events': { label: '查看安全日志', audience: 'staff', scope: 'ownUnit', roles: ADMINS },
};
