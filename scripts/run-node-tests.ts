// Runs every `*.test.ts` beside the code (shared/, server/, client/, scripts/) and the suites
// under test/ (integration, fuzz, crash, budgets) with Node's own test runner, through tsx.
// Prints a TAP stream; scripts/test-all.ts reads its totals.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOTS = ['shared', 'server', 'client', 'scripts', 'test/integration', 'test/fuzz', 'test/crash', 'test/budgets'];
const SKIP = new Set(['node_modules', 'dist', 'data', '.tmp']);

function collect(dir: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith('.test.ts') || name.endsWith('.test.tsx')) out.push(path);
  }
}

const filter = process.argv.slice(2);
const files: string[] = [];
for (const root of ROOTS) collect(root, files);
const selected = filter.length ? files.filter((f) => filter.some((p) => f.includes(p))) : files;
if (!selected.length) {
  console.error('没有找到测试文件 (no test files matched)');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-concurrency=2',
    ...selected.map((f) => relative(process.cwd(), f)),
  ],
  { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } },
);
process.exit(result.status ?? 1);
