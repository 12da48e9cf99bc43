import { createTestCloud, type TestCloud } from '../../support/cloud-harness';
import { findStaffByOpenid } from '@server/runtime/staff';
import type { Envelope } from '@shared/core/envelope';
import { SAMPLES } from '../samples';
import type { ActionEntry } from './catalog';
import { digestStore, diffDigests, type Ignore } from './digest';
import { envelopeProblems, prototypeProblems } from './answers';
import { sampleEnv, type Sample, type SampleEnv } from './sample-env';

// One action, ready to be fuzzed: a fresh demo county, the sample's caller (with a trusted,
// unlocked phone when they are active staff) and the sample's valid payload.

export interface Prepared {
  entry: ActionEntry;
  sample: Sample;
  cloud: TestCloud;
  env: SampleEnv;
  openid: string;
  payload: unknown;
  ignore: Ignore[];
  /** Secret paths the sample's success returns by design (Sample.revealsSecret). */
  reveals: string[];
}

/** Fuzz settings: a fixed seed and a bounded run in `npm test`; FUZZ_RUNS / FUZZ_SEED for long runs. */
export const FUZZ = {
  seed: Number(process.env.FUZZ_SEED ?? 20_261_127),
  runs: Number(process.env.FUZZ_RUNS ?? 40),
};

export async function prepare(entry: ActionEntry): Promise<Prepared> {
  const sample = SAMPLES[entry.name];
  if (!sample) throw new Error(`no fuzz sample for ${entry.name} (test/fuzz/samples.ts)`);
  const cloud = await createTestCloud();
  const env = sampleEnv(cloud);
  const openid = await sample.as(env);
  const payload = await sample.payload(env);
  await ensurePhone(cloud, openid);
  return {
    entry,
    sample,
    cloud,
    env,
    openid,
    payload,
    ignore: (sample.refusalMayChange ?? []).map(({ collection, field }) => ({ collection, field })),
    reveals: sample.revealsSecret ? [sample.revealsSecret.path] : [],
  };
}

/** Binds the harness's trusted phone before any digest is taken, so binding it is not a "change". */
export async function ensurePhone(cloud: TestCloud, openid: string | null): Promise<void> {
  if (!openid) return;
  const staff = await findStaffByOpenid(cloud.db, openid);
  if (staff && staff.status === 'active') await cloud.deviceFor(openid);
}

export interface Checked {
  answer: Envelope<unknown>;
  problems: string[];
}

/**
 * Runs `call` and checks the invariants every answer must keep: a proper envelope, no
 * prototype pollution, and — when refused — no change to any stored document (the audit
 * trail and nonces aside, plus the fields the sample declares).
 */
export async function checkedCall(
  cloud: TestCloud,
  ignore: Ignore[],
  call: () => Promise<Envelope<unknown>>,
  reveals: readonly string[] = [],
): Promise<Checked> {
  const before = digestStore(cloud.store, ignore);
  let answer: Envelope<unknown>;
  try {
    answer = await call();
  } catch (e) {
    return {
      answer: { ok: false, code: 'Internal', message: String(e) },
      problems: [`the call threw instead of answering: ${(e as Error)?.stack ?? String(e)}`],
    };
  }
  const problems = [...envelopeProblems(answer, reveals), ...prototypeProblems()];
  if (answer && answer.ok === false) {
    const changes = diffDigests(before, digestStore(cloud.store, ignore));
    if (changes.length) problems.push(`refused (${answer.code}) but data changed: ${changes.slice(0, 8).join(', ')}`);
  }
  return { answer, problems };
}

/**
 * Calls an action as `openid` the way the real client does (signed when they are active staff).
 * A payload nested too deeply for canonical JSON cannot be signed by any client; it is sent with
 * a signature over other data, as an attacker would, and the server must still answer properly.
 */
export async function callAction(
  cloud: TestCloud,
  entry: Pick<ActionEntry, 'fn' | 'name'>,
  payload: unknown,
  openid: string | null,
): Promise<Envelope<unknown>> {
  try {
    return await cloud.call(entry.fn, entry.name, payload, openid);
  } catch (e) {
    if (!(e instanceof RangeError) || !openid) throw e;
    const key = cloud.keyFor(openid);
    if (key) {
      // A machine that cannot serialise it sends the deepest JSON text it can build by hand.
      const deep = `{"title":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
      const route = entry.name.split('.').pop()!;
      return (await cloud.http(cloud.machineEvent(key, route, null, { rawBody: deep }))).envelope;
    }
    const event = await cloud.signedEvent(openid, entry.name, {});
    return cloud.raw(entry.fn, { ...event, data: payload }, openid);
  }
}
