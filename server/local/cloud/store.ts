import Database from 'better-sqlite3';
import { INDEXES, type IndexDeclaration } from '../../db/indexes';
import { duplicateKey, invalidParam } from './errors';
import { splitPath } from './paths';
import {
  createCollectionTable,
  createMetaTables,
  existingCollections,
  indexedPaths,
  isValidCollectionName,
  syncIndexes,
  tableName,
} from './schema';
import { isNonScalarAt, isSqlSafePath, quoteIdent, rankExpr, valueExpr } from './sql-exprs';
import type { IndexedPath, PathResolver } from './sql-filter';
import { GroupCommit, walSyncer, type SyncFn } from './group-commit';
import { TransactionManager } from './transactions';
import { fromStoredText, toStoredText, type Doc, type DocId } from './values';

// The durable document store: SQLite in WAL mode, one table per collection. Every write goes
// through `write()`, which bumps the store-wide revision (used by transactions to detect
// conflicts) and keeps the per-path "non-scalar" counters that decide SQL pushdown.

export interface LocalStore {
  readonly file: string;
  close(): void;
  backup(toFile: string): Promise<void>;
  /** The raw handle, for benchmarks and EXPLAIN QUERY PLAN checks. */
  readonly sqlite: Database.Database;
  collectionTable(name: string): string;
}

export interface StoreOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  /** FULL (default): an acknowledged write survives power loss. NORMAL: survives a process crash. */
  synchronous?: 'FULL' | 'NORMAL';
  /**
   * With FULL: true (default) makes one fsync, off the event loop, serve many commits (see
   * group-commit.ts); false has SQLite fsync every commit on the event loop.
   */
  groupCommit?: boolean;
  /** Replaces group commit's fsync of the -wal file (tests hold it to watch answers wait). */
  syncWal?: SyncFn;
  /** An open transaction is aborted after this long (default 10 000 ms). */
  transactionTimeoutMs?: number;
  /** Index declarations; defaults to server/db/indexes.ts. */
  indexes?: Record<string, IndexDeclaration[]>;
  /** The clock behind db.serverDate(); defaults to Date.now. */
  now?: () => number;
}

export interface Row {
  rowid: number;
  id: DocId;
  rev: number;
  data: string;
}

interface PathStat {
  segs: string[];
  nonScalar: number;
  rank: string;
  value: string;
}

interface Collection {
  table: string;
  paths: Map<string, PathStat>;
}

export class SqliteStore implements LocalStore {
  readonly sqlite: Database.Database;
  readonly transactions: TransactionManager;
  readonly now: () => number;
  private readonly indexes: Record<string, IndexDeclaration[]>;
  private collections = new Map<string, Collection>();
  private statements = new Map<string, Database.Statement>();
  private seq = 0;
  private seqDirty = false;
  /** Per collection, the revision of its last write, and of its last update or delete. */
  private readonly touched = new Map<string, number>();
  private readonly changed = new Map<string, number>();
  private closed = false;
  private readonly inTxn: (fn: () => unknown) => unknown;
  /** Null unless FULL with group commit on a file: then every answer awaits `durable()`. */
  readonly group: GroupCommit | null = null;
  private readonly wal: ReturnType<typeof walSyncer> | null = null;

  constructor(
    readonly file: string,
    opts: StoreOptions,
  ) {
    this.indexes = opts.indexes ?? INDEXES;
    this.now = opts.now ?? Date.now;
    this.sqlite = new Database(file);
    this.sqlite.pragma('journal_mode = WAL');
    const full = opts.synchronous !== 'NORMAL';
    const grouped = full && opts.groupCommit !== false && file !== ':memory:' && file !== '';
    this.sqlite.pragma(`synchronous = ${full && !grouped ? 'FULL' : 'NORMAL'}`);
    this.sqlite.pragma('busy_timeout = 5000');
    createMetaTables(this.sqlite);
    this.sqlite.transaction(() => {
      for (const name of existingCollections(this.sqlite)) syncIndexes(this.sqlite, name, this.indexes[name] ?? []);
    })();
    this.loadState();
    if (grouped) {
      this.wal = opts.syncWal ? null : walSyncer(file);
      this.group = new GroupCommit(opts.syncWal ?? this.wal!.sync, () => this.seq);
    }
    this.inTxn = this.sqlite.transaction((fn: () => unknown) => {
      const result = fn();
      this.flushSeq();
      return result;
    });
    this.transactions = new TransactionManager(opts.transactionTimeoutMs ?? 10_000);
  }

  collectionTable(name: string): string {
    return tableName(name);
  }

  async backup(toFile: string): Promise<void> {
    await this.sqlite.backup(toFile);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.transactions.shutdown();
    this.statements.clear();
    // Answers still waiting for their fsync get it now, before the handle goes.
    if (this.group?.pending && !this.group.failed) {
      this.wal?.flushSync();
      this.group.markAllSynced();
    }
    this.wal?.close();
    this.sqlite.close();
  }

  /**
   * Resolves once every write committed so far (or up to revision `upTo`) is on disk; at once
   * without group commit.
   */
  durable(upTo?: number): Promise<void> {
    return this.group ? this.group.durable(upTo) : Promise.resolve();
  }

  /**
   * The revision a read's answer must wait for, so that it never shows a state a power cut could
   * take back: its newest returned row, and the collection's last update or delete (which may
   * have removed a row from the result). A newer insert it does not return cannot change it.
   * `rows: null` (counts, aggregates) waits for every write to the collection.
   */
  readFence(collection: string, rows: Array<{ rev: number }> | null): number {
    if (rows === null) return this.touched.get(collection) ?? 0;
    let fence = this.changed.get(collection) ?? 0;
    for (const r of rows) if (r.rev > fence) fence = r.rev;
    return fence;
  }

  /** The last revision written (what a write's answer waits for). */
  get revisionNow(): number {
    return this.seq;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Runs `fn` as one SQLite transaction; on failure the in-memory mirrors are reloaded. */
  atomic<T>(fn: () => T): T {
    if (this.sqlite.inTransaction) return fn();
    try {
      return this.inTxn(fn) as T;
    } catch (e) {
      this.loadState();
      throw e;
    }
  }

  prepare(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      if (this.statements.size > 2000) this.statements.clear();
      stmt = this.sqlite.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  /** Creates the collection (table, declared indexes) if needed. CloudBase would refuse instead. */
  ensureCollection(name: string): void {
    if (this.collections.has(name)) return;
    if (!isValidCollectionName(name)) throw invalidParam(`invalid collection name '${name}'`);
    this.atomic(() => {
      this.nextRevision(); // a new table is a write too: group commit syncs it before answering
      createCollectionTable(this.sqlite, name);
      syncIndexes(this.sqlite, name, this.indexes[name] ?? []);
    });
    // Not loadState(): we may be inside a larger write whose revision counter is not flushed yet.
    this.collections.set(name, this.describeCollection(name, this.readPathStats()));
  }

  /** Which paths SQL may filter and sort on right now: `_id`, and declared paths that are all-scalar. */
  resolver(collection: string): PathResolver {
    const coll = this.collections.get(collection);
    return (path: string): IndexedPath | null => {
      if (path === '_id') return { kind: 'id' };
      const stat = coll?.paths.get(path);
      return stat && stat.nonScalar === 0 ? { kind: 'expr', rank: stat.rank, value: stat.value } : null;
    };
  }

  getRow(collection: string, id: DocId): Row | undefined {
    if (!this.collections.has(collection)) return undefined;
    return this.prepare(`SELECT rowid, id, rev, data FROM ${quoteIdent(tableName(collection))} WHERE id = ?`).get(
      id,
    ) as Row | undefined;
  }

  /** Current revision of a document, 0 when absent. */
  revision(collection: string, id: DocId): number {
    return this.getRow(collection, id)?.rev ?? 0;
  }

  /** Inserts, replaces (doc) or deletes (null) one document. Call inside `atomic`. */
  write(collection: string, id: DocId, doc: Doc | null): void {
    if (doc) this.ensureCollection(collection);
    const coll = this.collections.get(collection);
    if (!coll) return;
    const table = quoteIdent(coll.table);
    const old = this.getRow(collection, id);
    const oldDoc = old && coll.paths.size > 0 ? fromStoredText(old.data) : null;
    if (doc === null && !old) return;
    const rev = this.nextRevision();
    this.touched.set(collection, rev);
    // An update or delete can take a document out of a query's result, which no returned row
    // shows; an insert cannot (see needsDurable).
    if (old) this.changed.set(collection, rev);
    if (doc === null) {
      this.prepare(`DELETE FROM ${table} WHERE rowid = ?`).run(old!.rowid);
    } else {
      const text = toStoredText(doc);
      try {
        if (old) this.prepare(`UPDATE ${table} SET rev = ?, data = ? WHERE rowid = ?`).run(rev, text, old.rowid);
        else this.prepare(`INSERT INTO ${table} (id, rev, data) VALUES (?, ?, ?)`).run(id, rev, text);
      } catch (e) {
        throw this.translateConstraint(e, collection, doc);
      }
    }
    this.adjustPathStats(collection, coll, oldDoc, doc);
  }

  private adjustPathStats(collection: string, coll: Collection, oldDoc: Doc | null, newDoc: Doc | null): void {
    for (const [path, stat] of coll.paths) {
      const delta =
        (newDoc && isNonScalarAt(newDoc, stat.segs) ? 1 : 0) - (oldDoc && isNonScalarAt(oldDoc, stat.segs) ? 1 : 0);
      if (delta === 0) continue;
      stat.nonScalar += delta;
      this.prepare('UPDATE _local_paths SET nonscalar = nonscalar + ? WHERE coll = ? AND path = ?').run(
        delta,
        collection,
        path,
      );
    }
  }

  private translateConstraint(e: unknown, collection: string, doc: Doc): unknown {
    const err = e as { code?: string; message?: string };
    if (err.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY' && err.code !== 'SQLITE_CONSTRAINT_UNIQUE') return e;
    const m = /index '([^']+)'/.exec(err.message ?? '');
    const prefix = `ix_${collection}_`;
    const ixName = m && m[1].startsWith(prefix) ? m[1].slice(prefix.length) : '_id_';
    const decl = (this.indexes[collection] ?? []).find((d) => d.name === ixName);
    const key = decl ? Object.fromEntries(decl.fields.map(([p]) => [p, doc[p] ?? null])) : { _id: doc._id };
    return duplicateKey(collection, ixName, JSON.stringify(key));
  }

  private nextRevision(): number {
    this.seq += 1;
    this.seqDirty = true;
    return this.seq;
  }

  private flushSeq(): void {
    if (!this.seqDirty) return;
    this.prepare(`UPDATE _local_meta SET value = ? WHERE key = 'seq'`).run(this.seq);
    this.seqDirty = false;
  }

  /** (Re)reads collections, path counters and the revision counter from SQLite. */
  private loadState(): void {
    this.statements.clear();
    this.seqDirty = false;
    // Never backwards, even after a rollback: group commit counts in revisions.
    this.seq = Math.max(
      this.seq,
      (this.sqlite.prepare(`SELECT value FROM _local_meta WHERE key = 'seq'`).get() as { value: number }).value,
    );
    const stats = this.readPathStats();
    this.collections = new Map();
    for (const name of existingCollections(this.sqlite))
      this.collections.set(name, this.describeCollection(name, stats));
  }

  private readPathStats(): Array<{ coll: string; path: string; nonscalar: number }> {
    return this.sqlite.prepare('SELECT coll, path, nonscalar FROM _local_paths').all() as Array<{
      coll: string;
      path: string;
      nonscalar: number;
    }>;
  }

  private describeCollection(
    name: string,
    stats: Array<{ coll: string; path: string; nonscalar: number }>,
  ): Collection {
    const paths = new Map<string, PathStat>();
    for (const path of indexedPaths(this.indexes[name] ?? [])) {
      const segs = splitPath(path);
      if (!isSqlSafePath(segs)) continue;
      const row = stats.find((s) => s.coll === name && s.path === path);
      // No counter row means we cannot vouch for the path: never push it down.
      paths.set(path, {
        segs,
        nonScalar: row ? row.nonscalar : Number.POSITIVE_INFINITY,
        rank: rankExpr(segs),
        value: valueExpr(segs),
      });
    }
    return { table: tableName(name), paths };
  }
}

export function openLocalStore(opts: StoreOptions): LocalStore {
  return new SqliteStore(opts.file, opts);
}
