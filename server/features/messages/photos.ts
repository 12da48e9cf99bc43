import type { z } from 'zod';
import type { messagePhotoInput, photoInput, registerPhotoInput, uploadPhotoInput } from '@shared/messages/schemas';
import { PHOTOS_MAX } from '@shared/messages/schemas';
import type { ActionContext } from '@server/runtime/action';
import type { TxLike } from '@server/runtime/audit';
import { notFound } from '@server/runtime/errors';
import { getDoc } from '@server/runtime/trace';
import {
  claimUploads,
  registerCloudUpload,
  storeUpload,
  uploadRecord,
  uploadUrl,
  type UploadArea,
} from '@server/features/uploads/registry';
import { MESSAGES, type MessageDoc } from './model';

// Citizens' photos (up to 6 per message). They are private: only the person who took them and
// the staff who may read the message see them, never the public board. Storage, owner records
// and the upload checks are the shared uploads feature (server/features/uploads); a message may
// only carry photos its writer registered and that no other message uses.

/** Uploads per citizen per hour (a message carries 6; retries and replacements need some room). */
export const PHOTO_UPLOADS_PER_HOUR = 30;

export const MESSAGE_PHOTOS: UploadArea = {
  collection: 'messagePhotos',
  folder: 'message-photos',
  perHour: PHOTO_UPLOADS_PER_HOUR,
  max: PHOTOS_MAX,
  usedBy: 'messageId',
  field: 'photos',
  noun: '留言',
  auditType: 'photo',
};

/** Local and H5: the photo itself, base64, at most 600 KB (the phone shrinks it first). */
export async function uploadPhoto(input: z.output<typeof uploadPhotoInput>, ctx: ActionContext) {
  return { photoId: (await storeUpload(ctx, MESSAGE_PHOTOS, input)).ref };
}

/** Production mini program: the photo went to cloud storage from the phone; record who owns it. */
export async function registerPhoto(input: z.output<typeof registerPhotoInput>, ctx: ActionContext) {
  return { photoId: (await registerCloudUpload(ctx, MESSAGE_PHOTOS, input)).ref };
}

/** Inside the submission's transaction: every photo is the writer's and still unused; claim them. */
export function claimPhotos(t: TxLike, ctx: ActionContext, refs: readonly string[], messageId: string) {
  return claimUploads(t, MESSAGE_PHOTOS, refs, messageId, (p) => p.ownerOpenid === ctx.caller.openid);
}

/** A citizen's own photo (in the form before sending, or on their message). */
export async function viewOwnPhoto(input: z.output<typeof photoInput>, ctx: ActionContext) {
  const p = await uploadRecord(ctx.deps.db, MESSAGE_PHOTOS, input.photoId);
  // Someone else's photo is "not found": its existence is not confirmed.
  if (!p || p.ownerOpenid !== ctx.caller.openid) throw notFound('图片不存在');
  return uploadUrl(MESSAGE_PHOTOS, p.ref);
}

/** A photo on a message, for staff who may read the message (the permission table checked the unit). */
export async function viewMessagePhoto(input: z.output<typeof messagePhotoInput>, ctx: ActionContext) {
  const m = await getDoc<MessageDoc>(ctx.deps.db, MESSAGES, input.id);
  if (!m || !m.photos.includes(input.photoId)) throw notFound('图片不存在');
  return uploadUrl(MESSAGE_PHOTOS, input.photoId);
}
