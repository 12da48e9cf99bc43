import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { SECURITY_POLICY } from '@shared/identity/policy';
import type { StaffRecord } from '@server/runtime/action';

// PINs are stored only as a slow hash (scrypt, N=2^14, r=8, p=1, 32-byte key, random salt).
// Attempts are counted on the staff record: 5 wrong in a row lock PIN entry for 15 minutes,
// 100 wrong within an hour lock the person until a unit admin unlocks (RULES.md Security).

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
const PARAMS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashPin(pin: string): Promise<{ hash: string; salt: string }> {
  const salt = randomBytes(16);
  const key = await scrypt(pin, salt, 32, PARAMS);
  return { hash: key.toString('hex'), salt: salt.toString('hex') };
}

async function pinMatches(pin: string, stored: { hash: string; salt: string }): Promise<boolean> {
  const key = await scrypt(pin, Buffer.from(stored.salt, 'hex'), 32, PARAMS);
  const expected = Buffer.from(stored.hash, 'hex');
  return key.length === expected.length && timingSafeEqual(key, expected);
}

type Guard = NonNullable<StaffRecord['pinGuard']>;
export const FRESH_GUARD: Guard = { consecutive: 0, lockedUntil: 0, recent: [], hardLocked: false };

export type PinCheck =
  | { ok: true; guard: Guard }
  | {
      ok: false;
      guard: Guard;
      message: string;
      reason: 'pin-not-set' | 'pin-locked' | 'pin-hard-locked' | 'pin-wrong';
    };

/** Checks a PIN attempt and returns the guard to store, whatever the outcome. */
export async function checkPin(staff: StaffRecord, pin: string, now: number): Promise<PinCheck> {
  const guard: Guard = { ...FRESH_GUARD, ...(staff.pinGuard ?? {}) };
  guard.recent = guard.recent.filter((t) => t > now - 3600_000);
  if (!staff.pin) return { ok: false, guard, reason: 'pin-not-set', message: '您还没有设置 PIN，请先在“我的”里设置' };
  if (guard.hardLocked) {
    return {
      ok: false,
      guard,
      reason: 'pin-hard-locked',
      message: 'PIN 错误次数过多，账号已锁定，请联系单位管理员解锁',
    };
  }
  const matched = guard.lockedUntil > now ? false : await pinMatches(pin, staff.pin);
  if (matched) return { ok: true, guard: { ...FRESH_GUARD } };

  // Every refused attempt counts toward the hourly cap, including those made while locked:
  // hammering a locked PIN is exactly what the cap is for.
  guard.recent = [...guard.recent, now].slice(-SECURITY_POLICY.pinHourlyCap);
  if (guard.recent.length >= SECURITY_POLICY.pinHourlyCap) {
    guard.hardLocked = true;
    return {
      ok: false,
      guard,
      reason: 'pin-hard-locked',
      message: 'PIN 一小时内错误次数过多，账号已锁定，请联系单位管理员解锁',
    };
  }
  if (guard.lockedUntil > now) {
    const minutes = Math.ceil((guard.lockedUntil - now) / 60_000);
    return {
      ok: false,
      guard,
      reason: 'pin-locked',
      message: `PIN 连续输错 ${SECURITY_POLICY.pinSoftLockFailures} 次，请 ${minutes} 分钟后再试`,
    };
  }
  guard.consecutive += 1;
  if (guard.consecutive >= SECURITY_POLICY.pinSoftLockFailures) {
    guard.lockedUntil = now + SECURITY_POLICY.pinSoftLockMs;
    guard.consecutive = 0;
    return {
      ok: false,
      guard,
      reason: 'pin-locked',
      message: `PIN 连续输错 ${SECURITY_POLICY.pinSoftLockFailures} 次，已锁定 15 分钟`,
    };
  }
  const left = SECURITY_POLICY.pinSoftLockFailures - guard.consecutive;
  return { ok: false, guard, reason: 'pin-wrong', message: `PIN 不正确，再错 ${left} 次将锁定 15 分钟` };
}
