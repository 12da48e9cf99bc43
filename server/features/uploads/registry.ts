import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { registerImageInput, uploadImageInput } from '@shared/uploads/schemas';
import type { ActionContext } from '@server/runtime/action';
import type { TxLike } from '@server/runtime/audit';
import type { Database } from '@server/runtime/database';
import { AppError, conflict, invalid, rateLimited } from '@server/runtime/errors';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import { uploadedImage, uploadStore } from './store';

// Who owns each uploaded image, and what uses it. Every upload gets an owner record (who sent
// it, when, plus what the feature needs to decide later — e.g. the uploader's units); the item
// that carries images (a message, a post) claims them in its own transaction, and may carry only
// images its feature accepts (`mayUse`) that nothing else has claimed. Uploads per person per
// hour are capped, so the store cannot be filled by one caller.

export interface UploadArea {
  /** The owner records, one per image (`messagePhotos`, `postImages`). */
  collection: string;
  /** Folder in the data directory / cloud storage. */
  folder: string;
  /** Uploads per person per hour. */
  perHour: number;
  /** Images one item may carry. */
  max: number;
  /** The record's field naming the item that uses the image (`messageId`, `postId`); null until claimed. */
  usedBy: string;
  /** The input field refusals are reported on (`photos`, `images`). */
  field: string;
  /** The item, in "图片已用于另一条…" (`留言`, `信息`). */
  noun: string;
  /** The audit entry's target type for an upload (`photo`, `postImage`). */
  auditType: string;
}

export interface UploadRecord {
  _id: string;
  ref: string;
  ownerOpenid: string;
  at: number;
  /** Null for a file the mini program put in cloud storage itself. */
  bytes: number | null;
  [extra: string]: unknown;
}

/** The owner record's id: stable per image, whatever characters the ref holds. */
export const uploadRecordId = (ref: string) => `p${createHash('sha256').update(ref).digest('hex').slice(0, 40)}`;

export function uploadRecord(db: TxLike | Database, area: UploadArea, ref: string): Promise<UploadRecord | null> {
  return getDoc<UploadRecord>(db, area.collection, uploadRecordId(ref));
}

async function register(
  ctx: ActionContext,
  area: UploadArea,
  ref: string,
  bytes: number | null,
  extra: Record<string, unknown>,
) {
  const now = ctx.deps.now();
  const recent = await ctx.deps.db
    .collection(area.collection)
    .where({ ownerOpenid: ctx.caller.openid, at: ctx.deps.db.command.gt(now - 3600_000) })
    .count();
  if (recent.total >= area.perHour) throw rateLimited(`1 小时内最多上传 ${area.perHour} 张图片，请稍后再试`);
  return inTransaction(ctx, async (t) => {
    const id = uploadRecordId(ref);
    const existing = await getDoc<UploadRecord>(t, area.collection, id);
    if (existing) {
      if (existing.ownerOpenid !== ctx.caller.openid) throw conflict('这张图片已由他人登记');
      return { ref };
    }
    const doc: Omit<UploadRecord, '_id'> = {
      ref,
      ownerOpenid: ctx.caller.openid,
      at: now,
      bytes,
      [area.usedBy]: null,
      ...extra,
    };
    await t.collection(area.collection).doc(id).set({ data: doc });
    await traceChange(t, ctx, { target: { type: area.auditType, id }, details: { bytes } });
    return { ref };
  });
}

/** Local and H5: the image itself, checked, stored, and recorded to the caller. */
export async function storeUpload(
  ctx: ActionContext,
  area: UploadArea,
  input: z.output<typeof uploadImageInput>,
  extra: Record<string, unknown> = {},
) {
  const bytes = uploadedImage(input);
  const ref = await uploadStore(area.folder).put(bytes, input.mime);
  return register(ctx, area, ref, bytes.length, extra);
}

/** Production mini program: the image went to cloud storage from the phone; record who owns it. */
export function registerCloudUpload(
  ctx: ActionContext,
  area: UploadArea,
  input: z.output<typeof registerImageInput>,
  extra: Record<string, unknown> = {},
) {
  return register(ctx, area, input.fileId, null, extra);
}

/**
 * Inside the item's transaction: every image is one the feature accepts (`mayUse`) and that no
 * other item uses; each is then marked as used by `itemId`.
 */
export async function claimUploads(
  t: TxLike,
  area: UploadArea,
  refs: readonly string[],
  itemId: string,
  mayUse: (record: UploadRecord) => boolean,
): Promise<void> {
  const field = area.field;
  if (refs.length > area.max) throw invalid(`最多上传 ${area.max} 张图片`, { [field]: `最多 ${area.max} 张` });
  if (new Set(refs).size !== refs.length) throw invalid('图片重复', { [field]: '同一张图片只能添加一次' });
  for (const ref of refs) {
    const record = await uploadRecord(t, area, ref);
    if (!record || !mayUse(record)) throw invalid('图片无效或已过期，请重新添加', { [field]: '请重新添加图片' });
    const user = record[area.usedBy];
    if (user && user !== itemId) throw invalid(`图片已用于另一条${area.noun}`, { [field]: '请重新添加图片' });
    if (user !== itemId)
      await t
        .collection(area.collection)
        .doc(record._id)
        .update({ data: { [area.usedBy]: itemId } });
  }
}

/** The URL of an image the caller has been found allowed to see. */
export async function uploadUrl(area: UploadArea, ref: string): Promise<{ url: string }> {
  const url = await uploadStore(area.folder).viewUrl(ref);
  if (!url) throw new AppError('NotFound', '图片已失效');
  return { url };
}
