// 第五条: the registered name is short, formal and clearly tied to the unit's name and duties.
// Checkable part: the name contains the unit's full name or one of its registered short names
// (units.shortNames), or the county information center has recorded an exception with a reason.

export interface NamingUnit {
  name: string;
  shortNames: readonly string[];
}

export const NAME_MIN = 2;
export const NAME_MAX = 30;

export type NameCheck = { ok: true; matched: string } | { ok: false; reason: string };

/** Compares without spaces and full-width/half-width differences. */
function normalise(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

export function checkAccountName(name: string, unit: NamingUnit): NameCheck {
  const n = normalise(name);
  const candidates = [unit.name, ...unit.shortNames].filter((c) => c.trim().length > 0);
  const matched = candidates.find((c) => n.includes(normalise(c)));
  if (matched) return { ok: true, matched };
  const list = candidates.map((c) => `「${c}」`).join('、');
  return {
    ok: false,
    reason: `账号名称须与本单位名称明确关联，应包含${list}之一（第五条）；确需使用其他名称的，请县政府信息中心登记名称例外并说明理由`,
  };
}
