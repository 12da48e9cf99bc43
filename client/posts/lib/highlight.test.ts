import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markRuns } from './highlight';

const hit = (
  start: number,
  end: number,
  severity: 'blocking' | 'warning' | 'info',
  overridable = false,
  key = `${start}`,
) => ({
  start,
  end,
  severity,
  overridable,
  key,
});

test('the marked characters are exactly the span, the rest is plain', () => {
  const text = '身份证号64032319900101123X请领取';
  const runs = markRuns(text, [hit(4, 22, 'blocking', true)]);
  assert.deepEqual(
    runs.map((r) => [r.text, r.mark]),
    [
      ['身份证号', null],
      ['64032319900101123X', 'overridable'],
      ['请领取', null],
    ],
  );
  assert.equal(runs.map((r) => r.text).join(''), text);
});

test('overlaps: the more serious mark wins; info hits and empty spans mark nothing', () => {
  const runs = markRuns('abcdef', [
    hit(0, 4, 'warning'),
    hit(2, 6, 'blocking'),
    hit(0, 0, 'blocking'),
    hit(1, 2, 'info'),
  ]);
  assert.deepEqual(
    runs.map((r) => [r.text, r.mark]),
    [
      ['ab', 'warning'],
      ['cdef', 'blocking'],
    ],
  );
  assert.deepEqual(markRuns('', []), []);
  assert.deepEqual(markRuns('abc', []), [{ text: 'abc', mark: null, hitKey: null }]);
});

test('spans beyond the text (a stale report) are clipped, never thrown on', () => {
  assert.deepEqual(
    markRuns('abc', [hit(2, 10, 'warning')]).map((r) => r.text),
    ['ab', 'c'],
  );
});
