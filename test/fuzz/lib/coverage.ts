import type { ActionEntry } from './catalog';
import { describeSchema, UnsupportedSchema } from './schema-model';
import type { Sample } from './sample-env';

// Which registered actions the fuzzer cannot cover, and why: no permission row, no sample in
// test/fuzz/samples.ts, or an input schema the generator cannot read. A sample for an action
// that no longer exists is reported too, so the table cannot rot.

export function coverageProblems(entries: ActionEntry[], samples: Record<string, Sample>): string[] {
  const problems: string[] = [];
  const names = new Set(entries.map((e) => e.name));
  for (const e of entries) {
    if (!e.rule) problems.push(`${e.fn}/${e.name}: not in the permission table (shared/access/permissions.ts)`);
    const sample = Object.prototype.hasOwnProperty.call(samples, e.name) ? samples[e.name] : undefined;
    if (!sample) problems.push(`${e.fn}/${e.name}: no fuzz coverage — add a sample to test/fuzz/samples.ts`);
    else if (e.rule?.audience === 'staff' && e.rule.scope === 'ownUnit' && sample.unit === undefined)
      problems.push(`${e.fn}/${e.name}: scoped to the caller's unit — its sample must say which unit it acts on`);
    try {
      describeSchema(e.def.input);
    } catch (err) {
      if (!(err instanceof UnsupportedSchema)) throw err;
      problems.push(`${e.fn}/${e.name}: ${err.message}`);
    }
  }
  for (const name of Object.keys(samples))
    if (!names.has(name)) problems.push(`${name}: a fuzz sample for an action that is not registered`);
  return problems;
}
