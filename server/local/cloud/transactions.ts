import { randomBytes } from 'node:crypto';
import { LocalDbError } from './errors';
import type { DocId } from './values';

// Transaction bookkeeping. Local transactions are serialised by an async mutex (FIFO), so two
// of them never interleave; non-transactional writes are not blocked and are caught at commit
// by optimistic concurrency (revisions recorded in `reads`). A transaction left open longer
// than the timeout is aborted and the mutex handed on, so an abandoned one cannot wedge the store.

export type DocKey = string;

export function docKey(collection: string, id: DocId): DocKey {
  return `${collection}\u0000${typeof id === 'number' ? `n${id}` : `s${id}`}`;
}

export interface BufferedWrite {
  collection: string;
  id: DocId;
  /** Stored JSON text of the new version, or null for a delete. */
  text: string | null;
}

export class Transaction {
  /** Revision of every document read or written, as first seen (0 = absent). */
  readonly reads = new Map<DocKey, { collection: string; id: DocId; rev: number }>();
  /** Buffered writes, applied in insertion order at commit. */
  readonly writes = new Map<DocKey, BufferedWrite>();
  /** Order number for documents created inside the transaction (tie-breaks sorts after stored rows). */
  createdSeq = 0;
  state: 'active' | 'committed' | 'aborted' | 'expired' = 'active';
  timer: NodeJS.Timeout | undefined;

  constructor(readonly id: string) {}
}

export class TransactionManager {
  private active: Transaction | null = null;
  private readonly waiting: Array<{ resolve: (t: Transaction) => void; reject: (e: Error) => void }> = [];
  /** Recently finished ids, so a late call gets "expired" rather than "unknown". */
  private readonly finished = new Map<string, Transaction['state']>();
  private down = false;

  constructor(private readonly timeoutMs: number) {}

  /** Waits for the mutex, then opens a transaction. */
  begin(): Promise<Transaction> {
    if (this.down) return Promise.reject(new LocalDbError('DATABASE_TRANSACTION_FAIL', 'local store is closed'));
    if (!this.active) return Promise.resolve(this.activate());
    // Someone now depends on the active transaction ending: its timeout must keep the process alive.
    this.active.timer?.ref();
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** The open transaction with this id, or a clear error. */
  get(id: unknown): Transaction {
    if (typeof id !== 'string') throw new LocalDbError('INVALID_PARAM', 'transactionId must be a string');
    if (this.active && this.active.id === id) return this.active;
    const state = this.finished.get(id);
    if (state === 'expired') {
      throw new LocalDbError(
        'DATABASE_TRANSACTION_FAIL',
        `transaction ${id} was aborted after ${this.timeoutMs} ms without commit`,
      );
    }
    if (state) throw new LocalDbError('DATABASE_TRANSACTION_FAIL', `transaction ${id} is already ${state}`);
    throw new LocalDbError('DATABASE_TRANSACTION_FAIL', `unknown transaction ${id}`);
  }

  /** Was this id expired or aborted (so a late rollback can succeed quietly)? */
  finishedState(id: string): Transaction['state'] | undefined {
    return this.finished.get(id);
  }

  /** Ends the transaction and hands the mutex to the next waiter. */
  finish(txn: Transaction, state: 'committed' | 'aborted' | 'expired'): void {
    if (txn.state !== 'active') return;
    txn.state = state;
    clearTimeout(txn.timer);
    txn.reads.clear();
    txn.writes.clear();
    this.finished.set(txn.id, state);
    if (this.finished.size > 1000) this.finished.delete(this.finished.keys().next().value as string);
    if (this.active === txn) {
      this.active = null;
      const next = this.waiting.shift();
      if (next) next.resolve(this.activate());
    }
  }

  shutdown(): void {
    this.down = true;
    if (this.active) this.finish(this.active, 'aborted');
    for (const w of this.waiting.splice(0))
      w.reject(new LocalDbError('DATABASE_TRANSACTION_FAIL', 'local store is closed'));
  }

  private activate(): Transaction {
    const txn = new Transaction(`local-tx-${randomBytes(8).toString('hex')}`);
    txn.timer = setTimeout(() => this.finish(txn, 'expired'), this.timeoutMs);
    // An abandoned transaction alone must not keep the process alive; with waiters it must.
    if (this.waiting.length === 0) txn.timer.unref();
    this.active = txn;
    return txn;
  }
}
