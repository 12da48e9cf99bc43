// `npx tsx scripts/budgets.ts` — the size and speed budgets of issue 8, checked on every change:
//   - weapp main package ≤ 1.5 MB, every subpackage ≤ 2 MB (miniprogram-ci's measurement, via
//     scripts/check-weapp.ts; an oversize package fails this command)
//   - first contentful paint of the H5 citizen home page in Chromium with the CPU slowed 4×
//     (reported; fails only above FCP_BUDGET_MS, default 4000 ms, a gross regression)
// Builds dist/weapp and dist/h5 first when they are missing. Writes bench/results/budgets.json.
// The pagination budget (no list returns more than 100 rows) is test/budgets/lists.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { describeSizes, packageBudgetProblems, parseCheckWeappOutput } from '../test/budgets/lib/package-budget';
import { measureFcp } from '../test/budgets/lib/fcp';
import { startHostProcess, removeDir } from '../test/support/host-process';

const FCP_BUDGET_MS = Number(process.env.FCP_BUDGET_MS ?? 4000);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): { code: number; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? 1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function ensureBuild(type: 'weapp' | 'h5', marker: string): void {
  if (existsSync(marker)) return;
  console.log(`构建 ${type}（${marker} 不存在）…`);
  const r = run('npx', ['taro', 'build', '--type', type], { NODE_ENV: 'production' });
  if (r.code !== 0) throw new Error(`taro build --type ${type} 失败：\n${r.out.slice(-3000)}`);
}

async function main(): Promise<number> {
  const problems: string[] = [];

  ensureBuild('weapp', 'dist/weapp/app.json');
  const check = run('npx', ['tsx', 'scripts/check-weapp.ts']);
  const sizes = parseCheckWeappOutput(check.out);
  console.log('小程序包体积：');
  for (const line of describeSizes(sizes)) console.log(`  ${line}`);
  problems.push(...packageBudgetProblems(sizes));
  if (check.code !== 0 && !problems.length) problems.push(`check-weapp failed:\n${check.out.slice(-2000)}`);

  ensureBuild('h5', 'dist/h5/index.html');
  const dataDir = `.tmp/budgets-host-${process.pid}`;
  mkdirSync(dataDir, { recursive: true });
  const host = await startHostProcess({ dataDir });
  let fcp;
  try {
    fcp = await measureFcp(host.url, '/pages/home/index', 5, 4);
  } finally {
    await host.stop();
    removeDir(dataDir);
  }
  console.log(
    `H5 群众首页首次内容绘制（CPU 降速 ${fcp.cpuSlowdown}×，冷启动 ${fcp.runs.length} 次）：中位数 ${fcp.median} ms ` +
      `（各次 ${fcp.runs.join(' / ')} ms；预算 ${FCP_BUDGET_MS} ms）`,
  );
  if (fcp.median > FCP_BUDGET_MS)
    problems.push(`H5 home first contentful paint ${fcp.median} ms > ${FCP_BUDGET_MS} ms`);

  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/budgets.json',
    `${JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        machine: {
          cpus: cpus().length,
          cpuModel: cpus()[0]?.model,
          memoryGB: Math.round(totalmem() / 2 ** 30),
          node: process.version,
        },
        weapp: sizes,
        h5HomeFcp: fcp,
        problems,
      },
      null,
      2,
    )}\n`,
  );
  if (problems.length) {
    console.log(`预算未通过：\n  ${problems.join('\n  ')}`);
    return 1;
  }
  console.log('预算全部通过');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`budgets failed: ${e.stack ?? e.message}`);
    process.exit(1);
  },
);
