import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Admission } from './admission';

// Fair admission: one request per loop turn, first come first served, and a bound on waiting.

const nextTurn = () => new Promise<void>((r) => setImmediate(r));

test('requests run one per loop turn, in arrival order', async () => {
  const admission = new Admission();
  const log: string[] = [];
  const requests = ['a', 'b', 'c'].map((name) =>
    admission.turn()!.then(() => {
      log.push(name);
    }),
  );
  assert.equal(admission.waiting, 3);
  assert.deepEqual(log, [], 'nobody runs in the turn that queued them');
  // A turn of something else (here: this test's own setImmediate) gets in between each of them.
  const seen: string[][] = [];
  for (let i = 0; i < 4; i++) {
    await nextTurn();
    seen.push([...log]);
  }
  await Promise.all(requests);
  assert.deepEqual(log, ['a', 'b', 'c']);
  assert.ok(
    seen.some((s) => s.length === 1) && seen.some((s) => s.length === 2),
    `one per turn: ${JSON.stringify(seen)}`,
  );
  assert.equal(admission.waiting, 0);
});

test('a request queued while others wait goes after them, never before', async () => {
  const admission = new Admission();
  const log: number[] = [];
  const first = [1, 2].map((n) => admission.turn()!.then(() => log.push(n)));
  await nextTurn();
  const late = admission.turn()!.then(() => log.push(3));
  await Promise.all([...first, late]);
  assert.deepEqual(log, [1, 2, 3]);
});

test('beyond the bound a request is refused at once instead of waiting', async () => {
  const admission = new Admission(2);
  const a = admission.turn();
  const b = admission.turn();
  assert.ok(a && b);
  assert.equal(admission.turn(), null);
  await Promise.all([a, b]);
  assert.ok(admission.turn(), 'room again once the queue has drained');
});
