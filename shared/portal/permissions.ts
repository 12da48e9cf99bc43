import type { PermissionRule } from '../access/permissions';

// The information center manages the import keys; the machines holding them may only import,
// each into its own channel (the key decides the channel, never the payload).
export const PORTAL_PERMISSIONS: Record<string, PermissionRule> = {
  'importKeys.create': { label: '创建导入密钥', audience: 'staff', scope: 'county', roles: ['infoCenter'] },
  'importKeys.list': { label: '查看导入密钥', audience: 'staff', scope: 'county', roles: ['infoCenter'] },
  'importKeys.revoke': { label: '停用导入密钥', audience: 'staff', scope: 'county', roles: ['infoCenter'] },
  'portal.import': {
    label: '外部系统导入留言（门户网站信箱、12345）',
    audience: 'service',
    channels: ['portal', 'hotline12345'],
  },
};
