import type { PermissionRule } from '../access/permissions';

const UNIT = ['publisher', 'reviewer', 'leader', 'unitAdmin'] as const;
const UNIT_AND_COUNTY = [...UNIT, 'infoCenter', 'supervisor'] as const;
const UNIT_HEADS = ['leader', 'unitAdmin'] as const;
const COUNTY = ['infoCenter', 'supervisor'] as const;
const SUPERVISOR = ['supervisor'] as const;
const INFO_CENTER = ['infoCenter'] as const;
const staff = (label: string, scope: 'ownUnit' | 'county' | 'self', roles: readonly string[]): PermissionRule =>
  ({ label, audience: 'staff', scope, roles }) as PermissionRule;

// Who may call each oversight action. County roles (督查室, 信息中心) see every unit; a unit's own
// staff see their unit's numbers, bulletins naming them, their incidents and their roster.
// County-office steps (declaring an emergency) target the county office's own unit, and the
// handler also checks the caller holds a role there.
export const OVERSIGHT_PERMISSIONS: Record<string, PermissionRule> = {
  'oversight.dashboard': staff('查看督查看板', 'county', COUNTY),
  'oversight.unit': staff('查看单位督查详情', 'ownUnit', UNIT_AND_COUNTY),
  'oversight.cases': staff('查看督查明细', 'ownUnit', UNIT_AND_COUNTY),
  'oversight.trends': staff('查看月度趋势', 'ownUnit', UNIT_AND_COUNTY),
  'oversight.alerts': staff('查看单位预警', 'ownUnit', UNIT_AND_COUNTY),
  'oversight.refresh': staff('立即重新计算督查数据', 'county', COUNTY),
  'oversight.refreshStatus': staff('查看督查数据计算进度', 'county', COUNTY),
  'oversight.rules': staff('查看督查规则', 'self', UNIT_AND_COUNTY),
  'oversight.rulesUpdate': staff('修改督查规则', 'county', INFO_CENTER),
  'oversight.rulesHistory': staff('查看督查规则修改记录', 'county', COUNTY),

  'bulletins.generate': staff('生成通报草稿', 'county', SUPERVISOR),
  'bulletins.list': staff('查看通报列表', 'county', COUNTY),
  'bulletins.get': staff('查看通报', 'ownUnit', UNIT_AND_COUNTY),
  'bulletins.update': staff('修改通报草稿', 'county', SUPERVISOR),
  'bulletins.issue': staff('印发通报', 'county', SUPERVISOR),
  'bulletins.export': staff('导出通报文件', 'ownUnit', UNIT_AND_COUNTY),
  'bulletins.forUnit': staff('查看本单位被通报情况', 'ownUnit', UNIT_AND_COUNTY),
  'bulletins.acknowledge': staff('签收通报', 'ownUnit', UNIT_HEADS),
  'bulletins.reportCorrection': staff('报送整改情况', 'ownUnit', UNIT_HEADS),

  'incidents.record': staff('登记舆情', 'self', UNIT_AND_COUNTY),
  'incidents.list': staff('查看舆情台账', 'ownUnit', UNIT_AND_COUNTY),
  'incidents.get': staff('查看舆情详情', 'ownUnit', UNIT_AND_COUNTY),
  'incidents.assign': staff('指派舆情处置人', 'ownUnit', [...UNIT_HEADS, ...COUNTY]),
  'incidents.handle': staff('登记舆情处置结果', 'ownUnit', [...UNIT, ...COUNTY]),
  'incidents.escalate': staff('上报重大舆情监测报告', 'ownUnit', [...UNIT, ...COUNTY]),
  'incidents.linkClarification': staff('关联谣言澄清信息', 'ownUnit', [...UNIT, ...COUNTY]),

  'duty.get': staff('查看值班表', 'ownUnit', UNIT_AND_COUNTY),
  'duty.save': staff('编排值班表', 'ownUnit', UNIT_HEADS),
  'duty.handover': staff('填写交接班记录', 'ownUnit', UNIT),
  'duty.staff': staff('查看单位人员', 'ownUnit', UNIT_AND_COUNTY),
  'duty.now': staff('查看各单位当前值班', 'county', COUNTY),

  'emergencyEvents.declare': staff('宣布突发事件', 'ownUnit', UNIT_HEADS),
  'emergencyEvents.list': staff('查看突发事件', 'self', UNIT_AND_COUNTY),
  'emergencyEvents.get': staff('查看突发事件详情', 'self', UNIT_AND_COUNTY),
  'emergencyEvents.record': staff('登记突发事件处置节点', 'ownUnit', UNIT_HEADS),
  'emergencyEvents.end': staff('结束突发事件', 'ownUnit', UNIT_HEADS),
};
