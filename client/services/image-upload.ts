import Taro from '@tarojs/taro';
import type { Envelope } from '@shared/core/envelope';
import { IMAGE_MAX_BYTES, type ImageMime } from '@shared/uploads/schemas';
import { CLOUD_ENV_ID, IS_WEAPP } from './env';

// Picking and sending private images — a citizen's photos on a message, a publisher's images on
// a post. Mini program: WeChat compresses, the phone uploads to cloud storage (a cloud function's
// payload is capped at 100 KB) and the fileID is registered to the sender. H5 (local host): the
// image is shrunk in a canvas to at most 1280 px, JPEG, under the server's 600 KB limit, and sent
// as base64. Each refusal says why, in words the person can act on.

export interface Uploaded {
  id: string;
  /** What to show right away (a local path or data URL), before the server's URL is asked for. */
  preview: string;
}

/** Where the images go: the feature's upload and registration actions. */
export interface UploadTarget<T> {
  /** Cloud storage folder (mini program). */
  folder: string;
  upload(mime: ImageMime, base64: string): Promise<Envelope<T>>;
  register(fileId: string): Promise<Envelope<T>>;
  idOf(data: T): string;
}

export interface UploadProgress {
  done: number;
  total: number;
}

const MAX_SIDE = 1280;
const MAX_BASE64 = Math.floor((IMAGE_MAX_BYTES * 4) / 3);
/** What a phone may pick at all: larger files are not worth shrinking (and may stall the page). */
const MAX_PICKED_BYTES = 20 * 1024 * 1024;
const WRONG_TYPE = '只能上传 JPG、PNG 或 WebP 图片';

interface Picked {
  path: string;
  size?: number;
  type?: string;
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`图片无法读取：${WRONG_TYPE}`));
    img.src = src;
  });
}

/** H5: a JPEG data URL no larger than the upload limit. */
async function shrink(src: string): Promise<string> {
  const img = await loadImage(src);
  for (const [side, quality] of [
    [MAX_SIDE, 0.8],
    [MAX_SIDE, 0.6],
    [960, 0.6],
    [720, 0.5],
  ] as const) {
    const scale = Math.min(1, side / Math.max(img.naturalWidth, img.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
    const g = canvas.getContext('2d');
    if (!g) break;
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    const url = canvas.toDataURL('image/jpeg', quality);
    if (url.length - 23 <= MAX_BASE64) return url;
  }
  throw new Error('图片过大，压缩后仍超过 600 KB，请换一张或裁剪后再试');
}

/** Why a picked file cannot be sent, before any upload (null: go ahead). */
export function pickRefusal(f: Picked): string | null {
  if (f.type && !f.type.startsWith('image/')) return `所选文件不是图片：${WRONG_TYPE}`;
  if (f.size !== undefined && f.size > MAX_PICKED_BYTES) return '图片过大（超过 20 MB），请换一张';
  return null;
}

async function sendOne<T>(target: UploadTarget<T>, path: string): Promise<Uploaded> {
  if (IS_WEAPP) {
    Taro.cloud.init({ env: CLOUD_ENV_ID, traceUser: true });
    const name = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.jpg`;
    const up = await Taro.cloud.uploadFile({ cloudPath: `${target.folder}/${name}`, filePath: path });
    const res = await target.register(up.fileID);
    if (!res.ok) throw new Error(res.message);
    return { id: target.idOf(res.data), preview: path };
  }
  const dataUrl = await shrink(path);
  const res = await target.upload('image/jpeg', dataUrl.slice(dataUrl.indexOf(',') + 1));
  if (!res.ok) throw new Error(res.message);
  return { id: target.idOf(res.data), preview: dataUrl };
}

/**
 * Lets the person pick up to `room` images and uploads them one by one; each one uploaded is
 * reported at once (so a later failure keeps the earlier ones), with the progress.
 */
export async function pickAndUpload<T>(
  target: UploadTarget<T>,
  room: number,
  onEach: (u: Uploaded) => void,
  onProgress?: (p: UploadProgress) => void,
): Promise<{ uploaded: number; error: string | null }> {
  let picked: Picked[];
  try {
    const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    picked = res.tempFiles?.length
      ? res.tempFiles.map((f) => ({ path: f.path, size: f.size, type: (f as { type?: string }).type }))
      : res.tempFilePaths.map((path) => ({ path }));
  } catch {
    return { uploaded: 0, error: null }; // cancelled
  }
  // H5 drops a file the browser cannot decode as an image before it reaches us.
  if (!picked.length) return { uploaded: 0, error: `所选文件无法作为图片读取：${WRONG_TYPE}` };
  // The H5 file chooser does not enforce the count: say what was left out.
  const extra = picked.length - room;
  const chosen = picked.slice(0, room);
  let uploaded = 0;
  for (const f of chosen) {
    onProgress?.({ done: uploaded, total: chosen.length });
    const refusal = pickRefusal(f);
    try {
      if (refusal) throw new Error(refusal);
      onEach(await sendOne(target, f.path));
      uploaded += 1;
    } catch (e) {
      onProgress?.({ done: uploaded, total: chosen.length });
      return { uploaded, error: (e as Error).message || '图片上传失败，请重试' };
    }
  }
  onProgress?.({ done: uploaded, total: chosen.length });
  return { uploaded, error: extra > 0 ? `最多只能再添加 ${room} 张，多选的 ${extra} 张没有上传` : null };
}
