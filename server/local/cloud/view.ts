import { LocalDbError } from './errors';
import { findDocs, type FindSpec, type Found } from './query';
import type { SqliteStore } from './store';
import { docKey, type Transaction } from './transactions';
import { fromStoredText, toStoredText, type Doc, type DocId } from './values';

// What a request sees of the database. Outside a transaction that is the store itself (each
// request wrapped in one SQLite transaction by the executor); inside one it is the store seen
// through the transaction's buffered writes, with every document read recorded for the
// optimistic concurrency check at commit.

export interface DocView {
  get(collection: string, id: DocId): Found | null;
  find(collection: string, spec: FindSpec): Found[];
  /** Inserts or replaces one document. */
  put(collection: string, id: DocId, doc: Doc): void;
  remove(collection: string, id: DocId): void;
}

export function directView(store: SqliteStore): DocView {
  return {
    get(collection, id) {
      const row = store.getRow(collection, id);
      return row ? { id: row.id, rowid: row.rowid, rev: row.rev, doc: fromStoredText(row.data) } : null;
    },
    find: (collection, spec) => findDocs(store, collection, spec),
    put: (collection, id, doc) => store.write(collection, id, doc),
    remove: (collection, id) => store.write(collection, id, null),
  };
}

export function transactionView(store: SqliteStore, txn: Transaction): DocView {
  const record = (collection: string, id: DocId, rev: number): void => {
    const key = docKey(collection, id);
    if (!txn.reads.has(key) && !txn.writes.has(key)) txn.reads.set(key, { collection, id, rev });
  };
  const view: DocView = {
    get(collection, id) {
      const buffered = txn.writes.get(docKey(collection, id));
      if (buffered) return buffered.text === null ? null : { id, rowid: 0, rev: 0, doc: fromStoredText(buffered.text) };
      const row = store.getRow(collection, id);
      record(collection, id, row?.rev ?? 0);
      return row ? { id: row.id, rowid: row.rowid, rev: row.rev, doc: fromStoredText(row.data) } : null;
    },
    find(collection, spec) {
      const found = findDocs(store, collection, spec, txn.writes);
      for (const f of found) if (f.rev > 0) record(collection, f.id, f.rev);
      return found;
    },
    put(collection, id, doc) {
      view.get(collection, id); // records the revision we are about to overwrite
      txn.writes.set(docKey(collection, id), { collection, id, text: toStoredText(doc) });
    },
    remove(collection, id) {
      view.get(collection, id);
      txn.writes.set(docKey(collection, id), { collection, id, text: null });
    },
  };
  return view;
}

/** Applies a transaction atomically, or refuses with a conflict if anything it saw has changed. */
export function commitTransaction(store: SqliteStore, txn: Transaction): void {
  store.atomic(() => {
    for (const r of txn.reads.values()) {
      if (store.revision(r.collection, r.id) !== r.rev) {
        throw new LocalDbError(
          'DATABASE_TRANSACTION_CONFLICT',
          `transaction conflict: ${r.collection}/${String(r.id)} changed after the transaction read it`,
        );
      }
    }
    for (const w of txn.writes.values())
      store.write(w.collection, w.id, w.text === null ? null : fromStoredText(w.text));
  });
}
