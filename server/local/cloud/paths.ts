import { invalidParam } from './errors';
import { isPlainObject, own } from './values';

// Dotted field paths ('a.b.0.c') as MongoDB/CloudBase read them: in queries a path fans out
// over arrays of sub-documents; in updates a numeric segment indexes an array.

const pathCache = new Map<string, string[]>();

export function splitPath(path: string): string[] {
  let segs = pathCache.get(path);
  if (segs) return segs;
  segs = path.split('.');
  if (path === '' || segs.some((s) => s === '' || s === '__proto__'))
    throw invalidParam(`invalid field path '${path}'`);
  if (pathCache.size > 10_000) pathCache.clear();
  pathCache.set(path, segs);
  return segs;
}

const isIndex = (seg: string): boolean => /^\d+$/.test(seg);

/**
 * Every value a query path reaches, `undefined` standing for "missing". Arrays met on the way
 * fan out to their sub-documents (and a numeric segment also picks that element), which is
 * what makes {'tags.name': 'x'} match an array of tag objects.
 */
export function queryValues(value: unknown, segs: string[], i = 0, out: unknown[] = []): unknown[] {
  if (i === segs.length) {
    out.push(value);
    return out;
  }
  if (Array.isArray(value)) {
    const seg = segs[i];
    let reached = false;
    if (isIndex(seg) && Number(seg) < value.length) {
      queryValues(value[Number(seg)], segs, i + 1, out);
      reached = true;
    }
    for (const el of value) {
      if (isPlainObject(el)) {
        queryValues(el, segs, i, out);
        reached = true;
      }
    }
    if (!reached) out.push(undefined);
    return out;
  }
  if (isPlainObject(value)) return queryValues(own(value, segs[i]), segs, i + 1, out);
  out.push(undefined);
  return out;
}

/** Plain lookup without fanning out (a numeric segment indexes an array). */
export function getField(value: unknown, segs: string[]): unknown {
  let cur = value;
  for (const seg of segs) {
    if (Array.isArray(cur) && isIndex(seg)) cur = cur[Number(seg)];
    else if (isPlainObject(cur)) cur = own(cur, seg);
    else return undefined;
  }
  return cur;
}

/** Sets a field, creating intermediate objects; refuses to turn a scalar into a container. */
export function setField(doc: Record<string, unknown>, segs: string[], value: unknown): void {
  let cur: unknown = doc;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    const last = i === segs.length - 1;
    if (Array.isArray(cur)) {
      if (!isIndex(seg)) throw invalidParam(`cannot create field '${seg}' in array at '${segs.slice(0, i).join('.')}'`);
      const idx = Number(seg);
      while (cur.length < idx) cur.push(null); // MongoDB pads with nulls
      if (last) cur[idx] = value;
      else if (cur[idx] === undefined || cur[idx] === null) cur[idx] = {};
      cur = cur[idx];
    } else if (isPlainObject(cur)) {
      if (last) cur[seg] = value;
      else if (own(cur, seg) === undefined || cur[seg] === null) cur[seg] = {};
      cur = cur[seg];
    } else {
      throw invalidParam(`cannot create field '${seg}' in element '${segs.slice(0, i).join('.')}' (not an object)`);
    }
  }
}

/** Removes a field; inside an array MongoDB nulls the element instead of shifting. */
export function unsetField(doc: Record<string, unknown>, segs: string[]): boolean {
  const parent = getField(doc, segs.slice(0, -1));
  const seg = segs[segs.length - 1];
  if (Array.isArray(parent) && isIndex(seg)) {
    if (Number(seg) >= parent.length) return false;
    parent[Number(seg)] = null;
    return true;
  }
  if (isPlainObject(parent) && seg in parent) {
    delete parent[seg];
    return true;
  }
  return false;
}

/** Aggregation's "$a.b": over an array of sub-documents it yields the array of their b values. */
export function exprPathValue(value: unknown, segs: string[], i = 0): unknown {
  if (i === segs.length) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const el of value) {
      if (!isPlainObject(el) && !Array.isArray(el)) continue;
      const v = exprPathValue(el, segs, i);
      if (v !== undefined) out.push(v);
    }
    return out;
  }
  if (isPlainObject(value)) return exprPathValue(own(value, segs[i]), segs, i + 1);
  return undefined;
}
