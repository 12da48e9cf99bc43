import type Database from 'better-sqlite3';
import { rankExpr, valueExpr, scalarKey } from '@server/local/cloud/sql-exprs';
import { splitPath } from '@server/local/cloud/paths';
import type { LocalStore } from '@server/local/cloud';
import { createCollectionTable } from '@server/local/cloud/schema';

// The raw baseline: the same question asked of SQLite directly, with the very expressions the
// store indexes (rank and value of a JSON path, server/local/cloud/sql-exprs.ts) so the query can
// use the declared index. What the real path costs above this is the SDK, the store's query
// engine, the handler, the permission check and the audit trail.

export type Where = Array<[path: string, value: string | number | boolean | null]>;
export type Order = Array<[path: string, dir: 'asc' | 'desc']>;

export interface RawQuery {
  sql: string;
  plan: string;
  run: (values: Where) => Array<Record<string, unknown>>;
}

export function rawQuery(store: LocalStore, collection: string, where: Where, order: Order, limit: number): RawQuery {
  const table = `"${store.collectionTable(collection)}"`;
  const conds = where.map(([p]) => {
    const segs = splitPath(p);
    return `${rankExpr(segs)} = ? AND ${valueExpr(segs)} = ?`;
  });
  const orders = order.flatMap(([p, d]) => {
    const segs = splitPath(p);
    const dir = d === 'desc' ? ' DESC' : '';
    return [`${rankExpr(segs)}${dir}`, `${valueExpr(segs)}${dir}`];
  });
  const sql = `SELECT id, data FROM ${table}${conds.length ? ` WHERE ${conds.join(' AND ')}` : ''}${
    orders.length ? ` ORDER BY ${orders.join(', ')}` : ''
  } LIMIT ${limit}`;
  const stmt = store.sqlite.prepare(sql);
  const params = (values: Where) =>
    values.flatMap(([, v]) => {
      const k = scalarKey(v)!;
      return [k.rank, k.value];
    });
  const plan = (store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params(where)) as Array<{ detail: string }>)
    .map((r) => r.detail)
    .join('; ');
  return {
    sql,
    plan,
    run: (values) =>
      (stmt.all(...params(values)) as Array<{ id: string; data: string }>).map(
        (r) => JSON.parse(r.data) as Record<string, unknown>,
      ),
  };
}

/** A raw write transaction: the same rows the real path writes, as plain INSERT/UPDATE statements. */
export function rawWriter(store: LocalStore): {
  insert: (collection: string, id: string, doc: object) => void;
  upsert: (collection: string, id: string, doc: object) => void;
  tx: <T>(fn: () => T) => T;
} {
  const db: Database.Database = store.sqlite;
  const cache = new Map<string, Database.Statement>();
  const made = new Set<string>();
  const table = (c: string) => {
    if (!made.has(c)) createCollectionTable(db, c);
    made.add(c);
    return `"${store.collectionTable(c)}"`;
  };
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    return s;
  };
  return {
    insert: (c, id, doc) =>
      stmt(`INSERT INTO ${table(c)} (id, rev, data) VALUES (?, 0, ?)`).run(id, JSON.stringify(doc)),
    upsert: (c, id, doc) =>
      stmt(
        `INSERT INTO ${table(c)} (id, rev, data) VALUES (?, 0, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data, rev = rev + 1`,
      ).run(id, JSON.stringify(doc)),
    tx: (fn) => db.transaction(fn)(),
  };
}
