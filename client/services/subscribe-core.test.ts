import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSubscriber } from './subscribe-core';

test('after the prefetch a tap asks for exactly the server’s templates', async () => {
  const asked: string[][] = [];
  const s = createSubscriber({ fetchIds: async () => ['T-1', 'T-2'], request: async (ids) => asked.push(ids) });
  s.ask(); // before the ids arrive: nothing to show, and the tap is not held up
  assert.deepEqual(asked, []);
  await s.prefetch();
  s.ask();
  assert.deepEqual(asked, [['T-1', 'T-2']]);
});

test('no templates configured, or the server unreachable: no sheet, and a later prefetch retries', async () => {
  let calls = 0;
  const asked: string[][] = [];
  let answer: () => Promise<string[] | null> = async () => {
    throw new Error('offline');
  };
  const s = createSubscriber({
    fetchIds: () => {
      calls += 1;
      return answer();
    },
    request: async (ids) => asked.push(ids),
  });
  await s.prefetch();
  s.ask();
  assert.deepEqual(asked, []);
  answer = async () => [];
  await s.prefetch();
  s.ask();
  assert.deepEqual(asked, []);
  assert.ok(calls >= 2, 'a failed prefetch is retried');
});

test('a refusal or an error from WeChat does not escape the tap', async () => {
  const s = createSubscriber({
    fetchIds: async () => ['T-1'],
    request: async () => {
      throw new Error('20004 用户关闭了主开关');
    },
  });
  await s.prefetch();
  assert.doesNotThrow(() => s.ask());
});
