import type { PermissionRule } from '../access/permissions';

const UNIT_AND_COUNTY = ['publisher', 'reviewer', 'leader', 'unitAdmin', 'infoCenter', 'supervisor'] as const;
/** Who handles messages in a unit (the transition table narrows each action further). */
const HANDLERS = ['publisher', 'reviewer', 'leader'] as const;
const REVIEWERS = ['reviewer', 'leader'] as const;
const ALL_STAFF = UNIT_AND_COUNTY;

// Who may do what with citizen messages. The unit scope comes from the message's current unit;
// the shared transition table (transitions.ts) then checks state, actor and guards.
export const MESSAGE_PERMISSIONS: Record<string, PermissionRule> = {
  'messages.submit': { label: '提交留言', audience: 'anyone' },
  'messages.mine': { label: '查看我的留言', audience: 'anyone' },
  'messages.mineGet': { label: '查看我的留言详情', audience: 'anyone' },
  'messages.rate': { label: '评价答复', audience: 'anyone' },
  'messages.board': { label: '查看公开答复', audience: 'anyone' },
  'messages.uploadPhoto': { label: '上传留言图片', audience: 'anyone' },
  'messages.registerPhoto': { label: '登记留言图片', audience: 'anyone' },
  'messages.photo': { label: '查看自己的留言图片', audience: 'anyone' },
  'messages.staffPhoto': { label: '查看留言图片', audience: 'staff', scope: 'ownUnit', roles: UNIT_AND_COUNTY },
  'messages.inbox': { label: '查看留言收件箱', audience: 'staff', scope: 'ownUnit', roles: UNIT_AND_COUNTY },
  'messages.get': { label: '查看留言详情', audience: 'staff', scope: 'ownUnit', roles: UNIT_AND_COUNTY },
  'messages.handlers': { label: '查看可指定的承办人', audience: 'staff', scope: 'ownUnit', roles: HANDLERS },
  'messages.accept': { label: '受理留言', audience: 'staff', scope: 'ownUnit', roles: HANDLERS },
  'messages.route': { label: '分办留言', audience: 'staff', scope: 'ownUnit', roles: HANDLERS },
  'messages.transfer': { label: '转办留言', audience: 'staff', scope: 'ownUnit', roles: HANDLERS },
  'messages.acceptTransfer': { label: '接收转办', audience: 'staff', scope: 'ownUnit', roles: HANDLERS },
  'messages.returnTransfer': { label: '退回转办', audience: 'staff', scope: 'ownUnit', roles: HANDLERS },
  'messages.assign': { label: '指定承办人', audience: 'staff', scope: 'ownUnit', roles: HANDLERS },
  'messages.draftReply': { label: '起草答复', audience: 'staff', scope: 'ownUnit', roles: HANDLERS },
  'messages.draftRedirect': { label: '起草告知反映渠道', audience: 'staff', scope: 'ownUnit', roles: HANDLERS },
  'messages.approveReply': { label: '审核通过答复', audience: 'staff', scope: 'ownUnit', roles: REVIEWERS },
  'messages.returnReply': { label: '退回答复', audience: 'staff', scope: 'ownUnit', roles: REVIEWERS },
  'messages.requestExtension': { label: '申请延期', audience: 'staff', scope: 'ownUnit', roles: HANDLERS },
  'messages.acknowledgeUrge': { label: '签收催办', audience: 'staff', scope: 'ownUnit', roles: HANDLERS },
  'messages.decideExtension': { label: '审批延期', audience: 'staff', scope: 'county', roles: ['supervisor'] },
  'messages.urge': { label: '催办留言', audience: 'staff', scope: 'county', roles: ['supervisor'] },
  'messages.supervision': {
    label: '查看超期与督办留言',
    audience: 'staff',
    scope: 'county',
    roles: ['supervisor', 'infoCenter'],
  },
  'messages.import': { label: '导入门户网站或 12345 留言', audience: 'staff', scope: 'county', roles: ['infoCenter'] },
  'calendar.list': { label: '查看工作日历', audience: 'staff', scope: 'self', roles: ALL_STAFF },
  'calendar.set': { label: '调整工作日历', audience: 'staff', scope: 'county', roles: ['infoCenter'] },
  'notices.mine': { label: '查看我的通知', audience: 'anyone' },
  'notices.read': { label: '标记通知已读', audience: 'anyone' },
  'notices.subscribeTemplates': { label: '查看可订阅的微信消息', audience: 'anyone' },
  'notices.outbox': { label: '查看微信消息发送记录', audience: 'staff', scope: 'county', roles: ['infoCenter'] },
};
