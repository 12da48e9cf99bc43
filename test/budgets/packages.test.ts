import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCheckWeappOutput, packageBudgetProblems } from './lib/package-budget';

// The package-size checker that scripts/budgets.ts applies to the real weapp build: fed a fake
// report, it must fail an oversize main package or subpackage and pass one within budget.

const report = (main: number, subs: Record<string, number>) =>
  [
    'compile ok: 57 files in 2.1 s',
    `${main > 1.5 * 1024 * 1024 ? 'FAIL' : 'ok  '} main package: ${main} bytes (x KB; limit 1536.0 KB)`,
    ...Object.entries(subs).map(
      ([root, b]) => `${b > 2 * 1024 * 1024 ? 'FAIL' : 'ok  '} subpackage ${root}: ${b} bytes (x KB; limit 2048.0 KB)`,
    ),
    'largest main-package files: common.js 300.1 KB',
  ].join('\n');

test('sizes are read from the check-weapp report', () => {
  const sizes = parseCheckWeappOutput(report(812_345, { 'staff/': 301_000, 'oversight/': 55_000 }));
  assert.deepEqual(sizes, { main: 812_345, subpackages: { 'staff/': 301_000, 'oversight/': 55_000 } });
  assert.deepEqual(packageBudgetProblems(sizes), []);
});

test('an oversize main package fails the budget', () => {
  const problems = packageBudgetProblems(parseCheckWeappOutput(report(1_600_000, { 'staff/': 10 })));
  assert.equal(problems.length, 1);
  assert.match(problems[0], /main package is 1562\.5 KB, over the 1536\.0 KB budget/);
});

test('an oversize subpackage fails the budget', () => {
  const problems = packageBudgetProblems(parseCheckWeappOutput(report(1000, { 'staff/': 2 * 1024 * 1024 + 1 })));
  assert.deepEqual(problems, ['subpackage staff/ is 2048.0 KB, over the 2048.0 KB budget']);
});

test('a report without a main package size fails rather than passes', () => {
  assert.match(packageBudgetProblems(parseCheckWeappOutput('compile failed'))[0], /no main package size/);
});
