import Taro from '@tarojs/taro';
import { CLOUD_ENV_ID, IS_WEAPP } from '../../../services/env';
import { registerPhoto, uploadPhoto } from '../../../services/messages';

// Picking and sending photos. Mini program: WeChat compresses, the phone uploads to cloud
// storage (a cloud function's payload is capped at 100 KB) and the fileID is registered to the
// writer. H5 (local host): the photo is shrunk in a canvas to at most 1280 px, JPEG, under the
// server's 600 KB limit, and sent as base64.

export interface Uploaded {
  photoId: string;
  /** What to show right away (a local path or data URL), before the server's URL is asked for. */
  preview: string;
}

const MAX_SIDE = 1280;
const MAX_BASE64 = 800_000; // ≈ 600 KB of bytes

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('图片无法读取'));
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
  throw new Error('图片过大，请换一张');
}

async function sendOne(path: string): Promise<Uploaded> {
  if (IS_WEAPP) {
    Taro.cloud.init({ env: CLOUD_ENV_ID, traceUser: true });
    const name = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.jpg`;
    const up = await Taro.cloud.uploadFile({ cloudPath: `message-photos/${name}`, filePath: path });
    const res = await registerPhoto(up.fileID);
    if (!res.ok) throw new Error(res.message);
    return { photoId: res.data.photoId, preview: path };
  }
  const dataUrl = await shrink(path);
  const res = await uploadPhoto('image/jpeg', dataUrl.slice(dataUrl.indexOf(',') + 1));
  if (!res.ok) throw new Error(res.message);
  return { photoId: res.data.photoId, preview: dataUrl };
}

/** Lets the person pick up to `room` photos and uploads them one by one. */
export async function pickAndUpload(
  room: number,
  onEach: (u: Uploaded) => void,
): Promise<{ uploaded: number; error: string | null }> {
  let picked: string[];
  try {
    const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    picked = res.tempFilePaths.slice(0, room);
  } catch {
    return { uploaded: 0, error: null }; // cancelled
  }
  let uploaded = 0;
  for (const path of picked) {
    try {
      onEach(await sendOne(path));
      uploaded += 1;
    } catch (e) {
      return { uploaded, error: (e as Error).message || '图片上传失败，请重试' };
    }
  }
  return { uploaded, error: null };
}
