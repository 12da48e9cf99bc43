// The weapp size budget (issue 8; WeChat's own limits are 2 MB per package): the main package
// under 1.5 MB, so citizens' first open stays fast, and every subpackage under 2 MB. Sizes come
// from scripts/check-weapp.ts (miniprogram-ci's own measurement), read from its output lines.

export const MAIN_PACKAGE_BUDGET = 1.5 * 1024 * 1024;
export const SUBPACKAGE_BUDGET = 2 * 1024 * 1024;

export interface PackageSizes {
  main: number | null;
  /** subpackage root (e.g. `staff/`) → bytes */
  subpackages: Record<string, number>;
}

const LINE = /^(?:ok {2}|FAIL) (main package|subpackage (\S+)): (\d+) bytes/;

/** Reads the per-package lines scripts/check-weapp.ts prints. */
export function parseCheckWeappOutput(output: string): PackageSizes {
  const sizes: PackageSizes = { main: null, subpackages: {} };
  for (const line of output.split('\n')) {
    const m = LINE.exec(line.trim());
    if (!m) continue;
    if (m[1] === 'main package') sizes.main = Number(m[3]);
    else sizes.subpackages[m[2]] = Number(m[3]);
  }
  return sizes;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Every way the sizes break the budget (empty when within it). */
export function packageBudgetProblems(sizes: PackageSizes): string[] {
  const problems: string[] = [];
  if (sizes.main === null) problems.push('no main package size was reported (did the weapp build and check run?)');
  else if (sizes.main > MAIN_PACKAGE_BUDGET)
    problems.push(`main package is ${kb(sizes.main)}, over the ${kb(MAIN_PACKAGE_BUDGET)} budget`);
  for (const [root, bytes] of Object.entries(sizes.subpackages)) {
    if (bytes > SUBPACKAGE_BUDGET)
      problems.push(`subpackage ${root} is ${kb(bytes)}, over the ${kb(SUBPACKAGE_BUDGET)} budget`);
  }
  return problems;
}

export function describeSizes(sizes: PackageSizes): string[] {
  return [
    `main package ${sizes.main === null ? '?' : kb(sizes.main)} (budget ${kb(MAIN_PACKAGE_BUDGET)})`,
    ...Object.entries(sizes.subpackages).map(
      ([root, b]) => `subpackage ${root} ${kb(b)} (budget ${kb(SUBPACKAGE_BUDGET)})`,
    ),
  ];
}
