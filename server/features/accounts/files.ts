import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getCloud } from '@server/runtime/cloud';

// Where account images (QR codes, verification screenshots) live. Locally: a small
// content-addressed file store under the data directory (DATA_DIR/files), served by the public
// function at /public/files/<key>. In a CloudBase function: cloud storage; the record keeps the
// fileID, which the mini program's <Image> shows directly (the portal feed then needs a public
// storage domain — PUBLIC_FILE_BASE — or it gets null).
//
// Not the private upload store (server/features/uploads/store.ts): these images are public —
// the directory and the portal's feed link them by a stable URL anyone may load, and the same
// QR code uploaded twice is one file — while message photos and post images get random names
// and are shown only after a permission check. What both share is the check that the bytes are
// the image they claim to be (looksLikeImage there).

export interface StoredImage {
  mime: 'image/png' | 'image/jpeg';
  bytes: Buffer;
}

export interface ImageStore {
  /** Stores the image and returns the reference kept on the record. */
  put(image: StoredImage): Promise<string>;
  /** A local reference's bytes (null when unknown or not local). */
  get(ref: string): Promise<StoredImage | null>;
  /** The URL a browser or the mini program can load, or null. */
  url(ref: string | null): string | null;
}

const KEY = /^[0-9a-f]{64}\.(png|jpg)$/;
const extOf = (mime: StoredImage['mime']) => (mime === 'image/png' ? 'png' : 'jpg');
const mimeOf = (key: string): StoredImage['mime'] => (key.endsWith('.png') ? 'image/png' : 'image/jpeg');
const keyOf = (img: StoredImage) => `${createHash('sha256').update(img.bytes).digest('hex')}.${extOf(img.mime)}`;

export function localImageStore(dir: string): ImageStore {
  const root = resolve(dir);
  return {
    async put(img) {
      mkdirSync(root, { recursive: true });
      const key = keyOf(img);
      const path = join(root, key);
      if (!existsSync(path)) writeFileSync(path, img.bytes);
      return `local:${key}`;
    },
    async get(ref) {
      const key = ref.startsWith('local:') ? ref.slice(6) : ref;
      if (!KEY.test(key)) return null;
      const path = join(root, key);
      if (!existsSync(path)) return null;
      return { mime: mimeOf(key), bytes: readFileSync(path) };
    },
    url: (ref) => (ref && ref.startsWith('local:') ? `/public/files/${ref.slice(6)}` : null),
  };
}

export function memoryImageStore(): ImageStore {
  const files = new Map<string, StoredImage>();
  return {
    async put(img) {
      const key = keyOf(img);
      files.set(key, img);
      return `local:${key}`;
    },
    async get(ref) {
      return files.get(ref.startsWith('local:') ? ref.slice(6) : ref) ?? null;
    },
    url: (ref) => (ref && ref.startsWith('local:') ? `/public/files/${ref.slice(6)}` : null),
  };
}

function cloudImageStore(): ImageStore {
  const base = process.env.PUBLIC_FILE_BASE ?? '';
  return {
    async put(img) {
      const res = await getCloud().uploadFile({ cloudPath: `accounts/${keyOf(img)}`, fileContent: img.bytes });
      return (res as { fileID: string }).fileID;
    },
    async get() {
      return null;
    },
    url: (ref) => {
      if (!ref) return null;
      if (!base) return ref.startsWith('cloud://') ? ref : null;
      return `${base.replace(/\/$/, '')}/accounts/${ref.split('/').pop()}`;
    },
  };
}

let configured: ImageStore | null = null;

/** Tests and the local host may choose the store; otherwise it follows where the code runs. */
export function configureImageStore(store: ImageStore | null): void {
  configured = store;
}

export function imageStore(): ImageStore {
  if (configured) return configured;
  const inCloudFunction = Boolean(process.env.SCF_FUNCTIONNAME || process.env.TENCENTCLOUD_RUNENV);
  configured = inCloudFunction ? cloudImageStore() : localImageStore(join(process.env.DATA_DIR ?? './data', 'files'));
  return configured;
}
