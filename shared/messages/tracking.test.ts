import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTrackingNo, TRACKING_NO_PATTERN } from './tracking';

test('tracking number uses the China date, not the server date', () => {
  // 2026-11-27 17:30 UTC is already 2026-11-28 01:30 in the county.
  const at = Date.UTC(2026, 10, 27, 17, 30);
  assert.equal(formatTrackingNo(at, 1), 'YC-20261128-0001');
  assert.match(formatTrackingNo(at, 12345), TRACKING_NO_PATTERN);
});
