import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AhoCorasick, type AcMatch } from './aho-corasick';

function naive(patterns: string[], text: string): AcMatch[] {
  const out: AcMatch[] = [];
  patterns.forEach((p, pattern) => {
    if (!p) return;
    for (let i = text.indexOf(p); i !== -1; i = text.indexOf(p, i + 1))
      out.push({ pattern, start: i, end: i + p.length });
  });
  return out;
}

const key = (m: AcMatch) => `${m.pattern}:${m.start}:${m.end}`;
const sorted = (ms: AcMatch[]) => ms.map(key).sort();

test('finds every occurrence, overlapping and nested, with exact offsets', () => {
  const ac = new AhoCorasick(['he', 'she', 'his', 'hers']);
  assert.deepEqual(
    sorted(ac.findAll('ushers')),
    sorted([
      { pattern: 1, start: 1, end: 4 },
      { pattern: 0, start: 2, end: 4 },
      { pattern: 3, start: 2, end: 6 },
    ]),
  );
  const cn = new AhoCorasick(['机密', '密级', '内部资料']);
  assert.deepEqual(cn.findAll('本文机密级内部资料'), [
    { pattern: 0, start: 2, end: 4 },
    { pattern: 1, start: 3, end: 5 },
    { pattern: 2, start: 5, end: 9 },
  ]);
});

test('no match, empty text, empty patterns and duplicate patterns', () => {
  const ac = new AhoCorasick(['', 'abc', 'abc']);
  assert.deepEqual(ac.findAll(''), []);
  assert.deepEqual(ac.findAll('ab ab bc'), []);
  assert.deepEqual(
    sorted(ac.findAll('xabc')),
    sorted([
      { pattern: 1, start: 1, end: 4 },
      { pattern: 2, start: 1, end: 4 },
    ]),
  );
});

test('agrees with repeated indexOf on random texts and pattern sets', () => {
  const alphabet = fc.constantFrom('a', 'b', 'c', '机', '密', '★');
  const word = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
  fc.assert(
    fc.property(
      fc.array(word, { minLength: 1, maxLength: 30 }),
      fc.array(alphabet, { maxLength: 200 }),
      (patterns, chars) => {
        const text = chars.join('');
        assert.deepEqual(sorted(new AhoCorasick(patterns).findAll(text)), sorted(naive(patterns, text)));
      },
    ),
    { numRuns: 300 },
  );
});

test('surrogate pairs are matched as the units they are', () => {
  const ac = new AhoCorasick(['𠮷野']);
  assert.deepEqual(ac.findAll('我𠮷野家'), [{ pattern: 0, start: 1, end: 4 }]);
});
