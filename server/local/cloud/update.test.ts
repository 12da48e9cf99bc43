import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import {
  addOne,
  fetch,
  freshCloud,
  list,
  pluck,
  rejection,
  seed,
  stats,
  total,
  type Harness,
  type Row,
} from './testing/harness';

// Conformance: writes — doc().update with every update operator, set (replace / upsert),
// where().update (multi), remove.

let h: Harness;
beforeEach(() => {
  h = freshCloud();
});
afterEach(() => h.close());

/** Adds `doc` as 'x', applies `data` with doc().update, returns the stored result. */
async function updated(doc: Row, data: Record<string, unknown>): Promise<Row> {
  await addOne(h.db, 'u', { _id: 'x', ...doc });
  await h.db.collection('u').doc('x').update({ data });
  return fetch(h.db.collection('u').doc('x'));
}

test('plain fields in update() are $set; other fields stay', async () => {
  assert.deepEqual(await updated({ a: 1, b: 2 }, { a: 5 }), { _id: 'x', a: 5, b: 2 });
});

test('a nested object in update() merges (dotted $set), it does not replace', async () => {
  assert.deepEqual(await updated({ o: { p: 1, q: 2 } }, { o: { p: 9 } }), { _id: 'x', o: { p: 9, q: 2 } });
});

test('_.set replaces a whole sub-object', async () => {
  assert.deepEqual(await updated({ o: { p: 1, q: 2 } }, { o: h._.set({ p: 9 }) }), { _id: 'x', o: { p: 9 } });
});

test('dotted path $set creates intermediate objects', async () => {
  assert.deepEqual(await updated({}, { 'a.b.c': 1 }), { _id: 'x', a: { b: { c: 1 } } });
});

test('dotted path with an index sets an array element', async () => {
  assert.deepEqual(await updated({ arr: [1, 2, 3] }, { 'arr.1': 20 }), { _id: 'x', arr: [1, 20, 3] });
});

test('_.inc on existing, missing and dotted fields', async () => {
  assert.deepEqual(await updated({ n: 1, o: { m: 2 } }, { n: h._.inc(2), 'o.m': h._.inc(-1), fresh: h._.inc(5) }), {
    _id: 'x',
    n: 3,
    o: { m: 1 },
    fresh: 5,
  });
});

test('_.inc on a non-number fails and changes nothing', async () => {
  await addOne(h.db, 'u', { _id: 'x', s: 'text' });
  const err = await rejection(
    stats(
      h.db
        .collection('u')
        .doc('x')
        .update({ data: { s: h._.inc(1) } }),
    ),
  );
  assert.match(err.message, /non-numeric/);
  assert.equal((await fetch(h.db.collection('u').doc('x'))).s, 'text');
});

test('_.mul (missing field becomes 0)', async () => {
  assert.deepEqual(await updated({ n: 3 }, { n: h._.mul(4), m: h._.mul(2) }), { _id: 'x', n: 12, m: 0 });
});

test('_.remove deletes a field, also on a dotted path', async () => {
  assert.deepEqual(await updated({ a: 1, o: { p: 1, q: 2 } }, { a: h._.remove(), 'o.q': h._.remove() }), {
    _id: 'x',
    o: { p: 1 },
  });
});

test('_.min / _.max only move the value in their direction', async () => {
  assert.deepEqual(await updated({ lo: 5, hi: 5 }, { lo: h._.min(3), hi: h._.max(3) }), { _id: 'x', lo: 3, hi: 5 });
  await h.db
    .collection('u')
    .doc('x')
    .update({ data: { lo: h._.min(9), hi: h._.max(9), d: h._.max(new Date(1) as unknown as number) } });
  assert.deepEqual(await fetch(h.db.collection('u').doc('x')), { _id: 'x', lo: 3, hi: 9, d: new Date(1) });
});

test('_.rename moves a field (dotted target allowed)', async () => {
  assert.deepEqual(await updated({ old: 1, keep: 2 }, { old: h._.rename('o.new') }), {
    _id: 'x',
    keep: 2,
    o: { new: 1 },
  });
});

test('_.push appends one or many values; creates the array when missing', async () => {
  assert.deepEqual(await updated({ arr: [1] }, { arr: h._.push(2, 3), fresh: h._.push('a') }), {
    _id: 'x',
    arr: [1, 2, 3],
    fresh: ['a'],
  });
});

test('_.push with each/position/sort/slice', async () => {
  const got = await updated({ arr: [5, 1] }, { arr: h._.push({ each: [3, 9], position: 0, sort: -1, slice: 3 }) });
  assert.deepEqual(got.arr, [9, 5, 3]);
  const pos = await h.db
    .collection('u')
    .doc('x')
    .update({ data: { arr: h._.push({ each: ['p'], position: 1 }) } });
  assert.ok(pos);
  assert.deepEqual((await fetch(h.db.collection('u').doc('x'))).arr, [9, 'p', 5, 3]);
});

test('_.push onto a non-array fails', async () => {
  await addOne(h.db, 'u', { _id: 'x', s: 1 });
  const err = await rejection(
    stats(
      h.db
        .collection('u')
        .doc('x')
        .update({ data: { s: h._.push(2) } }),
    ),
  );
  assert.match(err.message, /needs an array/);
});

test('_.pop removes the last element, _.shift the first', async () => {
  assert.deepEqual(await updated({ a: [1, 2, 3], b: [1, 2, 3] }, { a: h._.pop(), b: h._.shift() }), {
    _id: 'x',
    a: [1, 2],
    b: [2, 3],
  });
});

test('_.unshift prepends', async () => {
  assert.deepEqual(await updated({ a: [3] }, { a: h._.unshift(1, 2) }), { _id: 'x', a: [1, 2, 3] });
});

test('_.addToSet adds only missing values (deep equality), with $each', async () => {
  const got = await updated({ a: [1, { k: 1 }] }, { a: h._.addToSet({ k: 1 }) });
  assert.deepEqual(got.a, [1, { k: 1 }]);
  await h.db
    .collection('u')
    .doc('x')
    .update({ data: { a: h._.addToSet({ $each: [1, 2, 2, 3] }) } });
  assert.deepEqual((await fetch(h.db.collection('u').doc('x'))).a, [1, { k: 1 }, 2, 3]);
});

test('_.pull removes equal values, values matching a condition, and matching sub-documents', async () => {
  assert.deepEqual(await updated({ a: [1, 2, 3, 2] }, { a: h._.pull(2) }), { _id: 'x', a: [1, 3] });
  await h.db
    .collection('u')
    .doc('x')
    .update({ data: { a: h._.pull(h._.gt(1)) } });
  assert.deepEqual((await fetch(h.db.collection('u').doc('x'))).a, [1]);
  await addOne(h.db, 'u', {
    _id: 'y',
    items: [
      { n: 1, k: 'a' },
      { n: 5, k: 'b' },
    ],
  });
  await h.db
    .collection('u')
    .doc('y')
    .update({ data: { items: h._.pull({ n: h._.gte(3) }) } });
  assert.deepEqual((await fetch(h.db.collection('u').doc('y'))).items, [{ n: 1, k: 'a' }]);
});

test('_.pullAll removes every listed value', async () => {
  assert.deepEqual(await updated({ a: [1, 2, 3, 1, 4] }, { a: h._.pullAll([1, 4]) }), { _id: 'x', a: [2, 3] });
});

test('db.serverDate() in an update', async () => {
  h.close();
  h = freshCloud({ now: () => 1_700_000_000_000 });
  assert.deepEqual((await updated({}, { at: h.db.serverDate() })).at, new Date(1_700_000_000_000));
});

test('conflicting paths in one update are refused', async () => {
  await addOne(h.db, 'u', { _id: 'x', a: { b: 1 } });
  const err = await rejection(
    stats(
      h.db
        .collection('u')
        .doc('x')
        .update({ data: { a: h._.set({}), 'a.b': h._.inc(1) } }),
    ),
  );
  assert.match(err.message, /conflict/);
});

test('update() reports updated: 1, and 0 when nothing changed or the doc is missing', async () => {
  await addOne(h.db, 'u', { _id: 'x', a: 1 });
  assert.equal(
    (
      await stats(
        h.db
          .collection('u')
          .doc('x')
          .update({ data: { a: 2 } }),
      )
    ).updated,
    1,
  );
  assert.equal(
    (
      await stats(
        h.db
          .collection('u')
          .doc('x')
          .update({ data: { a: 2 } }),
      )
    ).updated,
    0,
  );
  assert.equal(
    (
      await stats(
        h.db
          .collection('u')
          .doc('missing')
          .update({ data: { a: 2 } }),
      )
    ).updated,
    0,
  );
  assert.equal(await total(h.db.collection('u')), 1); // update never creates
});

test('doc().set() replaces the whole document (keeps _id)', async () => {
  await addOne(h.db, 'u', { _id: 'x', a: 1, b: 2 });
  const s = await stats(
    h.db
      .collection('u')
      .doc('x')
      .set({ data: { c: 3 } }),
  );
  assert.deepEqual(s, { updated: 1, created: 0 });
  assert.deepEqual(await fetch(h.db.collection('u').doc('x')), { _id: 'x', c: 3 });
});

test('doc().set() on a missing id creates it (upsert)', async () => {
  const s = await stats(
    h.db
      .collection('u')
      .doc('new')
      .set({ data: { c: 3 } }),
  );
  assert.deepEqual(s, { updated: 0, created: 1 });
  assert.deepEqual(await fetch(h.db.collection('u').doc('new')), { _id: 'new', c: 3 });
});

test('where().update() updates every match (multi) and reports the count', async () => {
  await seed(h.db, 'u', [
    { _id: 'a', g: 1 },
    { _id: 'b', g: 1 },
    { _id: 'c', g: 2 },
  ]);
  assert.equal(
    (
      await stats(
        h.db
          .collection('u')
          .where({ g: 1 })
          .update({ data: { seen: true } }),
      )
    ).updated,
    2,
  );
  assert.deepEqual(pluck(await list(h.db.collection('u').where({ seen: true }))), ['a', 'b']);
});

test('where().update() with multi: false updates only the first match', async () => {
  await seed(h.db, 'u', [
    { _id: 'a', g: 1 },
    { _id: 'b', g: 1 },
  ]);
  const q = h.db.collection('u').where({ g: 1 }) as unknown as {
    update(o: { data: unknown; multi: boolean }): Promise<{ stats: { updated: number } }>;
  };
  assert.equal((await q.update({ data: { seen: true }, multi: false })).stats.updated, 1);
  assert.equal(await total(h.db.collection('u').where({ seen: true })), 1);
});

test('where().update() is all-or-nothing: one failing document leaves every document unchanged', async () => {
  await seed(h.db, 'u', [
    { _id: 'a', n: 1 },
    { _id: 'b', n: 'text' },
    { _id: 'c', n: 2 },
  ]);
  await rejection(
    stats(
      h.db
        .collection('u')
        .where({})
        .update({ data: { n: h._.inc(1) } }),
    ),
  );
  assert.deepEqual(pluck(await list(h.db.collection('u')), 'n'), [1, 'text', 2]);
});

test('updating _id is refused (the SDK checks first; the executor refuses too)', async () => {
  await addOne(h.db, 'u', { _id: 'x' });
  const q = h.db.collection('u').where({ _id: 'x' });
  const err = await rejection(stats(q.update({ data: { _id: 'y' } })));
  assert.match(err.message, /_id/);
});

test('doc().remove() and where().remove()', async () => {
  await seed(h.db, 'u', [
    { _id: 'a', g: 1 },
    { _id: 'b', g: 1 },
    { _id: 'c', g: 2 },
  ]);
  assert.equal((await stats(h.db.collection('u').doc('c').remove())).removed, 1);
  assert.equal((await stats(h.db.collection('u').doc('c').remove())).removed, 0);
  assert.equal((await stats(h.db.collection('u').where({ g: 1 }).remove())).removed, 2);
  assert.equal(await total(h.db.collection('u')), 0);
});
