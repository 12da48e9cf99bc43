import { randomBytes } from 'node:crypto';
import { MAX_PAGE_SIZE } from '@shared/core/validators';
import { INDEXES } from '@server/db/indexes';
import type { TestCloud } from '../../support/cloud-harness';
import type { ActionEntry } from '../../fuzz/lib/catalog';
import { describeSchema } from '../../fuzz/lib/schema-model';

// The pagination budget (issue 8): no call returns more than 100 records, so a list screen is
// always paged however big the county grows. Which actions are lists is declared, not guessed
// (test/budgets/lists.ts); this file finds the actions that look like lists — a list-like name
// or a pageSize/cursor input — so an undeclared new one fails, and checks an answer's arrays.

export const ROW_BUDGET = MAX_PAGE_SIZE;

const LIST_WORDS =
  /^(list|mine|inbox|queue|feed|board|events|unit|directory|people|exceptions|handlers|accounts|officeQueue|outbox|supervision|search|history|registry|exportRegistry|log|overdue|report|reports|bulletins|stats|roster|incidents|assessments)$/i;

/** Does this action look like it returns a list (by its name or its input)? */
export function looksLikeList(entry: Pick<ActionEntry, 'name' | 'def'>): boolean {
  const verb = entry.name.split('.').pop() ?? '';
  if (LIST_WORDS.test(verb) || /list$|List$|Queue$|^list/.test(verb)) return true;
  try {
    const model = describeSchema(entry.def.input);
    return model.kind === 'object' && ('pageSize' in model.fields || 'cursor' in model.fields);
  } catch {
    return false;
  }
}

/** Every array in an answer longer than the budget, by path (walked without recursion). */
export function oversizeArrays(value: unknown, budget = ROW_BUDGET): string[] {
  const out: string[] = [];
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (Array.isArray(v)) {
      if (v.length > budget) out.push(`${path || '(root)'} has ${v.length} rows`);
      v.forEach((x, i) => stack.push([x, `${path}[${i}]`]));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) stack.push([x, path ? `${path}.${k}` : k]);
    }
  }
  return out;
}

/** The longest array in an answer (how many rows it returned). */
export function longestArray(value: unknown): number {
  let max = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      max = Math.max(max, v.length);
      stack.push(...v);
    } else if (v && typeof v === 'object') stack.push(...Object.values(v));
  }
  return max;
}

type Doc = Record<string, unknown> & { _id: string };

/** Documents of a collection as stored (for tests; the in-memory store is small). */
export function storedDocs(cloud: TestCloud, collection: string): Doc[] {
  const table = cloud.store.collectionTable(collection);
  const exists = cloud.store.sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name=?`).get(table);
  if (!exists) return [];
  return (
    cloud.store.sqlite.prepare(`SELECT id, data FROM "${table}"`).all() as Array<{ id: string; data: string }>
  ).map((r) => ({ ...(JSON.parse(r.data) as object), _id: String(r.id) }) as Doc);
}

/**
 * Realistic volume, fast: `n` copies of the documents of `collection` that match `where` (at
 * least one must exist — made by the product's own action), each with a new id, a slightly older
 * time, and unique-indexed fields made unique.
 */
export async function cloneDocs(
  cloud: TestCloud,
  collection: string,
  where: (d: Doc) => boolean,
  n: number,
  edit: (d: Doc, i: number) => Doc = (d) => d,
): Promise<number> {
  const templates = storedDocs(cloud, collection).filter(where);
  if (!templates.length) throw new Error(`no ${collection} document to clone (the fill made none)`);
  const unique = (INDEXES[collection] ?? []).filter((ix) => ix.unique).flatMap((ix) => ix.fields.map(([p]) => p));
  for (let i = 0; i < n; i++) {
    const t = templates[i % templates.length];
    const { _id: _old, ...data } = JSON.parse(JSON.stringify(t)) as Doc;
    void _old;
    for (const field of unique) {
      const v = data[field];
      if (typeof v === 'string') data[field] = `${v}-c${i}`;
      else if (typeof v === 'number') data[field] = v + 1_000_000 + i;
    }
    for (const k of ['createdAt', 'updatedAt', 'at', 'queuedAt', 'publicAt'])
      if (typeof data[k] === 'number' && (data[k] as number) > 0) data[k] = (data[k] as number) - (i + 1) * 60_000;
    const id = `clone${i}${randomBytes(4).toString('hex')}`;
    const doc = edit({ ...data, _id: id } as Doc, i);
    const { _id, ...rest } = doc;
    await cloud.db.collection(collection).doc(_id).set({ data: rest });
  }
  return n;
}
