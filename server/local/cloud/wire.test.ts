import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { EJSON, requireFromNodeSdk } from './bson';
import { fetch, freshCloud, type Harness } from './testing/harness';

// Conformance at the wire: answers for apis wx-server-sdk 4.0.2 does not expose directly, and
// the exact response shapes the SDK parses.

type Send = (api: string, data?: unknown) => Promise<Record<string, unknown>>;
const { TcbDBApiHttpRequester } = requireFromNodeSdk('./utils/tcbdbapirequester.js') as {
  TcbDBApiHttpRequester: new (config: object) => { send: Send };
};
const send: Send = (api, data) => new TcbDBApiHttpRequester({}).send(api, data);
const ejson = (v: unknown): string => EJSON.stringify(v as never, { relaxed: false });

let h: Harness;
afterEach(() => h.close());

test('getDocument answers { requestId, data: { list: [canonical EJSON] } }', async () => {
  h = freshCloud();
  await send('database.insertDocument', {
    collectionName: 'w',
    data: [ejson({ _id: 'a', n: 1, d: new Date(5), f: 1.5 })],
  });
  const res = await send('database.getDocument', {
    collectionName: 'w',
    queryType: 'WHERE',
    query: ejson({ n: 1 }),
    limit: 10,
  });
  assert.match(String(res.requestId), /^local-/);
  const data = res.data as { list: string[] };
  assert.deepEqual(JSON.parse(data.list[0]), {
    _id: 'a',
    n: { $numberInt: '1' },
    d: { $date: { $numberLong: '5' } },
    f: { $numberDouble: '1.5' },
  });
});

test('modifyAndReturnDoc (Query.updateAndReturn) updates one match and returns the new document', async () => {
  h = freshCloud();
  await send('database.insertDocument', {
    collectionName: 'w',
    data: [ejson({ _id: 'a', n: 1 }), ejson({ _id: 'b', n: 1 })],
  });
  const res = await send('database.modifyAndReturnDoc', {
    collectionName: 'w',
    queryType: 'WHERE',
    query: ejson({ n: 1 }),
    data: ejson({ $inc: { n: 10 } }),
  });
  const data = res.data as { updated: number; doc: string };
  assert.equal(data.updated, 1);
  assert.deepEqual(EJSON.parse(data.doc), { _id: 'a', n: 11 });
  assert.equal((await fetch(h.db.collection('w').doc('b'))).n, 1);
});

test('the older per-document transaction apis work too (get / update / delete in transaction)', async () => {
  h = freshCloud();
  await send('database.insertDocument', { collectionName: 'w', data: [ejson({ _id: 'gone', n: 0 })] });
  const { transactionId } = (await send('database.startTransaction')) as { transactionId: string };
  const set = await send('database.updateDocInTransaction', {
    collectionName: 'w',
    transactionId,
    _id: 'new',
    data: ejson({ n: 5 }),
    upsert: true,
  });
  assert.deepEqual(JSON.parse(String(set.upserted)), [{ _id: 'new' }]);
  const got = await send('database.getInTransaction', { collectionName: 'w', transactionId, _id: 'new' });
  assert.deepEqual(EJSON.parse(String(got.data)), { _id: 'new', n: 5 });
  const del = await send('database.deleteDocInTransaction', { collectionName: 'w', transactionId, _id: 'gone' });
  assert.equal(EJSON.parse(String(del.deleted)), 1);
  await send('database.commitTransaction', { transactionId });
  assert.equal((await fetch(h.db.collection('w').doc('new'))).n, 5);
  const after = await send('database.getDocument', {
    collectionName: 'w',
    queryType: 'DOC',
    query: ejson({ _id: 'gone' }),
  });
  assert.deepEqual((after.data as { list: string[] }).list, []);
});

test('rolling back a finished transaction is harmless; using it is an error', async () => {
  h = freshCloud();
  const { transactionId } = (await send('database.startTransaction')) as { transactionId: string };
  await send('database.abortTransaction', { transactionId });
  await send('database.abortTransaction', { transactionId });
  await assert.rejects(send('database.commitTransaction', { transactionId }), /already aborted/);
});
