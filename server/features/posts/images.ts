import type { z } from 'zod';
import type { ownImageInput, postImageInput } from '@shared/posts/schemas';
import { POST_IMAGES_MAX } from '@shared/posts/schemas';
import type { registerImageInput, uploadImageInput } from '@shared/uploads/schemas';
import type { ActionContext } from '@server/runtime/action';
import type { TxLike } from '@server/runtime/audit';
import { notFound } from '@server/runtime/errors';
import {
  claimUploads,
  registerCloudUpload,
  storeUpload,
  uploadRecord,
  uploadUrl,
  type UploadArea,
} from '@server/features/uploads/registry';

// Images on posts (up to 9), through the shared private uploads (server/features/uploads). A
// publisher uploads them; the owner record keeps the units where the uploader publishes, and a
// post may carry only images uploaded by a publisher of its own unit (a colleague's, when two
// edit one post) that no other post uses — never another unit's image or a citizen's photo
// (those live in another collection). They stay private to staff: readers of the post get a
// short-lived URL, and the public feed carries none.

/** Uploads per publisher per hour: a post carries 9; several posts and retries need room. */
export const POST_IMAGE_UPLOADS_PER_HOUR = 60;

export const POST_IMAGES: UploadArea = {
  collection: 'postImages',
  folder: 'post-images',
  perHour: POST_IMAGE_UPLOADS_PER_HOUR,
  max: POST_IMAGES_MAX,
  usedBy: 'postId',
  field: 'images',
  noun: '信息',
  auditType: 'postImage',
};

/** What the owner record keeps beyond who sent it: the person and the units where they publish. */
function uploader(ctx: ActionContext) {
  const staff = ctx.caller.staff!;
  const unitIds = [...new Set(staff.roles.filter((g) => g.role === 'publisher').map((g) => g.unitId))];
  return { staffId: staff._id, unitIds };
}

export async function uploadImage(input: z.output<typeof uploadImageInput>, ctx: ActionContext) {
  return { imageId: (await storeUpload(ctx, POST_IMAGES, input, uploader(ctx))).ref };
}

export async function registerImage(input: z.output<typeof registerImageInput>, ctx: ActionContext) {
  return { imageId: (await registerCloudUpload(ctx, POST_IMAGES, input, uploader(ctx))).ref };
}

/** Inside the save's transaction: each image was uploaded for this post's unit and is not another post's. */
export function claimImages(t: TxLike, refs: readonly string[], postId: string, unitId: string) {
  return claimUploads(t, POST_IMAGES, refs, postId, (r) => Array.isArray(r.unitIds) && r.unitIds.includes(unitId));
}

/** An image of a post (current or earlier version), for the staff who may read the post. */
export async function viewPostImage(input: z.output<typeof postImageInput>, ctx: ActionContext) {
  const r = await uploadRecord(ctx.deps.db, POST_IMAGES, input.imageId);
  if (!r || r.postId !== input.id) throw notFound('图片不存在');
  return uploadUrl(POST_IMAGES, r.ref);
}

/** An image the caller uploaded (the compose page's preview before the post is saved). */
export async function viewOwnImage(input: z.output<typeof ownImageInput>, ctx: ActionContext) {
  const r = await uploadRecord(ctx.deps.db, POST_IMAGES, input.imageId);
  // Someone else's image is "not found": its existence is not confirmed.
  if (!r || r.ownerOpenid !== ctx.caller.openid) throw notFound('图片不存在');
  return uploadUrl(POST_IMAGES, r.ref);
}
