// Runs the end-to-end flows (test/e2e/*.e2e.ts) with Node's test runner, one file at a time:
// each file starts its own local host (child process) and a headless Chromium phone.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);
const files = readdirSync('test/e2e')
  .filter((f) => f.endsWith('.e2e.ts'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .map((f) => join('test/e2e', f));
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files],
  {
    stdio: 'inherit',
    env: { ...process.env, TZ: 'UTC' },
  },
);
process.exit(r.status ?? 1);
