import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAbuse, normalizeForDuplicate, type RecentSubmission } from './abuse';

const T0 = Date.UTC(2026, 10, 27, 1); // 09:00 China
const MIN = 60_000;
const sub = (at: number, h: string, no = 'YC-20261127-0001'): RecentSubmission => ({ at, h, trackingNo: no });

test('five an hour: the sixth is refused and told when to try again', () => {
  const recent = [0, 5, 10, 15, 20].map((m, i) => sub(T0 + m * MIN, `h${i}`));
  const r = checkAbuse(recent, T0 + 30 * MIN, 'new');
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.message, '1 小时内最多提交 5 条留言，请在 10:00 后再提交');
  assert.equal(!r.ok && r.retryAt, T0 + 60 * MIN);
  assert.equal(checkAbuse(recent, T0 + 60 * MIN, 'new').ok, true, 'the oldest has left the hour');
});

test('twenty a day, rolling 24 hours', () => {
  const recent = Array.from({ length: 20 }, (_, i) => sub(T0 + i * 70 * MIN, `h${i}`));
  const at = T0 + 20 * 70 * MIN;
  const r = checkAbuse(recent, at, 'new');
  assert.equal(!r.ok && r.message, '24 小时内最多提交 20 条留言，请在 11-28 09:00 后再提交');
  assert.equal(checkAbuse(recent, T0 + 24 * 60 * MIN, 'new').ok, true);
});

test('the same text twice in 24 hours is refused, naming the first tracking number', () => {
  const recent = [sub(T0, normalizeForDuplicate('路灯坏了\n村口路灯坏了一周'), 'YC-20261127-0007')];
  const again = normalizeForDuplicate('路灯坏了\n 村口路灯坏了一周。');
  const r = checkAbuse(recent, T0 + 3 * 3600_000, again);
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.message : '', /YC-20261127-0007/);
  assert.equal(checkAbuse(recent, T0 + 24 * 3600_000, again).ok, true, 'after 24 hours it may be sent again');
  assert.equal(checkAbuse(recent, T0 + 3600_000, normalizeForDuplicate('另一件事')).ok, true);
});

test('only the last 24 hours are kept', () => {
  const r = checkAbuse([sub(T0 - 25 * 3600_000, 'old'), sub(T0 - 3600_000, 'recent')], T0, 'new');
  assert.equal(r.ok && r.recent.length, 1);
});

test('spacing, punctuation and case do not make a text different', () => {
  assert.equal(normalizeForDuplicate('Hello， 世界！'), normalizeForDuplicate('hello世界'));
});
