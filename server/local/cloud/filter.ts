import { invalidParam, unsupported } from './errors';
import { queryValues, splitPath } from './paths';
import { compareValues, isBsonRegExp, isPlainObject, typeRank, valuesEqual } from './values';

// The exact query matcher: CloudBase (MongoDB) filter semantics over the value model. This is
// the source of truth; the SQL prefilter (sql-filter.ts) only narrows the rows it looks at.
// Compiling validates the whole filter first, so an unsupported operator fails the request
// even when the collection is empty.

export type Predicate = (doc: unknown) => boolean;
/** Decides a field condition from every value the path reaches (`undefined` = missing). */
type ValuesTest = (values: unknown[]) => boolean;

const LOGICAL = new Set(['$and', '$or', '$nor']);

export function compileFilter(query: unknown): Predicate {
  if (query === undefined || query === null) return () => true;
  if (!isPlainObject(query)) throw invalidParam('query must be an object');
  const parts: Predicate[] = [];
  for (const key of Object.keys(query)) {
    const cond = query[key];
    if (LOGICAL.has(key)) parts.push(compileLogical(key, cond));
    else if (key.startsWith('$')) throw unsupported(`query operator ${key}`);
    else parts.push(compileField(key, cond));
  }
  if (parts.length === 1) return parts[0];
  return (doc) => parts.every((p) => p(doc));
}

function compileLogical(op: string, cond: unknown): Predicate {
  if (!Array.isArray(cond) || cond.length === 0) throw invalidParam(`${op} needs a non-empty array`);
  const subs = cond.map(compileFilter);
  if (op === '$and') return (doc) => subs.every((p) => p(doc));
  if (op === '$or') return (doc) => subs.some((p) => p(doc));
  return (doc) => !subs.some((p) => p(doc)); // $nor
}

/** True when `v` is an operator object like {$gt: 1}; mixing operators and fields is refused. */
export function isOperatorObject(v: unknown): v is Record<string, unknown> {
  if (!isPlainObject(v)) return false;
  const keys = Object.keys(v);
  if (keys.length === 0 || !keys[0].startsWith('$')) return false;
  if (keys.some((k) => !k.startsWith('$')))
    throw invalidParam(`cannot mix operators and fields in ${JSON.stringify(keys)}`);
  return true;
}

function compileField(path: string, cond: unknown): Predicate {
  const segs = splitPath(path);
  const test = isOperatorObject(cond) ? compileOperators(cond) : equalityTest(cond);
  return (doc) => test(queryValues(doc, segs));
}

/** Element-wise semantics shared by most operators: the value or any element of an array value. */
function anyValue(values: unknown[], ok: (v: unknown) => boolean): boolean {
  for (const v of values) {
    if (ok(v)) return true;
    if (Array.isArray(v) && v.some(ok)) return true;
  }
  return false;
}

function equalityTest(expected: unknown): ValuesTest {
  if (isBsonRegExp(expected)) return regexTest(toJsRegExp(expected.pattern, expected.options));
  if (expected === null) return (values) => anyValue(values, (v) => v === null || v === undefined);
  return (values) => anyValue(values, (v) => v !== undefined && valuesEqual(v, expected));
}

function regexTest(re: RegExp): ValuesTest {
  return (values) => anyValue(values, (v) => typeof v === 'string' && re.test(v));
}

const REGEX_FLAGS: Record<string, string> = { i: 'i', m: 'm', s: 's', u: 'u' };

export function toJsRegExp(pattern: unknown, options: unknown): RegExp {
  if (typeof pattern !== 'string') throw invalidParam('regular expression pattern must be a string');
  let flags = '';
  for (const o of typeof options === 'string' ? options : '') {
    const f = REGEX_FLAGS[o];
    if (!f) throw unsupported(`regular expression option '${o}'`);
    if (!flags.includes(f)) flags += f;
  }
  try {
    return new RegExp(pattern, flags);
  } catch (e) {
    throw invalidParam(`invalid regular expression /${pattern}/: ${(e as Error).message}`);
  }
}

function compileOperators(ops: Record<string, unknown>): ValuesTest {
  const tests: ValuesTest[] = [];
  for (const op of Object.keys(ops)) {
    if (op === '$options') {
      if (!('$regex' in ops)) throw invalidParam('$options needs $regex');
      continue;
    }
    tests.push(compileOperator(op, ops[op], ops));
  }
  return (values) => tests.every((t) => t(values));
}

function compareTest(expected: unknown, accept: (c: number) => boolean): ValuesTest {
  // Type bracketing: $gt 5 only considers numbers, $gt 'a' only strings, and so on.
  const rank = typeRank(expected);
  return (values) => anyValue(values, (v) => typeRank(v) === rank && accept(compareValues(v, expected)));
}

function compileOperator(op: string, arg: unknown, all: Record<string, unknown>): ValuesTest {
  switch (op) {
    case '$eq':
      return equalityTest(arg);
    case '$ne': {
      const eq = equalityTest(arg);
      return (values) => !eq(values);
    }
    case '$gt':
      return compareTest(arg, (c) => c > 0);
    case '$gte':
      return compareTest(arg, (c) => c >= 0);
    case '$lt':
      return compareTest(arg, (c) => c < 0);
    case '$lte':
      return compareTest(arg, (c) => c <= 0);
    case '$in':
      return inTest(arg, op);
    case '$nin': {
      const inT = inTest(arg, op);
      return (values) => !inT(values);
    }
    case '$exists': {
      const want = Boolean(arg);
      return (values) => values.some((v) => v !== undefined) === want;
    }
    case '$size': {
      if (typeof arg !== 'number' || !Number.isInteger(arg) || arg < 0)
        throw invalidParam('$size needs a non-negative integer');
      return (values) => values.some((v) => Array.isArray(v) && v.length === arg);
    }
    case '$all':
      return allTest(arg);
    case '$elemMatch':
      return elemMatchTest(arg);
    case '$not':
      return notTest(arg);
    case '$regex':
      return regexTest(
        isBsonRegExp(arg) ? toJsRegExp(arg.pattern, all.$options ?? arg.options) : toJsRegExp(arg, all.$options),
      );
    case '$mod':
      return modTest(arg);
    default:
      throw unsupported(`query operator ${op}`);
  }
}

function inTest(arg: unknown, op: string): ValuesTest {
  if (!Array.isArray(arg)) throw invalidParam(`${op} needs an array`);
  const tests = arg.map(equalityTest);
  return (values) => tests.some((t) => t(values));
}

function allTest(arg: unknown): ValuesTest {
  if (!Array.isArray(arg)) throw invalidParam('$all needs an array');
  const tests = arg.map((item) =>
    isPlainObject(item) && '$elemMatch' in item ? elemMatchTest(item.$elemMatch) : equalityTest(item),
  );
  return (values) => tests.length > 0 && tests.every((t) => t(values));
}

function elemMatchTest(arg: unknown): ValuesTest {
  if (!isPlainObject(arg)) throw invalidParam('$elemMatch needs an object');
  // {$elemMatch: {$gt: 1}} tests elements as values; {$elemMatch: {a: 1}} as sub-documents.
  const elementOk: (el: unknown) => boolean = isOperatorObject(arg)
    ? (
        (ops) => (el: unknown) =>
          ops([el])
      )(compileOperators(arg))
    : (
        (pred) => (el: unknown) =>
          isPlainObject(el) && pred(el)
      )(compileFilter(arg));
  return (values) => values.some((v) => Array.isArray(v) && v.some(elementOk));
}

function notTest(arg: unknown): ValuesTest {
  let inner: ValuesTest;
  if (isBsonRegExp(arg)) inner = regexTest(toJsRegExp(arg.pattern, arg.options));
  else if (isOperatorObject(arg)) inner = compileOperators(arg);
  else throw invalidParam('$not needs an operator expression or a regular expression');
  return (values) => !inner(values);
}

function modTest(arg: unknown): ValuesTest {
  if (
    !Array.isArray(arg) ||
    arg.length !== 2 ||
    typeof arg[0] !== 'number' ||
    typeof arg[1] !== 'number' ||
    arg[0] === 0
  ) {
    throw invalidParam('$mod needs [divisor, remainder] with a non-zero divisor');
  }
  const [d, r] = arg as [number, number];
  return (values) => anyValue(values, (v) => typeof v === 'number' && Math.trunc(v) % Math.trunc(d) === Math.trunc(r));
}

/**
 * How $pull decides which array elements to remove: an operator object tests each element as
 * a value, a plain object is a query on sub-document elements, anything else means "equal to".
 */
export function elementMatcher(cond: unknown): (el: unknown) => boolean {
  if (isOperatorObject(cond)) {
    const test = compileOperators(cond);
    return (el) => test([el]);
  }
  if (isPlainObject(cond)) {
    const pred = compileFilter(cond);
    return (el) => isPlainObject(el) && pred(el);
  }
  if (isBsonRegExp(cond)) {
    const re = toJsRegExp(cond.pattern, cond.options);
    return (el) => typeof el === 'string' && re.test(el);
  }
  return (el) => valuesEqual(el, cond);
}
