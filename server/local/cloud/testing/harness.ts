import cloud from 'wx-server-sdk';
import { installLocalCloud, openLocalStore, type LocalStore, type StoreOptions } from '../index';

// A fresh in-memory store behind the real wx-server-sdk, for one test. installLocalCloud runs
// before cloud.init so the SDK's start-up probe never touches the network.

export type Db = ReturnType<typeof cloud.database>;

export interface Harness {
  store: LocalStore;
  db: Db;
  _: Db['command'];
  close(): void;
}

let initialised = false;

export function freshCloud(opts: Partial<StoreOptions> = {}): Harness {
  return withStore(openLocalStore({ file: ':memory:', ...opts }));
}

/** Installs an already opened store (e.g. one reopened from a file) behind the SDK. */
export function withStore(store: LocalStore): Harness {
  installLocalCloud(store);
  if (!initialised) {
    cloud.init({ env: 'local-test' });
    initialised = true;
  }
  const db = cloud.database();
  return { store, db, _: db.command, close: () => store.close() };
}

/** Adds documents and returns their ids, in order. */
export async function seed(db: Db, collection: string, docs: Array<Record<string, unknown>>): Promise<string[]> {
  const res = (await db.collection(collection).add({ data: docs })) as unknown as { _ids: string[] };
  return res._ids;
}

/** The `_id`s (or another field) of a query result, for compact assertions. */
export function pluck(rows: unknown[], field = '_id'): unknown[] {
  return rows.map((r) => (r as Record<string, unknown>)[field]);
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error & { errCode?: number; code?: string }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { errCode?: number; code?: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Adds one document and returns its `_id`. */
export async function addOne(db: Db, collection: string, data: Record<string, unknown>): Promise<string> {
  const res = (await db.collection(collection).add({ data })) as unknown as { _id: string };
  return res._id;
}

export type Row = Record<string, unknown>;

// wx-server-sdk's typings say `Promise<...> | void | string` (callback style); these helpers
// await the promise form and give tests the plain result.

/** `query.get()` → the documents. */
export async function list(query: { get(): unknown }): Promise<Row[]> {
  return ((await query.get()) as { data: Row[] }).data;
}

/** `query.count()` → the total. */
export async function total(query: { count(): unknown }): Promise<number> {
  return ((await query.count()) as { total: number }).total;
}

/** `doc(id).get()` → the document. */
export async function fetch(doc: { get(): unknown }): Promise<Row> {
  return ((await doc.get()) as { data: Row }).data;
}

/** The `stats` of an update / set / remove call. */
export async function stats(call: unknown): Promise<{ updated?: number; removed?: number; created?: number }> {
  return ((await call) as { stats: { updated?: number; removed?: number; created?: number } }).stats;
}

/** `aggregate()...end()` → the list. */
export async function aggregateList(agg: { end(): unknown }): Promise<Row[]> {
  return ((await agg.end()) as { list: Row[] }).list;
}
