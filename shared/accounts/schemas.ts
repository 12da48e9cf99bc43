import { z } from '../core/zod';
import { cursorSchema, idSchema, pageSizeSchema, textSchema } from '../core/validators';
import { ACCOUNT_TYPES, PLATFORMS } from './contract';
import { NAME_MAX, NAME_MIN } from './naming';
import { parseChinaDate } from './deadlines';
import { searchTextSchema } from '../identity/schemas';

// Inputs of the accounts cloud function: the form, the cloud function and the tests share them.

export const platformSchema = z.enum(PLATFORMS, { error: '请选择平台' });
export const accountTypeSchema = z.enum(ACCOUNT_TYPES, { error: '请选择账号类型' });
export const accountNameSchema = textSchema('账号名称', NAME_MIN, NAME_MAX);
export const reasonSchema = textSchema('理由', 2, 200);

/** A China calendar date typed as `2026-11-27`. */
export const chinaDateSchema = z
  .string({ error: '请选择日期' })
  .trim()
  .refine((s) => parseChinaDate(s) !== null, { error: '日期格式应为 2026-11-27' });

export const qqSchema = z.union([
  z
    .string()
    .trim()
    .regex(/^[1-9]\d{4,11}$/, { error: 'QQ号为 5～12 位数字' }),
  z.literal(''),
]);

export const linkSchema = z.union([
  z
    .string()
    .trim()
    .max(300, { error: '链接不超过 300 个字符' })
    .regex(/^https?:\/\/[^\s]+$/, { error: '链接应以 http:// 或 https:// 开头' }),
  z.literal(''),
]);

/** The three responsible people of 附件1, chosen among the product's staff (ids only). */
export const responsibleInput = z.strictObject({
  leaderId: idSchema.describe('分管领导'),
  reviewerId: idSchema.describe('审核人员'),
  publisherId: idSchema.describe('发布人员'),
});

/** The application form (申请开设). */
export const applicationFields = {
  platform: platformSchema,
  type: accountTypeSchema,
  owningUnitId: idSchema.describe('主管部门'),
  managingUnitId: idSchema.describe('管理部门'),
  name: accountNameSchema,
  purpose: textSchema('功能定位', 4, 200),
  holderStaffId: idSchema.optional(),
  responsible: responsibleInput,
  qq: qqSchema.default(''),
};

export const applyInput = z.strictObject(applicationFields).superRefine((v, ctx) => {
  if (v.type !== 'institutional' && !v.holderStaffId) {
    ctx.addIssue({ code: 'custom', path: ['holderStaffId'], message: '公务人员账号和领导公务账号须选择账号本人' });
  }
  if (v.type === 'institutional' && v.holderStaffId) {
    ctx.addIssue({ code: 'custom', path: ['holderStaffId'], message: '机构账号不填写账号本人' });
  }
});
export type ApplyInput = z.input<typeof applyInput>;

export const resubmitInput = z.strictObject({ id: idSchema, application: applyInput });

export const idInput = z.strictObject({ id: idSchema });
export const reasonInput = z.strictObject({ id: idSchema, reason: reasonSchema });

/** The leader's approval (开设或注销): confirms the principal leader's approval (第五条, 第二十二条). */
export const principalConfirmedSchema = z.literal(true, { error: '请确认已经本单位主要领导批准' });
export const unitApproveInput = z.strictObject({
  id: idSchema,
  principalConfirmed: principalConfirmedSchema,
  stepUpId: idSchema.optional(),
});
export const officeApproveInput = z.strictObject({ id: idSchema, stepUpId: idSchema.optional() });
export const closeApproveInput = z.strictObject({
  id: idSchema,
  principalConfirmed: principalConfirmedSchema,
  stepUpId: idSchema.optional(),
});

export const openInput = z.strictObject({
  id: idSchema,
  name: accountNameSchema,
  openedOn: chinaDateSchema,
  platformAccountId: textSchema('平台账号或微信号', 2, 60),
  link: linkSchema.default(''),
});

export const editInput = z
  .strictObject({
    id: idSchema,
    name: accountNameSchema.optional(),
    responsible: responsibleInput.optional(),
    qq: qqSchema.optional(),
    note: textSchema('变更说明', 2, 200).optional(),
  })
  .refine((v) => v.name !== undefined || v.responsible !== undefined || v.qq !== undefined, {
    error: '请填写要变更的内容',
  });

export const requestCloseInput = z.strictObject({
  id: idSchema,
  reason: reasonSchema,
  /** The unit's main account the closure notice points followers to (may be none). */
  successorId: idSchema.optional(),
});

export const recordNoticeInput = z.strictObject({
  id: idSchema,
  publishedOn: chinaDateSchema,
  noticeText: textSchema('停更公告内容', 10, 500),
  link: linkSchema.default(''),
});

export const informSuperiorInput = z.strictObject({
  id: idSchema,
  superiorUnit: textSchema('上级单位', 2, 50),
  informedOn: chinaDateSchema,
});

export const deregisterInput = z.strictObject({
  id: idSchema,
  deregisteredOn: chinaDateSchema,
  stepUpId: idSchema.optional(),
});

export const EXCEPTION_KINDS = ['name', 'extraAccount'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];
export const EXCEPTION_KIND_LABELS: Record<ExceptionKind, string> = {
  name: '名称例外',
  extraAccount: '同平台第二个机构账号',
};

export const grantExceptionInput = z
  .strictObject({
    unitId: idSchema,
    kind: z.enum(EXCEPTION_KINDS, { error: '请选择例外类型' }),
    platform: platformSchema,
    /** For a name exception: the exact name allowed. */
    name: accountNameSchema.optional(),
    reason: textSchema('例外理由', 5, 200),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'name' && !v.name)
      ctx.addIssue({ code: 'custom', path: ['name'], message: '请填写允许使用的账号名称' });
  });

export const listExceptionsInput = z.strictObject({
  unitId: idSchema.optional(),
  pageSize: pageSizeSchema,
  cursor: cursorSchema,
});

export const LIST_VIEWS = ['all', 'todo', 'overdue', 'ended'] as const;
export const listInput = z.strictObject({
  unitId: idSchema.optional(),
  view: z.enum(LIST_VIEWS).default('all'),
  pageSize: pageSizeSchema,
  cursor: cursorSchema,
});

export const queueInput = z.strictObject({ pageSize: pageSizeSchema, cursor: cursorSchema });

export const directoryInput = z.strictObject({
  unitId: idSchema.optional(),
  platform: platformSchema.optional(),
  pageSize: pageSizeSchema,
  cursor: cursorSchema,
});

/** Roles a responsible person or a holder is chosen by (附件1: 分管领导, 审核人员, 发布人员). */
export const PEOPLE_ROLES = ['leader', 'reviewer', 'publisher', 'unitAdmin'] as const;
/** Active staff of the owning and managing units, by role, searched by name, a page at a time. */
export const peopleInput = z.strictObject({
  unitIds: z.array(idSchema).min(1).max(2),
  role: z.enum(PEOPLE_ROLES).optional(),
  q: searchTextSchema,
  pageSize: pageSizeSchema,
  cursor: cursorSchema,
});

export const IMAGE_KINDS = ['qr', 'verification'] as const;
export type ImageKind = (typeof IMAGE_KINDS)[number];
export const IMAGE_MIMES = ['image/png', 'image/jpeg'] as const;
/** An image as base64 (QR codes and verification screenshots are small). */
export const IMAGE_MAX_BYTES = 300 * 1024;
export const setImageInput = z.strictObject({
  id: idSchema,
  kind: z.enum(IMAGE_KINDS),
  mime: z.enum(IMAGE_MIMES, { error: '只接受 PNG 或 JPEG 图片' }),
  dataBase64: z
    .string()
    .max(Math.ceil((IMAGE_MAX_BYTES * 4) / 3) + 4, { error: '图片不超过 300 KB' })
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: '图片数据无效' }),
});
