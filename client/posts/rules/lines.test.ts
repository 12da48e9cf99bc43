import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wordsFromText } from './lines';

test('pasted words: lines, commas and 、 split; blanks and repeats dropped', () => {
  assert.deepEqual(wordsFromText(' 内部讨论稿\n\n代开发票，办证刻章、代开发票\n'), [
    '内部讨论稿',
    '代开发票',
    '办证刻章',
  ]);
  assert.deepEqual(wordsFromText('   '), []);
});
