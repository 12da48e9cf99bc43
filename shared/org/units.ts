// Units of the county government system (notice 第二条): towns and townships, sub-districts,
// departments and directly affiliated institutions.

export const UNIT_KINDS = ['township', 'subdistrict', 'department', 'institution'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  township: '乡镇',
  subdistrict: '街道',
  department: '部门',
  institution: '直属机构',
};

/** What anyone may see of a unit (the directory and the message form). */
export interface UnitSummary {
  _id: string;
  name: string;
  shortNames: string[];
  kind: UnitKind;
  /** Special county offices the workflow routes to. */
  role?: 'countyOffice' | 'infoCenter' | 'supervision';
}
