import type { DirectoryEntry } from '@shared/accounts/views';

// The directory shown unit by unit, in the order the server sent (the county's unit order).

export interface UnitGroup {
  unitId: string;
  unitName: string;
  accounts: DirectoryEntry[];
}

export function groupByUnit(entries: readonly DirectoryEntry[]): UnitGroup[] {
  const out: UnitGroup[] = [];
  for (const e of entries) {
    const last = out[out.length - 1];
    if (last && last.unitId === e.unitId) last.accounts.push(e);
    else out.push({ unitId: e.unitId, unitName: e.unitName, accounts: [e] });
  }
  return out;
}
