import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import type { messagePhotoInput, photoInput, registerPhotoInput, uploadPhotoInput } from '@shared/messages/schemas';
import { PHOTOS_MAX } from '@shared/messages/schemas';
import type { ActionContext } from '@server/runtime/action';
import type { TxLike } from '@server/runtime/audit';
import { getCloud } from '@server/runtime/cloud';
import { AppError, conflict, invalid, notFound, rateLimited } from '@server/runtime/errors';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import { MESSAGES, type MessageDoc } from './model';

// Citizens' photos (up to 6 per message). They are private: only the person who took them and
// the staff who may read the message see them, never the public board. A small storage
// interface: locally, files under DATA_DIR/message-photos (uploaded through messages.uploadPhoto);
// in production, cloud storage — the mini program uploads with wx.cloud.uploadFile (a cloud
// function's text payload is capped at 100 KB) and registers the fileID with
// messages.registerPhoto. Every photo has an owner record, and a message may only carry photos
// its writer registered and that no other message uses.

export const PHOTOS = 'messagePhotos';
export const PHOTO_MAX_BYTES = 600 * 1024;
/** Uploads per citizen per hour (a message carries 6; retries and replacements need some room). */
export const PHOTO_UPLOADS_PER_HOUR = 30;

type Mime = 'image/jpeg' | 'image/png' | 'image/webp';
const EXT: Record<Mime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const MIME_OF: Record<string, Mime> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export interface PhotoStore {
  put(bytes: Buffer, mime: Mime): Promise<string>;
  /** A URL the phone can show: a data URL locally, a short-lived cloud URL in production. */
  viewUrl(ref: string): Promise<string | null>;
}

const LOCAL_REF = /^local:([A-Za-z0-9_-]{8,64})\.(jpg|png|webp)$/;

export function localPhotoStore(dir: string): PhotoStore {
  const root = resolve(dir);
  return {
    async put(bytes, mime) {
      mkdirSync(root, { recursive: true });
      const name = `${randomBytes(16).toString('hex')}.${EXT[mime]}`;
      writeFileSync(join(root, name), bytes, { mode: 0o600 });
      return `local:${name}`;
    },
    async viewUrl(ref) {
      const m = LOCAL_REF.exec(ref);
      if (!m) return null;
      const path = join(root, `${m[1]}.${m[2]}`);
      if (!existsSync(path)) return null;
      return `data:${MIME_OF[m[2]]};base64,${readFileSync(path).toString('base64')}`;
    },
  };
}

export function memoryPhotoStore(): PhotoStore {
  const files = new Map<string, { bytes: Buffer; mime: Mime }>();
  return {
    async put(bytes, mime) {
      const ref = `local:${randomBytes(16).toString('hex')}.${EXT[mime]}`;
      files.set(ref, { bytes, mime });
      return ref;
    },
    async viewUrl(ref) {
      const f = files.get(ref);
      return f ? `data:${f.mime};base64,${f.bytes.toString('base64')}` : null;
    },
  };
}

function cloudPhotoStore(): PhotoStore {
  return {
    async put(bytes, mime) {
      const res = await getCloud().uploadFile({
        cloudPath: `message-photos/${randomBytes(16).toString('hex')}.${EXT[mime]}`,
        fileContent: bytes,
      });
      return (res as { fileID: string }).fileID;
    },
    async viewUrl(ref) {
      if (!ref.startsWith('cloud://')) return null;
      const res = (await getCloud().getTempFileURL({ fileList: [ref] })) as {
        fileList: Array<{ tempFileURL?: string; status?: number }>;
      };
      const f = res.fileList[0];
      return f && f.status === 0 && f.tempFileURL ? f.tempFileURL : null;
    },
  };
}

let configured: PhotoStore | null = null;

/** Tests and the local host may choose the store; otherwise it follows where the code runs. */
export function configurePhotoStore(store: PhotoStore | null): void {
  configured = store;
}

export function photoStore(): PhotoStore {
  if (configured) return configured;
  const inCloudFunction = Boolean(process.env.SCF_FUNCTIONNAME || process.env.TENCENTCLOUD_RUNENV);
  configured = inCloudFunction
    ? cloudPhotoStore()
    : localPhotoStore(join(process.env.DATA_DIR ?? './data', 'message-photos'));
  return configured;
}

interface PhotoDoc {
  _id: string;
  ref: string;
  ownerOpenid: string;
  messageId: string | null;
  at: number;
  bytes: number | null;
}

export const photoDocId = (ref: string) => `p${createHash('sha256').update(ref).digest('hex').slice(0, 40)}`;

/** The bytes are the image type they claim (magic numbers). */
export function looksLikeImage(b: Buffer, mime: Mime): boolean {
  if (mime === 'image/png')
    return b.length > 8 && b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  if (mime === 'image/jpeg') return b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
  return (
    b.length > 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'
  );
}

async function register(ctx: ActionContext, ref: string, bytes: number | null) {
  const now = ctx.deps.now();
  const recent = await ctx.deps.db
    .collection(PHOTOS)
    .where({ ownerOpenid: ctx.caller.openid, at: ctx.deps.db.command.gt(now - 3600_000) })
    .count();
  if (recent.total >= PHOTO_UPLOADS_PER_HOUR)
    throw rateLimited(`1 小时内最多上传 ${PHOTO_UPLOADS_PER_HOUR} 张图片，请稍后再试`);
  return inTransaction(ctx, async (t) => {
    const id = photoDocId(ref);
    const existing = await getDoc<PhotoDoc>(t, PHOTOS, id);
    if (existing) {
      if (existing.ownerOpenid !== ctx.caller.openid) throw conflict('这张图片已由他人登记');
      return { photoId: ref };
    }
    const doc: Omit<PhotoDoc, '_id'> = { ref, ownerOpenid: ctx.caller.openid, messageId: null, at: now, bytes };
    await t.collection(PHOTOS).doc(id).set({ data: doc });
    await traceChange(t, ctx, { target: { type: 'photo', id }, details: { bytes } });
    return { photoId: ref };
  });
}

/** Local and H5: the photo itself, base64, at most 600 KB (the phone shrinks it first). */
export async function uploadPhoto(input: z.output<typeof uploadPhotoInput>, ctx: ActionContext) {
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length > PHOTO_MAX_BYTES)
    throw invalid('图片过大，请换一张或裁剪后再试', { data: '每张图片不超过 600 KB' });
  if (!looksLikeImage(bytes, input.mime)) throw invalid('文件不是有效的图片', { data: '请选择 JPG、PNG 或 WebP 图片' });
  const ref = await photoStore().put(bytes, input.mime);
  return register(ctx, ref, bytes.length);
}

/** Production mini program: the photo went to cloud storage from the phone; record who owns it. */
export function registerPhoto(input: z.output<typeof registerPhotoInput>, ctx: ActionContext) {
  return register(ctx, input.fileId, null);
}

/** Inside the submission's transaction: every photo is the writer's and still unused; claim them. */
export async function claimPhotos(t: TxLike, ctx: ActionContext, refs: readonly string[], messageId: string) {
  if (refs.length > PHOTOS_MAX) throw invalid(`最多上传 ${PHOTOS_MAX} 张图片`, { photos: `最多 ${PHOTOS_MAX} 张` });
  if (new Set(refs).size !== refs.length) throw invalid('图片重复', { photos: '同一张图片只能添加一次' });
  for (const ref of refs) {
    const id = photoDocId(ref);
    const p = await getDoc<PhotoDoc>(t, PHOTOS, id);
    if (!p || p.ownerOpenid !== ctx.caller.openid)
      throw invalid('图片无效或已过期，请重新添加', { photos: '请重新添加图片' });
    if (p.messageId && p.messageId !== messageId) throw invalid('图片已用于另一条留言', { photos: '请重新添加图片' });
    await t.collection(PHOTOS).doc(id).update({ data: { messageId } });
  }
}

/** A citizen's own photo (in the form before sending, or on their message). */
export async function viewOwnPhoto(input: z.output<typeof photoInput>, ctx: ActionContext) {
  const p = await getDoc<PhotoDoc>(ctx.deps.db, PHOTOS, photoDocId(input.photoId));
  // Someone else's photo is "not found": its existence is not confirmed.
  if (!p || p.ownerOpenid !== ctx.caller.openid) throw notFound('图片不存在');
  return urlOf(p.ref);
}

/** A photo on a message, for staff who may read the message (the permission table checked the unit). */
export async function viewMessagePhoto(input: z.output<typeof messagePhotoInput>, ctx: ActionContext) {
  const m = await getDoc<MessageDoc>(ctx.deps.db, MESSAGES, input.id);
  if (!m || !m.photos.includes(input.photoId)) throw notFound('图片不存在');
  return urlOf(input.photoId);
}

async function urlOf(ref: string) {
  const url = await photoStore().viewUrl(ref);
  if (!url) throw new AppError('NotFound', '图片已失效');
  return { url };
}
