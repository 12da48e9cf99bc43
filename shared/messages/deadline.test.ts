import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deadlineStatus, durationLabel } from './deadline';

const due = Date.UTC(2026, 11, 4, 15, 59, 59, 999); // 2026-12-04 23:59 China

test('each card says when it is due, how much time is left, or how late it is', () => {
  assert.deepEqual(deadlineStatus(null, due), { tone: 'none', text: '', due: '' });
  assert.deepEqual(deadlineStatus(due, due - 3 * 86400_000), {
    tone: 'ok',
    text: '12-04 23:59 前',
    due: '12-04 23:59',
  });
  assert.equal(deadlineStatus(due, due - 5 * 3600_000 - 1).text, '剩余 5 小时');
  assert.equal(deadlineStatus(due, due + 2 * 86400_000 + 3 * 3600_000 + 1).text, '已超期 2 天 3 小时');
  assert.equal(deadlineStatus(due, due + 1).tone, 'overdue');
  assert.equal(durationLabel(40 * 60_000), '40 分钟');
  assert.equal(durationLabel(10), '1 分钟');
  assert.equal(durationLabel(2 * 86400_000), '2 天');
});
