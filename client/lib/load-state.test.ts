import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERROR_CODES } from '@shared/core/envelope';
import { failed, retryMayHelp } from './load-state';

const FINAL = ['Forbidden', 'NotFound', 'InvalidParameter', 'InvalidTransition', 'ContentRisk'] as const;
const PASSING = ['Internal', 'RateLimited', 'DeviceNotTrusted', 'Unauthenticated', 'Conflict'] as const;

test('a refusal that asking again cannot change offers no retry', () => {
  for (const code of FINAL) assert.equal(retryMayHelp(code), false, code);
});

test('a failure that may pass offers a retry: network, rate limit, device awaiting approval, session, conflict', () => {
  for (const code of PASSING) assert.equal(retryMayHelp(code), true, code);
  assert.equal(retryMayHelp(undefined), true);
  assert.equal(retryMayHelp(null), true);
});

test('every error code the server can send is decided one way or the other', () => {
  // A new code must be placed on purpose: this lists the ten known and fails when one is added.
  assert.deepEqual([...ERROR_CODES].sort(), [
    'Conflict',
    'ContentRisk',
    'DeviceNotTrusted',
    'Forbidden',
    'Internal',
    'InvalidParameter',
    'InvalidTransition',
    'NotFound',
    'RateLimited',
    'Unauthenticated',
  ]);
  // …and each of them is in exactly one of the two lists above, so its answer was chosen.
  for (const code of ERROR_CODES)
    assert.equal(
      Number((FINAL as readonly string[]).includes(code)) + Number((PASSING as readonly string[]).includes(code)),
      1,
      code,
    );
});

test('the failed state keeps the server’s words and code', () => {
  assert.deepEqual(failed({ message: '无权查看该留言', code: 'Forbidden' }), {
    status: 'error',
    message: '无权查看该留言',
    code: 'Forbidden',
  });
});
