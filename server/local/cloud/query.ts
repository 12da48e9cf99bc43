import { compileFilter, type Predicate } from './filter';
import { queryValues, splitPath } from './paths';
import { toSqlFilter, type PathResolver } from './sql-filter';
import { quoteIdent } from './sql-exprs';
import type { Row, SqliteStore } from './store';
import { docKey, type BufferedWrite, type DocKey } from './transactions';
import { compareValues, fromStoredText, type Doc, type DocId } from './values';

// The query planner. SQL narrows (declared, all-scalar paths and _id), orders (when every sort
// key is indexable) and, when the SQL filter is exact, also applies OFFSET/LIMIT; the JS matcher
// then checks every row it returns. Without an indexable order, candidates are sorted in JS.
// Ties are always broken by insertion order (rowid) so pages are stable across plans.

export type SortSpec = Array<[path: string, dir: 1 | -1]>;

export interface FindSpec {
  filter: unknown;
  order: SortSpec;
  offset: number;
  /** null: no limit (updates and removes). */
  limit: number | null;
}

export interface Found {
  id: DocId;
  rowid: number;
  /** 0 for a document that exists only in the transaction's buffer. */
  rev: number;
  doc: Doc;
}

/** A transaction's buffered writes, shown on top of the stored rows. */
export type Overlay = Map<DocKey, BufferedWrite>;

const NEW_ROW_BASE = 2 ** 52; // rowids for documents created inside a transaction sort last

export function findDocs(store: SqliteStore, collection: string, spec: FindSpec, overlay?: Overlay): Found[] {
  const match = compileFilter(spec.filter);
  const pending = overlay ? [...overlay.values()].filter((w) => w.collection === collection) : [];
  if (!store.hasCollection(collection)) return finish(overlayOnly(pending, match), spec);
  const resolve = store.resolver(collection);
  const where = toSqlFilter(spec.filter, resolve);
  const orderSql = pushableOrder(spec.order, resolve, new Set(where.pinned));
  const table = quoteIdent(store.collectionTable(collection));
  const whereSql = where.sql ? ` WHERE ${where.sql}` : '';

  if (pending.length === 0 && orderSql !== null) {
    const base = `SELECT rowid, id, rev, data FROM ${table}${whereSql} ORDER BY ${orderSql}`;
    if (where.exact) {
      const rows = store
        .prepare(`${base} LIMIT ? OFFSET ?`)
        .all(...where.params, spec.limit ?? -1, spec.offset) as Row[];
      const found = rows.map(toFound);
      if (found.every((f) => match(f.doc))) return found;
      // The SQL translation claimed exactness but the matcher disagrees: trust the matcher.
    }
    return streamPage(store.prepare(base).iterate(...where.params) as IterableIterator<Row>, match, spec);
  }

  // Unindexable sort, or a transaction overlay: gather every candidate, then sort in JS.
  const byKey = new Map(pending.map((w) => [docKey(collection, w.id), w]));
  const out: Found[] = [];
  for (const row of store
    .prepare(`SELECT rowid, id, rev, data FROM ${table}${whereSql}`)
    .iterate(...where.params) as IterableIterator<Row>) {
    const key = docKey(collection, row.id);
    const buffered = byKey.get(key);
    if (buffered) {
      byKey.delete(key);
      if (buffered.text !== null)
        pushIfMatch(out, { id: row.id, rowid: row.rowid, rev: row.rev, doc: fromStoredText(buffered.text) }, match);
      continue;
    }
    pushIfMatch(out, toFound(row), match);
  }
  // Buffered versions whose stored version the SQL prefilter excluded, and new documents.
  let created = 0;
  for (const w of byKey.values()) {
    if (w.text === null) continue;
    const stored = store.getRow(collection, w.id);
    pushIfMatch(
      out,
      {
        id: w.id,
        rowid: stored?.rowid ?? NEW_ROW_BASE + created++,
        rev: stored?.rev ?? 0,
        doc: fromStoredText(w.text),
      },
      match,
    );
  }
  return finish(out, spec);
}

export function countDocs(store: SqliteStore, collection: string, filter: unknown): number {
  const match = compileFilter(filter);
  if (!store.hasCollection(collection)) return 0;
  const where = toSqlFilter(filter, store.resolver(collection));
  const table = quoteIdent(store.collectionTable(collection));
  const whereSql = where.sql ? ` WHERE ${where.sql}` : '';
  if (where.exact)
    return (store.prepare(`SELECT count(*) AS n FROM ${table}${whereSql}`).get(...where.params) as { n: number }).n;
  let n = 0;
  for (const row of store.prepare(`SELECT data FROM ${table}${whereSql}`).iterate(...where.params) as IterableIterator<{
    data: string;
  }>) {
    if (match(fromStoredText(row.data))) n++;
  }
  return n;
}

function toFound(row: Row): Found {
  return { id: row.id, rowid: row.rowid, rev: row.rev, doc: fromStoredText(row.data) };
}

function pushIfMatch(out: Found[], f: Found, match: Predicate): void {
  if (match(f.doc)) out.push(f);
}

function overlayOnly(pending: BufferedWrite[], match: Predicate): Found[] {
  const out: Found[] = [];
  pending.forEach((w, i) => {
    if (w.text !== null)
      pushIfMatch(out, { id: w.id, rowid: NEW_ROW_BASE + i, rev: 0, doc: fromStoredText(w.text) }, match);
  });
  return out;
}

/** Walks rows already in the requested order; stops as soon as the page is full. */
function streamPage(rows: IterableIterator<Row>, match: Predicate, spec: FindSpec): Found[] {
  const out: Found[] = [];
  if (spec.limit === 0) return out;
  let skipped = 0;
  for (const row of rows) {
    const f = toFound(row);
    if (!match(f.doc)) continue;
    if (skipped < spec.offset) {
      skipped++;
      continue;
    }
    out.push(f);
    if (spec.limit !== null && out.length >= spec.limit) break; // leaving the loop closes the statement
  }
  return out;
}

function finish(found: Found[], spec: FindSpec): Found[] {
  const sorted = found.sort(comparator(spec.order));
  return sorted.slice(spec.offset, spec.limit === null ? undefined : spec.offset + spec.limit);
}

/**
 * ORDER BY text when every key is indexable, else null. Always ends with rowid. A rank the
 * filter pins to one value is left out: it orders nothing, and naming it makes SQLite sort.
 */
function pushableOrder(order: SortSpec, resolve: PathResolver, pinned: Set<string>): string | null {
  const terms: string[] = [];
  for (const [path, dir] of order) {
    const t = resolve(path);
    if (!t) return null;
    const d = dir === -1 ? ' DESC' : '';
    if (t.kind === 'id') terms.push(`id${d}`);
    else terms.push(pinned.has(t.rank) ? `${t.value}${d}` : `${t.rank}${d}, ${t.value}${d}`);
  }
  terms.push('rowid');
  return terms.join(', ');
}

/**
 * MongoDB sort: missing sorts as null; an array sorts by its smallest element ascending and
 * its largest descending.
 */
export function sortKey(doc: unknown, segs: string[], dir: 1 | -1): unknown {
  let best: unknown;
  let first = true;
  for (const v of queryValues(doc, segs)) {
    for (const x of Array.isArray(v) ? (v.length ? v : [undefined]) : [v]) {
      const c = x === undefined ? null : x;
      if (first || compareValues(c, best) * dir < 0) best = c;
      first = false;
    }
  }
  return first ? null : best;
}

/** Sort comparator over {rowid, doc}; each document's sort keys are computed once. */
export function comparator(
  order: SortSpec,
): (a: { rowid: number; doc: Doc }, b: { rowid: number; doc: Doc }) => number {
  const keys = order.map(([path, dir]) => ({ segs: splitPath(path), dir }));
  const cache = new WeakMap<object, unknown[]>();
  const keysOf = (doc: Doc): unknown[] => {
    let k = cache.get(doc);
    if (!k) {
      k = keys.map(({ segs, dir }) => sortKey(doc, segs, dir));
      cache.set(doc, k);
    }
    return k;
  };
  return (a, b) => {
    const ka = keysOf(a.doc);
    const kb = keysOf(b.doc);
    for (let i = 0; i < keys.length; i++) {
      const c = compareValues(ka[i], kb[i]);
      if (c !== 0) return c * keys[i].dir;
    }
    return a.rowid - b.rowid;
  };
}
