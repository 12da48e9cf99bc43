import { randomBytes } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openLocalStore, installLocalCloud, type LocalStore } from '@server/local/cloud';
import { configureRuntime, currentDeps, resetRuntime } from '@server/runtime/config';
import { createFunction, type CloudFunctionMain } from '@server/runtime/main';
import { FUNCTIONS } from '@server/functions';
import { runAsCaller, LOCAL_APPID } from '@server/local/wx-context';
import { signRequest } from '@shared/identity/signing';
import type { Envelope } from '@shared/core/envelope';
import { BENCH_DIR, type SeedManifest } from '../seed-county';
import { rawQuery, rawWriter, type RawQuery } from './raw';
import { timeIt, type Timing } from './timing';
import type { BenchResult } from './types';

// Key reads and writes of the product against the synthetic county, each through the real
// handler path (cloud-function main → permission table → device signature → handler → the
// wx-server-sdk database API → the local store) beside the raw indexed SQL that answers the same
// question, measured in the same run. Runs on a copy of the cached seed, so reruns start equal.

interface Op {
  name: string;
  baselineName: string;
  real: (i: number) => Promise<Envelope<unknown>>;
  raw: (i: number) => unknown;
  notes?: string;
  n?: number;
}

export interface ScaleReport {
  results: BenchResult[];
  plans: Record<string, string>;
  refusals: Record<string, string>;
}

const has = (action: string) => Object.values(FUNCTIONS).some((m) => Object.prototype.hasOwnProperty.call(m, action));
const fnOf = (action: string) =>
  Object.entries(FUNCTIONS).find(([, m]) => Object.prototype.hasOwnProperty.call(m, action))![0];

export async function runScaleBench(file: string, manifest: SeedManifest, iterations = 300): Promise<ScaleReport> {
  const copy = join(BENCH_DIR, 'run.sqlite');
  for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
  copyFileSync(file, copy);
  const store: LocalStore = openLocalStore({ file: copy, synchronous: 'FULL' });
  installLocalCloud(store);
  resetRuntime();
  configureRuntime({ log: () => undefined });
  const deps = currentDeps();
  const mains: Record<string, CloudFunctionMain> = Object.fromEntries(
    Object.entries(FUNCTIONS).map(([k, v]) => [k, createFunction(k, v)]),
  );
  try {
    const callers = Object.entries(manifest.callers);
    // Their phones were last used when the county was seeded: open the app (as a PIN unlock would).
    for (const [, c] of callers)
      await deps.db
        .collection('devices')
        .doc(c.deviceId)
        .update({ data: { lastActiveAt: Date.now(), locked: false } });

    const asCitizen = (openid: string, action: string, data: unknown) =>
      runAsCaller({ OPENID: openid, APPID: LOCAL_APPID }, () => mains[fnOf(action)]({ action, data }, {}));
    const asStaff = (staffId: string, action: string, data: unknown) => {
      const c = manifest.callers[staffId];
      const proof = { id: c.deviceId, ts: Date.now(), nonce: randomBytes(12).toString('hex') };
      const sig = signRequest(c.secret, action, data ?? {}, proof);
      return runAsCaller({ OPENID: c.openid, APPID: LOCAL_APPID }, () =>
        mains[fnOf(action)]({ action, data, device: { ...proof, sig } }, {}),
      );
    };
    const byRole = (role: string) => callers.filter(([, c]) => c.role === role).map(([id, c]) => ({ id, ...c }));
    const publishers = byRole('publisher').filter((p) => !p.id.startsWith('s-') || p.id.startsWith('s-b'));
    const admins = byRole('unitAdmin');
    const at = <T>(xs: T[], i: number) => xs[Math.abs(i) % xs.length];
    const citizens = Math.ceil(manifest.scale.messages / 5);
    const citizen = (i: number) => `bench-citizen-${(Math.abs(i) * 104_729) % citizens}`;

    const plans: Record<string, string> = {};
    const q = (name: string, query: RawQuery) => {
      plans[name] = query.plan;
      return query;
    };
    const ops: Op[] = [];
    const w = rawWriter(store);

    if (has('messages.mine')) {
      const raw = q('messages.mine', rawQuery(store, 'messages', [['citizenOpenid', '']], [['createdAt', 'desc']], 21));
      ops.push({
        name: 'read: messages.mine (a citizen’s messages)',
        real: (i) => asCitizen(citizen(i), 'messages.mine', {}),
        baselineName: 'SQL citizen_created index, 21 rows + JSON.parse',
        raw: (i) => raw.run([['citizenOpenid', citizen(i)]]),
      });
    }
    if (has('messages.inbox')) {
      const raw = q('messages.inbox', rawQuery(store, 'messages', [['unitId', '']], [['createdAt', 'desc']], 21));
      ops.push({
        name: 'read: messages.inbox (a unit’s inbox, first page)',
        real: (i) => asStaff(at(publishers, i).id, 'messages.inbox', { unitId: at(publishers, i).unitId }),
        baselineName: 'SQL unit_created index, 21 rows + JSON.parse',
        raw: (i) => raw.run([['unitId', at(publishers, i).unitId]]),
      });
    }
    if (has('security.events')) {
      const raw = q('security.events', rawQuery(store, 'audit', [['unitId', '']], [['seq', 'desc']], 21));
      ops.push({
        name: 'read: security.events (a unit’s audit log, newest first)',
        real: (i) => asStaff(at(admins, i).id, 'security.events', { unitId: at(admins, i).unitId }),
        baselineName: 'SQL audit unit_seq index, 21 rows + JSON.parse',
        raw: (i) => raw.run([['unitId', at(admins, i).unitId]]),
        n: Math.min(iterations, 60),
      });
    }
    if (has('units.list')) {
      // units.list answers a page (20 units and one to know there are more), never the county's
      // 300: the baseline reads that same first page from the same index.
      const raw = q('units.list', rawQuery(store, 'units', [['status', 'active']], [['order', 'asc']], 21));
      ops.push({
        name: 'read: units.list (the county’s units, first page)',
        real: (i) => asCitizen(citizen(i), 'units.list', {}),
        baselineName: 'SQL status_order index, 21 rows + JSON.parse',
        raw: () => raw.run([['status', 'active']]),
      });
    }
    if (has('posts.feed')) {
      const raw = q('posts.feed', rawQuery(store, 'posts', [['unitId', '']], [['publicAt', 'desc']], 21));
      ops.push({
        name: 'read: posts.feed (a unit’s published posts, public)',
        real: (i) => asCitizen(citizen(i), 'posts.feed', { unitId: at(publishers, i).unitId }),
        baselineName: 'SQL unit_feed index, 21 rows + JSON.parse',
        raw: (i) => raw.run([['unitId', at(publishers, i).unitId]]),
      });
    }
    if (has('posts.mine')) {
      const raw = q('posts.mine', rawQuery(store, 'posts', [['authorId', '']], [['createdAt', 'desc']], 21));
      ops.push({
        name: 'read: posts.mine (a publisher’s posts)',
        real: (i) => asStaff(at(publishers, i).id, 'posts.mine', {}),
        baselineName: 'SQL author_created index, 21 rows + JSON.parse',
        raw: (i) => raw.run([['authorId', at(publishers, i).id]]),
      });
    }
    if (has('accounts.directory')) {
      const raw = q('accounts.directory', rawQuery(store, 'accounts', [['status', 'active']], [['dirKey', 'asc']], 21));
      ops.push({
        name: 'read: accounts.directory (the public account directory)',
        real: (i) => asCitizen(citizen(i), 'accounts.directory', {}),
        baselineName: 'SQL status_dirkey index, 21 rows + JSON.parse',
        raw: () => raw.run([['status', 'active']]),
      });
    }

    // ---- writes
    let k = 0;
    let rawSeq = 0; // baseline audit rows get their own (negative) sequence numbers
    if (has('messages.submit')) {
      const msg = (await deps.db.collection('messages').doc('m0000000').get()).data as Record<string, unknown>;
      ops.push({
        name: 'write: messages.submit (a citizen sends a message)',
        real: (i) =>
          asCitizen(`bench-new-citizen-${++k}-${i}`, 'messages.submit', {
            unitId: at(publishers, i).unitId,
            category: 'consult',
            title: '关于办理时间的咨询',
            content: `请问窗口周末是否办公？编号 ${k}-${i}`,
          }),
        baselineName: 'SQL one transaction: message, counter, rate limit, audit entry, chain head',
        raw: (i) =>
          w.tx(() => {
            const id = `raw-m-${++k}-${i}`;
            w.insert('messages', id, { ...msg, trackingNo: `RAW-${id}` });
            w.upsert('counters', 'raw-counter', { seq: k });
            w.upsert('rateLimits', `raw-${id}`, { recent: [{ at: Date.now(), h: 'x', trackingNo: id }] });
            w.insert('audit', `raw-a-${id}`, {
              action: 'messages.submit',
              seq: --rawSeq,
              target: { type: 'message', id },
            });
            w.upsert('meta', 'raw-head', { seq: k, hash: id });
          }),
      });
    }
    if (has('invites.create')) {
      ops.push({
        name: 'write: invites.create (a unit admin invites a colleague, signed)',
        real: (i) => asStaff(at(admins, i).id, 'invites.create', { unitId: at(admins, i).unitId, role: 'publisher' }),
        baselineName: 'SQL two transactions: admission (nonce, device, audit, head) and invite (invite, audit, head)',
        raw: (i) => {
          const id = `raw-i-${++k}-${i}`;
          w.tx(() => {
            w.insert('nonces', id, { at: Date.now() });
            w.upsert('devices', `raw-dev`, { lastActiveAt: Date.now() });
            w.insert('audit', `raw-a1-${id}`, { action: 'invites.create', seq: --rawSeq });
            w.upsert('meta', 'raw-head', { seq: k, hash: id });
          });
          w.tx(() => {
            w.insert('invites', id, { unitId: 'u', role: 'publisher', createdAt: Date.now() });
            w.insert('audit', `raw-a2-${id}`, { action: 'invites.create', seq: --rawSeq });
            w.upsert('meta', 'raw-head', { seq: k, hash: id });
          });
        },
        n: Math.min(iterations, 200),
      });
    }

    const results: BenchResult[] = [];
    const refusals: Record<string, string> = {};
    for (const op of ops) {
      const n = op.n ?? iterations;
      let refused = 0;
      let example = '';
      const real: Timing = await timeIt(n, async (i) => {
        const env = await op.real(i);
        if (!env.ok) {
          refused += 1;
          example ||= `${env.code} ${env.message}`;
        }
      });
      const raw: Timing = await timeIt(n, (i) => op.raw(i));
      if (refused) refusals[op.name] = `${refused}/${n + Math.min(20, n)} refused, e.g. ${example}`;
      results.push({
        name: op.name,
        p50: real.p50,
        p95: real.p95,
        baselineName: op.baselineName,
        baselineP50: raw.p50,
        baselineP95: raw.p95,
        notes: `${n} runs; ratio p50 ×${(real.p50 / Math.max(raw.p50, 0.001)).toFixed(1)}${refused ? `; REFUSED ${refusals[op.name]}` : ''}`,
      });
    }
    return { results, plans, refusals };
  } finally {
    resetRuntime();
    store.close();
    for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
  }
}
