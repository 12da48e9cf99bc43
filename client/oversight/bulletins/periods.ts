import type { Period } from '@shared/oversight/bulletin';
import { periodLabel } from '@shared/oversight/bulletin';

// The periods a supervisor usually generates for: this month, last month, this and last quarter.
export function quickPeriods(now: number): Array<{ label: string; period: Period }> {
  const d = new Date(now + 8 * 3600_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const prevM = m === 1 ? { year: y - 1, index: 12 } : { year: y, index: m - 1 };
  const q = Math.ceil(m / 3);
  const prevQ = q === 1 ? { year: y - 1, index: 4 } : { year: y, index: q - 1 };
  const list: Period[] = [
    { kind: 'month', year: y, index: m },
    { kind: 'month', ...prevM },
    { kind: 'quarter', year: y, index: q },
    { kind: 'quarter', ...prevQ },
  ];
  return list.map((period) => ({ label: periodLabel(period), period }));
}
