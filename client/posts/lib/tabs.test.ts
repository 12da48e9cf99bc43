import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialTab, tabsFor } from './tabs';

test('each role gets its lists; a leader lands on approvals, a publisher on drafts', () => {
  assert.deepEqual(tabsFor(['leader']), ['approve']);
  assert.deepEqual(tabsFor(['reviewer']), ['review']);
  assert.deepEqual(tabsFor(['publisher']), ['mine', 'publish']);
  assert.deepEqual(tabsFor(['publisher', 'reviewer']), ['mine', 'review', 'publish']);
  assert.deepEqual(tabsFor(['leader', 'unitAdmin']), ['approve']);
  assert.deepEqual(tabsFor(['unitAdmin']), []);
  assert.equal(initialTab(['approve'], undefined), 'approve');
  assert.equal(initialTab(['mine', 'publish'], 'publish'), 'publish');
  assert.equal(initialTab(['mine'], 'approve'), 'mine', 'a tab the person does not have is ignored');
  assert.equal(initialTab([], undefined), null);
});
