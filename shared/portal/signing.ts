import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

// Signed machine requests (issue 6 §6): the portal and the 12345 platform sign each import with
// their key's secret, over the method, the path, a timestamp, a nonce and a digest of the exact
// body bytes sent (not re-serialised JSON: a machine signs what it sends, with any HMAC tool).
// The server builds the same text with this function; README (导入) shows it with openssl.

export const IMPORT_SIGNATURE_VERSION = 'zw-import-v1';

/** Header names (lower case, as the HTTP access service and Node deliver them). */
export const IMPORT_HEADERS = {
  keyId: 'x-import-key',
  timestamp: 'x-import-timestamp',
  nonce: 'x-import-nonce',
  signature: 'x-import-signature',
} as const;

export interface ImportProof {
  method: string;
  path: string;
  /** Milliseconds since the epoch, as the caller's clock reads it. */
  timestamp: string;
  nonce: string;
}

export const bodyDigest = (body: Uint8Array | string) =>
  bytesToHex(sha256(typeof body === 'string' ? utf8ToBytes(body) : body));

/** The exact text that is signed: version, method, path, timestamp, nonce, sha256(body) in hex. */
export function importSigningText(p: ImportProof, body: Uint8Array | string): string {
  return [IMPORT_SIGNATURE_VERSION, p.method.toUpperCase(), p.path, p.timestamp, p.nonce, bodyDigest(body)].join('\n');
}

/** HMAC-SHA256 of the signing text, keyed with the secret string as issued (base64url text). */
export function signImport(secret: string, p: ImportProof, body: Uint8Array | string): string {
  return bytesToHex(hmac(sha256, utf8ToBytes(secret), utf8ToBytes(importSigningText(p, body))));
}
