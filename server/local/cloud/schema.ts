import type Database from 'better-sqlite3';
import type { IndexDeclaration } from '../../db/indexes';
import { isSqlSafePath, nonScalarSql, quoteIdent, rankExpr, valueExpr } from './sql-exprs';
import { splitPath } from './paths';

// DDL: one table per collection (rowid, id, rev, data JSON) and the SQLite expression indexes
// declared in server/db/indexes.ts. Indexes are reconciled on every open: created when new,
// rebuilt when their definition changed, dropped when no longer declared.

export const TABLE_PREFIX = 'c_';
const INDEX_PREFIX = 'ix_';
const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidCollectionName(name: string): boolean {
  return COLLECTION_NAME.test(name);
}

export function tableName(collection: string): string {
  return `${TABLE_PREFIX}${collection}`;
}

export function createMetaTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS _local_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
    INSERT OR IGNORE INTO _local_meta (key, value) VALUES ('seq', 0);
    CREATE TABLE IF NOT EXISTS _local_paths (
      coll TEXT NOT NULL, path TEXT NOT NULL, nonscalar INTEGER NOT NULL, PRIMARY KEY (coll, path)
    );`);
}

/** `id` has no declared type, so string and number ids stay distinct (BLOB affinity). */
export function createCollectionTable(db: Database.Database, collection: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${quoteIdent(tableName(collection))} (
    id PRIMARY KEY NOT NULL, rev INTEGER NOT NULL, data TEXT NOT NULL)`);
}

export function existingCollections(db: Database.Database): string[] {
  const rows = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'`)
    .all() as Array<{ name: string }>;
  return rows.map((r) => r.name.slice(TABLE_PREFIX.length));
}

export function indexSqlName(collection: string, index: string): string {
  return `${INDEX_PREFIX}${collection}_${index}`;
}

/** The exact text SQLite keeps in sqlite_master.sql, so a changed declaration is detected. */
function indexDdl(collection: string, ix: IndexDeclaration): string {
  const cols = ix.fields.flatMap(([path, dir]) => {
    const segs = splitPath(path);
    const d = dir === -1 ? ' DESC' : '';
    return [`${rankExpr(segs)}${d}`, `${valueExpr(segs)}${d}`];
  });
  const unique = ix.unique ? 'UNIQUE ' : '';
  return `CREATE ${unique}INDEX ${quoteIdent(indexSqlName(collection, ix.name))} ON ${quoteIdent(tableName(collection))} (${cols.join(', ')})`;
}

/** The document paths of a collection's declared indexes (without `_id`, the primary key). */
export function indexedPaths(declared: IndexDeclaration[]): string[] {
  const paths = new Set<string>();
  for (const ix of declared) for (const [p] of ix.fields) if (p !== '_id') paths.add(p);
  return [...paths];
}

export function validateDeclarations(collection: string, declared: IndexDeclaration[]): void {
  const names = new Set<string>();
  for (const ix of declared) {
    if (!/^[A-Za-z0-9_]+$/.test(ix.name) || names.has(ix.name))
      throw new Error(`INDEXES.${collection}: bad or duplicate index name '${ix.name}'`);
    names.add(ix.name);
    if (ix.fields.length === 0) throw new Error(`INDEXES.${collection}.${ix.name}: no fields`);
    for (const [p] of ix.fields) {
      if (p !== '_id' && !isSqlSafePath(splitPath(p)))
        throw new Error(`INDEXES.${collection}.${ix.name}: path '${p}' must be dotted identifiers`);
    }
  }
}

export function syncIndexes(db: Database.Database, collection: string, declared: IndexDeclaration[]): void {
  validateDeclarations(collection, declared);
  const table = tableName(collection);
  const existing = new Map(
    (
      db
        .prepare(
          `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE 'ix\\_%' ESCAPE '\\'`,
        )
        .all(table) as Array<{ name: string; sql: string }>
    ).map((r) => [r.name, r.sql]),
  );
  const wanted = new Set<string>();
  for (const ix of declared.filter((d) => !(d.fields.length === 1 && d.fields[0][0] === '_id'))) {
    const name = indexSqlName(collection, ix.name);
    const ddl = indexDdl(collection, ix);
    wanted.add(name);
    if (existing.get(name) === ddl) continue;
    if (existing.has(name)) db.exec(`DROP INDEX ${quoteIdent(name)}`);
    try {
      db.exec(ddl);
    } catch (e) {
      throw new Error(`cannot build index ${collection}.${ix.name}: ${(e as Error).message}`);
    }
  }
  for (const name of existing.keys()) if (!wanted.has(name)) db.exec(`DROP INDEX ${quoteIdent(name)}`);
  syncPathStats(db, collection, indexedPaths(declared));
}

/** Counts, once, the rows whose value at each indexed path is not a scalar. */
function syncPathStats(db: Database.Database, collection: string, paths: string[]): void {
  const known = new Set(
    (db.prepare('SELECT path FROM _local_paths WHERE coll = ?').all(collection) as Array<{ path: string }>).map(
      (r) => r.path,
    ),
  );
  for (const path of paths) {
    if (known.has(path)) continue;
    const sql = `SELECT count(*) AS n FROM ${quoteIdent(tableName(collection))} WHERE ${nonScalarSql(splitPath(path))}`;
    const { n } = db.prepare(sql).get() as { n: number };
    db.prepare('INSERT INTO _local_paths (coll, path, nonscalar) VALUES (?, ?, ?)').run(collection, path, n);
  }
  for (const path of known)
    if (!paths.includes(path)) db.prepare('DELETE FROM _local_paths WHERE coll = ? AND path = ?').run(collection, path);
}
