import type { Envelope } from '@shared/core/envelope';
import type { PermissionRule } from '@shared/access/permissions';

// Defects the fuzzer found in code outside the harness, reported to their owners and not yet
// fixed. A fuzz case that fails only because of one of these is counted and shown as TODO instead
// of failing `npm test`; test/fuzz/known-defects.test.ts fails as soon as a defect no longer
// reproduces, so a fixed one must be removed from this list (and the fuzzer then guards it).

export interface KnownDefect {
  id: string;
  owner: string;
  summary: string;
  /** Does this failing case come from this defect (and nothing else)? */
  matches: (c: { rule: PermissionRule | undefined; payload: unknown; answer: Envelope<unknown> }) => boolean;
}

/** Nesting depth of a JSON value, measured without recursion. */
export function nestingDepth(value: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

// The deep-payload stack overflow (found by this fuzzer) is fixed: server/runtime/main.ts refuses
// events nested deeper than 32 levels as InvalidParameter before anything recursive runs.
export const KNOWN_DEFECTS: KnownDefect[] = [];

export function knownDefectFor(c: Parameters<KnownDefect['matches']>[0]): KnownDefect | undefined {
  return KNOWN_DEFECTS.find((d) => d.matches(c));
}
