import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { signRequest, signingText } from './signing';

test('the signature is HMAC-SHA256 over the signing text, independent of key order', () => {
  const proof = { id: 'dev1', ts: 1700000000000, nonce: 'n1' };
  const a = signRequest('secret', 'posts.approve', { b: 1, a: { d: 2, c: 3 } }, proof);
  const b = signRequest('secret', 'posts.approve', { a: { c: 3, d: 2 }, b: 1 }, proof);
  assert.equal(a, b);
  const expected = createHmac('sha256', 'secret')
    .update(signingText('posts.approve', { a: { c: 3, d: 2 }, b: 1 }, proof))
    .digest('hex');
  assert.equal(a, expected);
  assert.notEqual(a, signRequest('secret', 'posts.approve', { b: 2, a: { d: 2, c: 3 } }, proof), 'data is covered');
  assert.notEqual(a, signRequest('secret', 'posts.reject', { b: 1, a: { d: 2, c: 3 } }, proof), 'action is covered');
});
