import { compileAccumulator } from './accumulators';
import { invalidParam, unsupported } from './errors';
import { evalExpr } from './expressions';
import { compileFilter } from './filter';
import { setField, splitPath } from './paths';
import { copyPath } from './projection';
import { comparator, findDocs, type FindSpec, type SortSpec } from './query';
import type { SqliteStore } from './store';
import { deepClone, isPlainObject, parseWire, resolveServerDates, toWire, type Doc } from './values';

// Aggregation pipelines. A leading $match [$sort] [$skip] [$limit] runs through the query
// planner (so it uses the SQL indexes); the remaining stages run in JS. Unknown stages fail.

export interface WireStage {
  stageKey: string;
  stageValue: string;
}

interface Stage {
  name: string;
  arg: unknown;
}

/**
 * CloudBase answers an aggregate without any $limit stage with at most 20 documents (observed
 * in production and widely reported); we do the same so local results never hide that trap.
 */
export const AGGREGATE_DEFAULT_LIMIT = 20;

export function runPipeline(store: SqliteStore, collection: string, wire: WireStage[], now: number): Doc[] {
  const stages = wire.map((s): Stage => {
    if (typeof s.stageKey !== 'string' || !s.stageKey.startsWith('$'))
      throw invalidParam(`bad aggregation stage ${JSON.stringify(s.stageKey)}`);
    return { name: s.stageKey, arg: resolveServerDates(parseWire(s.stageValue, `${s.stageKey} stage`), now) };
  });
  for (const s of stages) if (!STAGES[s.name]) throw unsupported(`aggregation stage ${s.name}`);
  // Validate every $match up front, so a bad filter fails even on an empty collection.
  for (const s of stages) if (s.name === '$match') compileFilter(s.arg);

  const spec: FindSpec = { filter: {}, order: [], offset: 0, limit: null };
  let i = 0;
  if (stages[i]?.name === '$match') spec.filter = stages[i++].arg;
  if (stages[i]?.name === '$sort') spec.order = sortSpec(stages[i++].arg);
  if (stages[i]?.name === '$skip') spec.offset = count('$skip', stages[i++].arg, 0);
  if (stages[i]?.name === '$limit') spec.limit = count('$limit', stages[i++].arg, 1);
  else if (i === stages.length) spec.limit = AGGREGATE_DEFAULT_LIMIT; // nothing else to run: cap in SQL
  let docs = findDocs(store, collection, spec).map((f) => f.doc);
  for (const s of stages.slice(i)) docs = STAGES[s.name](docs, s.arg, store);
  return stages.some((s) => s.name === '$limit') ? docs : docs.slice(0, AGGREGATE_DEFAULT_LIMIT);
}

type StageImpl = (docs: Doc[], arg: unknown, store: SqliteStore) => Doc[];

function count(stage: string, v: unknown, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
    throw invalidParam(`${stage} needs an integer >= ${min}`);
  return v;
}

function sortSpec(arg: unknown): SortSpec {
  if (!isPlainObject(arg) || Object.keys(arg).length === 0)
    throw invalidParam('$sort needs an object of field directions');
  return Object.entries(arg).map(([p, d]) => {
    if (d !== 1 && d !== -1) throw invalidParam(`$sort direction for '${p}' must be 1 or -1`);
    return [p, d];
  });
}

function sortDocs(docs: Doc[], arg: unknown): Doc[] {
  const cmp = comparator(sortSpec(arg));
  return docs
    .map((doc, rowid) => ({ doc, rowid }))
    .sort(cmp)
    .map((w) => w.doc);
}

function group(docs: Doc[], arg: unknown): Doc[] {
  if (!isPlainObject(arg) || !('_id' in arg)) throw invalidParam('$group needs an _id');
  const fields = Object.entries(arg).filter(([k]) => k !== '_id');
  const factories = fields.map(([k, spec]) => [k, compileAccumulator(k, spec)] as const);
  const groups = new Map<string, { id: unknown; accs: Array<[string, ReturnType<(typeof factories)[number][1]>]> }>();
  for (const doc of docs) {
    const id = evalExpr(arg._id, doc) ?? null;
    const key = toWire({ k: id });
    let g = groups.get(key);
    if (!g) {
      g = { id, accs: factories.map(([k, f]) => [k, f()]) };
      groups.set(key, g);
    }
    for (const [, acc] of g.accs) acc.add(doc);
  }
  return [...groups.values()].map((g) => {
    const out: Doc = { _id: g.id };
    for (const [k, acc] of g.accs) out[k] = acc.result();
    return out;
  });
}

function project(docs: Doc[], arg: unknown): Doc[] {
  if (!isPlainObject(arg) || Object.keys(arg).length === 0) throw invalidParam('$project needs a non-empty object');
  const entries = Object.entries(arg);
  const isFlag = (v: unknown): boolean => typeof v === 'boolean' || typeof v === 'number';
  const excluded = entries.filter(([, v]) => isFlag(v) && !v).map(([k]) => k);
  const kept = entries.filter(([k, v]) => k !== '_id' && !(isFlag(v) && !v));
  if (excluded.some((k) => k !== '_id') && kept.length)
    throw invalidParam('$project cannot mix inclusion and exclusion');
  for (const [k, v] of entries) {
    if (isPlainObject(v) && !Object.keys(v)[0]?.startsWith('$'))
      throw unsupported(`nested $project specification at '${k}' (use dotted paths)`);
  }
  if (kept.length === 0) {
    return docs.map((d) => {
      const out = deepClone(d);
      for (const k of excluded) removeTop(out, splitPath(k));
      return out;
    });
  }
  const idSpec = arg._id;
  return docs.map((d) => {
    const out: Doc = {};
    if (idSpec === undefined || (isFlag(idSpec) && idSpec)) {
      if (d._id !== undefined) out._id = d._id;
    } else if (!isFlag(idSpec)) out._id = evalExpr(idSpec, d);
    for (const [k, v] of kept) {
      if (isFlag(v)) copyPath(d, out, splitPath(k), 0);
      else {
        const value = evalExpr(v, d);
        if (value !== undefined) setField(out, splitPath(k), value);
      }
    }
    return out;
  });
}

function removeTop(doc: Doc, segs: string[]): void {
  let cur: unknown = doc;
  for (const s of segs.slice(0, -1)) cur = isPlainObject(cur) ? cur[s] : undefined;
  if (isPlainObject(cur)) delete cur[segs[segs.length - 1]];
}

function unwind(docs: Doc[], arg: unknown): Doc[] {
  const opts = typeof arg === 'string' ? { path: arg } : isPlainObject(arg) ? arg : null;
  if (!opts || typeof opts.path !== 'string' || !opts.path.startsWith('$'))
    throw invalidParam("$unwind needs '$path' or {path: '$path'}");
  const segs = splitPath(opts.path.slice(1));
  const keepEmpty = opts.preserveNullAndEmptyArrays === true;
  const indexField = typeof opts.includeArrayIndex === 'string' ? opts.includeArrayIndex : null;
  const out: Doc[] = [];
  for (const doc of docs) {
    const v = evalExpr(opts.path, doc);
    if (Array.isArray(v) && v.length > 0) {
      v.forEach((el, i) => {
        const copy = deepClone(doc);
        setField(copy, segs, deepClone(el));
        if (indexField) copy[indexField] = i;
        out.push(copy);
      });
    } else if (v !== undefined && v !== null && !Array.isArray(v)) {
      const copy = deepClone(doc);
      if (indexField) copy[indexField] = null;
      out.push(copy); // a non-array value counts as a one-element array
    } else if (keepEmpty) {
      const copy = deepClone(doc);
      if (indexField) copy[indexField] = null;
      out.push(copy);
    }
  }
  return out;
}

function lookup(docs: Doc[], arg: unknown, store: SqliteStore): Doc[] {
  if (!isPlainObject(arg) || 'pipeline' in arg || 'let' in arg)
    throw unsupported('$lookup with let/pipeline (use localField/foreignField)');
  const { from, localField, foreignField, as } = arg;
  if (
    typeof from !== 'string' ||
    typeof localField !== 'string' ||
    typeof foreignField !== 'string' ||
    typeof as !== 'string'
  ) {
    throw invalidParam('$lookup needs from, localField, foreignField and as');
  }
  return docs.map((doc) => {
    const local = evalExpr(`$${localField}`, doc);
    const values = Array.isArray(local) ? local : [local ?? null];
    const matches = findDocs(store, from, {
      filter: { [foreignField]: { $in: values } },
      order: [],
      offset: 0,
      limit: null,
    });
    const out = deepClone(doc);
    setField(
      out,
      splitPath(as),
      matches.map((m) => m.doc),
    );
    return out;
  });
}

const STAGES: Record<string, StageImpl> = {
  $match: (docs, arg) => {
    const pred = compileFilter(arg);
    return docs.filter((d) => pred(d));
  },
  $sort: sortDocs,
  $skip: (docs, arg) => docs.slice(count('$skip', arg, 0)),
  $limit: (docs, arg) => docs.slice(0, count('$limit', arg, 1)),
  $group: group,
  $project: project,
  $addFields: (docs, arg) => {
    if (!isPlainObject(arg)) throw invalidParam('$addFields needs an object');
    return docs.map((d) => {
      const out = deepClone(d);
      for (const [k, v] of Object.entries(arg)) setField(out, splitPath(k), evalExpr(v, d) ?? null);
      return out;
    });
  },
  $count: (docs, arg) => {
    if (typeof arg !== 'string' || arg === '' || arg.startsWith('$') || arg.includes('.'))
      throw invalidParam('$count needs a field name');
    return docs.length ? [{ [arg]: docs.length }] : [];
  },
  $unwind: unwind,
  $sortByCount: (docs, arg) => {
    return sortDocs(group(docs, { _id: arg, count: { $sum: 1 } }), { count: -1 });
  },
  $replaceRoot: (docs, arg) => {
    if (!isPlainObject(arg) || !('newRoot' in arg)) throw invalidParam('$replaceRoot needs {newRoot}');
    return docs.map((d) => {
      const root = evalExpr(arg.newRoot, d);
      if (!isPlainObject(root)) throw invalidParam('$replaceRoot newRoot must evaluate to an object');
      return root;
    });
  },
  $sample: (docs, arg) => {
    const size = count('$sample size', isPlainObject(arg) ? arg.size : undefined, 0);
    const copy = [...docs];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, size);
  },
  $lookup: lookup,
};
