import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { freshCloud, list, pluck, rejection, seed, type Harness } from './testing/harness';

// Conformance: every filter operator, through the real wx-server-sdk query builder.

let h: Harness;
beforeEach(async () => {
  h = freshCloud();
  await seed(h.db, 'people', [
    {
      _id: 'ann',
      name: 'Ann',
      age: 31,
      tags: ['a', 'b'],
      address: { city: 'Yanchi', zip: '751500' },
      pets: [
        { kind: 'cat', age: 3 },
        { kind: 'dog', age: 9 },
      ],
      joined: new Date('2020-01-01T00:00:00Z'),
      active: true,
    },
    {
      _id: 'bob',
      name: 'Bob',
      age: 25,
      tags: ['b'],
      address: { city: 'Yinchuan' },
      pets: [{ kind: 'dog', age: 1 }],
      joined: new Date('2021-06-01T00:00:00Z'),
      active: false,
    },
    {
      _id: 'cat',
      name: 'Cat',
      age: 40,
      tags: [],
      address: { city: 'Yanchi' },
      nick: null,
      joined: new Date('2019-03-01T00:00:00Z'),
    },
    { _id: 'dan', name: 'dan', age: 25.5, score: 7 },
  ]);
});
afterEach(() => h.close());

/** Sorted ids of the documents matching `cond`. */
const ids = async (cond: Record<string, unknown>): Promise<unknown[]> =>
  pluck(await list(h.db.collection('people').where(cond).orderBy('_id', 'asc'))).sort();

test('equality on a top-level field; no match gives an empty list', async () => {
  assert.deepEqual(await ids({ name: 'Bob' }), ['bob']);
  assert.deepEqual(await ids({ name: 'Nobody' }), []);
});

test('several fields in one where() are ANDed', async () => {
  assert.deepEqual(await ids({ age: 25, name: 'Bob' }), ['bob']);
  assert.deepEqual(await ids({ age: 25, name: 'Ann' }), []);
});

test('numbers compare by value across int and double', async () => {
  assert.deepEqual(await ids({ age: 31.0 }), ['ann']);
  assert.deepEqual(await ids({ age: 25.5 }), ['dan']);
});

test('nested object in where() means dotted-path equality', async () => {
  assert.deepEqual(await ids({ address: { city: 'Yanchi' } }), ['ann', 'cat']);
});

test('dotted path strings reach into embedded documents', async () => {
  assert.deepEqual(await ids({ 'address.zip': '751500' }), ['ann']);
  assert.deepEqual(await ids({ 'address.zip': '000000' }), []);
});

test('dotted paths fan out over arrays of sub-documents', async () => {
  assert.deepEqual(await ids({ 'pets.kind': 'cat' }), ['ann']);
  assert.deepEqual(await ids({ 'pets.kind': 'dog' }), ['ann', 'bob']);
});

test('a numeric path segment indexes an array', async () => {
  assert.deepEqual(await ids({ 'pets.0.kind': 'dog' }), ['bob']);
  assert.deepEqual(await ids({ 'tags.1': 'b' }), ['ann']);
});

test('equality with a scalar matches arrays containing it', async () => {
  assert.deepEqual(await ids({ tags: 'b' }), ['ann', 'bob']);
  assert.deepEqual(await ids({ tags: 'z' }), []);
});

test('equality with an array matches the whole array exactly (order matters)', async () => {
  assert.deepEqual(await ids({ tags: ['a', 'b'] }), ['ann']);
  assert.deepEqual(await ids({ tags: ['b', 'a'] }), []);
});

test('Date values compare as dates', async () => {
  assert.deepEqual(await ids({ joined: new Date('2021-06-01T00:00:00Z') }), ['bob']);
  assert.deepEqual(await ids({ joined: h._.lt(new Date('2020-06-01T00:00:00Z')) }), ['ann', 'cat']);
});

test('null matches null and missing fields', async () => {
  assert.deepEqual(await ids({ nick: null }), ['ann', 'bob', 'cat', 'dan']);
  assert.deepEqual(await ids({ score: null }), ['ann', 'bob', 'cat']);
});

test('_.eq / _.neq', async () => {
  assert.deepEqual(await ids({ age: h._.eq(40) }), ['cat']);
  assert.deepEqual(await ids({ age: h._.neq(25) }), ['ann', 'cat', 'dan']);
  assert.deepEqual(await ids({ tags: h._.neq('b') }), ['cat', 'dan']); // $ne excludes arrays containing the value
});

test('_.gt / _.gte / _.lt / _.lte', async () => {
  assert.deepEqual(await ids({ age: h._.gt(31) }), ['cat']);
  assert.deepEqual(await ids({ age: h._.gte(31) }), ['ann', 'cat']);
  assert.deepEqual(await ids({ age: h._.lt(25.5) }), ['bob']);
  assert.deepEqual(await ids({ age: h._.lte(25.5) }), ['bob', 'dan']);
  assert.deepEqual(await ids({ age: h._.gt(100) }), []);
});

test('comparisons are type-bracketed: a number bound never matches strings', async () => {
  assert.deepEqual(await ids({ name: h._.gt(0) }), []);
  assert.deepEqual(await ids({ name: h._.gte('a') }), ['dan']); // only lowercase 'dan' sorts after 'a'
});

test('string order is binary (UTF-8), so uppercase sorts before lowercase', async () => {
  assert.deepEqual(await ids({ name: h._.lt('Z') }), ['ann', 'bob', 'cat']);
});

test('_.gt(...).and(_.lt(...)) on one field is a range', async () => {
  assert.deepEqual(await ids({ age: h._.gt(25).and(h._.lt(35)) }), ['ann', 'dan']);
});

test('_.in / _.nin', async () => {
  assert.deepEqual(await ids({ name: h._.in(['Ann', 'Cat', 'Zed']) }), ['ann', 'cat']);
  assert.deepEqual(await ids({ tags: h._.in(['a']) }), ['ann']);
  assert.deepEqual(await ids({ name: h._.nin(['Ann', 'Cat']) }), ['bob', 'dan']);
  assert.deepEqual(await ids({ name: h._.in([]) }), []);
});

test('_.or across fields, and _.or on one field', async () => {
  assert.deepEqual(await ids(h._.or([{ name: 'Ann' }, { age: 40 }]) as never), ['ann', 'cat']);
  assert.deepEqual(await ids({ age: h._.lt(26).or(h._.gt(35)) }), ['bob', 'cat', 'dan']);
});

test('_.and across fields', async () => {
  assert.deepEqual(await ids(h._.and([{ age: h._.gte(25) }, { 'address.city': 'Yanchi' }]) as never), ['ann', 'cat']);
});

test('_.nor matches documents that satisfy none of the clauses', async () => {
  assert.deepEqual(await ids(h._.nor([{ name: 'Ann' }, { age: 25 }]) as never), ['cat', 'dan']);
});

test('_.not negates an operator expression (and matches missing fields)', async () => {
  assert.deepEqual(await ids({ score: h._.not(h._.gt(5)) }), ['ann', 'bob', 'cat']);
  assert.deepEqual(await ids({ age: h._.not(h._.lt(30)) }), ['ann', 'cat']);
});

test('_.exists true and false', async () => {
  assert.deepEqual(await ids({ nick: h._.exists(true) }), ['cat']); // a null value exists
  assert.deepEqual(await ids({ score: h._.exists(false) }), ['ann', 'bob', 'cat']);
  assert.deepEqual(await ids({ 'address.zip': h._.exists(true) }), ['ann']);
});

test('_.size matches arrays of exactly that length', async () => {
  assert.deepEqual(await ids({ tags: h._.size(2) }), ['ann']);
  assert.deepEqual(await ids({ tags: h._.size(0) }), ['cat']);
  assert.deepEqual(await ids({ name: h._.size(3) }), []);
});

test('_.all needs every value to be present', async () => {
  assert.deepEqual(await ids({ tags: h._.all(['a', 'b']) }), ['ann']);
  assert.deepEqual(await ids({ tags: h._.all(['b']) }), ['ann', 'bob']);
  assert.deepEqual(await ids({ tags: h._.all(['a', 'z']) }), []);
});

test('_.elemMatch needs one element satisfying every condition', async () => {
  assert.deepEqual(await ids({ pets: h._.elemMatch({ kind: 'dog', age: h._.gt(5) }) }), ['ann']);
  // Without elemMatch the two conditions may be met by different elements:
  assert.deepEqual(await ids({ 'pets.kind': 'cat', 'pets.age': h._.gt(5) }), ['ann']);
  assert.deepEqual(await ids({ pets: h._.elemMatch({ kind: 'cat', age: h._.gt(5) }) }), []);
});

test('db.RegExp and JS RegExp match strings, with options', async () => {
  assert.deepEqual(await ids({ name: h.db.RegExp({ regexp: '^d', options: 'i' }) }), ['dan']);
  assert.deepEqual(await ids({ name: /^[AB]/ }), ['ann', 'bob']);
  assert.deepEqual(await ids({ 'address.city': /^Yin/ }), ['bob']);
  assert.deepEqual(await ids({ tags: /^a$/ }), ['ann']); // arrays of strings too
  assert.deepEqual(await ids({ name: /^x/ }), []);
});

test('_.mod (the field value is truncated toward zero first, as in MongoDB)', async () => {
  assert.deepEqual(await ids({ age: h._.mod(5, 0) }), ['bob', 'cat', 'dan']);
  assert.deepEqual(await ids({ age: h._.mod(10, 1) }), ['ann']);
});

test('_id queries (equality and _.in)', async () => {
  assert.deepEqual(await ids({ _id: 'bob' }), ['bob']);
  assert.deepEqual(await ids({ _id: h._.in(['ann', 'dan', 'zzz']) }), ['ann', 'dan']);
  assert.deepEqual(await ids({ _id: h._.gt('c') }), ['cat', 'dan']);
});

test('booleans match only booleans', async () => {
  assert.deepEqual(await ids({ active: true }), ['ann']);
  assert.deepEqual(await ids({ active: false }), ['bob']);
  assert.deepEqual(await ids({ active: h._.neq(true) }), ['bob', 'cat', 'dan']);
});

test('unsupported operators fail loudly (geo)', async () => {
  const err = await rejection(
    list(h.db.collection('people').where({ loc: h._.geoNear({ geometry: new h.db.Geo.Point(1, 2) }) })),
  );
  assert.match(err.message, /does not support query operator \$nearSphere/);
});

test('an unsupported operator fails even on an empty collection', async () => {
  const err = await rejection(
    list(
      h.db.collection('empty').where({
        a: h._.geoWithin({
          geometry: new h.db.Geo.Polygon([
            new h.db.Geo.LineString([
              new h.db.Geo.Point(0, 0),
              new h.db.Geo.Point(1, 1),
              new h.db.Geo.Point(0, 1),
              new h.db.Geo.Point(0, 0),
            ]),
          ]),
        }),
      }),
    ),
  );
  assert.match(err.message, /\$geoWithin/);
});

test("inherited JS names are not fields: 'constructor' does not exist unless stored", async () => {
  assert.deepEqual(await ids({ constructor: h._.exists(true) }), []);
  assert.deepEqual(await ids({ toString: null }), ['ann', 'bob', 'cat', 'dan']);
});
