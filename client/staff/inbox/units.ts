import type { StaffRoleView } from '../../services/me';
import { groupByUnit, type UnitRoles } from '../../lib/staff-units';

export type StaffUnit = UnitRoles;

/** The distinct units a staff member holds roles in, in the order the server listed them. */
export function staffUnits(roles: readonly StaffRoleView[]): StaffUnit[] {
  return groupByUnit(roles);
}
