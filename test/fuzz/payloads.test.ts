import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { registeredActions } from './lib/catalog';
import { describeSchema } from './lib/schema-model';
import { hostileCases, describeValue } from './lib/hostile';
import { prepare, checkedCall, callAction, FUZZ } from './lib/prepare';
import { knownDefectFor } from './known-defects';
import { SAMPLES } from './samples';

// Hostile payloads for every registered action, sent by the caller who may run it (so each
// case reaches validation and the handler, not just the permission gate). Every answer must be
// a proper envelope — a known refusal or a success — never Internal; a refusal changes no
// stored data; a success only for a payload the action's own schema accepts.
// Bounded with a fixed seed here; FUZZ_RUNS=2000 FUZZ_SEED=… for a long run.

for (const entry of registeredActions()) {
  if (!SAMPLES[entry.name]) continue; // coverage.test.ts fails for it
  test(`hostile payloads: ${entry.fn}/${entry.name}`, { timeout: 600_000 }, async (t) => {
    const p = await prepare(entry);
    const model = describeSchema(entry.def.input);
    let refused = 0;
    const known = new Map<string, number>();
    try {
      await fc.assert(
        fc.asyncProperty(hostileCases(model, p.payload), async (c) => {
          const { answer, problems } = await checkedCall(
            p.cloud,
            p.ignore,
            () => callAction(p.cloud, entry, c.payload, p.openid),
            p.reveals,
          );
          const defect =
            problems.length === 1 ? knownDefectFor({ rule: entry.rule, payload: c.payload, answer }) : null;
          if (defect) {
            known.set(defect.id, (known.get(defect.id) ?? 0) + 1);
            return;
          }
          if (answer.ok) {
            // main() reads a missing or null `data` as {} (an action without input is called without data).
            const valid = entry.def.input.safeParse(c.payload ?? {});
            if (!valid.success) problems.push('succeeded with a payload its own schema refuses');
          } else refused += 1;
          if (problems.length) {
            throw new Error(
              `${c.label}\n  payload: ${describeValue(c.payload)}\n  answer: ${describeValue(answer)}\n  ${problems.join('\n  ')}`,
            );
          }
        }),
        { seed: FUZZ.seed, numRuns: FUZZ.runs, endOnFailure: true },
      );
    } finally {
      p.cloud.close();
    }
    assert.ok(refused > 0, 'no hostile payload was refused: the generator is not reaching validation');
    if (known.size) t.todo(`known defects hit: ${[...known].map(([id, n]) => `${id} ×${n}`).join(', ')}`);
  });
}
