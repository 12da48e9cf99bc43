import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Envelope, ErrorCode } from '@shared/core/envelope';
import { currentDeps } from '@server/runtime/config';
import { findStaffByOpenid } from '@server/runtime/staff';
import type { ActionContext } from '@server/runtime/action';
import { staffOpenid } from '../support/cloud-harness';
import { registeredActions, type ActionEntry } from './lib/catalog';
import { prepare, checkedCall, ensurePhone, type Prepared } from './lib/prepare';
import { makeStaff, makeDevice, rolesOutside, grantsElsewhere, isCounty } from './lib/intruders';
import { describeValue } from './lib/hostile';
import { SAMPLES } from './samples';

// Valid payloads from the wrong people and the wrong phones: for every registered action, the
// sample call that succeeds for its rightful caller is replayed by someone with no WeChat
// identity, a citizen, a pending or disabled member, someone without the role, someone with the
// role in another unit, and by the rightful caller on a phone that is missing, unknown, revoked,
// pending, someone else's, outdated, locked, badly signed, stale or replayed. Each is refused with
// the right code and a Chinese message, and changes nothing but the audit trail.

interface Variant {
  label: string;
  expect: ErrorCode;
  /** Prepares the caller and phone (before the digest), then returns the call to make. */
  setup: () => Promise<() => Promise<Envelope<unknown>>>;
}

/** What the action's own targetUnit() says the sample acts on (null without one). */
async function computedUnitOf(p: Prepared): Promise<string | null> {
  if (!p.entry.def.targetUnit) return null;
  const parsed = p.entry.def.input.parse(p.payload ?? {});
  const staff = await findStaffByOpenid(p.cloud.db, p.openid);
  const ctx: ActionContext = {
    caller: { openid: p.openid, staff },
    deps: currentDeps(),
    requestId: 'probe',
    action: p.entry.name,
    deviceId: null,
  };
  return p.entry.def.targetUnit(parsed, ctx);
}

async function variantsFor(p: Prepared, failures: string[]): Promise<Variant[]> {
  const { cloud, entry, payload } = p;
  const rule = entry.rule!;
  const as = (openid: string | null) => async () => {
    await ensurePhone(cloud, openid);
    return () => cloud.call(entry.fn, entry.name, payload, openid);
  };
  const out: Variant[] = [{ label: 'no WeChat identity', expect: 'Unauthenticated', setup: as(null) }];
  if (rule.audience === 'anyone') return out;

  out.push({ label: 'a citizen with no staff record', expect: 'Forbidden', setup: as('fuzz-stranger-openid') });
  if (rule.audience === 'service') return [...out, ...machineVariants(p)];
  const target = SAMPLES[entry.name].unit ?? null;
  if (target && rule.audience === 'staff' && rule.scope === 'ownUnit') {
    const computed = await computedUnitOf(p);
    if (computed !== target)
      failures.push(`targetUnit() says the sample acts on ${computed}, but it acts on ${target}`);
  }
  const home = target ?? 'u-education';
  const anyGrant = rule.audience === 'staff' ? rule.roles.map((role) => ({ role, unitId: home })) : [];
  const grants = anyGrant.length ? anyGrant : [{ role: 'publisher' as const, unitId: home }];
  out.push({
    label: 'a disabled staff member',
    expect: 'Unauthenticated',
    setup: async () => as(await makeStaff(cloud, grants, 'disabled'))(),
  });
  if (rule.audience === 'member') return out;

  out.push({
    label: 'a member still waiting for approval',
    expect: 'Forbidden',
    setup: async () => as(await makeStaff(cloud, grants, 'pending'))(),
  });
  const outside = rolesOutside(rule);
  if (outside.length) {
    out.push({
      label: `someone holding only ${outside.join('/')}`,
      expect: 'Forbidden',
      setup: async () =>
        as(
          await makeStaff(
            cloud,
            outside.map((role) => ({
              role,
              unitId: isCounty(role) ? (role === 'infoCenter' ? 'u-info-center' : 'u-supervision') : home,
            })),
          ),
        )(),
    });
  }
  const elsewhere = grantsElsewhere(rule, target);
  if (rule.scope !== 'self' && elsewhere.length && (rule.scope === 'county' || target)) {
    out.push({
      label: `${elsewhere.map((g) => g.role).join('/')} of ${elsewhere[0].unitId}, not of ${target ?? 'the county'}`,
      expect: 'Forbidden',
      setup: async () => as(await makeStaff(cloud, elsewhere))(),
    });
  }

  // The rightful caller, on the wrong phone or with a broken proof.
  const me = p.openid;
  const signedWith =
    (over: Parameters<typeof cloud.signedEvent>[3], edit?: (e: Record<string, unknown>) => void) => async () => {
      const event = await cloud.signedEvent(me, entry.name, payload, over);
      edit?.(event);
      return () => cloud.raw(entry.fn, event, me);
    };
  out.push(
    {
      label: 'no device proof',
      expect: 'DeviceNotTrusted',
      setup: async () => () => cloud.raw(entry.fn, { action: entry.name, data: payload }, me),
    },
    {
      label: 'an unknown device',
      expect: 'DeviceNotTrusted',
      setup: signedWith({ device: { id: `unknown${randomBytes(8).toString('hex')}`, secret: 'ab'.repeat(32) } }),
    },
    {
      label: 'a revoked (lost) device',
      expect: 'DeviceNotTrusted',
      setup: async () => signedWith({ device: await makeDevice(cloud, me, 'revoked') })(),
    },
    {
      label: 'a device still waiting for approval',
      expect: 'DeviceNotTrusted',
      setup: async () => signedWith({ device: await makeDevice(cloud, me, 'pending') })(),
    },
    {
      label: "someone else's trusted device",
      expect: 'DeviceNotTrusted',
      setup: async () => {
        const other = staffOpenid('s-hmc-leader') === me ? staffOpenid('s-edu-leader') : staffOpenid('s-hmc-leader');
        return signedWith({ device: await cloud.deviceFor(other) })();
      },
    },
    {
      label: 'a signature that does not match',
      expect: 'DeviceNotTrusted',
      setup: signedWith({}, (e) => {
        const d = e.device as { sig: string };
        d.sig = `${d.sig.slice(0, -1)}${d.sig.endsWith('0') ? '1' : '0'}`;
      }),
    },
    {
      label: 'a timestamp 6 minutes old',
      expect: 'DeviceNotTrusted',
      setup: signedWith({ ts: cloud.clock.now() - 6 * 60_000 }),
    },
    {
      label: 'an outdated WeChat client',
      expect: 'Forbidden',
      setup: signedWith({}, (e) => void (e.client = { platform: 'weapp', sdkVersion: '2.9.0' })),
    },
  );
  if (!rule.lockExempt) {
    out.push({
      label: 'a trusted device that is locked',
      expect: 'Unauthenticated',
      setup: async () => signedWith({ device: await makeDevice(cloud, me, 'trusted', { locked: true }) })(),
    });
  }
  return out;
}

/**
 * A machine's action (audience service): every person is refused, in the mini program or forging
 * an HTTP access event; the rightful key is refused when revoked, of another channel, unknown,
 * badly signed, stale or replayed.
 */
function machineVariants(p: Prepared): Variant[] {
  const { cloud, entry, payload } = p;
  const key = cloud.keyFor(p.openid)!;
  const route = entry.name.split('.').pop()!;
  const send =
    (event: ReturnType<typeof cloud.machineEvent>, openid: string | null = null) =>
    async () =>
      (await cloud.http(event, openid)).envelope;
  const other = key.channel === 'portal' ? 'hotline12345' : 'portal';
  return [
    {
      label: 'the information center, signed in the mini program',
      expect: 'Forbidden',
      setup: async () => {
        await ensurePhone(cloud, staffOpenid('s-infocenter'));
        return () => cloud.call(entry.fn, entry.name, payload, staffOpenid('s-infocenter'));
      },
    },
    {
      label: 'a person sending a signed HTTP-shaped event from the mini program',
      expect: 'Forbidden',
      setup: async () => send(cloud.machineEvent(key, route, payload), staffOpenid('s-infocenter')),
    },
    {
      label: 'a revoked key',
      expect: 'Unauthenticated',
      setup: async () => {
        const k = await cloud.importKey(key.channel);
        const res = await cloud.call(
          'portal',
          'importKeys.revoke',
          { keyId: k.keyId, reason: '测试停用' },
          staffOpenid('s-infocenter'),
        );
        if (!res.ok) throw new Error(`revoke failed: ${res.message}`);
        return send(cloud.machineEvent(k, route, payload));
      },
    },
    {
      label: `a key for ${other}`,
      expect: 'Forbidden',
      setup: async () => send(cloud.machineEvent(await cloud.importKey(other), route, payload)),
    },
    {
      label: 'an unknown key',
      expect: 'Unauthenticated',
      setup: async () => send(cloud.machineEvent(key, route, payload, { keyId: 'ikunknown00000000' })),
    },
    {
      label: 'a signature made with another secret',
      expect: 'Unauthenticated',
      setup: async () => send(cloud.machineEvent(key, route, payload, { secret: 'not-the-secret' })),
    },
    {
      label: 'a timestamp 6 minutes old',
      expect: 'Unauthenticated',
      setup: async () => send(cloud.machineEvent(key, route, payload, { ts: cloud.clock.now() - 6 * 60_000 })),
    },
    {
      label: 'the rightful request, replayed',
      expect: 'Unauthenticated',
      setup: async () => {
        const event = cloud.machineEvent(key, route, payload);
        const first = await cloud.http(event);
        if (!first.envelope.ok) throw new Error(`the rightful call was refused: ${first.envelope.message}`);
        return send(event);
      },
    },
  ];
}

for (const entry of registeredActions()) {
  if (!SAMPLES[entry.name] || !entry.rule) continue; // coverage.test.ts fails for it
  test(`wrong callers and devices: ${entry.fn}/${entry.name}`, async () => {
    const p = await prepare(entry);
    const failures: string[] = [];
    try {
      const variants = await variantsFor(p, failures);
      for (const v of variants) {
        const send = await v.setup();
        const { answer, problems } = await checkedCall(p.cloud, p.ignore, send);
        const got = answer.ok ? 'ok' : answer.code;
        if (got !== v.expect) problems.push(`expected ${v.expect}, got ${got}: ${describeValue(answer)}`);
        if (problems.length) failures.push(`${v.label}: ${problems.join('; ')}`);
      }
      if (entry.rule!.audience === 'staff') await replay(p, entry, failures);
    } finally {
      p.cloud.close();
    }
    assert.deepEqual(failures, []);
  });
}

/** The rightful, signed call goes through once; the very same event sent again is refused. */
async function replay(p: Prepared, entry: ActionEntry, failures: string[]): Promise<void> {
  const event = await p.cloud.signedEvent(p.openid, entry.name, p.payload);
  const first = await p.cloud.raw(entry.fn, event, p.openid);
  const expected = SAMPLES[entry.name].expect ?? 'ok';
  if ((first.ok ? 'ok' : first.code) !== expected)
    failures.push(`the rightful call before the replay: ${describeValue(first)}`);
  const { answer, problems } = await checkedCall(p.cloud, p.ignore, () => p.cloud.raw(entry.fn, event, p.openid));
  if (answer.ok || answer.code !== 'DeviceNotTrusted')
    problems.push(`expected DeviceNotTrusted, got ${describeValue(answer)}`);
  if (problems.length) failures.push(`a replayed request: ${problems.join('; ')}`);
}
