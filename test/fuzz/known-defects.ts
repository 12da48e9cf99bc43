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

export const KNOWN_DEFECTS: KnownDefect[] = [
  {
    id: 'deep-payload-signature-internal',
    owner: 'identity / foundation: server/features/identity/device-guard.ts, shared/core/canonical.ts',
    summary:
      'A staff request whose data nests ~3 000 levels deep (well inside the 1 MB body limit) answers Internal: ' +
      'verifyDevice() recomputes the signature with the recursive canonicalJson(), which overflows the stack. ' +
      'Fix: refuse over-deep data (e.g. depth > 64) as InvalidParameter before signing, or catch the RangeError in ' +
      'verifyDevice() as bad-signature.',
    matches: ({ rule, payload, answer }) =>
      rule?.audience === 'staff' && !answer.ok && answer.code === 'Internal' && nestingDepth(payload) > 2000,
  },
];

export function knownDefectFor(c: Parameters<KnownDefect['matches']>[0]): KnownDefect | undefined {
  return KNOWN_DEFECTS.find((d) => d.matches(c));
}
