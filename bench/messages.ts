// Benchmark of the message lists (issue 6) with 1,000,000 messages in the local store: a unit's
// inbox (first page, and its 已超期 filter), the supervision office's county-wide overdue list and a
// citizen's 我的留言 — each through the real handler path (cloud-function main → permission table →
// device signature and audit → handler → wx-server-sdk database API → local store), beside the raw
// indexed SQL that answers the same question, in the same run.
//   npx tsx bench/messages.ts            (or through `npm run bench`; BENCH_SCALE=0.01 for a quick run)
// The county is the shared synthetic one (bench/seed-county.ts: raw inserts in the store's format,
// cached under .tmp/bench/); this bench works on its own copy, so the cache stays untouched.
import { randomBytes } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openLocalStore, installLocalCloud, type LocalStore } from '@server/local/cloud';
import { configureRuntime, currentDeps, resetRuntime } from '@server/runtime/config';
import { createFunction } from '@server/runtime/main';
import { messageActions } from '@server/features/messages/actions';
import { runAsCaller, LOCAL_APPID } from '@server/local/wx-context';
import { rankExpr, valueExpr } from '@server/local/cloud/sql-exprs';
import { splitPath } from '@server/local/cloud/paths';
import { signRequest } from '@shared/identity/signing';
import type { Envelope } from '@shared/core/envelope';
import { BENCH_DIR, ensureScaledCounty, type SeedManifest } from './seed-county';
import { timeIt } from './lib/timing';
import type { BenchResult } from './lib/types';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);

/** Raw SQL over the store's own index expressions (server/local/cloud/sql-exprs.ts). */
function rawList(store: LocalStore, where: string, order: string) {
  const e = (p: string) => ({ r: rankExpr(splitPath(p)), v: valueExpr(splitPath(p)) });
  const [unit, citizen, due, created, flag] = [
    e('unitId'),
    e('citizenOpenid'),
    e('dueAt'),
    e('createdAt'),
    e('overdue'),
  ];
  const conds: Record<string, string> = {
    unit: `${unit.r} = 3 AND ${unit.v} = ?`,
    citizen: `${citizen.r} = 3 AND ${citizen.v} = ?`,
    overdue: `${flag.r} = 8 AND ${flag.v} = 1`,
    unitOverdue: `${unit.r} = 3 AND ${unit.v} = ? AND ${due.r} = 2 AND ${due.v} < ?`,
  };
  const orders: Record<string, string> = {
    newest: `${created.r} DESC, ${created.v} DESC`,
    // A range on dueAt pins its rank: ordering by the value alone lets SQLite walk the index.
    mostLateInRange: `${due.v}`,
    // After the equality on the flag, the index continues with (rank, value) of dueAt.
    mostLate: `${due.r}, ${due.v}`,
  };
  const sql = `SELECT id, data FROM "${store.collectionTable('messages')}" WHERE ${conds[where]} ORDER BY ${orders[order]} LIMIT 21`;
  const stmt = store.sqlite.prepare(sql);
  return {
    plan: (...params: unknown[]) =>
      (store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join('; '),
    run: (...params: unknown[]) =>
      (stmt.all(...params) as Array<{ id: string; data: string }>).map((r) => JSON.parse(r.data) as object),
  };
}

export async function run(): Promise<BenchResult[]> {
  const { file, manifest } = await ensureScaledCounty();
  const copy = join(BENCH_DIR, 'messages-bench.sqlite');
  const clean = () => {
    for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
  };
  clean();
  copyFileSync(file, copy);
  const flagged = flagOverdue(copy, Date.now());
  const store = openLocalStore({ file: copy, synchronous: 'FULL' });
  installLocalCloud(store);
  resetRuntime();
  configureRuntime({ log: () => undefined });
  const deps = currentDeps();
  const main = createFunction('messages', messageActions);
  try {
    return await measure(store, manifest, main, deps.now(), flagged);
  } finally {
    store.close();
    resetRuntime();
    clean();
  }
}

/**
 * The seeded county has never been swept. Mark its late messages the way the sweeper does (the
 * deadline escalated, the `overdue` flag set) with one raw UPDATE on the copy, before the store
 * opens and builds its indexes. Returns how many were flagged.
 */
function flagOverdue(file: string, now: number): number {
  const db = new Database(file);
  try {
    const due = `json_extract(data, '$.dueAt')`;
    return db
      .prepare(
        `UPDATE c_messages SET data = json_set(data, '$.sweep', json_object('remindedFor', ${due}, 'escalatedFor', ${due}), '$.overdue', json('true'))
         WHERE json_type(data, '$.dueAt') IN ('integer', 'real') AND ${due} < ?`,
      )
      .run(now).changes;
  } finally {
    db.close();
  }
}

async function measure(
  store: LocalStore,
  manifest: SeedManifest,
  main: ReturnType<typeof createFunction>,
  now: number,
  flagged: number,
): Promise<BenchResult[]> {
  const deps = currentDeps();
  const callers = Object.entries(manifest.callers).map(([id, c]) => ({ id, ...c }));
  for (const c of callers)
    await deps.db
      .collection('devices')
      .doc(c.deviceId)
      .update({ data: { lastActiveAt: Date.now(), locked: false } });
  const asStaff = (staffId: string, action: string, data: unknown): Promise<Envelope<unknown>> => {
    const c = manifest.callers[staffId];
    const proof = { id: c.deviceId, ts: Date.now(), nonce: randomBytes(12).toString('hex') };
    const sig = signRequest(c.secret, action, data ?? {}, proof);
    return runAsCaller({ OPENID: c.openid, APPID: LOCAL_APPID }, () =>
      main({ action, data, device: { ...proof, sig } }, {}),
    );
  };
  const asCitizen = (openid: string, action: string, data: unknown) =>
    runAsCaller({ OPENID: openid, APPID: LOCAL_APPID }, () => main({ action, data }, {}));
  const must = async (p: Promise<Envelope<unknown>>) => {
    const r = await p;
    if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
    return r.data as { items: unknown[] };
  };

  const publishers = callers.filter((c) => c.role === 'publisher' && c.id.startsWith('s-b'));
  const pubs = publishers.length ? publishers : callers.filter((c) => c.role === 'publisher');
  const supervisor = callers.find((c) => c.role === 'supervisor');
  if (!supervisor) throw new Error('the seeded county has no supervisor');
  const citizens = Math.ceil(manifest.scale.messages / 5);
  const citizen = (i: number) => `bench-citizen-${(Math.abs(i) * 7919) % citizens}`;
  const pub = (i: number) => pubs[Math.abs(i) % pubs.length];

  const total = (
    store.sqlite.prepare(`SELECT count(*) AS n FROM "${store.collectionTable('messages')}"`).get() as { n: number }
  ).n;
  const note = `${total.toLocaleString('en')} messages, ${flagged.toLocaleString('en')} flagged overdue by the sweep`;

  const inboxRaw = rawList(store, 'unit', 'newest');
  const unitOverdueRaw = rawList(store, 'unitOverdue', 'mostLateInRange');
  const overdueRaw = rawList(store, 'overdue', 'mostLate');
  const mineRaw = rawList(store, 'citizen', 'newest');

  const ops: Array<{
    name: string;
    base: string;
    real: (i: number) => Promise<unknown>;
    raw: (i: number) => unknown;
    plan: string;
  }> = [
    {
      name: 'messages.inbox — a unit’s inbox, first page (20)',
      base: 'raw SQL: unitId = ? ORDER BY createdAt DESC LIMIT 21 (index unit_created)',
      real: (i) => must(asStaff(pub(i).id, 'messages.inbox', { unitId: pub(i).unitId })),
      raw: (i) => inboxRaw.run(pub(i).unitId),
      plan: inboxRaw.plan(pub(0).unitId),
    },
    {
      name: 'messages.inbox 已超期 — a unit’s overdue filter, most late first',
      base: 'raw SQL: unitId = ? AND dueAt < now ORDER BY dueAt LIMIT 21 (index unit_due)',
      real: (i) => must(asStaff(pub(i).id, 'messages.inbox', { unitId: pub(i).unitId, filter: 'overdue' })),
      raw: (i) => unitOverdueRaw.run(pub(i).unitId, now),
      plan: unitOverdueRaw.plan(pub(0).unitId, now),
    },
    {
      name: 'messages.supervision — the county overdue list (督查室), first page',
      base: 'raw SQL: overdue = true ORDER BY dueAt LIMIT 21 (index overdue_due)',
      real: () => must(asStaff(supervisor.id, 'messages.supervision', { view: 'overdue' })),
      raw: () => overdueRaw.run(),
      plan: overdueRaw.plan(),
    },
    {
      name: 'messages.mine — a citizen’s 我的留言',
      base: 'raw SQL: citizenOpenid = ? ORDER BY createdAt DESC LIMIT 21 (index citizen_created)',
      real: (i) => must(asCitizen(citizen(i), 'messages.mine', {})),
      raw: (i) => mineRaw.run(citizen(i)),
      plan: mineRaw.plan(citizen(0)),
    },
  ];

  const results: BenchResult[] = [];
  for (const op of ops) {
    const real = await timeIt(ITERATIONS, op.real);
    const raw = await timeIt(ITERATIONS, op.raw);
    results.push({
      name: op.name,
      p50: real.p50,
      p95: real.p95,
      baselineName: op.base,
      baselineP50: raw.p50,
      baselineP95: raw.p95,
      notes: `${note}; n=${ITERATIONS}; plan: ${op.plan}`,
    });
    console.log(`  ${op.name}: p50 ${real.p50} ms, p95 ${real.p95} ms | raw p50 ${raw.p50} ms, p95 ${raw.p95} ms`);
  }
  return results;
}

if (require.main === module) {
  run()
    .then((r) => console.table(r.map(({ notes: _n, ...x }) => x)))
    .catch((e: Error) => {
      console.error(e.stack ?? e.message);
      process.exit(1);
    });
}
