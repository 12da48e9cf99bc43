import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatChinaTime } from './time';

test('formats in UTC+8 across the date line', () => {
  // 2026-11-27 16:30 UTC is 2026-11-28 00:30 in Beijing.
  assert.equal(formatChinaTime(Date.UTC(2026, 10, 27, 16, 30)), '2026-11-28 00:30');
  assert.equal(formatChinaTime(Date.UTC(2026, 0, 1, 1, 5)), '2026-01-01 09:05');
});

test('empty for missing or invalid input', () => {
  assert.equal(formatChinaTime(undefined), '');
  assert.equal(formatChinaTime(Number.NaN), '');
});
