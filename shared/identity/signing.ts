import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from '../core/canonical';

// Signed staff requests (notice 第二十一条: the phone is the terminal). Every staff request
// carries the device id, a timestamp and a nonce, signed with the secret the device generated
// when it was bound. Client and server build the signed text with this one function, so they
// cannot drift apart. @noble/hashes runs the same on weapp, H5 and Node.

export interface DeviceProof {
  id: string;
  ts: number;
  nonce: string;
  sig: string;
}

export const SIGNATURE_VERSION = 'v1';

/** The exact text that is signed: version, action, device, time, nonce, and a digest of the data. */
export function signingText(action: string, data: unknown, proof: Omit<DeviceProof, 'sig'>): string {
  const digest = bytesToHex(sha256(utf8ToBytes(canonicalJson(data ?? {}))));
  return [SIGNATURE_VERSION, action, proof.id, String(proof.ts), proof.nonce, digest].join('\n');
}

export function signRequest(secretHex: string, action: string, data: unknown, proof: Omit<DeviceProof, 'sig'>): string {
  return bytesToHex(hmac(sha256, utf8ToBytes(secretHex), utf8ToBytes(signingText(action, data, proof))));
}

/** Constant-time comparison of two hex signatures. */
export function sameSignature(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
