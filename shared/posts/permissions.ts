import type { PermissionRule } from '../access/permissions';

const READERS = ['publisher', 'reviewer', 'leader', 'unitAdmin', 'infoCenter', 'supervisor'] as const;
const WORKFLOW = ['publisher', 'reviewer', 'leader'] as const;

// Who may do what with posts (issue 5). The table gates by role and unit; the transition
// guards (shared/posts/transitions.ts) then decide by the post's state and the person
// (author ≠ reviewer ≠ approver; only the account's filed leader approves).
export const POST_PERMISSIONS: Record<string, PermissionRule> = {
  'posts.accounts': { label: '查看可发布的账号', audience: 'staff', scope: 'self', roles: ['publisher'] },
  'posts.emergencyEvents': {
    label: '查看本单位须回应的突发事件',
    audience: 'staff',
    scope: 'ownUnit',
    roles: ['publisher'],
  },
  'posts.uploadImage': { label: '上传信息图片', audience: 'staff', scope: 'self', roles: ['publisher'] },
  'posts.registerImage': { label: '登记信息图片', audience: 'staff', scope: 'self', roles: ['publisher'] },
  'posts.ownImage': { label: '查看自己上传的信息图片', audience: 'staff', scope: 'self', roles: ['publisher'] },
  'posts.image': { label: '查看信息图片', audience: 'staff', scope: 'ownUnit', roles: READERS },
  'posts.create': { label: '撰写信息草稿', audience: 'staff', scope: 'ownUnit', roles: ['publisher'] },
  'posts.update': { label: '修改信息草稿', audience: 'staff', scope: 'ownUnit', roles: ['publisher'] },
  'posts.check': { label: '自动检查信息内容', audience: 'staff', scope: 'ownUnit', roles: ['publisher', 'reviewer'] },
  'posts.submit': { label: '提交信息审核', audience: 'staff', scope: 'ownUnit', roles: ['publisher'] },
  'posts.withdraw': { label: '撤回信息', audience: 'staff', scope: 'ownUnit', roles: ['publisher'] },
  'posts.review': { label: '审核信息（保密审查）', audience: 'staff', scope: 'ownUnit', roles: ['reviewer'] },
  'posts.return': { label: '退回信息', audience: 'staff', scope: 'ownUnit', roles: ['reviewer', 'leader'] },
  'posts.approve': { label: '审批信息', audience: 'staff', scope: 'ownUnit', roles: ['leader'] },
  'posts.publish': { label: '登记信息发布', audience: 'staff', scope: 'ownUnit', roles: ['publisher'] },
  'posts.deliveryFailed': { label: '登记平台发布失败', audience: 'staff', scope: 'ownUnit', roles: ['publisher'] },
  'posts.get': { label: '查看信息详情', audience: 'staff', scope: 'ownUnit', roles: READERS },
  'posts.diff': { label: '比较信息版本', audience: 'staff', scope: 'ownUnit', roles: READERS },
  'posts.mine': { label: '查看我的稿件', audience: 'staff', scope: 'self', roles: ['publisher'] },
  'posts.queue': { label: '查看待办信息', audience: 'staff', scope: 'self', roles: WORKFLOW },
  'posts.feed': { label: '查看已发布信息', audience: 'anyone' },
  'postRules.get': { label: '查看信息检查词表', audience: 'staff', scope: 'county', roles: ['infoCenter'] },
  'postRules.addWords': {
    label: '维护信息检查词表（新增）',
    audience: 'staff',
    scope: 'county',
    roles: ['infoCenter'],
  },
  'postRules.removeWords': {
    label: '维护信息检查词表（删除）',
    audience: 'staff',
    scope: 'county',
    roles: ['infoCenter'],
  },
  'postRules.setDomains': { label: '设置门户网站域名', audience: 'staff', scope: 'county', roles: ['infoCenter'] },
};
