import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, test } from 'node:test';
import { addOne, fetch, freshCloud, list, pluck, rejection, total, type Harness, type Row } from './testing/harness';

// Conformance: transactions — db.runTransaction and db.startTransaction.

let h: Harness;
afterEach(() => h.close());

/** The transaction object wx-server-sdk hands out (its typings say `any`). */
interface Tx {
  collection(name: string): ReturnType<Harness['db']['collection']>;
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

const startTx = async (): Promise<Tx> => (await h.db.startTransaction()) as Tx;
const get = async (t: Tx, coll: string, id: string): Promise<Row> =>
  ((await t.collection(coll).doc(id).get()) as { data: Row }).data;

test('commit applies writes to two collections together', async () => {
  h = freshCloud();
  await addOne(h.db, 'accounts', { _id: 'a', balance: 100 });
  await h.db.runTransaction(async (t: Tx) => {
    const acc = await get(t, 'accounts', 'a');
    await t
      .collection('accounts')
      .doc('a')
      .update({ data: { balance: (acc.balance as number) - 30 } });
    await t.collection('audit').add({ data: { action: 'debit', amount: 30 } });
  });
  assert.equal((await fetch(h.db.collection('accounts').doc('a'))).balance, 70);
  assert.deepEqual(pluck(await list(h.db.collection('audit')), 'action'), ['debit']);
});

test('runTransaction returns the callback result', async () => {
  h = freshCloud();
  assert.equal(await h.db.runTransaction(async () => 'done'), 'done');
});

test('writes stay invisible outside the transaction until commit', async () => {
  h = freshCloud();
  const t = await startTx();
  await t.collection('notes').add({ data: { _id: 'n1', text: 'draft' } });
  assert.equal(await total(h.db.collection('notes')), 0);
  await t.commit();
  assert.equal(await total(h.db.collection('notes')), 1);
});

test('reads inside a transaction see its own buffered writes (doc get and where get)', async () => {
  h = freshCloud();
  await addOne(h.db, 'notes', { _id: 'old', n: 1 });
  await h.db.runTransaction(async (t: Tx) => {
    await t.collection('notes').add({ data: { _id: 'new', n: 2 } });
    await t
      .collection('notes')
      .doc('old')
      .update({ data: { n: 5 } });
    assert.equal((await get(t, 'notes', 'new')).n, 2);
    assert.equal((await get(t, 'notes', 'old')).n, 5);
    const rows = (
      (await t
        .collection('notes')
        .where({ n: h._.gte(2) })
        .get()) as { data: Row[] }
    ).data;
    assert.deepEqual(pluck(rows).sort(), ['new', 'old']);
    await t.collection('notes').doc('new').remove();
    const after = ((await t.collection('notes').where({}).get()) as { data: Row[] }).data;
    assert.deepEqual(pluck(after), ['old']);
  });
});

test('rollback (startTransaction) discards every buffered write', async () => {
  h = freshCloud();
  await addOne(h.db, 'notes', { _id: 'keep', n: 1 });
  const t = await startTx();
  await t
    .collection('notes')
    .doc('keep')
    .update({ data: { n: 99 } });
  await t.collection('other').add({ data: { x: 1 } });
  await t.rollback();
  assert.equal((await fetch(h.db.collection('notes').doc('keep'))).n, 1);
  assert.equal(await total(h.db.collection('other')), 0);
});

test('a throwing runTransaction callback leaves nothing behind and rethrows', async () => {
  h = freshCloud();
  const err = await rejection(
    h.db.runTransaction(async (t: Tx) => {
      await t.collection('notes').add({ data: { x: 1 } });
      throw new Error('business rule says no');
    }),
  );
  assert.match(err.message, /business rule says no/);
  assert.equal(await total(h.db.collection('notes')), 0);
});

test('t.rollback(reason) inside runTransaction rejects with that reason', async () => {
  h = freshCloud();
  const reason = await rejection(
    h.db.runTransaction(async (t: Tx) => {
      await t.collection('notes').add({ data: { x: 1 } });
      await t.rollback('not enough stock');
    }),
  ).catch((e: unknown) => e);
  assert.equal(reason, 'not enough stock');
  assert.equal(await total(h.db.collection('notes')), 0);
});

test('conflict: a document read by the transaction and changed outside it aborts the commit', async () => {
  h = freshCloud();
  await addOne(h.db, 'stock', { _id: 'item', left: 1 });
  await addOne(h.db, 'orders', { _id: 'seed' });
  const t = await startTx();
  const item = await get(t, 'stock', 'item');
  await h.db
    .collection('stock')
    .doc('item')
    .update({ data: { left: 0 } }); // someone else sells it
  await t
    .collection('stock')
    .doc('item')
    .update({ data: { left: (item.left as number) - 1 } });
  await t.collection('orders').add({ data: { _id: 'o1' } });
  const err = await rejection(t.commit());
  assert.equal(err.code, 'DATABASE_TRANSACTION_CONFLICT');
  assert.equal((await fetch(h.db.collection('stock').doc('item'))).left, 0);
  assert.equal(await total(h.db.collection('orders')), 1); // the order was not written either
});

test('conflict: a document the transaction found absent but that appears meanwhile', async () => {
  h = freshCloud();
  const t = await startTx();
  await rejection(get(t, 'users', 'u1')); // absent
  await addOne(h.db, 'users', { _id: 'u1', by: 'outside' });
  await t
    .collection('users')
    .doc('u1')
    .set({ data: { by: 'transaction' } });
  assert.equal((await rejection(t.commit())).code, 'DATABASE_TRANSACTION_CONFLICT');
  assert.equal((await fetch(h.db.collection('users').doc('u1'))).by, 'outside');
});

test('runTransaction retries after a conflict, as the SDK does against CloudBase', async () => {
  h = freshCloud();
  await addOne(h.db, 'counters', { _id: 'c', n: 0 });
  let attempts = 0;
  await h.db.runTransaction(async (t: Tx) => {
    attempts++;
    const c = await get(t, 'counters', 'c');
    if (attempts === 1)
      await h.db
        .collection('counters')
        .doc('c')
        .update({ data: { n: h._.inc(10) } });
    await t
      .collection('counters')
      .doc('c')
      .update({ data: { n: (c.n as number) + 1 } });
  });
  assert.equal(attempts, 2);
  assert.equal((await fetch(h.db.collection('counters').doc('c'))).n, 11);
});

test('transactions are serialised: concurrent read-modify-write loses no update', async () => {
  h = freshCloud();
  await addOne(h.db, 'counters', { _id: 'c', n: 0 });
  const events: string[] = [];
  const bump = (name: string) =>
    h.db.runTransaction(async (t: Tx) => {
      events.push(`${name}:start`);
      const c = await get(t, 'counters', 'c');
      await sleep(20);
      await t
        .collection('counters')
        .doc('c')
        .update({ data: { n: (c.n as number) + 1 } });
      events.push(`${name}:end`);
    });
  await Promise.all([bump('A'), bump('B'), bump('C')]);
  assert.equal((await fetch(h.db.collection('counters').doc('c'))).n, 3);
  assert.deepEqual(events, ['A:start', 'A:end', 'B:start', 'B:end', 'C:start', 'C:end']);
});

test('an abandoned transaction is aborted after the timeout and frees the next one', async () => {
  h = freshCloud({ transactionTimeoutMs: 100 });
  const abandoned = await startTx();
  await abandoned.collection('notes').add({ data: { x: 'lost' } });
  const next = await startTx(); // waits for the timeout, then proceeds
  await next.collection('notes').add({ data: { x: 'kept' } });
  await next.commit();
  const err = await rejection(abandoned.commit());
  assert.match(err.message, /aborted after 100 ms/);
  assert.deepEqual(pluck(await list(h.db.collection('notes')), 'x'), ['kept']);
});

test('a unique-index violation at commit discards the whole transaction', async () => {
  h = freshCloud();
  await addOne(h.db, 'staff', { _id: 's1', openid: 'o-1' });
  const err = await rejection(
    h.db.runTransaction(async (t: Tx) => {
      await t.collection('units').add({ data: { _id: 'u9', name: 'new unit' } });
      await t.collection('staff').add({ data: { _id: 's2', openid: 'o-1' } });
    }),
  );
  assert.match(err.message, /E11000 duplicate key error collection: staff index: openid/);
  assert.equal(await total(h.db.collection('units')), 0);
  assert.equal(await total(h.db.collection('staff')), 1);
});
