import { getCloud } from './cloud';
import { consoleLog, randomId, type Deps, type Database } from './deps';

// Dependencies every handler receives. Production uses the real clock and the cloud database;
// the local host and tests override parts (a fixed clock, a quiet log) through configureRuntime.
let overrides: Partial<Deps> = {};

export function configureRuntime(next: Partial<Deps>): void {
  overrides = { ...overrides, ...next };
}

export function resetRuntime(): void {
  overrides = {};
}

export function currentDeps(): Deps {
  return {
    db: overrides.db ?? (getCloud().database() as unknown as Database),
    now: overrides.now ?? Date.now,
    newId: overrides.newId ?? randomId,
    log: overrides.log ?? consoleLog,
  };
}
