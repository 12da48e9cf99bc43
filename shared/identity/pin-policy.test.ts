import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pinProblem } from './pin-policy';

test('simple PINs are refused with a reason', () => {
  for (const pin of [
    '123456',
    '111111',
    '654321',
    '121212',
    '123123',
    '000000',
    '987654',
    '12345',
    'abcdef',
    '1234567',
  ]) {
    assert.ok(pinProblem(pin), pin);
  }
  assert.equal(pinProblem('123456'), 'PIN 不能是连续的数字');
  assert.equal(pinProblem('111111'), 'PIN 不能是 6 个相同的数字');
});

test('ordinary PINs are accepted', () => {
  for (const pin of ['246813', '380517', '902746']) assert.equal(pinProblem(pin), null, pin);
});
