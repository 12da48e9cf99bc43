import { isObjectId } from './bson';
import { isPlainObject, own } from './values';

// SQL index keys for a document path. Each indexed path becomes two expressions over the JSON
// text: a BSON type rank and a scalar value. Ordering by (rank, value) is exactly MongoDB's
// cross-type order for scalars (values.ts typeRank), and the same text is used in CREATE INDEX
// and in queries so SQLite's planner matches them. Paths whose values are ever arrays or
// embedded documents are "non-scalar" and never pushed down to SQL (see store path stats).

/** Segments allowed in pushed-down paths: keeps the generated SQL free of quoting problems. */
const SAFE_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isSqlSafePath(segs: string[]): boolean {
  return segs.length > 0 && segs.every((s) => SAFE_SEGMENT.test(s));
}

function jsonPath(segs: string[]): string {
  return `'$${segs.map((s) => `."${s}"`).join('')}'`;
}

/** The rank expression: 1 null/missing, 2 number, 3 string, 4 object, 5 array, 7 oid, 8 bool, 9 date. */
export function rankExpr(segs: string[]): string {
  const p = jsonPath(segs);
  const date = jsonPath([...segs, '$date']);
  const oid = jsonPath([...segs, '$oid']);
  return (
    `(CASE json_type(data, ${p}) WHEN 'integer' THEN 2 WHEN 'real' THEN 2 WHEN 'text' THEN 3 ` +
    `WHEN 'true' THEN 8 WHEN 'false' THEN 8 WHEN 'array' THEN 5 WHEN 'object' THEN ` +
    `(CASE WHEN json_type(data, ${date}) IS NOT NULL THEN 9 WHEN json_type(data, ${oid}) IS NOT NULL THEN 7 ELSE 4 END) ` +
    `ELSE 1 END)`
  );
}

/** The value expression: the number/string/0-1, a date's epoch ms, an ObjectId's hex; else NULL. */
export function valueExpr(segs: string[]): string {
  const p = jsonPath(segs);
  const date = jsonPath([...segs, '$date']);
  const oid = jsonPath([...segs, '$oid']);
  return (
    `(CASE json_type(data, ${p}) WHEN 'object' THEN coalesce(json_extract(data, ${date}), json_extract(data, ${oid})) ` +
    `WHEN 'array' THEN NULL ELSE json_extract(data, ${p}) END)`
  );
}

/** SQL predicate: this row makes the path non-scalar (an array on the way, or a container/NaN at the end). */
export function nonScalarSql(segs: string[]): string {
  const arraysOnTheWay = segs
    .slice(0, -1)
    .map((_, i) => `json_type(data, ${jsonPath(segs.slice(0, i + 1))}) = 'array'`);
  return [...arraysOnTheWay, `${rankExpr(segs)} IN (4, 5)`].join(' OR ');
}

/** The same test in JS, run on every write to keep the per-path counters exact. */
export function isNonScalarAt(doc: unknown, segs: string[]): boolean {
  let cur = doc;
  for (let i = 0; i < segs.length; i++) {
    if (Array.isArray(cur)) return true;
    if (!isPlainObject(cur)) return false; // a scalar on the way: the path is simply missing
    cur = own(cur, segs[i]);
  }
  if (cur === undefined || cur === null || typeof cur === 'string' || typeof cur === 'boolean') return false;
  if (typeof cur === 'number') return !Number.isFinite(cur);
  if (cur instanceof Date || isObjectId(cur)) return false;
  return true;
}

/** The (rank, value) SQL parameters of a scalar query value, or null when SQL cannot express it. */
export function scalarKey(v: unknown): { rank: number; value: number | string | null } | null {
  if (v === null) return { rank: 1, value: null };
  if (typeof v === 'number') return Number.isFinite(v) ? { rank: 2, value: v } : null;
  if (typeof v === 'string') return { rank: 3, value: v };
  if (typeof v === 'boolean') return { rank: 8, value: v ? 1 : 0 };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : { rank: 9, value: v.getTime() };
  if (isObjectId(v)) return { rank: 7, value: v.toHexString() };
  return null;
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
