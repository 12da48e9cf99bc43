// The shape every benchmark reports (bench/run.ts collects them into bench/results/latest.*):
// the real path's median and 95th percentile beside a raw baseline measured in the same run, in ms.
export interface BenchResult {
  name: string;
  p50: number;
  p95: number;
  baselineName: string;
  baselineP50: number;
  baselineP95: number;
  notes?: string;
}
