import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind, type UnitSummary } from '@shared/org/units';

export interface UnitGroup {
  kind: UnitKind;
  label: string;
  units: UnitSummary[];
}

/** Units whose name or short name contains the query, grouped 乡镇 / 街道 / 部门 / 直属机构. */
export function groupUnits(units: readonly UnitSummary[], query: string): UnitGroup[] {
  const q = query.trim().toLowerCase();
  const hit = (u: UnitSummary) =>
    !q || u.name.toLowerCase().includes(q) || (u.shortNames ?? []).some((s) => s.toLowerCase().includes(q));
  return UNIT_KINDS.map((kind) => ({
    kind,
    label: UNIT_KIND_LABELS[kind],
    units: units.filter((u) => u.kind === kind && hit(u)),
  })).filter((g) => g.units.length > 0);
}
