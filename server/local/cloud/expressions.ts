import { invalidParam, unsupported } from './errors';
import { exprPathValue, splitPath } from './paths';
import { compareValues, isPlainObject, type Doc } from './values';

// Aggregation expressions: "$field.path", literals, objects of expressions, and a deliberate
// subset of operators. Anything else is refused with the operator's name (never guessed).

type Args = unknown[];
type OpImpl = (args: Args, root: Doc) => unknown;

export function evalExpr(expr: unknown, root: Doc): unknown {
  if (typeof expr === 'string') {
    if (expr.startsWith('$$')) {
      const name = expr.slice(2).split('.')[0];
      if (name !== 'ROOT' && name !== 'CURRENT') throw unsupported(`aggregation variable $$${name}`);
      const rest = expr.slice(2 + name.length + 1);
      return rest ? exprPathValue(root, splitPath(rest)) : root;
    }
    if (expr.startsWith('$')) return exprPathValue(root, splitPath(expr.slice(1)));
    return expr;
  }
  if (Array.isArray(expr)) return expr.map((e) => evalExpr(e, root));
  if (!isPlainObject(expr)) return expr;
  const keys = Object.keys(expr);
  if (keys.length > 0 && keys[0].startsWith('$')) {
    if (keys.length !== 1)
      throw invalidParam(`an expression object must have exactly one operator, got ${keys.join(', ')}`);
    const op = keys[0];
    const raw = expr[op];
    // Operators that evaluate their arguments lazily or take named arguments.
    if (op === '$literal') return raw;
    if (op === '$cond')
      return evalCond(isPlainObject(raw) ? [raw.if, raw.then, raw.else] : Array.isArray(raw) ? raw : [raw], root);
    if (op === '$switch') return evalSwitch(raw, root);
    if (op === '$dateToString') return dateToString(raw, root);
    if (DATE_PARTS[op] && isPlainObject(raw) && 'date' in raw)
      return datePart(op, [evalExpr(raw.date, root), evalExpr(raw.timezone, root)]);
    const impl = OPERATORS[op];
    if (!impl) throw unsupported(`aggregation operator ${op}`);
    return impl(
      (Array.isArray(raw) ? raw : [raw]).map((a) => evalExpr(a, root)),
      root,
    );
  }
  const out: Doc = {};
  for (const k of keys) {
    const v = evalExpr(expr[k], root);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** MongoDB truthiness: false, null, missing and 0 are false. */
export function truthy(v: unknown): boolean {
  return !(v === false || v === null || v === undefined || v === 0);
}

const isNullish = (v: unknown): boolean => v === null || v === undefined;

function nums(op: string, args: Args): number[] | null {
  if (args.some(isNullish)) return null;
  for (const a of args) if (typeof a !== 'number') throw invalidParam(`${op} only supports numeric arguments`);
  return args as number[];
}

function arith(op: string, f: (xs: number[]) => number): OpImpl {
  return (args) => {
    const xs = nums(op, args);
    return xs === null ? null : f(xs);
  };
}

function evalCond(parts: unknown[], root: Doc): unknown {
  if (parts.length !== 3) throw invalidParam('$cond needs [if, then, else]');
  return truthy(evalExpr(parts[0], root)) ? evalExpr(parts[1], root) : evalExpr(parts[2], root);
}

function evalSwitch(spec: unknown, root: Doc): unknown {
  if (!isPlainObject(spec) || !Array.isArray(spec.branches)) throw invalidParam('$switch needs {branches, default}');
  for (const b of spec.branches) {
    if (!isPlainObject(b)) throw invalidParam('$switch branches need {case, then}');
    if (truthy(evalExpr(b.case, root))) return evalExpr(b.then, root);
  }
  if (!('default' in spec)) throw invalidParam('$switch found no matching branch and has no default');
  return evalExpr(spec.default, root);
}

// ---- dates (UTC unless a fixed offset like '+08:00' or 'Asia/Shanghai' is given) ----------

function offsetMinutes(tz: unknown): number {
  if (tz === undefined || tz === null || tz === 'UTC' || tz === 'GMT') return 0;
  if (tz === 'Asia/Shanghai' || tz === 'Asia/Chongqing' || tz === 'PRC') return 480; // China has no DST
  const m = typeof tz === 'string' ? /^([+-])(\d{2}):?(\d{2})$/.exec(tz) : null;
  if (!m) throw unsupported(`timezone '${String(tz)}' (use a fixed offset such as '+08:00')`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

function shifted(d: unknown, tz: unknown): Date | null {
  if (isNullish(d)) return null;
  if (!(d instanceof Date)) throw invalidParam('date operators need a Date');
  return new Date(d.getTime() + offsetMinutes(tz) * 60_000);
}

const DATE_PARTS: Record<string, (d: Date) => number> = {
  $year: (d) => d.getUTCFullYear(),
  $month: (d) => d.getUTCMonth() + 1,
  $dayOfMonth: (d) => d.getUTCDate(),
  $hour: (d) => d.getUTCHours(),
  $minute: (d) => d.getUTCMinutes(),
  $second: (d) => d.getUTCSeconds(),
  $millisecond: (d) => d.getUTCMilliseconds(),
  $dayOfWeek: (d) => d.getUTCDay() + 1,
  $dayOfYear: (d) => Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1,
};

function datePart(op: string, [d, tz]: Args): unknown {
  const s = shifted(d, tz);
  return s === null ? null : DATE_PARTS[op](s);
}

function dateToString(spec: unknown, root: Doc): unknown {
  if (!isPlainObject(spec)) throw invalidParam('$dateToString needs {format, date, timezone}');
  const s = shifted(evalExpr(spec.date, root), evalExpr(spec.timezone, root));
  if (s === null) return 'onNull' in spec ? evalExpr(spec.onNull, root) : null;
  const fmt = typeof spec.format === 'string' ? spec.format : '%Y-%m-%dT%H:%M:%S.%LZ';
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return fmt.replace(/%([YmdHMSLjw%])/g, (_, c: string) => {
    switch (c) {
      case 'Y':
        return pad(s.getUTCFullYear(), 4);
      case 'm':
        return pad(s.getUTCMonth() + 1);
      case 'd':
        return pad(s.getUTCDate());
      case 'H':
        return pad(s.getUTCHours());
      case 'M':
        return pad(s.getUTCMinutes());
      case 'S':
        return pad(s.getUTCSeconds());
      case 'L':
        return pad(s.getUTCMilliseconds(), 3);
      case 'j':
        return pad(DATE_PARTS.$dayOfYear(s), 3);
      case 'w':
        return String(s.getUTCDay() + 1);
      default:
        return '%';
    }
  });
}

function addOrSubtract(sign: 1 | -1): OpImpl {
  return (args) => {
    if (args.some(isNullish)) return null;
    if (sign === -1) {
      const [a, b] = args;
      if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
      if (a instanceof Date && typeof b === 'number') return new Date(a.getTime() - b);
      const xs = nums('$subtract', [a, b]);
      return xs === null ? null : xs[0] - xs[1];
    }
    let date: Date | null = null;
    let sum = 0;
    for (const a of args) {
      if (a instanceof Date) {
        if (date) throw invalidParam('$add supports only one Date');
        date = a;
      } else if (typeof a === 'number') sum += a;
      else throw invalidParam('$add only supports numbers and one Date');
    }
    return date ? new Date(date.getTime() + sum) : sum;
  };
}

const cmp =
  (test: (c: number) => boolean): OpImpl =>
  (args) =>
    test(compareValues(args[0], args[1]));

const str = (op: string, v: unknown): string => {
  if (isNullish(v)) return '';
  if (typeof v !== 'string') throw invalidParam(`${op} needs a string`);
  return v;
};

const OPERATORS: Record<string, OpImpl> = {
  $add: addOrSubtract(1),
  $subtract: addOrSubtract(-1),
  $multiply: arith('$multiply', (xs) => xs.reduce((a, b) => a * b, 1)),
  $divide: arith('$divide', ([a, b]) => {
    if (b === 0) throw invalidParam('$divide by zero');
    return a / b;
  }),
  $mod: arith('$mod', ([a, b]) => a % b),
  $abs: arith('$abs', ([a]) => Math.abs(a)),
  $ceil: arith('$ceil', ([a]) => Math.ceil(a)),
  $floor: arith('$floor', ([a]) => Math.floor(a)),
  $trunc: arith('$trunc', ([a]) => Math.trunc(a)),
  $sqrt: arith('$sqrt', ([a]) => Math.sqrt(a)),
  $pow: arith('$pow', ([a, b]) => a ** b),
  $concat: (args) => (args.some(isNullish) ? null : args.map((a) => str('$concat', a)).join('')),
  $toLower: ([a]) => str('$toLower', a).toLowerCase(),
  $toUpper: ([a]) => str('$toUpper', a).toUpperCase(),
  $strLenCP: ([a]) => [...str('$strLenCP', a)].length,
  $substrCP: ([a, start, len]) => [...str('$substrCP', a)].slice(Number(start), Number(start) + Number(len)).join(''),
  $split: ([a, sep]) => (isNullish(a) ? null : str('$split', a).split(str('$split', sep))),
  $eq: cmp((c) => c === 0),
  $ne: cmp((c) => c !== 0),
  $gt: cmp((c) => c > 0),
  $gte: cmp((c) => c >= 0),
  $lt: cmp((c) => c < 0),
  $lte: cmp((c) => c <= 0),
  $cmp: (args) => Math.sign(compareValues(args[0], args[1])),
  $and: (args) => args.every(truthy),
  $or: (args) => args.some(truthy),
  $not: ([a]) => !truthy(a),
  $ifNull: (args) => args.find((a) => !isNullish(a)) ?? null,
  $size: ([a]) => {
    if (!Array.isArray(a)) throw invalidParam('$size needs an array');
    return a.length;
  },
  $arrayElemAt: ([a, i]) => {
    if (isNullish(a)) return null;
    if (!Array.isArray(a) || typeof i !== 'number') throw invalidParam('$arrayElemAt needs [array, index]');
    return a[i < 0 ? a.length + i : i];
  },
  $in: ([x, a]) => {
    if (!Array.isArray(a)) throw invalidParam('$in needs an array as its second argument');
    return a.some((v) => compareValues(v, x) === 0);
  },
  $isArray: ([a]) => Array.isArray(a),
  $concatArrays: (args) => (args.some(isNullish) ? null : args.flatMap((a) => (Array.isArray(a) ? a : []))),
  $toString: ([a]) => (isNullish(a) ? null : a instanceof Date ? a.toISOString() : String(a)),
};
// `$year: '$at'` as well as `$year: { date: '$at', timezone: '+08:00' }` (handled above).
for (const op of Object.keys(DATE_PARTS)) OPERATORS[op] = (args) => datePart(op, args);
