import { invalidParam, unsupported } from './errors';
import { compileFilter } from './filter';
import { getField, splitPath } from './paths';
import { deepClone, isPlainObject, own, type Doc } from './values';

// `field()` projections: inclusion ({a: 1, 'b.c': 1}, `_id` kept unless 0) or exclusion
// ({a: 0}); mixing them is refused like MongoDB does. `_.project.slice` / `elemMatch` too.

export type Projector = (doc: Doc) => Doc;

export function compileProjection(spec: unknown): Projector {
  if (spec === undefined || spec === null) return (d) => d;
  if (!isPlainObject(spec)) throw invalidParam('projection must be an object');
  const include: string[][] = [];
  const exclude: string[][] = [];
  const special: Array<{ segs: string[]; apply: (v: unknown) => unknown }> = [];
  let keepId = true;
  for (const [path, v] of Object.entries(spec)) {
    const segs = splitPath(path);
    if (isPlainObject(v)) {
      const op = Object.keys(v)[0];
      if (op === '$slice') special.push({ segs, apply: sliceOf(v.$slice) });
      else if (op === '$elemMatch') {
        special.push({ segs, apply: firstMatch(v.$elemMatch) });
        include.push(segs);
      } else throw unsupported(`projection operator ${op}`);
      continue;
    }
    const on = v === true || (typeof v === 'number' && v !== 0);
    if (path === '_id') keepId = on;
    else (on ? include : exclude).push(segs);
  }
  if (include.length && exclude.length) throw invalidParam('a projection cannot mix inclusion and exclusion');
  return (doc) => {
    let out: Doc;
    if (include.length) {
      out = {};
      if (keepId && doc._id !== undefined) out._id = doc._id;
      for (const segs of include) copyPath(doc, out, segs, 0);
    } else {
      out = deepClone(doc);
      if (!keepId) delete out._id;
      for (const segs of exclude) removePath(out, segs, 0);
    }
    for (const { segs, apply } of special) {
      const parent = getField(out, segs.slice(0, -1));
      const last = segs[segs.length - 1];
      if (isPlainObject(parent) && parent[last] !== undefined) {
        const v = apply(parent[last]);
        if (v === undefined) delete parent[last];
        else parent[last] = v;
      }
    }
    return out;
  };
}

export function copyPath(src: unknown, dst: Record<string, unknown>, segs: string[], i: number): void {
  if (!isPlainObject(src)) return;
  const v = own(src, segs[i]);
  if (v === undefined) return;
  if (i === segs.length - 1) {
    dst[segs[i]] = deepClone(v);
    return;
  }
  if (Array.isArray(v)) {
    // Inclusion inside an array keeps the selected fields of each sub-document.
    const prev = Array.isArray(dst[segs[i]]) ? (dst[segs[i]] as Record<string, unknown>[]) : [];
    const arr = v.filter(isPlainObject).map((el, k) => {
      const target = isPlainObject(prev[k]) ? prev[k] : {};
      copyPath(el, target, segs, i + 1);
      return target;
    });
    dst[segs[i]] = arr;
  } else if (isPlainObject(v)) {
    const target = isPlainObject(dst[segs[i]]) ? (dst[segs[i]] as Record<string, unknown>) : {};
    copyPath(v, target, segs, i + 1);
    dst[segs[i]] = target;
  }
}

function removePath(node: unknown, segs: string[], i: number): void {
  if (Array.isArray(node)) {
    for (const el of node) removePath(el, segs, i);
    return;
  }
  if (!isPlainObject(node)) return;
  if (i === segs.length - 1) delete node[segs[i]];
  else removePath(node[segs[i]], segs, i + 1);
}

function sliceOf(arg: unknown): (v: unknown) => unknown {
  const [skip, n] = Array.isArray(arg) ? [arg[0], arg[1]] : [undefined, arg];
  if (typeof n !== 'number' || (skip !== undefined && typeof skip !== 'number'))
    throw invalidParam('$slice needs n or [skip, n]');
  return (v) => {
    if (!Array.isArray(v)) return v;
    if (skip === undefined) return n >= 0 ? v.slice(0, n) : v.slice(Math.max(0, v.length + n));
    const start = skip >= 0 ? skip : Math.max(0, v.length + skip);
    return v.slice(start, start + n);
  };
}

function firstMatch(query: unknown): (v: unknown) => unknown {
  const pred = compileFilter(query);
  return (v) => {
    if (!Array.isArray(v)) return undefined;
    const hit = v.find((el) => isPlainObject(el) && pred(el));
    return hit === undefined ? undefined : [hit];
  };
}
