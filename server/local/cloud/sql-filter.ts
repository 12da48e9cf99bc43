import { isOperatorObject } from './filter';
import { scalarKey } from './sql-exprs';
import { isBsonRegExp, isPlainObject } from './values';

// Translates the parts of a filter that touch SQL-indexable paths into a WHERE clause. The
// clause is always a superset of the true matches (a prefilter); `exact` says it is precisely
// the match set, which lets the planner push LIMIT/OFFSET and COUNT(*) into SQLite. Anything
// it cannot express becomes TRUE (sql null) and leaves the decision to the JS matcher.

export interface SqlClause {
  /** null means TRUE: no narrowing. */
  sql: string | null;
  params: Array<string | number | null>;
  exact: boolean;
  /**
   * Rank expressions this clause fixes to one value in every row it lets through (an equality
   * or range on that path in a top-level conjunct). The planner leaves them out of ORDER BY:
   * SQLite does not see that an equality-constrained index expression is constant and would
   * sort in a temp B-tree instead of walking the index (filter and sort on the same field).
   */
  pinned?: string[];
}

/** How a path is indexed: the `_id` primary key, a (rank, value) expression pair, or not at all. */
export type IndexedPath = { kind: 'id' } | { kind: 'expr'; rank: string; value: string };
export type PathResolver = (path: string) => IndexedPath | null;

const TRUE: SqlClause = { sql: null, params: [], exact: false };
const FALSE: SqlClause = { sql: '0', params: [], exact: true };

export function toSqlFilter(query: unknown, resolve: PathResolver): SqlClause {
  if (!isPlainObject(query)) return { sql: null, params: [], exact: query === undefined || query === null };
  const parts: SqlClause[] = [];
  for (const key of Object.keys(query)) {
    const cond = query[key];
    if (key === '$and' || key === '$or' || key === '$nor') {
      const subs = (cond as unknown[]).map((q) => toSqlFilter(q, resolve));
      parts.push(key === '$and' ? and(subs) : key === '$or' ? or(subs) : not(or(subs)));
    } else {
      parts.push(fieldClause(key, cond, resolve));
    }
  }
  return parts.length === 0 ? { sql: null, params: [], exact: true } : and(parts);
}

function and(parts: SqlClause[]): SqlClause {
  const narrowing = parts.filter((p) => p.sql !== null);
  const exact = parts.every((p) => p.exact);
  if (narrowing.length === 0) return { sql: null, params: [], exact };
  return {
    sql: narrowing.map((p) => `(${p.sql})`).join(' AND '),
    params: narrowing.flatMap((p) => p.params),
    exact,
    pinned: narrowing.flatMap((p) => p.pinned ?? []),
  };
}

function or(parts: SqlClause[]): SqlClause {
  // One unconstrained branch makes the whole disjunction unconstrained.
  if (parts.some((p) => p.sql === null))
    return parts.every((p) => p.exact) ? { sql: null, params: [], exact: true } : TRUE;
  return {
    sql: parts.map((p) => `(${p.sql})`).join(' OR '),
    params: parts.flatMap((p) => p.params),
    exact: parts.every((p) => p.exact),
  };
}

/** A negation is only a valid superset when its operand is exact. */
function not(p: SqlClause): SqlClause {
  if (!p.exact) return TRUE;
  if (p.sql === null) return FALSE;
  return { sql: `NOT coalesce((${p.sql}), 0)`, params: p.params, exact: true };
}

function fieldClause(path: string, cond: unknown, resolve: PathResolver): SqlClause {
  const target = resolve(path);
  if (!target) return TRUE;
  if (!isOperatorObject(cond)) return eq(target, cond);
  const parts: SqlClause[] = [];
  for (const op of Object.keys(cond)) parts.push(opClause(target, op, cond[op]));
  return and(parts);
}

function opClause(t: IndexedPath, op: string, arg: unknown): SqlClause {
  switch (op) {
    case '$eq':
      return eq(t, arg);
    case '$ne':
      return not(eq(t, arg));
    case '$in':
      return inList(t, arg);
    case '$nin':
      return not(inList(t, arg));
    case '$gt':
      return range(t, '>', arg);
    case '$gte':
      return range(t, '>=', arg);
    case '$lt':
      return range(t, '<', arg);
    case '$lte':
      return range(t, '<=', arg);
    case '$exists':
      // null and missing share rank 1, so only "missing" can be narrowed (to rank 1).
      return arg || t.kind === 'id' ? TRUE : { sql: `${t.rank} = 1`, params: [], exact: false };
    case '$not':
      return isOperatorObject(arg) ? not(and(Object.keys(arg).map((o) => opClause(t, o, arg[o])))) : TRUE;
    case '$regex':
      return t.kind === 'expr' ? { sql: `${t.rank} = 3`, params: [], exact: false } : TRUE;
    default:
      return TRUE; // $size, $all, $elemMatch, $mod...: the JS matcher decides
  }
}

function eq(t: IndexedPath, v: unknown): SqlClause {
  if (isBsonRegExp(v)) return t.kind === 'expr' ? { sql: `${t.rank} = 3`, params: [], exact: false } : TRUE;
  const key = scalarKey(v);
  if (!key) return TRUE;
  if (t.kind === 'id') {
    if (typeof key.value !== 'string' && typeof key.value !== 'number') return TRUE;
    if (key.rank !== 2 && key.rank !== 3) return FALSE; // _id is always a string or a number
    return { sql: 'id = ?', params: [key.value], exact: true };
  }
  if (key.rank === 1) return { sql: `${t.rank} = 1`, params: [], exact: true, pinned: [t.rank] };
  return { sql: `${t.rank} = ${key.rank} AND ${t.value} = ?`, params: [key.value], exact: true, pinned: [t.rank] };
}

function inList(t: IndexedPath, arg: unknown): SqlClause {
  if (!Array.isArray(arg)) return TRUE;
  if (arg.length === 0) return FALSE;
  const byRank = new Map<number, Array<string | number>>();
  let hasNull = false;
  for (const v of arg) {
    const key = scalarKey(v);
    if (!key || isBsonRegExp(v)) return TRUE;
    if (key.value === null) hasNull = true;
    else byRank.set(key.rank, [...(byRank.get(key.rank) ?? []), key.value]);
  }
  if (t.kind === 'id') {
    const ids = [...(byRank.get(2) ?? []), ...(byRank.get(3) ?? [])];
    if (ids.length === 0) return FALSE;
    return { sql: `id IN (${ids.map(() => '?').join(', ')})`, params: ids, exact: true };
  }
  const parts: SqlClause[] = [];
  if (hasNull) parts.push({ sql: `${t.rank} = 1`, params: [], exact: true });
  for (const [rank, values] of byRank) {
    parts.push({
      sql: `${t.rank} = ${rank} AND ${t.value} IN (${values.map(() => '?').join(', ')})`,
      params: values,
      exact: true,
    });
  }
  return or(parts);
}

function range(t: IndexedPath, cmp: string, v: unknown): SqlClause {
  const key = scalarKey(v);
  if (!key) return TRUE;
  if (key.value === null) {
    // Only $gte/$lte null match anything (null and missing); $gt/$lt null match nothing.
    if (cmp === '>=' || cmp === '<=')
      return t.kind === 'id' ? FALSE : { sql: `${t.rank} = 1`, params: [], exact: true, pinned: [t.rank] };
    return FALSE;
  }
  if (t.kind === 'id') {
    if (key.rank !== 2 && key.rank !== 3) return FALSE;
    const type = key.rank === 2 ? "IN ('integer', 'real')" : "= 'text'";
    return { sql: `typeof(id) ${type} AND id ${cmp} ?`, params: [key.value], exact: true };
  }
  return { sql: `${t.rank} = ${key.rank} AND ${t.value} ${cmp} ?`, params: [key.value], exact: true, pinned: [t.rank] };
}
