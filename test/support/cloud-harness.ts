import { randomBytes } from 'node:crypto';
import { openLocalStore, installLocalCloud, type LocalStore } from '@server/local/cloud';
import { runAsCaller, LOCAL_APPID } from '@server/local/wx-context';
import { configureRuntime, currentDeps, resetRuntime } from '@server/runtime/config';
import { createFunction } from '@server/runtime/main';
import { FUNCTIONS, type FunctionName } from '@server/functions';
import { seedDemoCounty, DEMO_PIN } from '@server/local/demo/seed';
import { demoOpenid } from '@server/local/demo/county';
import { findStaffByOpenid } from '@server/runtime/staff';
import { DEVICES, type DeviceDoc } from '@server/features/identity/model';
import { signRequest } from '@shared/identity/signing';
import { SECURITY_POLICY, type StepUpPurpose } from '@shared/identity/policy';
import type { Envelope } from '@shared/core/envelope';
import type { Database } from '@server/runtime/database';
import { portalMain } from '@server/features/portal/entry';
import { PORTAL_ROUTES, type HttpEvent, type HttpResult } from '@server/features/portal/machine';
import { IMPORT_HEADERS, signImport } from '@shared/portal/signing';
import type { ImportChannel } from '@shared/portal/schemas';

// Tests go through the public entry point: the cloud function's main(event, context), with the
// caller set the way WeChat sets it (the WX_OPENID context), a fresh in-memory store and a clock
// the test moves. Staff calls are signed by a trusted device the harness binds for them, the
// way the real client does, so feature tests exercise the same gate as production.

export interface TestClock {
  now: () => number;
  set(ms: number): void;
  advance(ms: number): void;
}

export function fixedClock(start = Date.UTC(2026, 10, 27, 1, 0)): TestClock {
  let t = start;
  return { now: () => t, set: (ms) => (t = ms), advance: (ms) => (t += ms) };
}

export interface TestDevice {
  id: string;
  secret: string;
}

/** An import key the harness created through importKeys.create, with its one-time secret. */
export interface TestImportKey {
  keyId: string;
  secret: string;
  channel: ImportChannel;
  /** Pass as `openid` to call(): the call then goes over the signed machine path as this key. */
  caller: string;
}

/** What a signed machine request may have changed, for attack tests. */
export interface MachineOverrides {
  ts?: number;
  nonce?: string;
  path?: string;
  method?: string;
  sig?: string;
  secret?: string;
  keyId?: string;
  /** Send these exact body bytes (text) instead of JSON.stringify(data). */
  rawBody?: string;
  base64?: boolean;
}

export interface TestCloud {
  store: LocalStore;
  clock: TestClock;
  db: Database;
  /** Calls `fn`'s main as `openid` (null: no WeChat identity); staff calls are device-signed. */
  call<T = unknown>(fn: FunctionName, action: string, data?: unknown, openid?: string | null): Promise<Envelope<T>>;
  /** Calls with a raw event, exactly as given (malformed events, forged proofs). */
  raw(fn: FunctionName, event: unknown, openid?: string | null): Promise<Envelope<unknown>>;
  /** The trusted device the harness bound for a staff openid (created on first use). */
  deviceFor(openid: string): Promise<TestDevice>;
  /** A correctly signed event for `openid`'s device, with parts overridable for attack tests. */
  signedEvent(
    openid: string,
    action: string,
    data: unknown,
    over?: { ts?: number; nonce?: string; device?: TestDevice },
  ): Promise<Record<string, unknown>>;
  /** Passes a fresh-PIN check with the demo PIN and returns the single-use ticket id. */
  stepUp(openid: string, purpose: StepUpPurpose): Promise<string>;
  /** Creates an import key for `channel` as the information center (fresh PIN included). */
  importKey(channel: ImportChannel, name?: string): Promise<TestImportKey>;
  /** The key behind a machine caller returned by importKey(). */
  keyFor(caller: string): TestImportKey | undefined;
  /** A signed HTTP access event for `key`, posting `data` to `/api/portal/<route>`. */
  machineEvent(key: TestImportKey, route: string, data: unknown, over?: MachineOverrides): HttpEvent;
  /** Sends an HTTP access event to the `portal` function (openid: a person forging one). */
  http(event: HttpEvent, openid?: string | null): Promise<{ status: number; envelope: Envelope<unknown> }>;
  close(): void;
}

const MACHINE_CALLER = 'importKey:';

export const CITIZEN = 'test-citizen-openid';
export const staffOpenid = demoOpenid;
export { DEMO_PIN };

export async function createTestCloud(
  opts: { seed?: boolean; clock?: TestClock; autoUnlock?: boolean } = {},
): Promise<TestCloud> {
  const store = openLocalStore({ file: ':memory:' });
  installLocalCloud(store);
  const clock = opts.clock ?? fixedClock();
  let n = 0;
  resetRuntime();
  configureRuntime({ now: clock.now, log: () => undefined, newId: () => `id${(++n).toString(36).padStart(8, '0')}` });
  const deps = currentDeps();
  const db = deps.db;
  if (opts.seed !== false) await seedDemoCounty(db, clock.now());
  const mains = Object.fromEntries(Object.entries(FUNCTIONS).map(([k, v]) => [k, createFunction(k, v)]));
  const devices = new Map<string, TestDevice>();
  const autoUnlock = opts.autoUnlock !== false;

  const raw = (fn: FunctionName, event: unknown, openid: string | null = CITIZEN) =>
    runAsCaller(openid ? { OPENID: openid, APPID: LOCAL_APPID } : null, () => mains[fn](event, {}));

  async function deviceFor(openid: string): Promise<TestDevice> {
    const known = devices.get(openid);
    if (known) return known;
    const staff = await findStaffByOpenid(db, openid);
    if (!staff) throw new Error(`no staff record for ${openid}`);
    const device = { id: `dev${randomBytes(12).toString('hex')}`, secret: randomBytes(32).toString('hex') };
    const doc: Omit<DeviceDoc, '_id'> = {
      staffId: staff._id,
      openid,
      secret: device.secret,
      info: { brand: 'test', model: 'harness', system: 'node', platform: 'devtools', sdkVersion: '3.0.0' },
      status: 'trusted',
      createdAt: clock.now(),
      approvedAt: clock.now(),
      approvedBy: 'test-harness',
      lastActiveAt: clock.now(),
      locked: false,
    };
    await db.collection(DEVICES).doc(device.id).set({ data: doc });
    devices.set(openid, device);
    return device;
  }

  async function signedEvent(
    openid: string,
    action: string,
    data: unknown,
    over: { ts?: number; nonce?: string; device?: TestDevice } = {},
  ) {
    const device = over.device ?? (await deviceFor(openid));
    const proof = { id: device.id, ts: over.ts ?? clock.now(), nonce: over.nonce ?? randomBytes(12).toString('hex') };
    return { action, data, device: { ...proof, sig: signRequest(device.secret, action, data ?? {}, proof) } };
  }

  const keys = new Map<string, TestImportKey>();
  const machineEvent = (key: TestImportKey, route: string, data: unknown, over: MachineOverrides = {}): HttpEvent => {
    const path = over.path ?? `/api/portal/${route}`;
    const body = over.rawBody ?? JSON.stringify(data ?? {});
    const proof = {
      method: over.method ?? 'POST',
      path,
      timestamp: String(over.ts ?? clock.now()),
      nonce: over.nonce ?? randomBytes(12).toString('hex'),
    };
    return {
      path,
      httpMethod: proof.method,
      headers: {
        'content-type': 'application/json',
        [IMPORT_HEADERS.keyId]: over.keyId ?? key.keyId,
        [IMPORT_HEADERS.timestamp]: proof.timestamp,
        [IMPORT_HEADERS.nonce]: proof.nonce,
        [IMPORT_HEADERS.signature]: over.sig ?? signImport(over.secret ?? key.secret, proof, body),
      },
      body: over.base64 ? Buffer.from(body, 'utf8').toString('base64') : body,
      isBase64Encoded: over.base64 === true,
    };
  };
  const http = async (event: HttpEvent, openid: string | null = null) => {
    const result = (await runAsCaller(openid ? { OPENID: openid, APPID: LOCAL_APPID } : null, () =>
      portalMain(event, {}),
    )) as HttpResult;
    return { status: result.statusCode, envelope: JSON.parse(result.body) as Envelope<unknown> };
  };

  async function call<T>(fn: FunctionName, action: string, data?: unknown, openid: string | null = CITIZEN) {
    const key = openid?.startsWith(MACHINE_CALLER) ? keys.get(openid) : undefined;
    if (key) {
      // A machine reaches only its routes; any other action it names is sent to where it is not.
      const route = Object.entries(PORTAL_ROUTES).find(([, a]) => a === action)?.[0] ?? action;
      return (await http(machineEvent(key, route, data))).envelope as Envelope<T>;
    }
    const staff = openid ? await findStaffByOpenid(db, openid) : null;
    if (!openid || !staff || staff.status !== 'active')
      return raw(fn, { action, data }, openid) as Promise<Envelope<T>>;
    const device = await deviceFor(openid);
    if (autoUnlock) {
      // The person at the phone unlocks it whenever the test's clock has jumped past the idle limit.
      const d = (await db.collection(DEVICES).doc(device.id).get()).data;
      const doc = (Array.isArray(d) ? d[0] : d) as DeviceDoc | undefined;
      if (
        doc &&
        doc.status === 'trusted' &&
        (doc.lastActiveAt === null || clock.now() - doc.lastActiveAt > SECURITY_POLICY.idleLockMs)
      ) {
        await db
          .collection(DEVICES)
          .doc(device.id)
          .update({ data: { lastActiveAt: clock.now() } });
      }
    }
    return raw(fn, await signedEvent(openid, action, data), openid) as Promise<Envelope<T>>;
  }

  async function stepUp(openid: string, purpose: StepUpPurpose) {
    const res = await call<{ stepUpId: string }>('identity', 'stepup.verify', { purpose, pin: DEMO_PIN }, openid);
    return okData(res).stepUpId;
  }

  return {
    store,
    clock,
    db,
    raw,
    call,
    deviceFor,
    signedEvent,
    stepUp,
    async importKey(channel, name = channel === 'portal' ? '县政府门户网站' : '12345 政务服务热线') {
      const info = demoOpenid('s-infocenter');
      const stepUpId = await stepUp(info, 'importKey.create');
      const res = okData(
        await call<{ key: { keyId: string }; secret: string }>(
          'portal',
          'importKeys.create',
          { channel, name, stepUpId },
          info,
        ),
      );
      const key = { keyId: res.key.keyId, secret: res.secret, channel, caller: `${MACHINE_CALLER}${res.key.keyId}` };
      keys.set(key.caller, key);
      return key;
    },
    keyFor: (caller) => keys.get(caller),
    machineEvent,
    http,
    close: () => {
      resetRuntime();
      store.close();
    },
  };
}

/** Unwraps a success or fails the test with the refusal's code and message. */
export function okData<T>(env: Envelope<T>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.code}: ${env.message}`);
  return env.data;
}
