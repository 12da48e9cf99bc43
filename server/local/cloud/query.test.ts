import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { addOne, fetch, freshCloud, list, pluck, rejection, seed, total, type Harness } from './testing/harness';

// Conformance: reading documents — ids, value types, ordering, paging, counting, projection.

let h: Harness;
afterEach(() => h.close());

const numbered = (
  n: number,
  extra: (i: number) => Record<string, unknown> = () => ({}),
): Array<Record<string, unknown>> =>
  Array.from({ length: n }, (_, i) => ({ _id: `d${String(i).padStart(4, '0')}`, i, ...extra(i) }));

test('add() generates a 32-hex _id like CloudBase, and doc().get() returns the document', async () => {
  h = freshCloud();
  const id = await addOne(h.db, 'notes', { text: 'hi' });
  assert.match(id, /^[0-9a-f]{32}$/);
  assert.deepEqual(await fetch(h.db.collection('notes').doc(id)), { _id: id, text: 'hi' });
});

test('add() keeps a given _id and refuses a duplicate one (E11000)', async () => {
  h = freshCloud();
  await addOne(h.db, 'notes', { _id: 'fixed', n: 1 });
  const err = await rejection(addOne(h.db, 'notes', { _id: 'fixed', n: 2 }));
  assert.match(err.message, /E11000 duplicate key/);
  assert.equal((await fetch(h.db.collection('notes').doc('fixed'))).n, 1);
});

test('doc().get() of a missing document rejects, as wx-server-sdk does with CloudBase', async () => {
  h = freshCloud();
  await addOne(h.db, 'notes', { _id: 'x' });
  const err = await rejection(fetch(h.db.collection('notes').doc('nope')));
  assert.match(err.message, /does not exist/);
});

test('numeric _id via doc(number) is distinct from the string id', async () => {
  h = freshCloud();
  await h.db
    .collection('notes')
    .doc(7)
    .set({ data: { kind: 'number' } });
  await h.db
    .collection('notes')
    .doc('7')
    .set({ data: { kind: 'string' } });
  assert.equal((await fetch(h.db.collection('notes').doc(7))).kind, 'number');
  assert.equal((await fetch(h.db.collection('notes').doc('7'))).kind, 'string');
});

test('values round-trip with their types: Date, int, double, bool, null, nested arrays/objects', async () => {
  h = freshCloud();
  const data = {
    when: new Date('2024-05-06T07:08:09.010Z'),
    int: 42,
    dbl: 1.5,
    big: 1e15,
    neg: -3,
    yes: true,
    nil: null,
    deep: { list: [1, 'two', { three: 3 }] },
  };
  const id = await addOne(h.db, 'types', data);
  const got = await fetch(h.db.collection('types').doc(id));
  assert.ok(got.when instanceof Date);
  assert.deepEqual(got, { _id: id, ...data });
});

test('db.serverDate() becomes the store clock, with offset', async () => {
  h = freshCloud({ now: () => Date.parse('2024-01-01T00:00:00Z') });
  const serverDate = h.db.serverDate as unknown as (opts?: { offset: number }) => unknown; // typings omit the offset
  const id = await addOne(h.db, 'clock', { at: serverDate(), later: serverDate({ offset: 60_000 }) });
  const got = await fetch(h.db.collection('clock').doc(id));
  assert.deepEqual(got.at, new Date('2024-01-01T00:00:00Z'));
  assert.deepEqual(got.later, new Date('2024-01-01T00:01:00Z'));
  // ...and in queries:
  assert.equal(await total(h.db.collection('clock').where({ at: h._.lte(h.db.serverDate()) })), 1);
});

test('reading a collection that was never written returns nothing (CloudBase would say it does not exist)', async () => {
  h = freshCloud();
  assert.deepEqual(await list(h.db.collection('ghost')), []);
  assert.equal(await total(h.db.collection('ghost')), 0);
});

test('without orderBy documents come back in insertion order', async () => {
  h = freshCloud();
  await seed(h.db, 'seq', [{ _id: 'z' }, { _id: 'a' }, { _id: 'm' }]);
  assert.deepEqual(pluck(await list(h.db.collection('seq'))), ['z', 'a', 'm']);
});

test('orderBy on several fields, asc and desc; missing sorts as null (first ascending)', async () => {
  h = freshCloud();
  await seed(h.db, 'rank', [
    { _id: 'a', g: 2, s: 'x' },
    { _id: 'b', g: 1, s: 'y' },
    { _id: 'c', g: 2, s: 'z' },
    { _id: 'd', g: 1, s: 'w' },
    { _id: 'e', s: 'v' },
  ]);
  const rows = await list(h.db.collection('rank').orderBy('g', 'desc').orderBy('s', 'asc'));
  assert.deepEqual(pluck(rows), ['a', 'c', 'd', 'b', 'e']);
  const asc = await list(h.db.collection('rank').orderBy('g', 'asc').orderBy('s', 'desc'));
  assert.deepEqual(pluck(asc), ['e', 'b', 'd', 'c', 'a']);
});

test('orderBy on a dotted path and across types (numbers < strings < dates)', async () => {
  h = freshCloud();
  await seed(h.db, 'mixed', [
    { _id: 'date', v: { k: new Date(0) } },
    { _id: 'str', v: { k: 'a' } },
    { _id: 'num', v: { k: 5 } },
    { _id: 'none' },
  ]);
  assert.deepEqual(pluck(await list(h.db.collection('mixed').orderBy('v.k', 'asc'))), ['none', 'num', 'str', 'date']);
});

test('default page size is 100', async () => {
  h = freshCloud();
  await seed(h.db, 'many', numbered(150));
  assert.equal((await list(h.db.collection('many'))).length, 100);
});

test('limit() above 1000 returns 1000 (the SDK and the executor both cap)', async () => {
  h = freshCloud();
  for (let k = 0; k < 3; k++)
    await seed(
      h.db,
      'many',
      numbered(500).map((d) => ({ ...d, _id: `${String(d._id)}-${k}` })),
    );
  assert.equal((await list(h.db.collection('many').limit(5000))).length, 1000);
  assert.equal((await list(h.db.collection('many').limit(7))).length, 7);
});

test('skip() and limit() page through an ordered result', async () => {
  h = freshCloud();
  await seed(h.db, 'pages', numbered(30));
  const page = await list(h.db.collection('pages').orderBy('i', 'desc').skip(5).limit(3));
  assert.deepEqual(pluck(page, 'i'), [24, 23, 22]);
  assert.deepEqual(await list(h.db.collection('pages').skip(100)), []);
});

test('count() counts all matches, ignoring paging', async () => {
  h = freshCloud();
  await seed(
    h.db,
    'pages',
    numbered(30, (i) => ({ even: i % 2 === 0 })),
  );
  assert.equal(await total(h.db.collection('pages')), 30);
  assert.equal(await total(h.db.collection('pages').where({ even: true })), 15);
  assert.equal(await total(h.db.collection('pages').where({ i: h._.gte(25) })), 5);
});

test('field() inclusion keeps _id unless excluded; dotted includes build nested objects', async () => {
  h = freshCloud();
  await addOne(h.db, 'p', { _id: 'x', a: 1, b: { c: 2, d: 3 }, e: [{ f: 1, g: 2 }, { f: 3 }] });
  assert.deepEqual(await list(h.db.collection('p').field({ a: true })), [{ _id: 'x', a: 1 }]);
  assert.deepEqual(await list(h.db.collection('p').field({ 'b.c': true, _id: false })), [{ b: { c: 2 } }]);
  assert.deepEqual(await list(h.db.collection('p').field({ 'e.f': true, _id: false })), [{ e: [{ f: 1 }, { f: 3 }] }]);
});

test('field() exclusion drops only the named fields', async () => {
  h = freshCloud();
  await addOne(h.db, 'p', { _id: 'x', a: 1, b: { c: 2, d: 3 } });
  assert.deepEqual(await list(h.db.collection('p').field({ a: false, 'b.d': false })), [{ _id: 'x', b: { c: 2 } }]);
});

test('field() on doc().get()', async () => {
  h = freshCloud();
  await addOne(h.db, 'p', { _id: 'x', a: 1, secret: 's' });
  assert.deepEqual(await fetch(h.db.collection('p').doc('x').field({ secret: false })), { _id: 'x', a: 1 });
});

test('field() mixing inclusion and exclusion is refused (MongoDB rule)', async () => {
  h = freshCloud();
  await addOne(h.db, 'p', { _id: 'x', a: 1, b: 2 });
  const err = await rejection(list(h.db.collection('p').field({ a: true, b: false })));
  assert.match(err.message, /cannot mix inclusion and exclusion/);
});

test('_.project.slice limits an array in the projection', async () => {
  h = freshCloud();
  await addOne(h.db, 'p', { _id: 'x', arr: [1, 2, 3, 4] });
  const cmd = h._ as unknown as { project: { slice(n: number): unknown } };
  assert.deepEqual(await list(h.db.collection('p').field({ arr: cmd.project.slice(2) })), [{ _id: 'x', arr: [1, 2] }]);
});

test('field names starting with $ or containing a dot are refused on write', async () => {
  h = freshCloud();
  const err = await rejection(addOne(h.db, 'p', { 'a.b': 1 }));
  assert.match(err.message, /must not contain '\.'/);
});
