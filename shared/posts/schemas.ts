import { z } from '../core/zod';
import { cursorSchema, idSchema, pageSizeSchema, textSchema } from '../core/validators';
import { imageIdSchema } from '../uploads/schemas';
import { POST_KINDS } from './kinds';
import { POST_STATES } from './transitions';

// Inputs of the posts cloud function: the contract between the compose, review and approval
// screens and the server. Every object is strict: unknown fields are refused.

export const POST_TITLE_MAX = 64;
export const POST_BODY_MAX = 20000;
export const POST_IMAGES_MAX = 9;
export const POST_LINKS_MAX = 10;

const urlSchema = z
  .string({ error: '请填写链接' })
  .trim()
  .max(500, { error: '链接不超过 500 个字符' })
  .regex(/^https?:\/\/[^\s/?#]+\.[^\s]*$/, { error: '请填写以 http:// 或 https:// 开头的完整链接' });
const optionalUrl = z.union([urlSchema, z.literal('')]).default('');
const stepUpIdSchema = z.string({ error: '请先验证 PIN' }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '请先验证 PIN' });
const revSchema = z.number({ error: '缺少版本号，请刷新后重试' }).int().min(0);

/** The content fields a publisher writes. */
const contentShape = {
  kind: z.enum(POST_KINDS, { error: '请选择信息类型' }),
  title: textSchema('标题', 2, POST_TITLE_MAX),
  body: textSchema('正文', 2, POST_BODY_MAX),
  links: z
    .array(urlSchema)
    .max(POST_LINKS_MAX, { error: `链接最多 ${POST_LINKS_MAX} 个` })
    .default([]),
  /** Images uploaded first (posts.uploadImage / posts.registerImage), by staff of the post's unit. */
  images: z
    .array(imageIdSchema)
    .max(POST_IMAGES_MAX, { error: `图片最多 ${POST_IMAGES_MAX} 张` })
    .default([]),
  videoUrl: optionalUrl,
  sourceName: z.string().trim().max(100, { error: '来源不超过 100 个字' }).default(''),
  sourceUrl: optionalUrl,
  /** The published post a correction corrects (更正致歉). */
  correctsPostId: idSchema.nullable().default(null),
  /** When the emergency happened (突发事件); the 5/24/48-hour clocks start here. */
  occurredAt: z.number({ error: '请填写事件发生时间' }).int().positive().nullable().default(null),
  /** The declared emergency event (emergency mode) a 突发事件 post answers; oversight counts it per unit. */
  emergencyEventId: idSchema.nullable().default(null),
};

type Content = {
  kind: string;
  correctsPostId: string | null;
  occurredAt: number | null;
  emergencyEventId: string | null;
};

function kindRules(v: Content, ctx: z.RefinementCtx): void {
  if (v.kind === 'correction' && !v.correctsPostId) {
    ctx.addIssue({ code: 'custom', path: ['correctsPostId'], message: '更正致歉须选择被更正的信息' });
  }
  if (v.kind !== 'correction' && v.correctsPostId) {
    ctx.addIssue({ code: 'custom', path: ['correctsPostId'], message: '只有“更正致歉”类信息可以关联被更正的信息' });
  }
  if (v.kind === 'emergency' && !v.occurredAt) {
    ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: '突发事件须填写事件发生时间' });
  }
  if (v.kind !== 'emergency' && v.emergencyEventId) {
    ctx.addIssue({ code: 'custom', path: ['emergencyEventId'], message: '只有“突发事件”类信息可以关联突发事件' });
  }
}

export const createPostInput = z.strictObject({ accountId: idSchema, ...contentShape }).superRefine(kindRules);
export type CreatePostInput = z.input<typeof createPostInput>;

/** The same fields as a draft, checked without saving (the compose page's "检查" button). */
export const checkPostInput = createPostInput;

export const updatePostInput = z.strictObject({ id: idSchema, rev: revSchema, ...contentShape }).superRefine(kindRules);
export type UpdatePostInput = z.input<typeof updatePostInput>;

export const postRefInput = z.strictObject({ id: idSchema, rev: revSchema });

export const withdrawPostInput = z.strictObject({
  id: idSchema,
  rev: revSchema,
  reason: z.string().trim().max(200, { error: '说明不超过 200 个字' }).default(''),
});

/** The confidentiality checklist (保密审查): politics, law, policy, secrecy, wording. */
export const REVIEW_CHECKLIST = [
  { key: 'politics', label: '政治导向', hint: '导向正确，无错误政治表述' },
  { key: 'law', label: '法律法规', hint: '符合法律法规，不侵犯他人权益和著作权' },
  { key: 'policy', label: '政策口径', hint: '政策表述准确，涉及其他部门的已沟通确认' },
  { key: 'secrecy', label: '保密审查', hint: '不涉及国家秘密、工作秘密和个人隐私' },
  { key: 'wording', label: '文字表述', hint: '语义明确、无错别字，数据和时间准确' },
] as const;
export type ChecklistKey = (typeof REVIEW_CHECKLIST)[number]['key'];

const ticked = z.literal(true, { error: '请逐项核对后勾选' });

export const reviewPostInput = z.strictObject({
  id: idSchema,
  rev: revSchema,
  checklist: z.strictObject({ politics: ticked, law: ticked, policy: ticked, secrecy: ticked, wording: ticked }),
  note: z.string().trim().max(500, { error: '审核意见不超过 500 个字' }).default(''),
  /** Personal-data hits the reviewer lets through, each with a reason. */
  overrides: z
    .array(z.strictObject({ key: z.string().min(1).max(200), reason: textSchema('放行理由', 5, 200) }))
    .max(50)
    .default([]),
});
export type ReviewPostInput = z.input<typeof reviewPostInput>;

export const returnPostInput = z.strictObject({
  id: idSchema,
  rev: revSchema,
  reason: textSchema('退回理由', 5, 500),
  stepUpId: stepUpIdSchema,
});

export const approvePostInput = z.strictObject({
  id: idSchema,
  rev: revSchema,
  stepUpId: stepUpIdSchema,
  note: z.string().trim().max(500, { error: '审批意见不超过 500 个字' }).default(''),
});

export const publishPostInput = z.strictObject({
  id: idSchema,
  rev: revSchema,
  stepUpId: stepUpIdSchema,
  url: urlSchema,
  /** When it went out on the platform; defaults to now. */
  publishedAt: z.number().int().positive().optional(),
});

export const deliveryFailureInput = z.strictObject({
  id: idSchema,
  rev: revSchema,
  reason: textSchema('失败原因', 2, 200),
});

export const getPostInput = z.strictObject({ id: idSchema });
export const diffPostInput = z.strictObject({
  id: idSchema,
  from: z.number().int().min(1),
  to: z.number().int().min(1),
});

export const myPostsInput = z.strictObject({
  pageSize: pageSizeSchema,
  cursor: cursorSchema,
  state: z.enum(POST_STATES).optional(),
});

export const QUEUES = ['review', 'approve', 'publish'] as const;
export type QueueName = (typeof QUEUES)[number];
export const QUEUE_LABELS: Record<QueueName, string> = { review: '待我审核', approve: '待我审批', publish: '待发布' };
export const queueInput = z.strictObject({
  queue: z.enum(QUEUES, { error: '请选择列表' }),
  pageSize: pageSizeSchema,
  cursor: cursorSchema,
});

export const feedInput = z.strictObject({
  unitId: idSchema.optional(),
  pageSize: pageSizeSchema,
  cursor: cursorSchema,
});

/** Pages of the accounts the caller may post to, and of the active emergency events an account's unit must answer. */
export const accountsPageInput = z.strictObject({ pageSize: pageSizeSchema, cursor: cursorSchema });
export const emergencyEventsInput = z.strictObject({
  accountId: idSchema,
  pageSize: pageSizeSchema,
  cursor: cursorSchema,
});

/** An image on a post (any of its versions), for the staff who may read the post. */
export const postImageInput = z.strictObject({ id: idSchema, imageId: imageIdSchema });
/** An image the caller uploaded, before the post that carries it is saved. */
export const ownImageInput = z.strictObject({ imageId: imageIdSchema });
