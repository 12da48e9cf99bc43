import type { PermissionRule } from '../access/permissions';

const UNIT_AND_COUNTY = ['publisher', 'reviewer', 'leader', 'unitAdmin', 'infoCenter', 'supervisor'] as const;

// Who may do what with citizen messages (the full table grows with the message workflow).
export const MESSAGE_PERMISSIONS: Record<string, PermissionRule> = {
  'messages.submit': { label: '提交留言', audience: 'anyone' },
  'messages.mine': { label: '查看我的留言', audience: 'anyone' },
  'messages.inbox': { label: '查看留言收件箱', audience: 'staff', scope: 'ownUnit', roles: UNIT_AND_COUNTY },
};
