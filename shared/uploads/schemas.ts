import { z } from '../core/zod';

// Private images people upload — citizens' photos on a message, staff's images on a post. One
// contract for both: which ids are image ids, what an upload from the phone carries, and the
// limits the server and the phone's shrinking agree on.

export const IMAGE_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageMime = (typeof IMAGE_MIMES)[number];

/** Bytes of one image (the phone shrinks larger ones before sending). */
export const IMAGE_MAX_BYTES = 600 * 1024;
/** Base64 of IMAGE_MAX_BYTES, with a little room (4/3 of the bytes). */
const BASE64_MAX = 820_000;

/** A stored image: a CloudBase fileID in production, `local:<id>.<ext>` on the local host. */
export const imageIdSchema = z
  .string({ error: '图片编号无效' })
  .max(300)
  .regex(/^(cloud:\/\/[A-Za-z0-9._\-/]+|local:[A-Za-z0-9_-]{8,64}\.(jpg|png|webp))$/, { error: '图片编号无效' });

/** An image sent from the phone (local host and H5): base64 of at most 600 KB of image bytes. */
export const uploadImageInput = z.strictObject({
  mime: z.enum(IMAGE_MIMES, { error: '请选择 JPG、PNG 或 WebP 图片' }),
  data: z
    .string({ error: '缺少图片内容' })
    .max(BASE64_MAX, { error: '每张图片不超过 600 KB' })
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: '图片内容格式不正确' }),
});

/** The mini program uploaded to cloud storage itself and registers the fileID. */
export const registerImageInput = z.strictObject({
  fileId: z
    .string({ error: '缺少图片编号' })
    .max(300)
    .regex(/^cloud:\/\/[A-Za-z0-9._\-/]+$/, { error: '图片编号无效' }),
});
