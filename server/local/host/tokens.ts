import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Session tokens of the local host: it plays WeChat's part of telling a cloud function who is
// calling. A token is `payload.signature`, HMAC-SHA256 with a random secret kept in the data
// directory (created on first start, never committed); the payload names the OPENID.

export interface TokenClaims {
  sub: string; // OPENID
  kind: 'guest' | 'demo';
  iat: number;
  exp: number;
}

export function loadOrCreateSecret(dataDir: string): Buffer {
  const file = join(dataDir, 'host-secret');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(file, secret.toString('hex'), { mode: 0o600 });
  return secret;
}

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

export function signToken(secret: Buffer, claims: TokenClaims): string {
  const payload = b64(JSON.stringify(claims));
  const sig = createHmac('sha256', secret).update(payload).digest('base64url');
  return `${payload}.${sig}`;
}

export function verifyToken(secret: Buffer, token: string, nowMs: number): TokenClaims | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || token.length > 2048) return null;
  const payload = token.slice(0, dot);
  const sig = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = createHmac('sha256', secret).update(payload).digest();
  if (sig.length !== expected.length || !timingSafeEqual(sig, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
    return claims.exp * 1000 > nowMs ? claims : null;
  } catch {
    return null;
  }
}
