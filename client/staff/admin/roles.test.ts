import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invitableRoles } from './roles';

test('a unit admin invites publishers, reviewers and leaders; the information center more', () => {
  assert.deepEqual(invitableRoles(false), ['publisher', 'reviewer', 'leader']);
  assert.deepEqual(invitableRoles(true), ['publisher', 'reviewer', 'leader', 'unitAdmin']);
  assert.ok(invitableRoles(true, 'infoCenter').includes('infoCenter'));
  assert.ok(invitableRoles(true, 'supervision').includes('supervisor'));
  assert.ok(!invitableRoles(true, 'supervision').includes('infoCenter'));
});
