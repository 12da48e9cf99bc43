import { z } from '../core/zod';
import { cursorSchema, idSchema, pageSizeSchema, textSchema } from '../core/validators';
import { searchTextSchema } from '../identity/schemas';
import { RULE_KEYS, type RuleKey } from './rules';
import { PERIOD_KINDS } from './bulletin';
import { INCIDENT_IMPORTANCE, INCIDENT_TYPES, INCIDENT_STATES } from './incidents';
import { TIME_OF_DAY, type Weekday } from './roster';
import { EMERGENCY_MILESTONES, EVENT_LEVELS } from './emergency';

// Inputs of the oversight cloud function (issue 7). Every input is a strict object: unknown
// fields are refused. View shapes live in views.ts.

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 2026-11' });
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 2026-11-30' });
const instantSchema = z.number({ error: '请选择时间' }).int().positive();

/**
 * An id the person chooses in a picker (a unit, a person on duty): left empty they have chosen
 * nothing, which the field says in words, rather than 编号格式不正确 — a malformed id is a
 * different fault (a bad link, a forged call) and keeps idSchema's message.
 */
const chosenId = (empty: string) => z.string({ error: empty }).min(1, { error: empty, abort: true }).pipe(idSchema);
const chosenUnitId = chosenId('请选择单位');

export const dashboardInput = z.strictObject({ month: monthSchema.optional() });
export const unitDetailInput = z.strictObject({ unitId: chosenUnitId, month: monthSchema.optional() });

export const CASE_KINDS = ['overdueMessages', 'longUnanswered', 'alerts', 'redAlerts'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  overdueMessages: '超期未办留言',
  longUnanswered: '超过 3 个月未回复',
  alerts: '未关闭的预警',
  redAlerts: '红色标记',
};
export const casesInput = z.strictObject({
  unitId: idSchema,
  kind: z.enum(CASE_KINDS, { error: '明细类型无效' }),
  pageSize: pageSizeSchema,
  cursor: cursorSchema,
});
export const trendsInput = z.strictObject({
  unitId: idSchema.optional(),
  months: z.number().int().min(3).max(12).default(6),
});
export const emptyInput = z.strictObject({});

const settingSchema = z.strictObject({
  value: z.number({ error: '请填写时限' }).int({ error: '时限须为整数' }),
  enabled: z.boolean(),
});
export const updateRulesInput = z.strictObject({
  baseVersion: z.number().int().min(0),
  settings: z.record(z.enum(RULE_KEYS), settingSchema).refine((s) => RULE_KEYS.every((k) => k in s), {
    error: '规则设置不完整',
  }),
  reason: textSchema('修改理由', 2, 200),
});
export type UpdateRulesInput = z.input<typeof updateRulesInput>;
export const ruleHistoryInput = z.strictObject({ pageSize: pageSizeSchema, cursor: cursorSchema });

export const periodSchema = z.strictObject({
  kind: z.enum(PERIOD_KINDS, { error: '请选择月度或季度' }),
  year: z.number().int().min(2017).max(2100),
  index: z.number().int().min(1).max(12),
});
export const generateBulletinInput = z.strictObject({ period: periodSchema });
export const bulletinIdInput = z.strictObject({ id: idSchema, unitId: idSchema.optional() });
export const listBulletinsInput = z.strictObject({ pageSize: pageSizeSchema, cursor: cursorSchema });
export const unitBulletinsInput = z.strictObject({ unitId: idSchema });
export const updateBulletinInput = z.strictObject({
  id: idSchema,
  rev: z.number().int().min(0),
  title: textSchema('标题', 4, 80),
  docNo: textSchema('文号', 2, 40),
  overviewText: textSchema('总体情况', 10, 3000),
  requirementsText: textSchema('工作要求', 10, 3000),
  deadline: dateSchema,
  remarks: z.record(idSchema, z.string().trim().max(500, { error: '单位说明不超过 500 个字' })).default({}),
});
export type UpdateBulletinInput = z.input<typeof updateBulletinInput>;
export const issueBulletinInput = z.strictObject({ id: idSchema, rev: z.number().int().min(0) });
export const exportBulletinInput = z.strictObject({
  id: idSchema,
  format: z.enum(['docx', 'pdf'], { error: '导出格式无效' }),
  unitId: idSchema.optional(),
});
export const acknowledgeInput = z.strictObject({ id: idSchema, unitId: idSchema });
export const correctionInput = z.strictObject({
  id: idSchema,
  unitId: idSchema,
  text: textSchema('整改情况', 10, 2000),
});

const linkSchema = z
  .string({ error: '请填写链接' })
  .trim()
  .max(500, { error: '链接不超过 500 个字符' })
  .regex(/^https?:\/\/[^\s]+$/, { error: '请填写以 http:// 或 https:// 开头的链接' });
const fileIdSchema = z
  .string()
  .max(300)
  .regex(/^(cloud:\/\/[A-Za-z0-9._\-/]+|local:[A-Za-z0-9_-]{8,64}\.(jpg|png|webp))$/, { error: '截图编号无效' });

export const recordIncidentInput = z.strictObject({
  platform: textSchema('平台', 2, 20),
  link: z.union([linkSchema, z.literal('')]).default(''),
  summary: textSchema('舆情摘要', 10, 1000),
  screenshots: z.array(fileIdSchema).max(6, { error: '最多 6 张截图' }).default([]),
  importance: z.enum(INCIDENT_IMPORTANCE, { error: '请选择重要程度' }),
  type: z.enum(INCIDENT_TYPES, { error: '请选择舆情类型' }),
  unitId: chosenId('请选择责任单位'),
});
export type RecordIncidentInput = z.input<typeof recordIncidentInput>;
export const listIncidentsInput = z.strictObject({
  unitId: idSchema.optional(),
  state: z.enum(INCIDENT_STATES, { error: '状态无效' }).optional(),
  pageSize: pageSizeSchema,
  cursor: cursorSchema,
});
export const incidentIdInput = z.strictObject({ id: idSchema });
export const assignIncidentInput = z.strictObject({ id: idSchema, handlerId: chosenId('请选择处置人') });
export const handleIncidentInput = z.strictObject({ id: idSchema, note: textSchema('处置情况', 5, 2000) });
export const escalateIncidentInput = z.strictObject({ id: idSchema, report: textSchema('监测报告', 20, 5000) });
export const linkClarificationInput = z.strictObject({ id: idSchema, postId: idSchema });

export const unitInput = z.strictObject({ unitId: chosenUnitId });
export const shiftSchema = z.strictObject({
  weekday: z
    .number({ error: '请选择星期' })
    .int()
    .min(1, { error: '请选择星期' })
    .max(7, { error: '请选择星期' })
    .transform((d) => d as Weekday),
  start: z.string().regex(TIME_OF_DAY, { error: '时间格式应为 08:30' }),
  end: z.string().regex(TIME_OF_DAY, { error: '时间格式应为 18:00' }),
  staffId: chosenId('请选择值班人员'),
});
export const saveRosterInput = z.strictObject({
  unitId: chosenUnitId,
  shifts: z.array(shiftSchema).max(70, { error: '每周最多 70 个班次' }),
});
export type SaveRosterInput = z.input<typeof saveRosterInput>;
/** 各单位当前值班: the county's active units a page at a time, optionally by a word of the name. */
export const dutyNowInput = z.strictObject({
  q: searchTextSchema,
  pageSize: pageSizeSchema,
  cursor: cursorSchema,
});
export const handoverInput = z.strictObject({ unitId: chosenUnitId, note: textSchema('交接班记录', 5, 1000) });

export const declareEventInput = z.strictObject({
  title: textSchema('事件名称', 4, 60),
  description: textSchema('事件概况', 10, 2000),
  level: z.enum(EVENT_LEVELS, { error: '请选择事件级别' }),
  occurredAt: instantSchema,
  /** The units concerned; empty: every unit. */
  unitIds: z.array(chosenUnitId).max(400).default([]),
});
export type DeclareEventInput = z.input<typeof declareEventInput>;
export const eventIdInput = z.strictObject({ id: idSchema });
export const listEventsInput = z.strictObject({ pageSize: pageSizeSchema, cursor: cursorSchema });
export const recordMilestoneInput = z.strictObject({
  id: idSchema,
  milestone: z.enum(EMERGENCY_MILESTONES, { error: '请选择节点' }),
  at: instantSchema.optional(),
  note: textSchema('说明', 2, 500),
});
export const endEventInput = z.strictObject({ id: idSchema, note: textSchema('结束说明', 2, 500) });

export const alertsInput = z.strictObject({
  unitId: idSchema,
  state: z.enum(['open', 'closed']).default('open'),
  pageSize: pageSizeSchema,
  cursor: cursorSchema,
});

export type { RuleKey };
