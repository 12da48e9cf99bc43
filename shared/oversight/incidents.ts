import type { RoleGrant } from '../access/roles';

// Opinion incidents (舆情, notice §二, 第十八条(二)): recorded by any staff member with importance,
// type and responsible unit; assigned and handled by that unit; a 重大 one is reported to the
// county government with a monitoring report (监测报告) before it can be closed; a rumour is
// closed only once linked to the post that clarifies it (澄清不实传言).

export const INCIDENT_IMPORTANCE = ['normal', 'serious', 'major'] as const;
export type IncidentImportance = (typeof INCIDENT_IMPORTANCE)[number];
export const IMPORTANCE_LABELS: Record<IncidentImportance, string> = {
  normal: '一般',
  serious: '较大',
  major: '重大',
};

export const INCIDENT_TYPES = ['inquiry', 'complaint', 'rumour', 'negative', 'emergency'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];
export const INCIDENT_TYPE_LABELS: Record<IncidentType, string> = {
  inquiry: '咨询',
  complaint: '投诉',
  rumour: '谣言',
  negative: '负面',
  emergency: '突发',
};

export const INCIDENT_STATES = ['reported', 'assigned', 'handled'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];
export const INCIDENT_STATE_LABELS: Record<IncidentState, string> = {
  reported: '待指派',
  assigned: '处置中',
  handled: '已处置',
};

export const INCIDENT_ACTIONS = ['assign', 'handle', 'escalate', 'linkClarification'] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

/** The facts about an incident the guards read. */
export interface IncidentSubject {
  state: IncidentState;
  unitId: string;
  importance: IncidentImportance;
  type: IncidentType;
  handlerId: string | null;
  escalatedAt: number | null;
  clarificationPostId: string | null;
}

export interface IncidentActor {
  staffId: string;
  roles: readonly RoleGrant[];
}

const COUNTY = ['infoCenter', 'supervisor'];
const holds = (who: IncidentActor, unitId: string, roles: readonly string[]) =>
  who.roles.some((g) => (roles.includes(g.role) && g.unitId === unitId) || COUNTY.includes(g.role));

/** Why `action` cannot run on `m` for `who` now (Chinese), or null when it can. */
export function incidentRefusal(action: IncidentAction, m: IncidentSubject, who: IncidentActor): string | null {
  switch (action) {
    case 'assign':
      if (m.state === 'handled') return '该舆情已处置完毕，不能再指派';
      if (!holds(who, m.unitId, ['leader', 'unitAdmin'])) return '只有责任单位的分管领导或单位管理员可以指派';
      return null;
    case 'handle':
      if (m.state === 'reported') return '请先指派处置人';
      if (m.state === 'handled') return '该舆情已处置完毕';
      if (m.handlerId !== who.staffId && !holds(who, m.unitId, ['leader']))
        return '只有处置人或分管领导可以登记处置结果';
      if (m.importance === 'major' && m.escalatedAt === null) return '重大舆情须先形成监测报告上报县政府，才能办结';
      if (m.type === 'rumour' && !m.clarificationPostId) return '谣言须先关联澄清信息，才能办结';
      return null;
    case 'escalate':
      if (m.state === 'handled') return '该舆情已处置完毕';
      if (m.importance === 'normal') return '一般舆情由责任单位处置，无需上报县政府';
      if (m.escalatedAt !== null) return '该舆情已上报县政府';
      if (!holds(who, m.unitId, ['leader', 'unitAdmin', 'publisher', 'reviewer']))
        return '只有责任单位的工作人员可以上报';
      return null;
    case 'linkClarification':
      if (m.type !== 'rumour') return '只有谣言类舆情需要关联澄清信息';
      if (m.state === 'handled') return '该舆情已处置完毕';
      if (!holds(who, m.unitId, ['leader', 'unitAdmin', 'publisher', 'reviewer']))
        return '只有责任单位的工作人员可以关联澄清信息';
      return null;
  }
}

/** The actions `who` may take now (the screen shows only these). */
export function allowedIncidentActions(m: IncidentSubject, who: IncidentActor): IncidentAction[] {
  return INCIDENT_ACTIONS.filter((a) => incidentRefusal(a, m, who) === null);
}
