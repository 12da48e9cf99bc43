import type { BenchResult } from './types';

// One Markdown table for every benchmark section (bench/run.ts and a section written alone).

const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '—');

/**
 * real p50 ÷ baseline p50. Below 0.1 (a snapshot read against the live aggregate it replaces) one
 * decimal would print ×0.0 and hide how large the gain is, so two significant digits are kept.
 */
export function ratio(r: BenchResult): string {
  if (!(r.baselineP50 > 0)) return '—';
  const x = r.p50 / r.baselineP50;
  return `×${x < 0.1 ? x.toPrecision(2) : x.toFixed(1)}`;
}

export function resultTable(results: BenchResult[]): string[] {
  return [
    '| operation | real p50 | real p95 | baseline | base p50 | base p95 | p50 ratio | notes |',
    '|---|---:|---:|---|---:|---:|---:|---|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${f2(r.p50)} | ${f2(r.p95)} | ${r.baselineName} | ${f2(r.baselineP50)} | ${f2(r.baselineP95)} | ${ratio(r)} | ${r.notes ?? ''} |`,
    ),
  ];
}
