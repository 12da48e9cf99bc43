// `npm test`: every suite, in order, each counted; ends with the line `N passed, N failed`.
//   static checks  – type-check, ESLint, Prettier (one check each)
//   unit + integration – every *.test.ts beside the code and in test/integration (node:test)
//   builds         – cloud functions (esbuild), H5 and weapp (Taro), weapp offline check
//                    (miniprogram-ci compile, package sizes against the budget)
//   end to end     – test/e2e/*.e2e.ts in headless Chromium against the H5 build on the local host
// Set TEST_ONLY=static,unit,build,e2e to run a subset.
import { spawn } from 'node:child_process';
import { ensureBrowser } from '../test/e2e/browser-setup';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];
const only = process.env.TEST_ONLY?.split(',');
const want = (stage: string) => !only || only.includes(stage);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      process.stdout.write(chunk);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

async function check(name: string, cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<boolean> {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const { code } = await run(cmd, args, env);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (code === 0) {
    total.passed += 1;
    console.log(`✔ ${name}（${secs} s）`);
    return true;
  }
  total.failed += 1;
  failures.push(name);
  console.log(`✘ ${name}（退出码 ${code}，${secs} s）`);
  return false;
}

/** Runs a node:test suite and adds its own pass/fail/skip counts. */
async function suite(name: string, cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<void> {
  console.log(`\n▶ ${name}`);
  const { code, out } = await run(cmd, args, env);
  const count = (label: string) => {
    const m = [...out.matchAll(new RegExp(`^[ℹ#] ${label} (\\d+)$`, 'gm'))].pop();
    return m ? Number(m[1]) : 0;
  };
  const pass = count('pass');
  const fail = count('fail') + count('cancelled');
  const skipped = count('skipped') + count('todo');
  total.passed += pass;
  total.failed += fail;
  total.skipped += skipped;
  if (fail > 0 || code !== 0) failures.push(name);
  if (code !== 0 && fail === 0) {
    // the runner itself failed (e.g. a file did not load): count it so it cannot pass silently
    total.failed += 1;
  }
  console.log(`${code === 0 && fail === 0 ? '✔' : '✘'} ${name}：${pass} 通过，${fail} 失败`);
}

async function main(): Promise<void> {
  const npx = 'npx';
  // System packages first: Chromium and the CJK font for end-to-end tests, poppler-utils for
  // the document tests in the unit stage (installed with apt-get when running as root).
  const system = await ensureBrowser();
  if (!system.ok) console.log(`⚠ ${system.message}`);
  if (want('static')) {
    await check('类型检查 (tsc)', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit']);
    await check('代码规范 (ESLint)', 'npm', ['run', '--silent', 'lint']);
    await check('格式检查 (Prettier)', npx, ['prettier', '--check', '--log-level', 'warn', '.']);
  }
  if (want('unit')) {
    await suite('单元与集成测试 (node:test)', npx, ['tsx', 'scripts/run-node-tests.ts']);
  }
  let h5Built = false;
  if (want('build') || want('e2e')) {
    await check('打包云函数 (esbuild)', npx, ['tsx', 'scripts/build-functions.ts']);
    h5Built = await check('构建 H5 (Taro)', npx, ['taro', 'build', '--type', 'h5'], { NODE_ENV: 'production' });
  }
  if (want('build')) {
    const weapp = await check('构建小程序 (Taro weapp)', npx, ['taro', 'build', '--type', 'weapp'], {
      NODE_ENV: 'production',
    });
    // miniprogram-ci offline compile + package sizes (main ≤ 1.5 MB, subpackages ≤ 2 MB) and the
    // H5 citizen home page's first contentful paint with the CPU slowed 4×.
    if (weapp && h5Built) await check('小程序离线编译、包体积与首屏预算 (budgets)', npx, ['tsx', 'scripts/budgets.ts']);
  }
  if (want('e2e')) {
    if (!system.ok) {
      total.failed += 1;
      failures.push('端到端测试：缺少浏览器');
      console.log(`✘ 端到端测试无法运行：${system.message}`);
    } else if (!h5Built) {
      total.failed += 1;
      failures.push('端到端测试：H5 未构建');
    } else {
      await suite('端到端测试 (Chromium + H5)', npx, ['tsx', 'test/e2e/run.ts']);
    }
  }
  console.log('');
  if (failures.length) console.log(`未通过：${failures.join('；')}`);
  const skipped = total.skipped ? `, ${total.skipped} skipped` : '';
  console.log(`${total.passed} passed, ${total.failed} failed${skipped}`);
  process.exit(total.failed ? 1 : 0);
}

void main();
