// `npm run bench` (npx tsx bench/run.ts): the one entry point for every benchmark.
//   1. seeds (or reuses) the synthetic county at scale (bench/seed-county.ts)
//   2. measures the key reads and writes through the real handler path beside raw indexed SQL
//      (bench/lib/scale-bench.ts)
//   3. runs every other bench/*.ts that exports `run(): Promise<BenchResult[]>` (features add theirs)
//   4. writes bench/results/latest.json and bench/results/latest.md, with the machine described
// BENCH_SCALE=0.01 for a quick small run (results then go to bench/results/latest-small.*).
// The load test is separate: `npx tsx bench/load.ts`.
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureScaledCounty } from './seed-county';
import { runScaleBench, type ScaleReport } from './lib/scale-bench';
import { describeMachine, machineLine, type Machine } from './lib/machine';
import type { BenchResult } from './lib/types';

const OWN = new Set(['run.ts', 'seed-county.ts', 'load.ts']);

interface Section {
  source: string;
  results: BenchResult[];
  error?: string;
  seconds: number;
}

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

const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '—');
const ratio = (r: BenchResult) => (r.baselineP50 > 0 ? `×${(r.p50 / r.baselineP50).toFixed(1)}` : '—');

function markdown(
  machine: Machine,
  seed: Awaited<ReturnType<typeof ensureScaledCounty>>,
  sections: Section[],
  scale: ScaleReport,
) {
  const m = seed.manifest;
  const lines = [
    '# Benchmarks (`npm run bench`)',
    '',
    `Measured ${new Date().toISOString()} on ${machineLine(machine)}.`,
    '',
    `Synthetic county (bench/seed-county.ts, seed v${m.seedVersion}, scale ×${m.factor}): ` +
      Object.entries(m.counts)
        .map(([c, n]) => `${n.toLocaleString('en')} ${c}`)
        .join(', ') +
      `; ${(m.bytes / 2 ** 30).toFixed(2)} GB, seeded in ${m.seconds} s${seed.cached ? ' (reused from cache)' : ''}.` +
      (Object.keys(m.missing).length ? ` Not seeded: ${Object.keys(m.missing).join(', ')}.` : ''),
    '',
    'Times in ms. "Real" goes through the cloud-function entry point (permission table, device signature for',
    'staff, handler, wx-server-sdk database API, local store, audit trail); the baseline asks SQLite the same',
    'question directly with the same index, in the same run.',
    '',
  ];
  for (const s of sections) {
    lines.push(`## ${s.source}`, '');
    if (s.error) lines.push('```', s.error.split('\n').slice(0, 8).join('\n'), '```', '');
    if (!s.results.length) continue;
    lines.push(
      '| operation | real p50 | real p95 | baseline | base p50 | base p95 | p50 ratio | notes |',
      '|---|---:|---:|---|---:|---:|---:|---|',
    );
    for (const r of s.results)
      lines.push(
        `| ${r.name} | ${f2(r.p50)} | ${f2(r.p95)} | ${r.baselineName} | ${f2(r.baselineP50)} | ${f2(r.baselineP95)} | ${ratio(r)} | ${r.notes ?? ''} |`,
      );
    lines.push('');
  }
  lines.push('## Query plans of the baselines', '');
  for (const [k, p] of Object.entries(scale.plans)) lines.push(`- ${k}: \`${p}\``);
  lines.push('');
  return lines.join('\n');
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
  const json = {
    measuredAt: new Date().toISOString(),
    machine,
    seed: { file: seed.file, cached: seed.cached, ...seed.manifest, callers: undefined },
    sections,
    plans: scale.plans,
    refusals: scale.refusals,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(join('bench/results', `latest${suffix}.json`), `${JSON.stringify(json, null, 2)}\n`);
  const md = markdown(machine, seed, sections, scale);
  writeFileSync(join('bench/results', `latest${suffix}.md`), md);
  console.log(md);
  const failed = sections.filter((s) => s.error).map((s) => s.source);
  if (failed.length || Object.keys(scale.refusals).length) {
    console.error(`benchmarks with errors or refusals: ${[...failed, ...Object.keys(scale.refusals)].join(', ')}`);
    process.exit(1);
  }
}

main().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
