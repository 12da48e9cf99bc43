import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { addOne, freshCloud, list, pluck, rejection, seed, total, type Harness } from './testing/harness';

// Conformance: the declared indexes (server/db/indexes.ts) are real SQLite indexes that the
// planner uses, without ever changing results.

let h: Harness;
afterEach(() => h.close());

/** Records the SQL the store prepares while `fn` runs, and returns SQLite's plan for each. */
async function plans(fn: () => Promise<unknown>): Promise<Array<{ sql: string; plan: string[] }>> {
  const db = h.store.sqlite;
  const seen: string[] = [];
  const real = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    seen.push(sql);
    return real(sql);
  }) as typeof db.prepare;
  try {
    await fn();
  } finally {
    db.prepare = real;
  }
  return seen
    .filter((sql) => sql.startsWith('SELECT'))
    .map((sql) => {
      const params = (sql.match(/\?/g) ?? []).map(() => null);
      const rows = real(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
      return { sql, plan: rows.map((r) => r.detail) };
    });
}

const inbox = (unitId: string) => h.db.collection('messages').where({ unitId }).orderBy('createdAt', 'desc').limit(20);

test('an indexed equality + orderBy query is answered from the index (EXPLAIN QUERY PLAN)', async () => {
  h = freshCloud();
  await seed(h.db, 'messages', [{ unitId: 'u1', createdAt: new Date(1) }]);
  const [q] = await plans(() => list(inbox('u1')));
  assert.ok(
    q.plan.some((p) => /SEARCH c_messages USING INDEX ix_messages_unit_created/.test(p)),
    q.plan.join('\n'),
  );
  assert.ok(!q.plan.some((p) => /USE TEMP B-TREE FOR ORDER BY/.test(p)), 'the ORDER BY must come from the index');
  assert.match(q.sql, / LIMIT \? OFFSET \?$/, 'LIMIT is pushed down when the filter is exact');
});

test('count() on an indexed equality is an indexed SQL COUNT', async () => {
  h = freshCloud();
  await seed(h.db, 'messages', [{ unitId: 'u1' }, { unitId: 'u2' }, { unitId: 'u1' }]);
  let n = 0;
  const [q] = await plans(async () => {
    n = await total(h.db.collection('messages').where({ unitId: 'u1' }));
  });
  assert.equal(n, 2);
  assert.match(q.sql, /^SELECT count\(\*\)/);
  assert.ok(
    q.plan.some((p) => /USING (COVERING )?INDEX ix_messages_unit_/.test(p)),
    q.plan.join('\n'),
  );
});

test('_id lookups use the primary key', async () => {
  h = freshCloud();
  await addOne(h.db, 'messages', { _id: 'm1' });
  const [q] = await plans(() => list(h.db.collection('messages').where({ _id: h._.in(['m1', 'm2']) })));
  assert.ok(
    q.plan.some((p) => /USING INDEX sqlite_autoindex_c_messages_1/.test(p)),
    q.plan.join('\n'),
  );
});

test('a non-indexed condition next to an indexed one is checked in JS on the index candidates', async () => {
  h = freshCloud();
  await seed(h.db, 'messages', [
    { _id: 'a', unitId: 'u1', title: 'road repair' },
    { _id: 'b', unitId: 'u1', title: 'school' },
    { _id: 'c', unitId: 'u2', title: 'road' },
  ]);
  let rows: unknown[] = [];
  const [q] = await plans(async () => {
    rows = await list(h.db.collection('messages').where({ unitId: 'u1', title: /road/ }));
  });
  assert.deepEqual(pluck(rows as Array<Record<string, unknown>>), ['a']);
  assert.ok(
    q.plan.some((p) => /USING (COVERING )?INDEX ix_messages_unit_/.test(p)),
    q.plan.join('\n'),
  );
});

test('an array value on an indexed path turns SQL pushdown off for that path, results stay exact', async () => {
  h = freshCloud();
  await seed(h.db, 'messages', [
    { _id: 'scalar', unitId: 'u1', createdAt: new Date(2) },
    { _id: 'array', unitId: ['u1', 'u2'], createdAt: new Date(1) },
  ]);
  let rows: Array<Record<string, unknown>> = [];
  const [q] = await plans(async () => {
    rows = await list(inbox('u1'));
  });
  assert.deepEqual(pluck(rows), ['scalar', 'array']); // array containment still matches
  assert.ok(!q.plan.some((p) => /ix_messages_unit_created/.test(p)), 'no index for a path that holds arrays');
  // Once the array is gone the path is scalar again and the index is back in use.
  await h.db.collection('messages').doc('array').remove();
  const [again] = await plans(() => list(inbox('u1')));
  assert.ok(
    again.plan.some((p) => /ix_messages_unit_created/.test(p)),
    again.plan.join('\n'),
  );
});

test('mixed value types on an indexed path sort in BSON order through the index', async () => {
  h = freshCloud();
  await seed(h.db, 'messages', [
    { _id: 'date', unitId: 'u', createdAt: new Date(5) },
    { _id: 'null', unitId: 'u', createdAt: null },
    { _id: 'str', unitId: 'u', createdAt: 'yesterday' },
    { _id: 'num', unitId: 'u', createdAt: 7 },
    { _id: 'missing', unitId: 'u' },
    { _id: 'bool', unitId: 'u', createdAt: true },
  ]);
  const rows = await list(h.db.collection('messages').where({ unitId: 'u' }).orderBy('createdAt', 'asc'));
  assert.deepEqual(pluck(rows), ['null', 'missing', 'num', 'str', 'bool', 'date']);
  assert.deepEqual(
    pluck(await list(h.db.collection('messages').where({ unitId: 'u', createdAt: h._.gt(new Date(0)) }))),
    ['date'],
  );
});

test('a unique index refuses a duplicate with E11000; missing values do not collide', async () => {
  h = freshCloud();
  await addOne(h.db, 'messages', { trackingNo: 'YC-1' });
  const err = await rejection(addOne(h.db, 'messages', { trackingNo: 'YC-1' }));
  assert.match(
    err.message,
    /E11000 duplicate key error collection: messages index: tracking_no dup key: \{"trackingNo":"YC-1"\}/,
  );
  await addOne(h.db, 'messages', { note: 'no tracking number' });
  await addOne(h.db, 'messages', { note: 'none either' });
  assert.equal(await total(h.db.collection('messages')), 3);
});

test('the unique index also guards updates', async () => {
  h = freshCloud();
  await seed(h.db, 'staff', [
    { _id: 'a', openid: 'o1' },
    { _id: 'b', openid: 'o2' },
  ]);
  const err = await rejection(
    h.db
      .collection('staff')
      .doc('b')
      .update({ data: { openid: 'o1' } }) as Promise<unknown>,
  );
  assert.match(err.message, /E11000/);
});

test('a filter and a sort on the same indexed field walk the index instead of sorting', async () => {
  h = freshCloud();
  // Ties on dueAt (two 30s) keep insertion order; a null dueAt falls outside every range.
  await seed(h.db, 'messages', [
    { _id: 'a', unitId: 'u1', dueAt: 30 },
    { _id: 'b', unitId: 'u1', dueAt: 10 },
    { _id: 'c', unitId: 'u1', dueAt: null },
    { _id: 'd', unitId: 'u1', dueAt: 30 },
    { _id: 'e', unitId: 'u2', dueAt: 20 },
    { _id: 'f', unitId: 'u1', dueAt: 50 },
  ]);
  const byDue = (filter: object, dir: 'asc' | 'desc') =>
    list(h.db.collection('messages').where(filter).orderBy('dueAt', dir).limit(10));
  let rows: unknown[] = [];
  const [q] = await plans(async () => {
    rows = await byDue({ unitId: 'u1', dueAt: h._.lt(40) }, 'desc');
  });
  assert.deepEqual(pluck(rows), ['a', 'd', 'b']);
  assert.ok(
    q.plan.some((p) => /SEARCH c_messages USING INDEX ix_messages_unit_due/.test(p)),
    q.plan.join('\n'),
  );
  assert.ok(!q.plan.some((p) => /USE TEMP B-TREE FOR ORDER BY/.test(p)), `sorted in memory: ${q.plan.join('; ')}`);
  assert.deepEqual(pluck(await byDue({ unitId: 'u1', dueAt: h._.gte(10) }, 'asc')), ['b', 'a', 'd', 'f']);
  // An $or does not pin the type: nulls still sort before numbers, through the same plan.
  assert.deepEqual(pluck(await byDue({ unitId: 'u1', dueAt: h._.or(h._.lt(20), h._.eq(null)) }, 'asc')), ['c', 'b']);
});

test('security.events: a unit’s audit entries, newest first, paged by seq, notable only — from the index', async () => {
  h = freshCloud();
  await seed(
    h.db,
    'audit',
    Array.from({ length: 60 }, (_, i) => ({
      _id: `A${i + 1}`,
      seq: i + 1,
      unitId: i % 2 ? 'u1' : 'u2',
      details: { decision: i % 3 ? 'admitted' : 'other' },
    })),
  );
  let rows: unknown[] = [];
  const [q] = await plans(async () => {
    rows = await list(
      h.db
        .collection('audit')
        .where({ unitId: 'u1', seq: h._.lt(40), 'details.decision': h._.neq('admitted') })
        .orderBy('seq', 'desc')
        .limit(3),
    );
  });
  assert.deepEqual(pluck(rows, 'seq'), [34, 28, 22]);
  assert.ok(
    q.plan.some((p) => /SEARCH c_audit USING INDEX ix_audit_unit_seq/.test(p)),
    q.plan.join('\n'),
  );
  assert.ok(!q.plan.some((p) => /USE TEMP B-TREE/.test(p)), `sorted in memory: ${q.plan.join('; ')}`);
});

test('100k messages: the inbox query (unitId, createdAt desc, limit 20) takes milliseconds', async () => {
  h = freshCloud();
  const units = 50;
  const start = Date.parse('2024-01-01T00:00:00Z');
  const tSeed = Date.now();
  for (let batch = 0; batch < 100; batch++) {
    const docs = Array.from({ length: 1000 }, (_, k) => {
      const i = batch * 1000 + k;
      return {
        unitId: `u${i % units}`,
        citizenOpenid: `o${i % 997}`,
        state: i % 3 ? 'open' : 'closed',
        createdAt: new Date(start + i * 60_000),
        title: `message ${i}`,
      };
    });
    await seed(h.db, 'messages', docs);
  }
  const seedMs = Date.now() - tSeed;
  await list(inbox('u7')); // warm the statement cache
  const times: number[] = [];
  let rows: Array<Record<string, unknown>> = [];
  for (let k = 0; k < 5; k++) {
    const t0 = process.hrtime.bigint();
    rows = await list(inbox(`u${k + 7}`));
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const t0 = process.hrtime.bigint();
  const n = await total(h.db.collection('messages').where({ unitId: 'u7' }));
  const countMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const best = Math.min(...times);
  console.log(
    `100k seed ${seedMs} ms via the SDK; inbox query ${times.map((t) => t.toFixed(2)).join(' / ')} ms; count ${countMs.toFixed(2)} ms`,
  );
  assert.equal(rows.length, 20);
  assert.equal(n, 2000);
  const dates = rows.map((r) => (r.createdAt as Date).getTime());
  assert.deepEqual(
    dates,
    [...dates].sort((a, b) => b - a),
  );
  assert.ok(best < 200, `inbox query took ${best} ms`);
});
