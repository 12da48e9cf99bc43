import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, test } from 'node:test';
import Database from 'better-sqlite3';
import { answerWhenDurable, runAsBackground } from './install';
import type { SqliteStore } from './store';
import { fetch, freshCloud, list, rejection, total, type Harness, type Row } from './testing/harness';

// Conformance: group commit. A write's answer is sent only after an fsync that started after
// its commit has finished; many commits share one fsync; reads never show a change that is not
// yet on disk; a failed fsync stops the store. The fsync is replaced by a gate the test opens.

const dirs: string[] = [];
let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempFile(): string {
  const d = mkdtempSync(join(tmpdir(), 'group-commit-'));
  dirs.push(d);
  return join(d, 'store.db');
}

/** A controllable fsync: each call waits until the test releases it (or fails it). */
function gatedSync() {
  const calls: Array<{ release: () => void; fail: (e: Error) => void }> = [];
  const sync = () => new Promise<void>((release, fail) => calls.push({ release, fail }));
  return { sync, calls };
}

/** Lets every ready promise callback run (the SDK's chain is a few dozen microtasks deep). */
const settle = () => new Promise((r) => setTimeout(r, 20));

/** Tracks whether a promise has settled, without awaiting it. */
function watch<T = unknown>(call: unknown) {
  const state = { done: false, value: undefined as T | undefined, error: undefined as unknown };
  (call as Promise<T>).then(
    (v) => Object.assign(state, { done: true, value: v }),
    (e: unknown) => Object.assign(state, { done: true, error: e }),
  );
  return state;
}

const groupOf = (hh: Harness) => (hh.store as SqliteStore).group!;

test('FULL on a file commits at synchronous=NORMAL and syncs the WAL before answering; groupCommit:false keeps SQLite FULL', async () => {
  const file = tempFile();
  h = freshCloud({ file });
  assert.equal(h.store.sqlite.pragma('synchronous', { simple: true }), 1);
  await h.db.collection('notes').add({ data: { v: 1 } }); // through the real fdatasync of the -wal file
  assert.equal(groupOf(h).syncs, 1);
  h.close();
  h = freshCloud({ file, groupCommit: false });
  assert.equal(h.store.sqlite.pragma('synchronous', { simple: true }), 2);
  assert.equal((h.store as SqliteStore).group, null);
});

test('a write is answered only after an fsync that began after its commit', async () => {
  const file = tempFile();
  const gate = gatedSync();
  h = freshCloud({ file, syncWal: gate.sync });
  const other = new Database(file, { readonly: true });
  try {
    const add = watch(h.db.collection('notes').add({ data: { _id: 'n1', v: 1 } }));
    await settle();
    assert.equal(gate.calls.length, 1, 'the fsync has started');
    // The commit is already in SQLite (another connection sees it) while the answer waits.
    assert.equal((other.prepare('SELECT count(*) AS n FROM c_notes').get() as { n: number }).n, 1);
    assert.equal(add.done, false, 'no answer before the fsync finishes');
    gate.calls[0].release();
    await settle();
    assert.equal(add.done, true);
    assert.equal(add.error, undefined);
  } finally {
    other.close();
  }
});

test('commits share fsyncs: at most two run at once, each covering every commit made before it began', async () => {
  const gate = gatedSync();
  h = freshCloud({ file: tempFile(), syncWal: gate.sync });
  const db = h.db;
  const add = (i: number) => watch(db.collection('notes').add({ data: { i } }));
  const first = add(0);
  await settle();
  assert.equal(gate.calls.length, 1);
  // Commits made while the first fsync runs start a second one at once (they need not wait
  // for the first to end only to start another).
  const second = Array.from({ length: 24 }, (_, i) => add(i + 1));
  await settle();
  assert.equal(gate.calls.length, 2, 'a second fsync for the 24 commits made meanwhile');
  // Two are running: later commits wait for one of them to finish.
  const third = Array.from({ length: 25 }, (_, i) => add(i + 25));
  await settle();
  assert.equal(gate.calls.length, 2, 'never a third at once');

  gate.calls[0].release();
  await settle();
  assert.equal(first.done, true);
  assert.ok(
    [...second, ...third].every((w) => !w.done),
    'the first fsync began before their commits',
  );
  assert.equal(gate.calls.length, 3, 'the finished one makes room for the waiting commits');
  gate.calls[1].release();
  await settle();
  assert.ok(second.every((w) => w.done && w.error === undefined));
  assert.ok(third.every((w) => !w.done));
  gate.calls[2].release();
  await settle();
  assert.ok(third.every((w) => w.done && w.error === undefined));
  assert.equal(groupOf(h).syncs, 3, '50 commits, 3 fsyncs');
  assert.equal(await total(db.collection('notes')), 50);
});

test('a later fsync that finishes first answers the commits of the earlier one too', async () => {
  const gate = gatedSync();
  h = freshCloud({ file: tempFile(), syncWal: gate.sync });
  const db = h.db;
  const early = watch(db.collection('notes').add({ data: { i: 1 } }));
  await settle();
  const late = watch(db.collection('notes').add({ data: { i: 2 } }));
  await settle();
  assert.equal(gate.calls.length, 2);
  gate.calls[1].release(); // it began after both commits, so both are on disk
  await settle();
  assert.equal(early.done && late.done, true);
  gate.calls[0].release();
  await settle();
  assert.equal(gate.calls.length, 2);
});

test('a read that would show a change not yet on disk waits for its fsync', async () => {
  const gate = gatedSync();
  h = freshCloud({ file: tempFile(), syncWal: gate.sync });
  const db = h.db;
  const write = watch(db.collection('notes').add({ data: { _id: 'a', v: 1 } }));
  await settle();
  const read = watch<Row[]>(list(db.collection('notes').where({ v: 1 })));
  const counted = watch<number>(total(db.collection('notes')));
  await settle();
  assert.equal(read.done, false, 'the read returns the new row: it waits');
  assert.equal(counted.done, false, 'a count cannot tell which rows it counted: it waits');
  gate.calls[0].release();
  await settle();
  assert.equal(write.done && read.done && counted.done, true);
  assert.equal(read.value?.length, 1);
  assert.equal(counted.value, 1);
  // Nothing pending: a read is answered without any fsync.
  assert.equal((await fetch(db.collection('notes').doc('a'))).v, 1);
  assert.equal(gate.calls.length, 1);
});

test('a read whose answer no pending write can change does not wait; an update or delete pending makes it wait', async () => {
  const gate = gatedSync();
  h = freshCloud({ file: tempFile(), syncWal: gate.sync });
  const db = h.db;
  const seeded = watch(
    db.collection('notes').add({
      data: [
        { _id: 'old', v: 1 },
        { _id: 'other', v: 2 },
      ],
    }),
  );
  await settle();
  gate.calls[0].release();
  await settle();
  assert.equal(seeded.done, true);

  // A new document elsewhere in the collection, not yet on disk.
  const insert = watch(db.collection('notes').add({ data: { _id: 'new', v: 3 } }));
  await settle();
  assert.equal(gate.calls.length, 2);
  // Reads that do not return it are answered at once: without it their answer is the same.
  assert.equal((await fetch(db.collection('notes').doc('old'))).v, 1);
  assert.deepEqual(await list(db.collection('notes').where({ v: 2 })), [{ _id: 'other', v: 2 }]);
  assert.equal(insert.done, false);

  gate.calls[1].release();
  await settle();
  // An update that takes 'other' out of { v: 2 }: the read returns nothing, yet must wait.
  const update = watch(
    db
      .collection('notes')
      .doc('other')
      .update({ data: { v: 4 } }),
  );
  await settle();
  const read = watch<Row[]>(list(db.collection('notes').where({ v: 2 })));
  await settle();
  assert.equal(read.done, false);
  gate.calls[2].release();
  await settle();
  assert.equal(update.done && read.done, true);
  assert.deepEqual(read.value, []);
});

test('inside a transaction reads and writes wait for nothing; the commit is answered after its fsync', async () => {
  const gate = gatedSync();
  h = freshCloud({ file: tempFile(), syncWal: gate.sync });
  const db = h.db;
  const steps: string[] = [];
  const txn = watch(
    db.runTransaction(async (t: { collection(n: string): ReturnType<typeof db.collection> }) => {
      await t.collection('notes').add({ data: { _id: 'x', v: 1 } });
      steps.push('wrote');
      steps.push(`read ${(await fetch(t.collection('notes').doc('x'))).v}`);
      return 'done';
    }),
  );
  await settle();
  assert.deepEqual(steps, ['wrote', 'read 1']);
  assert.equal(gate.calls.length, 1, 'one fsync, for the commit');
  assert.equal(txn.done, false);
  gate.calls[0].release();
  await settle();
  assert.equal(txn.value, 'done');
});

test('a failed fsync fails the waiting write and stops the store: nothing is answered as if it were safe', async () => {
  const gate = gatedSync();
  h = freshCloud({ file: tempFile(), syncWal: gate.sync });
  const db = h.db;
  const write = rejection(db.collection('notes').add({ data: { v: 1 } }) as Promise<unknown>);
  await settle();
  gate.calls[0].fail(new Error('EIO: i/o error'));
  const err = await write;
  assert.match(err.message, /writing to disk failed \(EIO: i\/o error\)/);
  const later = await rejection(list(db.collection('notes')));
  assert.match(later.message, /writing to disk failed/);
  assert.equal(gate.calls.length, 1, 'no fsync is retried after a failure');
});

test('closing the store releases answers waiting for their fsync (the closing checkpoint syncs)', async () => {
  const file = tempFile();
  const gate = gatedSync();
  h = freshCloud({ file, syncWal: gate.sync });
  const write = watch(h.db.collection('notes').add({ data: { _id: 'k', v: 2 } }));
  await settle();
  assert.equal(write.done, false);
  h.close();
  h = null;
  await settle();
  assert.equal(write.done, true);
  assert.equal(write.error, undefined);
  h = freshCloud({ file });
  assert.equal((await fetch(h.db.collection('notes').doc('k'))).v, 2);
});

test('inside answerWhenDurable calls do not wait one by one; the answer waits once, for all of them', async () => {
  const gate = gatedSync();
  h = freshCloud({ file: tempFile(), syncWal: gate.sync });
  const db = h.db;
  const steps: string[] = [];
  const answer = watch(
    answerWhenDurable(async () => {
      await db.collection('notes').add({ data: { _id: 'a', v: 1 } });
      steps.push('added');
      steps.push(`read ${(await fetch(db.collection('notes').doc('a'))).v}`);
      return 'answer';
    }),
  );
  await settle();
  assert.deepEqual(steps, ['added', 'read 1'], 'the handler ran on without waiting for the disk');
  assert.equal(gate.calls.length, 1, 'one fsync for the whole answer');
  assert.equal(answer.done, false, 'the answer is held until it is on disk');
  gate.calls[0].release();
  await settle();
  assert.equal(answer.value, 'answer');

  // A request that only reads durable data is answered without any fsync.
  assert.equal(await answerWhenDurable(async () => (await fetch(db.collection('notes').doc('a'))).v), 1);
  assert.equal(gate.calls.length, 1);
});

test('answerWhenDurable rejects when the fsync fails, so the computed answer is never sent', async () => {
  const gate = gatedSync();
  h = freshCloud({ file: tempFile(), syncWal: gate.sync });
  const db = h.db;
  const answer = rejection(
    answerWhenDurable(async () => {
      await db.collection('notes').add({ data: { v: 1 } });
      return 'saved';
    }),
  );
  await settle();
  gate.calls[0].fail(new Error('ENOSPC: no space left on device'));
  assert.match((await answer).message, /writing to disk failed \(ENOSPC/);
});

test('background work (runAsBackground) lets the event loop take a turn before each call outside a transaction', async () => {
  h = freshCloud();
  const db = h.db;
  await db.collection('notes').add({ data: { _id: 'a', v: 1 } });
  /** Reads three times in a row and counts how many event-loop turns passed meanwhile. */
  const turnsDuring = async (reads: () => Promise<void>) => {
    let turns = 0;
    let running = true;
    const tick = () => {
      if (!running) return;
      turns += 1;
      setImmediate(tick);
    };
    setImmediate(tick);
    await reads();
    running = false;
    return turns;
  };
  const threeReads = async () => {
    for (let i = 0; i < 3; i++) await fetch(db.collection('notes').doc('a'));
  };
  assert.equal(await turnsDuring(threeReads), 0, 'a request runs its calls back to back');
  assert.ok((await turnsDuring(() => runAsBackground(threeReads))) >= 3, 'a sweep yields before each call');
  // Inside a transaction it never yields: it holds the mutex every request's writes need.
  let turnsInTxn = -1;
  await runAsBackground(() =>
    db.runTransaction(async (t: { collection(n: string): ReturnType<typeof db.collection> }) => {
      turnsInTxn = await turnsDuring(async () => {
        for (let i = 0; i < 3; i++) await fetch(t.collection('notes').doc('a'));
      });
    }),
  );
  assert.equal(turnsInTxn, 0);
});
