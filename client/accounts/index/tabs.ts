import type { StaffRoleView } from '../../services/me';
import type { ListView } from '../../services/accounts';

// The lists a person sees on 政务账号管理, from their roles: their unit's accounts and to-dos,
// the county office's approvals, the information center's filings and overdue accounts.

export type Tab =
  | { key: string; label: string; kind: 'unit'; unitId: string; view: ListView }
  | { key: string; label: string; kind: 'office' }
  | { key: string; label: string; kind: 'county'; view: ListView };

const UNIT_ROLES = ['publisher', 'reviewer', 'leader', 'unitAdmin'];

/** `officeId`: the county government office (县政府办公室), whose leaders approve applications. */
export function tabsFor(roles: readonly StaffRoleView[], officeId: string | null): Tab[] {
  const tabs: Tab[] = [];
  const seen = new Set<string>();
  for (const r of roles) {
    if (!UNIT_ROLES.includes(r.role) || seen.has(r.unitId)) continue;
    seen.add(r.unitId);
    tabs.push({ key: `todo-${r.unitId}`, label: `${r.unitName}·待办`, kind: 'unit', unitId: r.unitId, view: 'todo' });
    tabs.push({ key: `all-${r.unitId}`, label: `${r.unitName}·账号`, kind: 'unit', unitId: r.unitId, view: 'all' });
  }
  if (officeId && roles.some((r) => r.unitId === officeId && (r.role === 'leader' || r.role === 'unitAdmin'))) {
    tabs.unshift({ key: 'office', label: '县政府办公室待审批', kind: 'office' });
  }
  if (roles.some((r) => r.role === 'infoCenter' || r.role === 'supervisor')) {
    tabs.push({ key: 'county-todo', label: '待受理备案', kind: 'county', view: 'todo' });
    tabs.push({ key: 'county-overdue', label: '逾期未备案', kind: 'county', view: 'overdue' });
    tabs.push({ key: 'county-all', label: '全县账号', kind: 'county', view: 'all' });
    tabs.push({ key: 'county-ended', label: '已注销', kind: 'county', view: 'ended' });
  }
  return tabs;
}

export function canApply(roles: readonly StaffRoleView[]): boolean {
  return roles.some((r) => UNIT_ROLES.includes(r.role));
}
