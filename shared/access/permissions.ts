import { isCountyRole, type Role, type RoleGrant } from './roles';
import { IDENTITY_PERMISSIONS } from '../identity/permissions';
import { MESSAGE_PERMISSIONS } from '../messages/permissions';
import { ACCOUNT_PERMISSIONS } from '../accounts/permissions';
import { POST_PERMISSIONS } from '../posts/permissions';
import { OVERSIGHT_PERMISSIONS } from '../oversight/permissions';
import { PORTAL_PERMISSIONS } from '../portal/permissions';
import type { ImportChannel } from '../portal/schemas';

// The permission table: every action the cloud functions accept, who may call it and over
// what scope. Deny by default: an action missing here is refused, and a test fails. Each
// feature keeps its rows in shared/<feature>/permissions.ts; this file joins them.
//
// audience
// - anyone: any WeChat user (a citizen needs no registration); identity still comes from context.
// - member: anyone with a staff record, pending or active, from any device (onboarding, binding
//   a phone, reporting one lost): nothing here can read or change the county's business.
// - staff: an active staff member on a trusted, unlocked device, holding one of `roles`:
//   scope ownUnit: the role in the unit the action targets, or a listed county role;
//   scope county: a listed county role; scope self: the role anywhere.
// - service: no person at all — a machine (the portal's mailbox, the 12345 platform) holding an
//   import key of one of `channels`, over the signed HTTP path (server/features/portal/machine.ts).
//   Every person is refused, and a key reaches nothing else.
// lockExempt: may run while the app is idle-locked (unlocking itself, first PIN).
// label: what the action does, in Chinese (the audit story and the security log read it).
export type PermissionRule = { label: string } & (
  | { audience: 'anyone' }
  | { audience: 'member' }
  | { audience: 'service'; channels: readonly ImportChannel[] }
  | {
      audience: 'staff';
      scope: 'ownUnit' | 'county' | 'self';
      roles: readonly Role[];
      lockExempt?: boolean;
    }
);

/** The Chinese label of an action (or of a system event such as `demo.seed`). */
export function actionLabel(action: string): string {
  return PERMISSIONS[action]?.label ?? SYSTEM_EVENT_LABELS[action] ?? action;
}

const SYSTEM_EVENT_LABELS: Record<string, string> = {
  'demo.seed': '初始化演示县',
  'session.demo': '演示身份登录',
  'admin.bootstrap': '创建初始管理员邀请码',
  'sweeper.run': '督办扫描',
  'sweeper.remind': '到期前提醒承办人',
  'sweeper.escalate': '超期督办升级',
  'sweeper.urgeLapsed': '催办逾期未签收',
  'sweeper.autoClose': '答复 7 天未评价，自动办结',
  'oversight.alertsRaised': '规则引擎发出预警',
  'oversight.alertsCleared': '预警条件消除，关闭预警',
};

export const UNIT_STAFF = ['publisher', 'reviewer', 'leader', 'unitAdmin'] as const;
export const ALL_STAFF = [...UNIT_STAFF, 'infoCenter', 'supervisor'] as const;

export const PERMISSIONS: Record<string, PermissionRule> = {
  ...IDENTITY_PERMISSIONS,
  ...MESSAGE_PERMISSIONS,
  ...ACCOUNT_PERMISSIONS,
  ...POST_PERMISSIONS,
  ...OVERSIGHT_PERMISSIONS,
  ...PORTAL_PERMISSIONS,
};

export const SERVICE_ONLY = '该操作只接受已登记外部系统的签名请求（导入密钥），不能由个人调用';

export type Decision = { allowed: true } | { allowed: false; reason: string };

/** Decides whether a caller holding `grants` may run `rule` against `targetUnitId`. */
export function decide(
  rule: PermissionRule | undefined,
  grants: readonly RoleGrant[],
  targetUnitId: string | null,
): Decision {
  if (!rule) return { allowed: false, reason: '该操作未列入权限表，默认拒绝' };
  if (rule.audience === 'service') return { allowed: false, reason: SERVICE_ONLY };
  if (rule.audience !== 'staff') return { allowed: true };
  const held = grants.filter((g) => rule.roles.includes(g.role));
  if (!held.length) return { allowed: false, reason: '您没有执行该操作的角色' };
  if (rule.scope === 'self') return { allowed: true };
  const county = held.some((g) => isCountyRole(g.role));
  if (rule.scope === 'county') {
    return county ? { allowed: true } : { allowed: false, reason: '该操作仅限县级管理部门' };
  }
  if (county) return { allowed: true };
  if (!targetUnitId) return { allowed: false, reason: '无法确定操作所属单位' };
  return held.some((g) => g.unitId === targetUnitId)
    ? { allowed: true }
    : { allowed: false, reason: '只能处理本单位的事项' };
}
