import { invalidParam, unsupported } from './errors';
import { elementMatcher } from './filter';
import { getField, setField, splitPath, unsetField } from './paths';
import { comparator } from './query';
import { assertStorable, compareValues, deepClone, isPlainObject, valuesEqual, type Doc } from './values';

// Update operators with MongoDB/CloudBase semantics on dotted paths. The SDK turns
// `update({ data: { a: 1, 'b.c': _.inc(2) } })` into `{ $set: { a: 1 }, $inc: { 'b.c': 2 } }`.

type Op = (doc: Doc, segs: string[], arg: unknown, path: string) => void;

/** True for `{ $set: ... }`-style documents, false for replacement documents. */
export function isOperatorUpdate(update: Record<string, unknown>): boolean {
  const keys = Object.keys(update);
  const ops = keys.filter((k) => k.startsWith('$')).length;
  if (ops > 0 && ops < keys.length) throw invalidParam('an update mixes operators and plain fields');
  return ops > 0;
}

/** Returns the updated copy; `doc` itself is not modified. */
export function applyUpdate(doc: Doc, update: Record<string, unknown>): Doc {
  const out = deepClone(doc);
  const targets: string[] = [];
  for (const op of Object.keys(update)) {
    const impl = OPS[op];
    if (!impl) throw unsupported(`update operator ${op}`);
    const fields = update[op];
    if (!isPlainObject(fields)) throw invalidParam(`${op} needs an object of field paths`);
    for (const path of Object.keys(fields)) {
      targets.push(path);
      if (op === '$rename') targets.push(String(fields[path]));
    }
  }
  checkTargets(targets);
  for (const op of Object.keys(update)) {
    const fields = update[op] as Record<string, unknown>;
    for (const path of Object.keys(fields)) OPS[op](out, splitPath(path), fields[path], path);
  }
  assertStorable(out);
  return out;
}

/** `doc().set()`: the new content replaces everything but `_id`. */
export function applyReplacement(id: unknown, replacement: Record<string, unknown>): Doc {
  if ('_id' in replacement && !valuesEqual(replacement._id, id)) throw invalidParam('a replacement cannot change _id');
  const out: Doc = { _id: id };
  for (const k of Object.keys(replacement)) if (k !== '_id') out[k] = replacement[k];
  assertStorable(out);
  return out;
}

function checkTargets(paths: string[]): void {
  for (const p of paths) {
    if (p === '_id' || p.startsWith('_id.'))
      throw invalidParam(`performing an update on the path '_id' would modify the immutable field '_id'`);
  }
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (a === b || b.startsWith(`${a}.`))
      throw invalidParam(`updating the path '${b}' would create a conflict at '${a}'`);
  }
}

function numeric(op: string, path: string, v: unknown): number {
  if (typeof v !== 'number') throw invalidParam(`cannot apply ${op} to a non-numeric value at '${path}'`);
  return v;
}

function arrayAt(doc: Doc, segs: string[], op: string, path: string, create: boolean): unknown[] | null {
  const cur = getField(doc, segs);
  if (cur === undefined) {
    if (!create) return null;
    const arr: unknown[] = [];
    setField(doc, segs, arr);
    return arr;
  }
  if (!Array.isArray(cur)) throw invalidParam(`${op} needs an array at '${path}'`);
  return cur;
}

const OPS: Record<string, Op> = {
  $set: (doc, segs, arg) => setField(doc, segs, deepClone(arg)),
  $unset: (doc, segs) => {
    unsetField(doc, segs);
  },
  $inc: (doc, segs, arg, path) => {
    const by = numeric('$inc', path, arg);
    const cur = getField(doc, segs);
    setField(doc, segs, cur === undefined ? by : numeric('$inc', path, cur) + by);
  },
  $mul: (doc, segs, arg, path) => {
    const by = numeric('$mul', path, arg);
    const cur = getField(doc, segs);
    setField(doc, segs, cur === undefined ? 0 : numeric('$mul', path, cur) * by);
  },
  $min: (doc, segs, arg) => {
    const cur = getField(doc, segs);
    if (cur === undefined || compareValues(arg, cur) < 0) setField(doc, segs, deepClone(arg));
  },
  $max: (doc, segs, arg) => {
    const cur = getField(doc, segs);
    if (cur === undefined || compareValues(arg, cur) > 0) setField(doc, segs, deepClone(arg));
  },
  $rename: (doc, segs, arg, path) => {
    if (typeof arg !== 'string' || arg === '') throw invalidParam(`$rename target for '${path}' must be a field path`);
    const v = getField(doc, segs);
    if (v === undefined) return;
    unsetField(doc, segs);
    setField(doc, splitPath(arg), v);
  },
  $push: (doc, segs, arg, path) => push(doc, segs, arg, path),
  $pop: (doc, segs, arg, path) => {
    const arr = arrayAt(doc, segs, '$pop', path, false);
    if (!arr || arr.length === 0) return;
    if (arg === 1) arr.pop();
    else if (arg === -1) arr.shift();
    else throw invalidParam('$pop takes 1 (last) or -1 (first)');
  },
  $addToSet: (doc, segs, arg, path) => {
    const items = isPlainObject(arg) && '$each' in arg ? arg.$each : [arg];
    if (!Array.isArray(items)) throw invalidParam('$addToSet $each needs an array');
    const arr = arrayAt(doc, segs, '$addToSet', path, true) as unknown[];
    for (const item of items) if (!arr.some((x) => valuesEqual(x, item))) arr.push(deepClone(item));
  },
  $pull: (doc, segs, arg, path) => {
    const arr = arrayAt(doc, segs, '$pull', path, false);
    if (!arr) return;
    const hit = elementMatcher(arg);
    setField(
      doc,
      segs,
      arr.filter((el) => !hit(el)),
    );
  },
  $pullAll: (doc, segs, arg, path) => {
    if (!Array.isArray(arg)) throw invalidParam('$pullAll needs an array');
    const arr = arrayAt(doc, segs, '$pullAll', path, false);
    if (!arr) return;
    setField(
      doc,
      segs,
      arr.filter((el) => !arg.some((v) => valuesEqual(el, v))),
    );
  },
};

function intArg(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw invalidParam(`${what} needs an integer`);
  return v;
}

/** $push with the $each / $position / $sort / $slice modifiers (applied in that order). */
function push(doc: Doc, segs: string[], arg: unknown, path: string): void {
  const mods = isPlainObject(arg) && '$each' in arg ? arg : { $each: [arg] };
  for (const k of Object.keys(mods))
    if (!['$each', '$position', '$sort', '$slice'].includes(k)) throw unsupported(`$push modifier ${k}`);
  if (!Array.isArray(mods.$each)) throw invalidParam('$push $each needs an array');
  const items = mods.$each.map(deepClone);
  const arr = arrayAt(doc, segs, '$push', path, true) as unknown[];
  let at = mods.$position === undefined ? arr.length : intArg(mods.$position, '$position');
  if (at < 0) at = Math.max(0, arr.length + at);
  arr.splice(Math.min(at, arr.length), 0, ...items);
  if (mods.$sort !== undefined) sortArray(arr, mods.$sort);
  if (mods.$slice !== undefined) {
    const n = intArg(mods.$slice, '$slice');
    const kept = n >= 0 ? arr.slice(0, n) : arr.slice(Math.max(0, arr.length + n));
    arr.splice(0, arr.length, ...kept);
  }
}

function sortArray(arr: unknown[], spec: unknown): void {
  if (spec === 1 || spec === -1) {
    arr.sort((a, b) => compareValues(a, b) * (spec as number));
    return;
  }
  if (!isPlainObject(spec)) throw invalidParam('$sort needs 1, -1 or an object of field directions');
  const order = Object.entries(spec).map(([p, d]) => [p, d === -1 ? -1 : 1] as [string, 1 | -1]);
  const cmp = comparator(order);
  const wrapped = arr.map((el, i) => ({ rowid: i, doc: (isPlainObject(el) ? el : {}) as Doc, el }));
  wrapped.sort(cmp);
  arr.splice(0, arr.length, ...wrapped.map((w) => w.el));
}
