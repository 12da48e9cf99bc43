import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { aggregateList, freshCloud, rejection, seed, type Harness } from './testing/harness';

// Conformance: aggregation stages and operators through collection.aggregate()...end().

let h: Harness;
beforeEach(async () => {
  h = freshCloud();
  await seed(h.db, 'msgs', [
    { _id: 'm1', unit: 'A', kind: 'ask', mins: 30, at: new Date('2024-03-01T10:00:00Z'), tags: ['x', 'y'] },
    { _id: 'm2', unit: 'A', kind: 'complain', mins: 90, at: new Date('2024-03-02T23:30:00Z'), tags: ['x'] },
    { _id: 'm3', unit: 'B', kind: 'ask', mins: 60, at: new Date('2024-03-02T01:00:00Z'), tags: [] },
    { _id: 'm4', unit: 'B', kind: 'ask', at: new Date('2024-03-03T05:00:00Z') },
    { _id: 'm5', unit: 'C', kind: 'suggest', mins: 10, at: new Date('2024-03-04T05:00:00Z'), tags: ['y'] },
  ]);
});
afterEach(() => h.close());

const $ = (): Harness['_']['aggregate'] => h._.aggregate;
const agg = () => h.db.collection('msgs').aggregate();

test('$match filters with the query language (and its operators)', async () => {
  const rows = await aggregateList(agg().match({ unit: 'B', mins: h._.exists(true) }));
  assert.deepEqual(
    rows.map((r) => r._id),
    ['m3'],
  );
});

test('$group by a field path with $sum (count), $sum (field), $avg, $min, $max', async () => {
  const rows = await aggregateList(
    agg()
      .group({
        _id: '$unit',
        n: $().sum(1),
        total: $().sum('$mins'),
        avg: $().avg('$mins'),
        lo: $().min('$mins'),
        hi: $().max('$mins'),
      })
      .sort({ _id: 1 }),
  );
  assert.deepEqual(rows, [
    { _id: 'A', n: 2, total: 120, avg: 60, lo: 30, hi: 90 },
    { _id: 'B', n: 2, total: 60, avg: 60, lo: 60, hi: 60 }, // missing values are ignored
    { _id: 'C', n: 1, total: 10, avg: 10, lo: 10, hi: 10 },
  ]);
});

test('$group with _id null (whole collection), $first/$last after $sort, $push, $addToSet', async () => {
  const rows = await aggregateList(
    agg()
      .sort({ at: 1 })
      .group({
        _id: null,
        first: $().first('$_id'),
        last: $().last('$_id'),
        kinds: $().addToSet('$kind'),
        units: $().push('$unit'),
      }),
  );
  assert.deepEqual(rows, [
    { _id: null, first: 'm1', last: 'm5', kinds: ['ask', 'complain', 'suggest'], units: ['A', 'B', 'A', 'B', 'C'] },
  ]);
});

test('$group with an object _id of several expressions', async () => {
  const rows = await aggregateList(
    agg()
      .group({ _id: { unit: '$unit', kind: '$kind' }, n: $().sum(1) })
      .sort({ '_id.unit': 1, '_id.kind': 1 }),
  );
  assert.deepEqual(
    rows.map((r) => [r._id, r.n]),
    [
      [{ unit: 'A', kind: 'ask' }, 1],
      [{ unit: 'A', kind: 'complain' }, 1],
      [{ unit: 'B', kind: 'ask' }, 2],
      [{ unit: 'C', kind: 'suggest' }, 1],
    ],
  );
});

test('$group by day in China time with $dateToString', async () => {
  const rows = await aggregateList(
    agg()
      .group({ _id: $().dateToString({ date: '$at', format: '%Y-%m-%d', timezone: '+08:00' }), n: $().sum(1) })
      .sort({ _id: 1 }),
  );
  assert.deepEqual(rows, [
    { _id: '2024-03-01', n: 1 },
    { _id: '2024-03-02', n: 1 },
    { _id: '2024-03-03', n: 2 }, // 23:30 UTC on the 2nd is the 3rd in Beijing
    { _id: '2024-03-04', n: 1 },
  ]);
});

test('$sort (multi-key), $skip, $limit', async () => {
  const rows = await aggregateList(agg().sort({ unit: -1, at: 1 }).skip(1).limit(2));
  assert.deepEqual(
    rows.map((r) => r._id),
    ['m3', 'm4'],
  );
});

test('$project: inclusion, exclusion, renames and computed fields', async () => {
  const inc = await aggregateList(
    agg()
      .match({ _id: 'm1' })
      .project({ unit: 1, minutes: '$mins', hours: $().divide(['$mins', 60]) }),
  );
  assert.deepEqual(inc, [{ _id: 'm1', unit: 'A', minutes: 30, hours: 0.5 }]);
  const exc = await aggregateList(agg().match({ _id: 'm1' }).project({ tags: 0, at: 0, _id: 0 }));
  assert.deepEqual(exc, [{ unit: 'A', kind: 'ask', mins: 30 }]);
});

test('$project mixing inclusion and exclusion fails', async () => {
  const err = await rejection(aggregateList(agg().project({ unit: 1, kind: 0 })));
  assert.match(err.message, /cannot mix inclusion and exclusion/);
});

test('$addFields with field paths and expressions', async () => {
  const rows = await aggregateList(
    agg()
      .match({ _id: 'm2' })
      .addFields({ u: '$unit', late: $().gt(['$mins', 60]), 'meta.kind': '$kind' })
      .project({ u: 1, late: 1, meta: 1, _id: 0 }),
  );
  assert.deepEqual(rows, [{ u: 'A', late: true, meta: { kind: 'complain' } }]);
});

test('$unwind a string path (documents without the array are dropped)', async () => {
  const rows = await aggregateList(agg().unwind('$tags').project({ tags: 1 }));
  assert.deepEqual(
    rows.map((r) => [r._id, r.tags]),
    [
      ['m1', 'x'],
      ['m1', 'y'],
      ['m2', 'x'],
      ['m5', 'y'],
    ],
  );
});

test('$unwind with preserveNullAndEmptyArrays and includeArrayIndex', async () => {
  const rows = await aggregateList(
    agg()
      .unwind({ path: '$tags', preserveNullAndEmptyArrays: true, includeArrayIndex: 'i' })
      .project({ tags: 1, i: 1 }),
  );
  assert.equal(rows.length, 6);
  assert.deepEqual(
    rows.find((r) => r._id === 'm4'),
    { _id: 'm4', i: null },
  );
  assert.deepEqual(
    rows.find((r) => r._id === 'm1' && r.tags === 'y'),
    { _id: 'm1', tags: 'y', i: 1 },
  );
});

test('$count names the count field', async () => {
  assert.deepEqual(await aggregateList(agg().match({ kind: 'ask' }).count('asks')), [{ asks: 3 }]);
});

test('$sortByCount groups and orders by frequency', async () => {
  assert.deepEqual((await aggregateList(agg().sortByCount('$kind')))[0], { _id: 'ask', count: 3 });
});

test('$lookup joins another collection by equality', async () => {
  await seed(h.db, 'units', [
    { _id: 'A', name: '盐池县信息中心' },
    { _id: 'B', name: '花马池镇' },
  ]);
  const rows = await aggregateList(
    agg()
      .match({ _id: 'm3' })
      .lookup({ from: 'units', localField: 'unit', foreignField: '_id', as: 'u' })
      .project({ u: 1 }),
  );
  assert.deepEqual(rows, [{ _id: 'm3', u: [{ _id: 'B', name: '花马池镇' }] }]);
});

test('without a $limit stage at most 20 results come back, as on CloudBase', async () => {
  await seed(
    h.db,
    'bulk',
    Array.from({ length: 30 }, (_, i) => ({ i })),
  );
  assert.equal((await aggregateList(h.db.collection('bulk').aggregate().match({}))).length, 20);
  assert.equal((await aggregateList(h.db.collection('bulk').aggregate().match({}).limit(25))).length, 25);
});

test('unsupported stages fail with a clear message', async () => {
  const err = await rejection(aggregateList(agg().bucket({ groupBy: '$mins', boundaries: [0, 50, 100] })));
  assert.match(err.message, /does not support aggregation stage \$bucket/);
});

test('unsupported expression operators fail with their name', async () => {
  const err = await rejection(aggregateList(agg().project({ x: $().zip({ inputs: ['$tags'] }) })));
  assert.match(err.message, /aggregation operator \$zip/);
});

test('unsupported accumulators fail with their name', async () => {
  const err = await rejection(aggregateList(agg().group({ _id: null, sd: $().stdDevPop('$mins') })));
  assert.match(err.message, /accumulator \$stdDevPop/);
});
