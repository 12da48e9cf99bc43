// latest.json → latest.md: the one layout of the committed benchmark results, used by
// `npm run bench` and by a section measured alone (bench/oversight.ts with BENCH_WRITE=1).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ensureScaledCounty } from '../seed-county';
import type { ScaleReport } from './scale-bench';
import { machineLine, type Machine } from './machine';
import type { BenchResult } from './types';
import { resultTable } from './table';

export interface Section {
  source: string;
  results: BenchResult[];
  error?: string;
  seconds: number;
  /** Set when the section was measured alone, after the whole run (BENCH_WRITE=1). */
  measuredAt?: string;
}

export type Manifest = Awaited<ReturnType<typeof ensureScaledCounty>>['manifest'];

/** What a run writes to latest.json, and all that latest.md is made from. */
export interface RunRecord {
  measuredAt: string;
  machine: Machine;
  seed: Omit<Manifest, 'callers'> & { file: string; cached: boolean };
  sections: Section[];
  plans: ScaleReport['plans'];
  refusals: ScaleReport['refusals'];
  seconds: number;
}

/** The seeded callers carry device secrets: they stay out of the committed results. */
export function withoutCallers(m: Manifest): Omit<Manifest, 'callers'> {
  const { callers: _callers, ...rest } = m;
  return rest;
}

export function markdown(run: RunRecord) {
  const { machine, seed: m, sections } = run;
  const lines = [
    '# Benchmarks (`npm run bench`)',
    '',
    `Measured ${run.measuredAt} on ${machineLine(machine)}.`,
    '',
    `Synthetic county (bench/seed-county.ts, seed v${m.seedVersion}, scale ×${m.factor}): ` +
      Object.entries(m.counts)
        .map(([c, n]) => `${n.toLocaleString('en')} ${c}`)
        .join(', ') +
      `; ${(m.bytes / 2 ** 30).toFixed(2)} GB, seeded in ${m.seconds} s${m.cached ? ' (reused from cache)' : ''}.` +
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
    if (s.measuredAt) lines.push(`Measured ${s.measuredAt}, this section alone, on the machine above.`, '');
    lines.push(...resultTable(s.results), '');
  }
  lines.push('## Query plans of the baselines', '');
  for (const [k, p] of Object.entries(run.plans)) lines.push(`- ${k}: \`${p}\``);
  lines.push('');
  return lines.join('\n');
}

/** `--render`: latest.md again from latest.json, without measuring (after a change of layout). */
export function renderLatest(): void {
  for (const suffix of ['', '-small']) {
    const file = join('bench/results', `latest${suffix}.json`);
    if (!existsSync(file)) continue;
    writeFileSync(
      join('bench/results', `latest${suffix}.md`),
      markdown(JSON.parse(readFileSync(file, 'utf8')) as RunRecord),
    );
    console.log(`rendered bench/results/latest${suffix}.md`);
  }
}
