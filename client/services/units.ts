import type { Page } from '@shared/messages/schemas';
import type { UnitSummary } from '@shared/org/units';
import { cursorArg, searchArg } from './paging';
import { call } from './transport';

export type { UnitSummary };

export interface UnitsQuery {
  /** Part of a name or short name (教育, 花马池). */
  q?: string;
  /** Only these units (at most 20): a person's own units. */
  ids?: string[];
  /** The county office, the information center or the supervision office. */
  role?: NonNullable<UnitSummary['role']>;
  cursor?: string | null;
  pageSize?: number;
}

/** One page of the county's units in their order — what the unit pickers search and scroll. */
export function unitsPage(query: UnitsQuery = {}) {
  return call<Page<UnitSummary>>('identity', 'units.list', {
    ...searchArg(query.q),
    ...(query.ids ? { ids: query.ids } : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(query.pageSize ? { pageSize: query.pageSize } : {}),
    ...cursorArg(query.cursor),
  });
}
