import { randomBytes } from 'node:crypto';
import type { ErrorCode } from '@shared/core/envelope';
import { okData, staffOpenid, type TestCloud } from '../../support/cloud-harness';
import type { Ignore } from './digest';

// What a fuzz sample can use to build a valid payload against the seeded demo county: demo
// people by id, fresh citizens, and the prerequisites many actions need (an invite, a person
// waiting for approval, a phone waiting for approval, a step-up ticket).

export interface SampleEnv {
  cloud: TestCloud;
  /** The WeChat identity of a demo staff member (server/local/demo/county.ts). */
  staff(staffId: string): string;
  /** A new citizen (any WeChat user) nobody has seen before. */
  citizen(): string;
  /** A fresh invite code for `role` in `unitId`, created by that unit's admin (or the info center). */
  invite(unitId: string, role: string, by?: string): Promise<string>;
  /** Someone who redeemed an invite and waits for approval. */
  pendingStaff(unitId: string, role: string): Promise<{ staffId: string; openid: string }>;
  /** A phone `openid` asked to bind, waiting for the unit admin's approval. */
  pendingDevice(openid: string): Promise<string>;
  /** A step-up ticket (fresh PIN) for a sensitive action. */
  stepUp(openid: string, purpose: Parameters<TestCloud['stepUp']>[1]): Promise<string>;
  /** Calls an action and returns its data, failing the setup when it is refused. */
  ok<T = unknown>(fn: Parameters<TestCloud['call']>[0], action: string, data: unknown, openid: string): Promise<T>;
}

export interface Sample {
  /** Who runs the action for real in the demo county (an openid from `env`). */
  as: (env: SampleEnv) => string | Promise<string>;
  /** A valid payload for that caller; it may create what the action needs first. */
  payload: (env: SampleEnv) => unknown | Promise<unknown>;
  /**
   * The unit the sample acts on, for actions scoped to the caller's own unit: stated here rather
   * than read from the action's targetUnit(), so a targetUnit() that names the wrong unit is caught.
   * null: the call names no unit (a county-role caller, e.g. a bulletin without a unit).
   */
  unit?: string | null;
  /** What the caller gets for the sample: `ok` unless a refusal is the point (then say why). */
  expect?: 'ok' | ErrorCode;
  /**
   * Fields a refusal of this action legitimately changes, with the reason: e.g. a wrong PIN is
   * counted on the person's record even though the call is refused (RULES.md: 5 failures lock).
   */
  refusalMayChange?: Array<Ignore & { why: string }>;
  /** A secret field a success returns by design (shown once, e.g. a new import key's secret), with why. */
  revealsSecret?: { path: string; why: string };
}

let citizens = 0;

export function sampleEnv(cloud: TestCloud): SampleEnv {
  const env: SampleEnv = {
    cloud,
    staff: (id) => staffOpenid(id),
    citizen: () => `fuzz-citizen-${++citizens}-${randomBytes(4).toString('hex')}`,
    ok: async <T>(fn: Parameters<TestCloud['call']>[0], action: string, data: unknown, openid: string) =>
      okData(await cloud.call<T>(fn, action, data, openid)),
    async invite(unitId, role, by) {
      const admin = by ?? (role === 'unitAdmin' || unitId === 'u-info-center' ? 's-infocenter' : adminOf(unitId));
      const res = await env.ok<{ code: string }>('identity', 'invites.create', { unitId, role }, staffOpenid(admin));
      return res.code;
    },
    async pendingStaff(unitId, role) {
      const code = await env.invite(unitId, role);
      const openid = env.citizen();
      const res = await env.ok<{ staffId: string }>(
        'identity',
        'invites.redeem',
        { code, name: '新同事', title: '办公室科员', mobile: '13995319999' },
        openid,
      );
      return { staffId: res.staffId, openid };
    },
    async pendingDevice(openid) {
      const deviceId = `fz${randomBytes(12).toString('hex')}`;
      await env.ok(
        'identity',
        'devices.register',
        { deviceId, secret: randomBytes(32).toString('hex'), info: { brand: 'fuzz', model: 'phone' } },
        openid,
      );
      return deviceId;
    },
    stepUp: (openid, purpose) => cloud.stepUp(openid, purpose),
  };
  return env;
}

/** The demo unit admin of a unit (the information center for units without one). */
function adminOf(unitId: string): string {
  const admins: Record<string, string> = {
    'u-education': 's-edu-admin',
    'u-huamachi': 's-hmc-admin',
    'u-county-office': 's-office-leader',
  };
  return admins[unitId] ?? 's-infocenter';
}
