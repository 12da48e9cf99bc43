import { duplicateKey, invalidParam } from './errors';
import { compileFilter, isOperatorObject } from './filter';
import { newDocId } from './ids';
import type { Found, SortSpec } from './query';
import { applyReplacement, applyUpdate, isOperatorUpdate } from './update';
import { asDocId, assertStorable, isPlainObject, toStoredText, type Doc, type DocId } from './values';
import type { DocView } from './view';

// The document operations behind the wire apis, written once against a DocView so the same
// code serves plain requests and transactions.

export type QueryType = 'WHERE' | 'DOC';

export interface Target {
  collection: string;
  queryType: QueryType;
  query: unknown;
  multi: boolean;
}

/** The `_id` a DOC request addresses (the SDK always sends `{ _id }`). */
export function docIdOf(query: unknown): DocId {
  if (!isPlainObject(query) || !('_id' in query)) throw invalidParam('a DOC request needs query {_id}');
  return asDocId(query._id);
}

/** Documents a request addresses: one by id (DOC), or the first / all matches (WHERE). */
export function targets(view: DocView, t: Target, order: SortSpec = []): Found[] {
  if (t.queryType === 'DOC') {
    const found = view.get(t.collection, docIdOf(t.query));
    return found && compileFilter(t.query)(found.doc) ? [found] : [];
  }
  return view.find(t.collection, { filter: t.query, order, offset: 0, limit: t.multi ? null : 1 });
}

export function insertDocuments(view: DocView, collection: string, docs: unknown[]): DocId[] {
  if (docs.length === 0) throw invalidParam('insert needs at least one document');
  return docs.map((raw) => {
    if (!isPlainObject(raw)) throw invalidParam('a document must be an object');
    const id = raw._id === undefined ? newDocId() : asDocId(raw._id);
    const doc: Doc = { _id: id, ...raw };
    doc._id = id;
    assertStorable(doc);
    if (view.get(collection, id)) throw duplicateKey(collection, '_id_', JSON.stringify({ _id: id }));
    view.put(collection, id, doc);
    return id;
  });
}

export interface ModifyRequest extends Target {
  update: Record<string, unknown>;
  /** true: operator update (`update()`); false: replacement (`set()`). */
  merge: boolean;
  upsert: boolean;
}

export interface ModifyResult {
  updated: number;
  upsertId?: DocId;
  /** The last document written, for modifyAndReturnDoc. */
  last?: Doc;
}

export function modifyDocuments(view: DocView, req: ModifyRequest): ModifyResult {
  const operators = isOperatorUpdate(req.update);
  if (req.merge && !operators) throw invalidParam('update data must use update operators such as $set');
  if (!req.merge && operators) throw invalidParam('replacement data cannot contain update operators');
  const next = (doc: Doc): Doc => (req.merge ? applyUpdate(doc, req.update) : applyReplacement(doc._id, req.update));

  let updated = 0;
  let last: Doc | undefined;
  for (const found of targets(view, req)) {
    const doc = next(found.doc);
    last = doc;
    // Like MongoDB's nModified, only documents that actually changed count as updated.
    if (toStoredText(doc) === toStoredText(found.doc)) continue;
    view.put(req.collection, found.id, doc);
    updated++;
  }
  if (last || !req.upsert) return { updated, last };

  const id = req.queryType === 'DOC' ? docIdOf(req.query) : newDocId();
  const created = next(upsertBase(id, req.query));
  created._id = id;
  view.put(req.collection, id, created);
  return { updated: 0, upsertId: id, last: created };
}

/** An upsert starts from the query's plain equality fields, as in MongoDB. */
function upsertBase(id: DocId, query: unknown): Doc {
  const base: Doc = { _id: id };
  if (isPlainObject(query)) {
    for (const [k, v] of Object.entries(query)) {
      if (!k.startsWith('$') && !k.includes('.') && k !== '_id' && !isOperatorObject(v)) base[k] = v;
    }
  }
  return base;
}

export function removeDocuments(view: DocView, t: Target): number {
  const found = targets(view, t);
  for (const f of found) view.remove(t.collection, f.id);
  return found.length;
}
