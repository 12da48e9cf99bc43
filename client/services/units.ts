import type { UnitSummary } from '@shared/org/units';
import { call } from './transport';

export type { UnitSummary };

/** Every unit a citizen may write to (the message form's picker and the directory). */
export function listUnits() {
  return call<{ items: UnitSummary[] }>('identity', 'units.list');
}
