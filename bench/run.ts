// `npm run bench` (npx tsx bench/run.ts): the one entry point for every benchmark.
//   1. seeds (or reuses) the synthetic county at scale (bench/seed-county.ts)
//   2. measures the key reads and writes through the real handler path beside raw indexed SQL
//      (bench/lib/scale-bench.ts)
//   3. runs every other bench/*.ts that exports `run(): Promise<BenchResult[]>` (features add theirs)
//   4. writes bench/results/latest.json and bench/results/latest.md, with the machine described
//      (`npx tsx bench/run.ts --render` writes latest.md again from latest.json)
// BENCH_SCALE=0.01 for a quick small run (results then go to bench/results/latest-small.*).
// The load test is separate: `npx tsx bench/load.ts`.
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureScaledCounty } from './seed-county';
import { runScaleBench } from './lib/scale-bench';
import { describeMachine } from './lib/machine';
import type { BenchResult } from './lib/types';
import { markdown, renderLatest, withoutCallers, type RunRecord, type Section } from './lib/report';

const OWN = new Set(['run.ts', 'seed-county.ts', 'load.ts']);

async function featureBenches(): Promise<Section[]> {
  const out: Section[] = [];
  for (const f of readdirSync('bench')
    .filter((f) => f.endsWith('.ts') && !OWN.has(f))
    .sort()) {
    const started = Date.now();
    try {
      const mod = (await import(resolve('bench', f))) as { run?: () => Promise<BenchResult[]> };
      if (typeof mod.run !== 'function') continue;
      console.log(`▶ bench/${f}`);
      out.push({ source: `bench/${f}`, results: await mod.run(), seconds: (Date.now() - started) / 1000 });
    } catch (e) {
      out.push({
        source: `bench/${f}`,
        results: [],
        error: (e as Error).stack ?? String(e),
        seconds: (Date.now() - started) / 1000,
      });
    }
  }
  return out;
}

async function main(): Promise<void> {
  const started = Date.now();
  const seed = await ensureScaledCounty();
  console.log(`synthetic county: ${seed.file}${seed.cached ? ' (cached)' : ''}`);
  const scale = await runScaleBench(seed.file, seed.manifest, Number(process.env.BENCH_ITERATIONS ?? 300));
  const sections: Section[] = [
    { source: 'bench/lib/scale-bench.ts (key reads and writes at scale)', results: scale.results, seconds: 0 },
    ...(await featureBenches()),
  ];
  const Database = (await import('better-sqlite3')).default;
  const mem = new Database(':memory:');
  const machine = describeMachine((mem.prepare('select sqlite_version() v').get() as { v: string }).v);
  mem.close();
  const suffix = seed.manifest.factor === 1 ? '' : '-small';
  mkdirSync('bench/results', { recursive: true });
  const json: RunRecord = {
    measuredAt: new Date().toISOString(),
    machine,
    seed: { file: seed.file, cached: seed.cached, ...withoutCallers(seed.manifest) },
    sections,
    plans: scale.plans,
    refusals: scale.refusals,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(join('bench/results', `latest${suffix}.json`), `${JSON.stringify(json, null, 2)}\n`);
  const md = markdown(json);
  writeFileSync(join('bench/results', `latest${suffix}.md`), md);
  console.log(md);
  const failed = sections.filter((s) => s.error).map((s) => s.source);
  if (failed.length || Object.keys(scale.refusals).length) {
    console.error(`benchmarks with errors or refusals: ${[...failed, ...Object.keys(scale.refusals)].join(', ')}`);
    process.exit(1);
  }
}

(process.argv.includes('--render') ? Promise.resolve(renderLatest()) : main()).catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
