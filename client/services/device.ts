import Taro from '@tarojs/taro';
import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';
import { IS_WEAPP } from './env';
import {
  clampDeviceInfo,
  createDeviceDecorator,
  isLocalDevice,
  newLocalDevice,
  type ClientInfo,
  type DeviceInfo,
  type LocalDevice,
  type RandomBytes,
} from './device-core';
import { ensureSession, sessionIdentityKey } from './session';
import { readJson, removeKey, writeJson } from './storage';
import { setRequestDecorator } from './transport';

// This phone's identity (issue 3, notice 第二十一条): on first use it generates a device id and
// an HMAC secret, keeps them in WeChat's encrypted storage (weapp) or localStorage (H5), and
// signs every request with them. The secret leaves the phone once, when the device is bound.
//
// On weapp, storage is already separate for each WeChat user, so one key suffices. On H5 one
// browser plays many demo identities, so each identity keeps its own device, as each WeChat
// user on a shared phone would.

export type { LocalDevice, DeviceInfo, ClientInfo };

// The global WeChat API, declared here for the few calls Taro does not type (encrypted storage).
declare const wx:
  | {
      setStorage(o: {
        key: string;
        data: string;
        encrypt?: boolean;
        success?: () => void;
        fail?: (e: unknown) => void;
      }): void;
      getStorage(o: {
        key: string;
        encrypt?: boolean;
        success?: (r: { data: unknown }) => void;
        fail?: (e: unknown) => void;
      }): void;
      removeStorage(o: { key: string; success?: () => void; fail?: () => void }): void;
      getRandomValues?: (o: {
        length: number;
        success?: (r: { randomValues: ArrayBuffer }) => void;
        fail?: () => void;
      }) => void;
      getUserCryptoManager?: () => {
        getRandomValues(o: {
          length: number;
          success?: (r: { randomValues: ArrayBuffer }) => void;
          fail?: () => void;
        }): void;
      };
    }
  | undefined;

const KEY = 'zw.device.v1';

// ---- secure random ---------------------------------------------------------------------------

let weakCounter = 0;
/** Last resort on clients without a secure source (the server refuses such old clients anyway). */
function weakBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let block: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < length; i++) {
    if (i % 32 === 0) block = sha256(utf8ToBytes(`${Math.random()}|${Date.now()}|${++weakCounter}|${i}`));
    out[i] = block[i % 32];
  }
  return out;
}

type RandomOption = { length: number; success?: (r: { randomValues: ArrayBuffer }) => void; fail?: () => void };

/** wx.getRandomValues, or the user crypto manager's, through callbacks (not every base library promisifies them). */
function weappSecureBytes(length: number): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    if (typeof wx === 'undefined' || !wx) return resolve(null);
    const api = wx;
    let source: ((o: RandomOption) => void) | null = null;
    if (api.getRandomValues) source = (o) => api.getRandomValues!(o);
    else if (api.getUserCryptoManager) source = (o) => api.getUserCryptoManager!().getRandomValues(o);
    if (!source) return resolve(null);
    try {
      source({
        length,
        success: (r) => resolve(r?.randomValues ? new Uint8Array(r.randomValues) : null),
        fail: () => resolve(null),
      });
    } catch {
      resolve(null);
    }
  });
}

export const secureRandom: RandomBytes = async (length) => {
  if (!IS_WEAPP) {
    const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
    if (c?.getRandomValues) return c.getRandomValues(new Uint8Array(length));
    return weakBytes(length);
  }
  const bytes = await weappSecureBytes(length);
  return bytes && bytes.length === length ? bytes : weakBytes(length);
};

// ---- storage -------------------------------------------------------------------------------------

function weappGetEncrypted(key: string): Promise<unknown> {
  return new Promise((resolve) => {
    if (typeof wx === 'undefined' || !wx) return resolve(null);
    wx.getStorage({
      key,
      encrypt: true,
      success: (r) => resolve(typeof r.data === 'string' ? safeParse(r.data) : r.data),
      fail: () => resolve(null),
    });
  });
}

function weappSetEncrypted(key: string, value: LocalDevice): Promise<boolean> {
  return new Promise((resolve) => {
    if (typeof wx === 'undefined' || !wx) return resolve(false);
    wx.setStorage({
      key,
      data: JSON.stringify(value),
      encrypt: true,
      success: () => resolve(true),
      fail: () => resolve(false),
    });
  });
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Weapp: encrypted storage, or (base library < 2.21.3, which the server refuses) plain storage. */
async function loadStored(key: string): Promise<LocalDevice | null> {
  if (IS_WEAPP) {
    const enc = await weappGetEncrypted(key);
    if (isLocalDevice(enc)) return enc;
    const plain = readJson<unknown>(`${key}.plain`);
    return isLocalDevice(plain) ? plain : null;
  }
  const v = readJson<unknown>(key);
  return isLocalDevice(v) ? v : null;
}

async function saveStored(key: string, device: LocalDevice): Promise<void> {
  if (IS_WEAPP) {
    if (await weappSetEncrypted(key, device)) return;
    writeJson(`${key}.plain`, device);
    return;
  }
  writeJson(key, device);
}

function dropStored(key: string): void {
  removeKey(`${key}.plain`);
  if (IS_WEAPP && typeof wx !== 'undefined' && wx) wx.removeStorage({ key });
  else removeKey(key);
}

// ---- the device ----------------------------------------------------------------------------------

const cache = new Map<string, Promise<LocalDevice>>();

function loadOrCreate(key: string): Promise<LocalDevice> {
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      const stored = await loadStored(key);
      if (stored) return stored;
      const fresh = await newLocalDevice(secureRandom, Date.now());
      await saveStored(key, fresh);
      return fresh;
    })();
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

async function storageKey(): Promise<string> {
  if (IS_WEAPP) return KEY;
  await ensureSession();
  const who = sessionIdentityKey();
  return who ? `${KEY}:${who}` : KEY;
}

/** This phone's device for the current person, generated and stored on first use. */
export async function currentDevice(): Promise<LocalDevice> {
  return loadOrCreate(await storageKey());
}

/** H5 demo switcher: the device the browser will use as that persona (before signing in). */
export function deviceForPersona(personaId: string): Promise<LocalDevice> {
  return loadOrCreate(`${KEY}:${sessionIdentityKey({ personaId })}`);
}

/**
 * Forgets this phone's device and makes a new one (after it was reported lost, or when it is
 * bound to someone else). The new device must be bound and approved again.
 */
export async function replaceDevice(): Promise<LocalDevice> {
  const key = await storageKey();
  cache.delete(key);
  dropStored(key);
  return loadOrCreate(key);
}

// ---- what the server is told ---------------------------------------------------------------

function systemInfo(): Record<string, unknown> {
  try {
    return Taro.getSystemInfoSync() as unknown as Record<string, unknown>;
  } catch {
    return {};
  }
}

const known = (v: unknown) => (typeof v === 'string' && v && v !== 'unknown' ? v : '');

/** Brand, model, system, platform and base library version, as the unit admin will see them. */
export function deviceInfo(): DeviceInfo {
  const s = systemInfo();
  if (IS_WEAPP) {
    return clampDeviceInfo({
      brand: s.brand,
      model: s.model,
      system: s.system,
      platform: s.platform,
      sdkVersion: s.SDKVersion,
    });
  }
  return clampDeviceInfo({
    brand: known(s.brand),
    model: known(s.model) || browserName(),
    system: known(s.system),
    platform: 'h5',
    sdkVersion: '',
  });
}

function browserName(): string {
  const ua = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  if (/MicroMessenger/i.test(ua)) return '微信浏览器';
  if (/Edg\//.test(ua)) return 'Edge 浏览器';
  if (/Chrome\//.test(ua)) return 'Chrome 浏览器';
  if (/Safari\//.test(ua)) return 'Safari 浏览器';
  if (/Firefox\//.test(ua)) return 'Firefox 浏览器';
  return '网页浏览器';
}

let clientCache: ClientInfo | null = null;
export function clientInfo(): ClientInfo {
  if (!clientCache) {
    const sdk = IS_WEAPP ? String(systemInfo().SDKVersion ?? '') : '';
    clientCache = { platform: IS_WEAPP ? 'weapp' : 'h5', sdkVersion: sdk.slice(0, 32) };
  }
  return clientCache;
}

/** Installs the request signer once; every call from then on carries `device` and `client`. */
export function installDeviceSigning(): void {
  setRequestDecorator(
    createDeviceDecorator({
      device: currentDevice,
      random: secureRandom,
      now: () => Date.now(),
      client: clientInfo,
    }),
  );
}

/** A short form of the device id that people can compare on two screens. */
export function shortDeviceId(id: string): string {
  return id.length > 9 ? `${id.slice(3, 7)}…${id.slice(-4)}`.toUpperCase() : id;
}
