import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emergencyCountdowns, formatDuration } from './emergency';

const H = 3600 * 1000;
const t0 = Date.UTC(2026, 10, 27, 1, 0);

test('three countdowns from the time the event happened: 5 h, 24 h, 48 h', () => {
  const [first, press, response] = emergencyCountdowns(t0, t0 + 1 * H + 55 * 60000);
  assert.equal(first.dueAt, t0 + 5 * H);
  assert.equal(first.text, '还剩 3 小时 05 分');
  assert.equal(first.overdue, false);
  assert.equal(press.dueAt, t0 + 24 * H);
  assert.equal(response.dueAt, t0 + 48 * H);
  assert.match(press.basis, /24 小时/);
});

test('past the deadline the countdown says by how much', () => {
  const [first, press] = emergencyCountdowns(t0, t0 + 6 * H + 20 * 60000);
  assert.equal(first.overdue, true);
  assert.equal(first.text, '已超时 1 小时 20 分');
  assert.equal(press.overdue, false);
});

test('publishing stops the first-release clock, on time or late', () => {
  const [onTime] = emergencyCountdowns(t0, t0 + 30 * H, t0 + 4 * H);
  assert.equal(onTime.met, true);
  assert.equal(onTime.overdue, false);
  assert.equal(onTime.text, '已在时限内发布');
  const [late, press] = emergencyCountdowns(t0, t0 + 30 * H, t0 + 5 * H + 10 * 60000);
  assert.equal(late.overdue, true);
  assert.equal(late.text, '发布晚于时限 10 分钟');
  assert.equal(press.met, false, 'the press conference is not the post');
  assert.equal(press.overdue, true);
  assert.equal(formatDuration(59 * 60000), '59 分钟');
});
