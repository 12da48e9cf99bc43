import { bytesToHex } from '@noble/hashes/utils';
import { signRequest, type DeviceProof } from '@shared/identity/signing';
import type { OutgoingRequest, RequestDecorator } from './transport-core';

// The device identity without any platform wiring (unit-tested under Node): the id and secret
// a phone generates on first use, and the decorator that signs every request with them.

/** Secure random bytes from the platform (crypto.getRandomValues, wx.getRandomValues, …). */
export type RandomBytes = (length: number) => Promise<Uint8Array>;

/** What this phone keeps in (encrypted) storage. The secret never leaves except once, to bind. */
export interface LocalDevice {
  id: string;
  secret: string;
  createdAt: number;
}

/** What the server may know about the client build (it refuses weapp clients that are too old). */
export interface ClientInfo {
  platform: 'weapp' | 'h5';
  sdkVersion: string;
}

export const DEVICE_ID_PATTERN = /^dev[0-9a-f]{24}$/;
export const DEVICE_SECRET_PATTERN = /^[0-9a-f]{64}$/;

export function isLocalDevice(value: unknown): value is LocalDevice {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    DEVICE_ID_PATTERN.test(v.id) &&
    typeof v.secret === 'string' &&
    DEVICE_SECRET_PATTERN.test(v.secret)
  );
}

/** `dev` + 24 hex characters (96 random bits), and a 32-byte secret as 64 hex characters. */
export async function newLocalDevice(random: RandomBytes, now: number): Promise<LocalDevice> {
  const [idBytes, secretBytes] = await Promise.all([random(12), random(32)]);
  if (idBytes.length !== 12 || secretBytes.length !== 32) throw new Error('random source returned too few bytes');
  return { id: `dev${bytesToHex(idBytes)}`, secret: bytesToHex(secretBytes), createdAt: now };
}

/** 128 random bits; the server refuses a nonce it has seen before from this device. */
export async function newNonce(random: RandomBytes): Promise<string> {
  return bytesToHex(await random(16));
}

export interface DecoratorDeps {
  /** The device to sign with, or null when none can be had (then the request goes unsigned). */
  device(): Promise<LocalDevice | null>;
  random: RandomBytes;
  now(): number;
  client(): ClientInfo;
}

/** The signed proof for one request: the server recomputes the same HMAC over the same text. */
export async function proofFor(
  device: LocalDevice,
  action: string,
  data: unknown,
  deps: Pick<DecoratorDeps, 'random' | 'now'>,
): Promise<DeviceProof> {
  const ts = deps.now();
  const nonce = await newNonce(deps.random);
  const sig = signRequest(device.secret, action, data ?? {}, { id: device.id, ts, nonce });
  return { id: device.id, ts, nonce, sig };
}

/**
 * Adds `device: { id, ts, nonce, sig }` and `client: { platform, sdkVersion }` to every request.
 * Signing is cheap, so every request is signed; the server ignores the proof for citizen actions.
 * The signed data is exactly the `data` that goes on the wire (the server signs `data ?? {}`).
 */
export function createDeviceDecorator(deps: DecoratorDeps): RequestDecorator {
  return async (req: OutgoingRequest): Promise<OutgoingRequest> => {
    const client = deps.client();
    let device: LocalDevice | null = null;
    try {
      device = await deps.device();
    } catch {
      device = null;
    }
    if (!device) return { ...req, payload: { ...req.payload, client } };
    const proof = await proofFor(device, req.payload.action, req.payload.data, deps);
    return { ...req, payload: { ...req.payload, device: proof, client } };
  };
}

/** Cuts device facts to the lengths the server accepts (registerDeviceInput.info). */
export function clampDeviceInfo(
  info: Partial<Record<'brand' | 'model' | 'system' | 'platform' | 'sdkVersion', unknown>>,
) {
  const cut = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');
  return {
    brand: cut(info.brand, 40),
    model: cut(info.model, 60),
    system: cut(info.system, 60),
    platform: cut(info.platform, 20),
    sdkVersion: cut(info.sdkVersion, 20),
  };
}
export type DeviceInfo = ReturnType<typeof clampDeviceInfo>;
