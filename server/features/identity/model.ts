// Collections and documents of the identity feature.
export { STAFF } from '@server/runtime/staff';
export const DEVICES = 'devices';
export const NONCES = 'nonces';
export const STEP_UPS = 'stepUps';
/** Single-use challenges for SOTER step-up (signed by the phone, checked once by the server). */
export const STEP_UP_CHALLENGES = 'stepUpChallenges';
export const INVITES = 'invites';

export interface DeviceInfo {
  brand: string;
  model: string;
  system: string;
  platform: string;
  sdkVersion: string;
}

export interface DeviceDoc {
  _id: string;
  staffId: string;
  openid: string;
  /** HMAC key the device generated; never returned by any view. */
  secret: string;
  info: DeviceInfo;
  status: 'pending' | 'trusted' | 'revoked';
  createdAt: number;
  approvedAt?: number;
  approvedBy?: string;
  revokedAt?: number;
  revokedBy?: string;
  revokeReason?: string;
  /** Last accepted staff request; the app is locked when this is older than the idle limit. */
  lastActiveAt: number | null;
  /** Locked by hand ("立即锁定") until the next PIN unlock. */
  locked: boolean;
}

export interface InviteDoc {
  _id: string; // the code itself
  unitId: string;
  role: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  usedBy?: string;
  usedAt?: number;
  revoked?: boolean;
}

export interface StepUpChallengeDoc {
  _id: string;
  staffId: string;
  deviceId: string | null;
  purpose: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface StepUpDoc {
  _id: string;
  staffId: string;
  deviceId: string | null;
  purpose: string;
  method: 'pin' | 'soter';
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

/** What anyone may see of a device (no secret). */
export function deviceView(d: DeviceDoc) {
  return {
    _id: d._id,
    staffId: d.staffId,
    info: d.info,
    status: d.status,
    createdAt: d.createdAt,
    approvedAt: d.approvedAt ?? null,
    revokedAt: d.revokedAt ?? null,
    revokeReason: d.revokeReason ?? null,
    lastActiveAt: d.lastActiveAt,
  };
}
export type DeviceView = ReturnType<typeof deviceView>;
