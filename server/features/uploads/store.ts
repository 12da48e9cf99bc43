import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IMAGE_MAX_BYTES, type ImageMime } from '@shared/uploads/schemas';
import { getCloud } from '@server/runtime/cloud';
import { invalid } from '@server/runtime/errors';

// Where private uploads live (citizens' message photos, staff's post images): a small storage
// interface with three stores. Locally, files under DATA_DIR/<folder>; in tests, memory; in
// production, cloud storage — the mini program uploads with wx.cloud.uploadFile itself (a cloud
// function's text payload is capped at 100 KB) and only registers the fileID. The files are
// private: a viewer gets a data URL (local) or a short-lived cloud URL, only after the feature
// has checked they may see it. (Account QR codes are public files: server/features/accounts/files.ts.)

const EXT: Record<ImageMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const MIME_OF: Record<string, ImageMime> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const LOCAL_REF = /^local:([A-Za-z0-9_-]{8,64})\.(jpg|png|webp)$/;

export interface UploadStore {
  put(bytes: Buffer, mime: ImageMime): Promise<string>;
  /** A URL the phone can show: a data URL locally, a short-lived cloud URL in production. */
  viewUrl(ref: string): Promise<string | null>;
}

export function localUploadStore(dir: string): UploadStore {
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

export function memoryUploadStore(): UploadStore {
  const files = new Map<string, { bytes: Buffer; mime: ImageMime }>();
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

function cloudUploadStore(folder: string): UploadStore {
  return {
    async put(bytes, mime) {
      const res = await getCloud().uploadFile({
        cloudPath: `${folder}/${randomBytes(16).toString('hex')}.${EXT[mime]}`,
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

let configured: UploadStore | null = null;
const byFolder = new Map<string, UploadStore>();

/** Tests and the local host may choose one store for every folder; null: follow where the code runs. */
export function configureUploadStore(store: UploadStore | null): void {
  configured = store;
  byFolder.clear();
}

/** The store for one folder (`message-photos`, `post-images`). */
export function uploadStore(folder: string): UploadStore {
  if (configured) return configured;
  let store = byFolder.get(folder);
  if (!store) {
    const inCloudFunction = Boolean(process.env.SCF_FUNCTIONNAME || process.env.TENCENTCLOUD_RUNENV);
    store = inCloudFunction
      ? cloudUploadStore(folder)
      : localUploadStore(join(process.env.DATA_DIR ?? './data', folder));
    byFolder.set(folder, store);
  }
  return store;
}

/** The bytes are the image type they claim (magic numbers). */
export function looksLikeImage(b: Buffer, mime: ImageMime): boolean {
  if (mime === 'image/png')
    return b.length > 8 && b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  if (mime === 'image/jpeg') return b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
  return (
    b.length > 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'
  );
}

/** The uploaded bytes, refused with a reason when too big or not the image they claim to be. */
export function uploadedImage(input: { mime: ImageMime; data: string }): Buffer {
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length > IMAGE_MAX_BYTES)
    throw invalid('图片过大，请换一张或裁剪后再试', { data: '每张图片不超过 600 KB' });
  if (!looksLikeImage(bytes, input.mime)) throw invalid('文件不是有效的图片', { data: '请选择 JPG、PNG 或 WebP 图片' });
  return bytes;
}
