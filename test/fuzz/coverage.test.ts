import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { defineAction } from '@server/runtime/action';
import { FUNCTIONS } from '@server/functions';
import { PERMISSIONS } from '@shared/access/permissions';
import { registeredActions } from './lib/catalog';
import { coverageProblems } from './lib/coverage';
import { describeSchema } from './lib/schema-model';
import { prepare, checkedCall } from './lib/prepare';
import { SAMPLES } from './samples';

// Every action the cloud functions accept is fuzzed: it has a row in test/fuzz/samples.ts, its
// schema can be read, and its sample really is a valid call that succeeds for its caller.

test('every registered action has fuzz coverage', () => {
  const entries = registeredActions();
  assert.ok(entries.length >= 20, `only ${entries.length} actions found in server/functions.ts`);
  assert.deepEqual(coverageProblems(entries, SAMPLES), []);
});

test('a new action without a fuzz sample fails the coverage check', () => {
  const withNew = {
    ...FUNCTIONS,
    widgets: { 'widgets.frobnicate': defineAction({ input: z.strictObject({ n: z.number() }), run: async () => 1 }) },
  };
  const problems = coverageProblems(registeredActions(withNew, PERMISSIONS), SAMPLES);
  assert.ok(
    problems.some((p) => p.includes('widgets.frobnicate') && p.includes('no fuzz coverage')),
    problems.join('\n'),
  );
  assert.ok(problems.some((p) => p.includes('widgets.frobnicate') && p.includes('permission table')));
});

test('an input schema the generator cannot read fails the coverage check', () => {
  const odd = {
    widgets: { 'widgets.when': defineAction({ input: z.strictObject({ at: z.date() }), run: async () => 1 }) },
  };
  const problems = coverageProblems(registeredActions(odd, { 'widgets.when': { label: 'x', audience: 'anyone' } }), {
    'widgets.when': SAMPLES['me.get'],
  });
  assert.equal(problems.length, 1);
  assert.match(problems[0], /zod type 'date' at \(root\)\.at/);
});

test('the schema reader sees fields, limits, patterns and strictness', () => {
  const model = describeSchema(
    z.strictObject({
      id: z.string().regex(/^a+$/),
      n: z.number().int().min(1).max(100).default(20),
      tags: z
        .array(z.enum(['x', 'y']))
        .max(3)
        .optional(),
    }),
  );
  assert.equal(model.kind, 'object');
  if (model.kind !== 'object') return;
  assert.equal(model.strict, true);
  assert.deepEqual(model.fields.id.node, { kind: 'string', patterns: [/^a+$/] });
  assert.deepEqual(model.fields.n, {
    node: { kind: 'number', int: true, min: 1, max: 100 },
    optional: true,
    nullable: false,
  });
  assert.equal(model.fields.tags.optional, true);
});

// The samples are the seeds of every hostile case: each must be valid and succeed as declared.
for (const entry of registeredActions()) {
  const sample = SAMPLES[entry.name];
  if (!sample) continue;
  test(`sample call ${entry.name} is valid and answered ${sample.expect ?? 'ok'}`, async () => {
    const p = await prepare(entry);
    try {
      const parsed = entry.def.input.safeParse(p.payload);
      assert.ok(parsed.success, `sample payload is not valid: ${JSON.stringify(parsed.error?.issues)}`);
      const { answer, problems } = await checkedCall(
        p.cloud,
        p.ignore,
        () => p.cloud.call(entry.fn, entry.name, p.payload, p.openid),
        p.reveals,
      );
      assert.deepEqual(problems, []);
      const expected = sample.expect ?? 'ok';
      assert.equal(answer.ok ? 'ok' : answer.code, expected, JSON.stringify(answer).slice(0, 400));
    } finally {
      p.cloud.close();
    }
  });
}
