import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applySide, collapseEqual, diffStats, diffText } from './diff';

test('a one-character fix in a long paragraph shows as that character', () => {
  const before = '第一段没有变化。\n获奖学生身份证号64032319900101123X，请于周五前领取。\n第三段也没有变化。\n';
  const after = '第一段没有变化。\n获奖学生请于周五前领取。\n第三段也没有变化。\n';
  const segs = diffText(before, after);
  assert.deepEqual(
    segs.filter((s) => s.op !== 'equal'),
    [{ op: 'delete', text: '身份证号64032319900101123X，' }],
  );
  assert.deepEqual(diffStats(segs), { inserted: 0, deleted: '身份证号64032319900101123X，'.length });
});

test('added and removed lines, and identical or empty texts', () => {
  assert.deepEqual(diffText('甲\n乙\n', '甲\n丙\n乙\n'), [
    { op: 'equal', text: '甲\n' },
    { op: 'insert', text: '丙\n' },
    { op: 'equal', text: '乙\n' },
  ]);
  assert.deepEqual(diffText('同样', '同样'), [{ op: 'equal', text: '同样' }]);
  assert.deepEqual(diffText('', ''), []);
  assert.deepEqual(diffText('', '新'), [{ op: 'insert', text: '新' }]);
  assert.deepEqual(diffText('旧', ''), [{ op: 'delete', text: '旧' }]);
});

test('both sides can always be rebuilt from the diff (property)', () => {
  const text = fc.array(fc.constantFrom('a', 'b', '甲', '乙', '\n', '。'), { maxLength: 80 }).map((a) => a.join(''));
  fc.assert(
    fc.property(text, text, (a, b) => {
      const segs = diffText(a, b);
      assert.equal(applySide(segs, 'before'), a);
      assert.equal(applySide(segs, 'after'), b);
      for (let i = 1; i < segs.length; i++) assert.notEqual(segs[i].op, segs[i - 1].op, 'adjacent segments merged');
    }),
    { numRuns: 400 },
  );
});

test('long unchanged stretches are shortened around the change', () => {
  const long = '不变'.repeat(200);
  const segs = collapseEqual(diffText(`${long}旧${long}`, `${long}新${long}`), 10);
  assert.ok(segs[0].text.length < 30);
  assert.ok(segs.some((s) => s.op === 'insert' && s.text === '新'));
});

test('a 20,000-character rewrite stays fast', () => {
  const a = '甲乙丙丁。\n'.repeat(3000);
  const b = '甲乙丙戊。\n'.repeat(3000);
  const started = performance.now();
  const segs = diffText(a, b);
  assert.equal(applySide(segs, 'after'), b);
  assert.ok(performance.now() - started < 3000);
});
