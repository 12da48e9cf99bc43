import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openLocalStore } from './index';
import type { SqliteStore } from './store';
import { fetch, freshCloud, list, seed, total, withStore, type Harness } from './testing/harness';

// Conformance: durability (WAL; FULL by group commit, see group-commit.test.ts) and online backup.

const dirs: string[] = [];
let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'local-cloud-'));
  dirs.push(d);
  return d;
};

/** Runs the writer child until it has acknowledged `enough` writes, then SIGKILLs it. */
function writeThenKill(file: string, enough: number): Promise<string[]> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./testing/durability-child.ts', import.meta.url)), file],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const acks: string[] = [];
  let buffer = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ACK ')) acks.push(line.slice(4));
      if (acks.length >= enough && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(acks) : reject(new Error(`child exited early: ${code}`)),
    );
    child.on('error', reject);
  });
}

test('an acknowledged write survives kill -9 (documents and committed transactions)', async () => {
  const file = join(tempDir(), 'durable.db');
  const acks = await writeThenKill(file, 40);
  const docs = acks.filter((a) => a.startsWith('doc ')).map((a) => a.slice(4));
  const txs = acks.filter((a) => a.startsWith('tx ')).map((a) => Number(a.slice(3)));
  assert.ok(docs.length >= 20 && txs.length >= 19);

  h = withStore(openLocalStore({ file }));
  for (const id of docs) assert.equal((await fetch(h.db.collection('notes').doc(id))).i, Number(id.slice(1)));
  for (const i of txs) {
    assert.equal((await fetch(h.db.collection('notes').doc(`n${i}`))).inTx, true);
    assert.equal((await fetch(h.db.collection('audit').doc(`a${i}`))).note, `n${i}`);
  }
  // Whatever was in flight at the kill is all-or-nothing: no audit entry without its note flag.
  const audits = await total(h.db.collection('audit'));
  assert.equal(await total(h.db.collection('notes').where({ inTx: true })), audits);
});

test('backup() makes a consistent copy while the store stays open', async () => {
  const dir = tempDir();
  h = freshCloud({ file: join(dir, 'live.db') });
  await seed(
    h.db,
    'notes',
    Array.from({ length: 500 }, (_, i) => ({ i })),
  );
  await h.store.backup(join(dir, 'copy.db'));
  await seed(h.db, 'notes', [{ i: 'after backup' }]);
  h.close();
  h = withStore(openLocalStore({ file: join(dir, 'copy.db') }));
  assert.equal(await total(h.db.collection('notes')), 500);
  assert.equal((await list(h.db.collection('notes').where({ i: 499 }))).length, 1);
});

test('synchronous NORMAL is accepted and the store reopens with its data', async () => {
  const file = join(tempDir(), 'normal.db');
  h = freshCloud({ file, synchronous: 'NORMAL' });
  assert.equal(h.store.sqlite.pragma('synchronous', { simple: true }), 1);
  assert.equal((h.store as SqliteStore).group, null, 'NORMAL answers without waiting for the disk');
  assert.equal(h.store.sqlite.pragma('journal_mode', { simple: true }), 'wal');
  await seed(h.db, 'notes', [{ _id: 'k', v: 1 }]);
  h.close();
  h = freshCloud({ file });
  // FULL by default, by group commit: SQLite at NORMAL, the WAL synced before each answer.
  assert.equal(h.store.sqlite.pragma('synchronous', { simple: true }), 1);
  assert.ok((h.store as SqliteStore).group);
  assert.equal((await fetch(h.db.collection('notes').doc('k'))).v, 1);
});
