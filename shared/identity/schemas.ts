import { z } from '../core/zod';
import { idSchema, mobileSchema, textSchema, pageSizeSchema, cursorSchema } from '../core/validators';
import { STEP_UP_PURPOSES } from './policy';
import { UNIT_ROLES, ROLES } from '../access/roles';

// Inputs of the identity actions: onboarding, devices, PIN, step-up, security log.

export const pinSchema = z.string({ error: '请输入 6 位 PIN' }).regex(/^\d{6}$/, { error: 'PIN 须为 6 位数字' });
export const inviteCodeSchema = z
  .string({ error: '请输入邀请码' })
  .trim()
  .toUpperCase()
  .regex(/^[2-9A-HJ-NP-Z]{8}$/, { error: '邀请码为 8 位字母或数字' });

export const deviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: '设备编号格式不正确' });

export const createInviteInput = z.strictObject({
  unitId: idSchema,
  role: z.enum(ROLES, { error: '请选择角色' }),
});
export const redeemInviteInput = z.strictObject({
  code: inviteCodeSchema,
  name: textSchema('姓名', 2, 20),
  title: textSchema('职务', 2, 30),
  mobile: mobileSchema,
});
export const staffIdInput = z.strictObject({ staffId: idSchema });
export const staffDecisionInput = z.strictObject({
  staffId: idSchema,
  approve: z.boolean(),
  reason: textSchema('理由', 2, 200).optional(),
});
export const disableStaffInput = z.strictObject({ staffId: idSchema, reason: textSchema('停用理由', 2, 200) });

// ---- lists (issue 8: every list is paged with a cursor, at most 100 rows a call)

/** What a person types in a picker's search box to find one name among hundreds. */
export const searchTextSchema = z.string().trim().max(20, { error: '搜索词不超过 20 个字' }).optional();
const page = { pageSize: pageSizeSchema, cursor: cursorSchema };
/** A unit's invites still waiting to be used (not used, cancelled or expired), newest first. */
export const openInvitesInput = z.strictObject({ unitId: idSchema, ...page });
export const cancelInviteInput = z.strictObject({ code: inviteCodeSchema });

export const UNIT_ROLE_KINDS = ['countyOffice', 'infoCenter', 'supervision'] as const;
/** Units in the county's order: searched by name or short name, or looked up by id or office. */
export const unitsListInput = z.strictObject({
  q: searchTextSchema,
  ids: z.array(idSchema).max(20).optional(),
  role: z.enum(UNIT_ROLE_KINDS).optional(),
  ...page,
});

/** 待审批 (pending grants here), 人员 (a role here, or disabled), or everyone. */
export const STAFF_LIST_VIEWS = ['all', 'pending', 'members'] as const;
export const staffListInput = z.strictObject({
  unitId: idSchema,
  view: z.enum(STAFF_LIST_VIEWS).default('all'),
  ...page,
});
/** A unit's phones that are not revoked, or only those waiting for approval / trusted. */
export const unitDevicesInput = z.strictObject({
  unitId: idSchema,
  status: z.enum(['pending', 'trusted']).optional(),
  ...page,
});
export const myDevicesInput = z.strictObject({ ...page });

export const deviceInfoSchema = z.strictObject({
  brand: z.string().trim().max(40).default(''),
  model: z.string().trim().max(60).default(''),
  system: z.string().trim().max(60).default(''),
  platform: z.string().trim().max(20).default(''),
  sdkVersion: z.string().trim().max(20).default(''),
});
export const registerDeviceInput = z.strictObject({
  deviceId: deviceIdSchema,
  secret: z.string().regex(/^[0-9a-f]{64}$/, { error: '设备密钥格式不正确' }),
  info: deviceInfoSchema,
});
export const deviceIdInput = z.strictObject({ deviceId: deviceIdSchema });
/** The single-use ticket from stepup.verify that a sensitive action consumes. */
export const stepUpIdSchema = idSchema.optional();
export const approveDeviceInput = z.strictObject({ deviceId: deviceIdSchema, stepUpId: stepUpIdSchema });
export const reportLostInput = z.strictObject({
  deviceId: deviceIdSchema,
  reason: textSchema('说明', 2, 200).optional(),
});

export const setPinInput = z.strictObject({ pin: pinSchema, currentPin: pinSchema.optional() });
export const unlockInput = z.strictObject({ pin: pinSchema });
export const stepUpInput = z.strictObject({
  purpose: z.enum(STEP_UP_PURPOSES, { error: '未知的验证用途' }),
  pin: pinSchema.optional(),
  soter: z.strictObject({ resultJSON: z.string().max(4000), resultJSONSignature: z.string().max(2000) }).optional(),
});
/** A SOTER step-up starts with a server challenge, signed inside the phone's secure element. */
export const stepUpChallengeInput = z.strictObject({
  purpose: z.enum(STEP_UP_PURPOSES, { error: '未知的验证用途' }),
});
export const captureReportInput = z.strictObject({
  page: z.string().max(100),
  kind: z.enum(['screenshot', 'recording']),
});
export const securityEventsInput = z.strictObject({
  unitId: idSchema.optional(),
  /** Hide the routine "admitted" decisions and show changes and refusals only. */
  notableOnly: z.boolean().default(true),
  pageSize: pageSizeSchema,
  cursor: cursorSchema,
});

export const INVITABLE_BY_UNIT_ADMIN = UNIT_ROLES.filter((r) => r !== 'unitAdmin');
