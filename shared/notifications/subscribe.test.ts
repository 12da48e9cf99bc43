import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSubscribeTemplates, templatesFor } from './subscribe';

test('citizens are asked for the templates of their notices, staff for the rest, "*" for both', () => {
  const t = parseSubscribeTemplates(
    JSON.stringify({
      'message.answered': 'T-ANSWER',
      'message.accepted': 'T-ACCEPT',
      'post.approvalNeeded': 'T-TODO',
      '*': 'T-ANY',
    }),
  );
  assert.deepEqual(templatesFor('citizen', t), ['T-ANSWER', 'T-ACCEPT', 'T-ANY']);
  assert.deepEqual(templatesFor('staff', t), ['T-TODO', 'T-ANY']);
});

test('one template shared by several kinds is asked for once; never more than 3 at a time', () => {
  const t = {
    'post.returned': 'T-1',
    'post.approved': 'T-1',
    'account.approved': 'T-2',
    'message.new': 'T-3',
    'message.urged': 'T-4',
  };
  assert.deepEqual(templatesFor('staff', t), ['T-1', 'T-2', 'T-3']);
  assert.deepEqual(templatesFor('citizen', t), []);
});

test('a malformed setting means none configured, not a crash', () => {
  assert.deepEqual(parseSubscribeTemplates('not json'), {});
  assert.deepEqual(parseSubscribeTemplates('["T-1"]'), {});
  assert.deepEqual(parseSubscribeTemplates(JSON.stringify({ a: 1, b: '', c: 'T-OK' })), { c: 'T-OK' });
  assert.deepEqual(parseSubscribeTemplates(undefined), {});
});
