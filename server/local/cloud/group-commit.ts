import { AsyncLocalStorage } from 'node:async_hooks';
import { closeSync, fdatasync, fdatasyncSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { LocalDbError } from './errors';

// Group commit. SQLite runs at synchronous=NORMAL in WAL mode, so a commit only write()s its
// frames to the -wal file and the event loop never waits for the disk. Durability comes
// before the answer instead: `durable()` resolves once an fdatasync of the -wal file that
// started after the last write has finished. That fsync runs on libuv's thread pool and
// covers every commit made before it started, so under load many commits share one fsync and
// the event loop keeps answering other requests meanwhile. (The WAL is append-only between
// checkpoints, and a checkpoint itself syncs the WAL and the database at NORMAL.)

/** Makes everything written to the WAL so far durable. */
export type SyncFn = () => Promise<void>;

const RESOLVED = Promise.resolve();
/** Two at once: a commit made just after one began waits about one fsync, not two. */
const MAX_SYNCS_IN_FLIGHT = 2;

/**
 * One answer to the outside (an HTTP request of the local host). Inside it, store calls do not
 * wait for the disk one by one; each raises `upTo` to the revision its result depends on, and
 * the answer waits once, for all of them, before it is sent (install.ts answerWhenDurable).
 * Outside any scope (the sweeper, scripts, tests) every call waits for itself.
 */
export const answerScope = new AsyncLocalStorage<{ upTo: number }>();

/**
 * Work the host runs on its own (the sweeper's timer). Each of its store calls outside a
 * transaction first lets the event loop take a turn, so a sweep of many calls is cut into
 * pieces between which requests are answered, instead of holding them all up for its sum.
 */
export const backgroundScope = new AsyncLocalStorage<true>();

interface Waiter {
  upTo: number;
  resolve: () => void;
  reject: (e: Error) => void;
}

/**
 * Counts in store revisions: every write (insert, update, delete, new collection) takes the
 * next one, so "revision r is durable" is `r <= synced`. Only `written` is needed from the store.
 */
export class GroupCommit {
  /** The highest revision covered by a finished sync. */
  private synced: number;
  /** Syncs running, and the revision the latest of them covers. */
  private inFlight = 0;
  private started: number;
  private waiters: Waiter[] = [];
  private failure: LocalDbError | null = null;
  /** Syncs run so far (for tests and benchmarks: many commits, few syncs). */
  syncs = 0;

  constructor(
    private readonly sync: SyncFn,
    /** The store's current revision (the last one written). */
    private readonly written: () => number,
  ) {
    this.synced = written(); // what was there at open is on disk
    this.started = this.synced;
  }

  /** A failed fsync leaves the disk's state unknown: the store refuses everything after it. */
  get failed(): LocalDbError | null {
    return this.failure;
  }

  get pending(): boolean {
    return this.synced < this.written();
  }

  /** Resolves when every revision up to `upTo` (default: all written so far) is on disk. */
  durable(upTo = this.written()): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (upTo <= this.synced) return RESOLVED;
    return new Promise((resolve, reject) => {
      this.waiters.push({ upTo, resolve, reject });
      this.start();
    });
  }

  /** After a synchronous flush (closing the store): everything written is durable. */
  markAllSynced(): void {
    this.synced = this.written();
    this.settle();
  }

  /**
   * Starts a sync for waiters no running sync covers. A second one may start while the first
   * runs (a write arriving just after a sync began then waits about one fsync, not two); any
   * more wait for one of them to finish. A sync covers every revision written before it began.
   */
  private start(): void {
    if (this.failure || this.inFlight >= MAX_SYNCS_IN_FLIGHT) return;
    if (!this.waiters.some((w) => w.upTo > this.started)) return;
    const upTo = this.written();
    this.started = upTo;
    this.inFlight += 1;
    this.syncs += 1;
    this.sync().then(
      () => {
        this.inFlight -= 1;
        this.synced = Math.max(this.synced, upTo);
        this.settle();
        this.start();
      },
      (e: unknown) => {
        this.inFlight -= 1;
        this.failure ??= new LocalDbError(
          'SYS_ERR',
          `local store: writing to disk failed (${(e as Error)?.message ?? String(e)}); restart the host`,
        );
        for (const w of this.waiters.splice(0)) w.reject(this.failure);
      },
    );
  }

  private settle(): void {
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.upTo <= this.synced) w.resolve();
      else still.push(w);
    }
    this.waiters = still;
  }
}

/**
 * fdatasync of `<dbFile>-wal` on the thread pool. The file is opened on first use (SQLite
 * creates it with the first write) and its directory is synced once, so the file's entry
 * survives too. `flushSync` is for closing; the descriptor is closed only when no sync runs.
 */
export function walSyncer(dbFile: string): { sync: SyncFn; flushSync(): void; close(): void } {
  let fd: number | null = null;
  let running = 0;
  let closing = false;
  const open = (): number => {
    if (fd === null) {
      fd = openSync(`${dbFile}-wal`, 'r+');
      const dir = openSync(dirname(dbFile), 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    }
    return fd;
  };
  const release = () => {
    if (closing && running === 0 && fd !== null) {
      closeSync(fd);
      fd = null;
    }
  };
  return {
    sync: () =>
      new Promise<void>((resolve, reject) => {
        let handle: number;
        try {
          handle = open();
        } catch (e) {
          reject(e as Error);
          return;
        }
        running += 1;
        fdatasync(handle, (err) => {
          running -= 1;
          release();
          if (err) reject(err);
          else resolve();
        });
      }),
    flushSync() {
      fdatasyncSync(open());
    },
    close() {
      closing = true;
      release();
    },
  };
}
