import { runPipeline } from './aggregate';
import { answerScope, backgroundScope } from './group-commit';
import { LocalDbError, invalidParam } from './errors';
import { newRequestId } from './ids';
import { insertDocuments, modifyDocuments, removeDocuments, targets, type QueryType } from './operations';
import { compileProjection } from './projection';
import { countDocs } from './query';
import { effectiveLimit, parseOrder, parseQuery, parseRequest, schemas } from './requests';
import type { SqliteStore } from './store';
import { isPlainObject, parseWire, resolveServerDates, toWire } from './values';
import { commitTransaction, directView, transactionView, type DocView } from './view';

// api name → handler. Answers exactly what the CloudBase server would, so the SDK's own result
// parsing runs unchanged: `{ requestId, data: {...} }` on success, `{ requestId, code, message }`
// on failure. `execute` never throws.

export interface WireResponse {
  requestId: string;
  code?: string;
  message?: string;
  [key: string]: unknown;
}

type Payload = Record<string, unknown>;
/** A read may narrow what its answer must wait for (see SqliteStore.readFence). */
interface Fence {
  upTo?: number;
}
type Handler = (store: SqliteStore, data: unknown, api: string, fence: Fence) => Payload | Promise<Payload>;

export async function execute(store: SqliteStore, api: string, data: unknown): Promise<WireResponse> {
  const requestId = newRequestId();
  // Background work yields before each call that does not hold the transaction mutex.
  if (backgroundScope.getStore() && !insideTransaction(data)) await new Promise((r) => setImmediate(r));
  const fence: Fence = {};
  const answer = await run(store, api, data, fence);
  // Group commit: nothing leaves the store before what it shows or reports is on disk, so no
  // caller ever sees (or is told about) a change that a power cut could still take back. Reads
  // inside a transaction need not wait: what they saw reaches the caller only through the
  // commit's answer, which waits for everything written before it. Inside an answer scope the
  // wait is left to the end of the whole answer (one wait per HTTP request, not per call).
  if (answersOutside(api, data)) {
    const upTo = answer.code || fence.upTo === undefined ? store.revisionNow : fence.upTo;
    const scope = answerScope.getStore();
    if (scope) scope.upTo = Math.max(scope.upTo, upTo);
    else {
      try {
        await store.durable(upTo);
      } catch (e) {
        return { requestId, ...failure(e) };
      }
    }
  }
  return { requestId, ...answer };
}

async function run(store: SqliteStore, api: string, data: unknown, fence: Fence): Promise<Payload> {
  try {
    const failed = store.group?.failed;
    if (failed) throw failed;
    if (!store.isOpen) throw new LocalDbError('SYS_ERR', 'the local store is closed');
    const handler = Object.prototype.hasOwnProperty.call(HANDLERS, api) ? HANDLERS[api] : undefined;
    if (!handler) throw invalidParam(`local cloud: unknown database api '${api}'`);
    return await handler(store, data, api, fence);
  } catch (e) {
    return failure(e);
  }
}

function failure(e: unknown): { code: string; message: string } {
  if (e instanceof LocalDbError) return { code: e.code, message: e.message };
  return { code: 'SYS_ERR', message: `local cloud internal error: ${(e as Error)?.message ?? String(e)}` };
}

const TRANSACTION_ENDS = new Set(['database.commitTransaction', 'database.abortTransaction']);

/** A call made while its transaction holds the mutex (the commit and rollback end it). */
function insideTransaction(data: unknown): boolean {
  return Boolean((data as { transactionId?: unknown } | null)?.transactionId);
}

/** Whether this answer can carry data out of the store (anything but a call inside a transaction). */
function answersOutside(api: string, data: unknown): boolean {
  if (api === 'database.startTransaction') return false;
  if (TRANSACTION_ENDS.has(api)) return true;
  return !insideTransaction(data);
}

/** Runs a request in its transaction's view, or atomically against the store. */
function withView<T>(store: SqliteStore, transactionId: string | undefined, fn: (view: DocView) => T): T {
  if (transactionId) return fn(transactionView(store, store.transactions.get(transactionId)));
  return store.atomic(() => fn(directView(store)));
}

const now = (store: SqliteStore): number => store.now();

const HANDLERS: Record<string, Handler> = {
  'database.getDocument': (store, data, api, fence) => {
    const r = parseRequest(schemas.getDocument, api, data);
    const query = parseQuery(r.query, now(store));
    const project = compileProjection(r.projection ? parseWire(r.projection, 'projection') : undefined);
    const limit = effectiveLimit(r.limit);
    const offset = r.offset ?? 0;
    const found = withView(store, r.transactionId, (view) =>
      r.queryType === 'DOC'
        ? targets(view, { collection: r.collectionName, queryType: 'DOC', query, multi: false })
        : view.find(r.collectionName, { filter: query, order: parseOrder(r.order), offset, limit }),
    );
    fence.upTo = store.readFence(r.collectionName, found);
    return { data: { list: found.map((f) => toWire(project(f.doc))), limit, offset } };
  },

  'database.calculateDocument': (store, data, api, fence) => {
    const r = parseRequest(schemas.calculateDocument, api, data);
    fence.upTo = store.readFence(r.collectionName, null);
    return { data: { total: countDocs(store, r.collectionName, parseQuery(r.query, now(store))) } };
  },

  'database.insertDocument': (store, data, api) => {
    const r = parseRequest(schemas.insertDocument, api, data);
    const docs = r.data.map((text) => resolveServerDates(parseWire(text, 'document'), now(store)));
    const ids = withView(store, r.transactionId, (view) => insertDocuments(view, r.collectionName, docs));
    return { data: { insertedIds: ids } };
  },

  'database.modifyDocument': (store, data, api) => {
    const r = parseRequest(schemas.modifyDocument, api, data);
    const update = parseUpdate(r.data, now(store));
    const result = withView(store, r.transactionId, (view) =>
      modifyDocuments(view, {
        collection: r.collectionName,
        queryType: r.queryType as QueryType,
        query: parseQuery(r.query, now(store)),
        multi: r.multi,
        update,
        merge: r.merge,
        upsert: r.upsert,
      }),
    );
    return {
      data: { updated: result.updated, ...(result.upsertId !== undefined ? { upsert_id: result.upsertId } : {}) },
    };
  },

  'database.modifyAndReturnDoc': (store, data, api) => {
    const r = parseRequest(schemas.modifyAndReturnDoc, api, data);
    const update = parseUpdate(r.data, now(store));
    const query = parseQuery(r.query, now(store));
    const result = withView(store, r.transactionId, (view) =>
      modifyDocuments(view, {
        collection: r.collectionName,
        queryType: r.queryType as QueryType,
        query,
        multi: false,
        update,
        merge: true,
        upsert: false,
      }),
    );
    return { data: { updated: result.updated, doc: result.last ? toWire(result.last) : null } };
  },

  'database.removeDocument': (store, data, api) => {
    const r = parseRequest(schemas.removeDocument, api, data);
    const query = parseQuery(r.query, now(store));
    const deleted = withView(store, r.transactionId, (view) =>
      removeDocuments(view, {
        collection: r.collectionName,
        queryType: r.queryType as QueryType,
        query,
        multi: r.multi,
      }),
    );
    return { data: { deleted } };
  },

  'database.aggregateDocuments': (store, data, api) => {
    const r = parseRequest(schemas.aggregateDocuments, api, data);
    return { data: { list: runPipeline(store, r.collectionName, r.stages, now(store)).map(toWire) } };
  },

  'database.addCollection': (store, data, api) => {
    const r = parseRequest(schemas.addCollection, api, data);
    if (store.hasCollection(r.collectionName)) {
      throw new LocalDbError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${r.collectionName} already exists`);
    }
    store.ensureCollection(r.collectionName);
    return {};
  },

  'database.startTransaction': async (store) => {
    const txn = await store.transactions.begin();
    return { transactionId: txn.id };
  },

  'database.commitTransaction': (store, data, api) => {
    const r = parseRequest(schemas.transaction, api, data);
    const txn = store.transactions.get(r.transactionId);
    try {
      commitTransaction(store, txn);
      store.transactions.finish(txn, 'committed');
    } catch (e) {
      store.transactions.finish(txn, 'aborted'); // a failed commit ends the transaction, as on CloudBase
      throw e;
    }
    return {};
  },

  'database.abortTransaction': (store, data, api) => {
    const r = parseRequest(schemas.transaction, api, data);
    const state = store.transactions.finishedState(r.transactionId);
    if (state === 'aborted' || state === 'expired') return {}; // rolling back twice is harmless
    store.transactions.finish(store.transactions.get(r.transactionId), 'aborted');
    return {};
  },

  // The older per-document transaction apis (dist/commonjs/transaction.js). wx-server-sdk 4.0.2
  // does not use them, but they cost little and keep the executor complete for that SDK file.
  'database.getInTransaction': (store, data, api) => {
    const r = parseRequest(schemas.docInTransaction, api, data);
    const found = withView(store, r.transactionId, (view) => view.get(r.collectionName, r._id));
    return { data: toWire(found ? found.doc : null) };
  },

  'database.updateDocInTransaction': (store, data, api) => {
    const r = parseRequest(schemas.docInTransaction, api, data);
    const update = parseUpdate(r.data ?? '', now(store));
    const result = withView(store, r.transactionId, (view) =>
      modifyDocuments(view, {
        collection: r.collectionName,
        queryType: 'DOC',
        query: { _id: r._id },
        multi: false,
        update,
        merge: !r.upsert,
        upsert: r.upsert === true,
      }),
    );
    return {
      updated: toWire(result.updated),
      ...(result.upsertId !== undefined ? { upserted: JSON.stringify([{ _id: result.upsertId }]) } : {}),
    };
  },

  'database.deleteDocInTransaction': (store, data, api) => {
    const r = parseRequest(schemas.docInTransaction, api, data);
    const deleted = withView(store, r.transactionId, (view) =>
      removeDocuments(view, { collection: r.collectionName, queryType: 'DOC', query: { _id: r._id }, multi: false }),
    );
    return { deleted: toWire(deleted) };
  },
};

function parseUpdate(text: string, at: number): Record<string, unknown> {
  const u = resolveServerDates(parseWire(text, 'data'), at);
  if (!isPlainObject(u) || Object.keys(u).length === 0) throw invalidParam('update data must be a non-empty object');
  return u;
}
