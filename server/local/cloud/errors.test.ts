import assert from 'node:assert/strict';
import dns from 'node:dns';
import net from 'node:net';
import { after, afterEach, before, test } from 'node:test';
import cloud from 'wx-server-sdk';
import { requireFromNodeSdk } from './bson';
import { addOne, freshCloud, list, rejection, type Harness } from './testing/harness';

// Conformance: how failures surface, and that the installed SDK never touches the network.

type Send = (api: string, data?: unknown) => Promise<Record<string, unknown>>;
const { TcbDBApiHttpRequester } = requireFromNodeSdk('./utils/tcbdbapirequester.js') as {
  TcbDBApiHttpRequester: new (config: object) => { send: Send };
};
const send: Send = (api, data) => new TcbDBApiHttpRequester({}).send(api, data);

// Record every socket or DNS attempt made by anything in this process, from before cloud.init.
const attempts: string[] = [];
const realConnect = net.Socket.prototype.connect;
const realLookup = dns.lookup;
before(() => {
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    attempts.push(`connect ${JSON.stringify(args[0])}`);
    return (realConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
  dns.lookup = ((...args: unknown[]) => {
    attempts.push(`lookup ${String(args[0])}`);
    return (realLookup as (...a: unknown[]) => unknown)(...args);
  }) as typeof dns.lookup;
});
after(() => {
  net.Socket.prototype.connect = realConnect;
  dns.lookup = realLookup;
});

let h: Harness;
afterEach(() => h.close());

test('an unknown api is answered with INVALID_PARAM, which the SDK throws as a TcbError', async () => {
  h = freshCloud();
  const err = await rejection(send('database.dropEverything', {}));
  assert.equal(err.code, 'INVALID_PARAM');
  assert.match(err.message, /unknown database api 'database\.dropEverything'/);
});

test('a malformed request (bad EJSON, missing fields) is INVALID_PARAM with the reason', async () => {
  h = freshCloud();
  const bad = await rejection(send('database.getDocument', { collectionName: 'x', query: '{not json' }));
  assert.equal(bad.code, 'INVALID_PARAM');
  assert.match(bad.message, /query is not valid EJSON/);
  const missing = await rejection(send('database.insertDocument', { data: ['{}'] }));
  assert.match(missing.message, /collectionName/);
});

test('wx-server-sdk turns executor errors into its errCode/errMsg errors', async () => {
  h = freshCloud();
  await addOne(h.db, 'x', { a: 1 });
  const err = await rejection(
    list(h.db.collection('x').where({ a: h._.geoIntersects({ geometry: new h.db.Geo.Point(0, 0) }) })),
  );
  assert.equal(err.errCode, -502002);
  assert.match(
    err.message,
    /^collection\.get:fail -502002 .*local cloud does not support query operator \$geoIntersects/,
  );
});

test('createCollection creates once, then reports that it exists', async () => {
  h = freshCloud();
  await h.db.createCollection('fresh');
  const err = await rejection(h.db.createCollection('fresh'));
  assert.match(err.message, /already exists/);
});

test('invalid collection names are refused', async () => {
  h = freshCloud();
  const err = await rejection(addOne(h.db, 'bad name!', { a: 1 }));
  assert.match(err.message, /invalid collection name/);
});

test('a closed store answers with an error instead of crashing', async () => {
  h = freshCloud();
  h.store.close();
  const err = await rejection(list(h.db.collection('x')));
  assert.match(err.message, /local store is closed/);
});

test('other SDK calls fail fast with an offline error (no credentials needed, no unhandled rejection)', async () => {
  h = freshCloud();
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown): void => void unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  try {
    const err = await rejection(cloud.callFunction({ name: 'anything', data: {} }) as Promise<unknown>);
    assert.match(err.message, /needs the network, which is disabled/);
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});

test('nothing in this file reached the network (cloud.init, queries, writes, errors)', () => {
  h = freshCloud();
  assert.deepEqual(attempts, []);
});
