import fc from 'fast-check';
import { fieldPaths, type SchemaNode } from './schema-model';

// Hostile payloads for one action, built from its schema and a valid sample payload: the valid
// sample is taken apart field by field (wrong types, missing and extra fields, huge strings,
// deep nesting, prototype keys, NoSQL operators, control characters, emoji and mixed scripts),
// so each case is one or a few steps away from something the action would accept.

export interface HostileCase {
  /** What was done to the valid sample, for the failure message. */
  label: string;
  payload: unknown;
}

/** fast-check prints counterexamples; a 4 000-level payload must be printed short, not recursively. */
function hostileCase(label: string, payload: unknown): HostileCase {
  return { label, payload, [fc.toStringMethod]: () => `${label} → ${describeValue(payload)}` } as HostileCase;
}

const huge = (n: number, unit = 'a') => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Nested arrays or objects `depth` levels deep, built without recursion. */
export function deepNest(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** Operator objects a NoSQL layer might obey if a handler passed a field straight into a query. */
export const OPERATOR_INJECTIONS: unknown[] = [
  { $ne: null },
  { $gt: '' },
  { $gte: 0 },
  { $lt: 'zzzz' },
  { $where: 'sleep(5000) || true' },
  { $where: 'function () { return true; }' },
  { $regex: '.*' },
  { $regex: '^', $options: 'i' },
  { $in: ['u-education', 'u-huamachi', null] },
  { $nin: [] },
  { $exists: true },
  { $expr: { $eq: [1, 1] } },
  { $or: [{ _id: { $exists: true } }] },
  { $elemMatch: { $ne: null } },
  { $function: { body: 'return true', args: [], lang: 'js' } },
  [{ $ne: null }],
  { a: { $ne: null } },
];

export const INJECTION_STRINGS = [
  '{"$ne":null}',
  '$where',
  "'; DROP TABLE c_messages; --",
  '" OR 1=1 --',
  "') OR ('1'='1",
  '../../../../etc/passwd',
  '%00',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '\\u0000',
  'a.b.c',
  '_id',
  'u-education\u0000',
  'u-education\n',
  ' u-education',
];

export const CONTROL_STRINGS = [
  '\u0000',
  'abc\u0000def',
  '\u0007\u0008\u000b\u000c',
  '\u001b[31m红色\u001b[0m',
  '\r\n\r\n',
  '\u2028\u2029',
  '\u202e\u202d反向文字',
  '\ufeff开头有 BOM',
  '零\u200b宽\u200d字\u200c符',
  '\ud800',
  '孤立\udfff代理',
  'e\u0301\u0301\u0301\u0301\u0301',
  '\u007f删除符',
];

export const SCRIPT_STRINGS = [
  '👨‍👩‍👧‍👦👍🏽🇨🇳',
  '盐池县Yanchi🏜️مرحبا שלום',
  'Привет, こんにちは, 안녕하세요',
  'ℌ𝔢𝔩𝔩𝔬 𝕎𝕠𝕣𝕝𝕕',
  '𠀀𠀁𠀂𪚥𩸽',
  'ﷺ ﷽',
  'Z̷̢̛̛̗̗a̸̡̛̘l̵̨̛g̶̨̛o̷̢̊',
  '   ',
  '\t\t',
];

const WRONG_TYPES: unknown[] = [
  0,
  -1,
  1.5,
  -0,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  false,
  null,
  '',
  'x',
  [],
  [1, 2, 3],
  {},
  { a: 1 },
];

const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];
const ODD_KEYS = ['$where', '$ne', 'a.b', '', ' ', '_id', 'openid', 'staffId', 'role', 'status', '\u0000', '键'];

const hugeStrings = fc.constantFrom(
  huge(1001),
  huge(5000, '中'),
  huge(65_537),
  huge(300_000),
  huge(120_000, '🏜️'),
  huge(200, '\u0000'),
);

const deepValues = fc
  .tuple(fc.constantFrom(64, 1000, 4000, 20_000, 100_000), fc.constantFrom<'array' | 'object'>('array', 'object'))
  .map(([d, k]) => deepNest(d, k));

const oddNumbers = fc.constantFrom(
  -0,
  0.1 + 0.2,
  1e21,
  -1e21,
  2 ** 53,
  -(2 ** 53),
  Number.MIN_VALUE,
  1e308,
  4294967296,
  -2147483649,
);

/** Any hostile value, whatever the field expects. */
export const anyHostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...WRONG_TYPES),
  fc.constantFrom(...OPERATOR_INJECTIONS),
  fc.constantFrom(...INJECTION_STRINGS),
  fc.constantFrom(...CONTROL_STRINGS),
  fc.constantFrom(...SCRIPT_STRINGS),
  hugeStrings,
  deepValues,
  oddNumbers,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Values aimed at one field: near-misses of its type as well as the generic hostile ones. */
function valueFor(node: SchemaNode): fc.Arbitrary<unknown> {
  const specific: Array<fc.Arbitrary<unknown>> = [];
  switch (node.kind) {
    case 'string': {
      for (const p of node.patterns) {
        const valid = fc.stringMatching(p);
        specific.push(valid);
        specific.push(
          fc.tuple(valid, fc.constantFrom(...INJECTION_STRINGS, ...CONTROL_STRINGS)).map(([v, s]) => `${v}${s}`),
        );
      }
      if (node.max !== undefined) {
        specific.push(fc.constant(huge(node.max + 1, '字')));
        specific.push(fc.constant(huge(node.max, '字')));
      }
      if (node.min !== undefined && node.min > 0) specific.push(fc.constant(huge(node.min - 1, '字')));
      // Valid-looking text in other scripts, with emoji: these should be accepted and stored intact.
      specific.push(
        fc
          .tuple(fc.constantFrom(...SCRIPT_STRINGS), fc.string({ unit: 'grapheme', minLength: 2, maxLength: 12 }))
          .map(([a, b]) => `留言${a}${b}`.slice(0, node.max ?? 200)),
      );
      break;
    }
    case 'number':
      specific.push(oddNumbers);
      if (node.min !== undefined) specific.push(fc.constant(node.min - 1), fc.constant(node.min - 0.5));
      if (node.max !== undefined) specific.push(fc.constant(node.max + 1), fc.constant(node.max * 10));
      specific.push(fc.constantFrom('20', '1e3', '0x10', ' 5 '));
      break;
    case 'enum':
      specific.push(
        fc
          .tuple(fc.constantFrom(...node.values.map(String)), fc.constantFrom('', ' ', '\u0000', 'X', '.__proto__'))
          .map(([v, s]) => `${v}${s}`),
        fc.constantFrom(...node.values.map((v) => String(v).toUpperCase())),
      );
      break;
    case 'boolean':
      specific.push(fc.constantFrom('true', 'false', 0, 1, 'yes', [true]));
      break;
    case 'object':
      specific.push(fc.constantFrom({}, [], 'object'));
      break;
    default:
      break;
  }
  return specific.length ? fc.oneof(anyHostileValue, ...specific) : anyHostileValue;
}

/** A JSON round trip, as the wire does; values too deep for JSON.stringify are kept as they are. */
function overTheWire<T>(v: T): T {
  if (v === undefined) return v;
  try {
    return JSON.parse(JSON.stringify(v)) as T;
  } catch (e) {
    if (e instanceof RangeError) return v;
    throw e;
  }
}

function setAt(root: Record<string, unknown>, path: string[], value: unknown): void {
  let cur = root;
  for (const key of path.slice(0, -1)) {
    const next = cur[key];
    if (!next || typeof next !== 'object' || Array.isArray(next)) {
      Object.defineProperty(cur, key, { value: {}, enumerable: true, writable: true, configurable: true });
    }
    cur = cur[key] as Record<string, unknown>;
  }
  // defineProperty, so a key such as '__proto__' becomes an own property as JSON.parse makes it.
  Object.defineProperty(cur, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
}

function deleteAt(root: Record<string, unknown>, path: string[]): void {
  let cur: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (!cur || typeof cur !== 'object') return;
    cur = (cur as Record<string, unknown>)[key];
  }
  if (cur && typeof cur === 'object') delete (cur as Record<string, unknown>)[path[path.length - 1]];
}

type Step = { label: string; apply: (p: Record<string, unknown>) => void };

function steps(model: SchemaNode): fc.Arbitrary<Step> {
  const paths = fieldPaths(model);
  const objectPaths = [[], ...paths.filter((p) => p.field.node.kind === 'object').map((p) => p.path)];
  const options: Array<fc.Arbitrary<Step>> = [];
  if (paths.length) {
    options.push(
      fc
        .constantFrom(...paths)
        .chain((p) => valueFor(p.field.node).map((v) => ({ p, v })))
        .map(({ p, v }) => ({
          label: `${p.path.join('.')} = ${describeValue(v)}`,
          apply: (payload: Record<string, unknown>) => setAt(payload, p.path, v),
        })),
      fc.constantFrom(...paths).map((p) => ({
        label: `${p.path.join('.')} removed`,
        apply: (payload: Record<string, unknown>) => deleteAt(payload, p.path),
      })),
    );
  }
  options.push(
    fc
      .tuple(
        fc.constantFrom(...objectPaths),
        fc.oneof(fc.constantFrom(...PROTO_KEYS, ...ODD_KEYS), fc.string({ maxLength: 12 })),
        fc.oneof(anyHostileValue, fc.constant({ polluted: 'yes', isAdmin: true, roles: ['infoCenter'] })),
      )
      .map(([at, key, v]) => ({
        label: `extra field ${[...at, key].join('.')} = ${describeValue(v)}`,
        apply: (payload: Record<string, unknown>) => setAt(payload, [...at, key], v),
      })),
  );
  return fc.oneof(...options);
}

/** Hostile variants of `sample` (a valid payload) for an action whose input is `model`. */
export function hostileCases(model: SchemaNode, sample: unknown): fc.Arbitrary<HostileCase> {
  const whole = fc
    .oneof(
      fc.constantFrom<unknown>(null, [], 'data', 42, true, [sample], { $where: 'true' }, ''),
      deepValues,
      anyHostileValue,
    )
    .map((payload) => hostileCase(`data = ${describeValue(payload)}`, payload));
  const base = sample && typeof sample === 'object' && !Array.isArray(sample) ? sample : {};
  const mutated = fc.array(steps(model), { minLength: 1, maxLength: 3 }).map((list) => {
    const payload = overTheWire(base) as Record<string, unknown>;
    for (const s of list) s.apply(payload);
    // What a real client sends goes through JSON on the way (wx.cloud.callFunction and HTTP alike).
    return hostileCase(list.map((s) => s.label).join('; '), overTheWire(payload) as unknown);
  });
  return fc.oneof({ weight: 1, arbitrary: whole }, { weight: 6, arbitrary: mutated });
}

/** A short, printable description of a (possibly enormous) value. */
export function describeValue(v: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    return `${Array.isArray(v) ? 'array' : typeof v} nested too deep to print`;
  }
  if (typeof v === 'string' && v.length > 60) return `"${[...v.slice(0, 12)].join('')}…" (${v.length} chars)`;
  if (text.length > 80) return `${text.slice(0, 60)}… (${text.length} chars of JSON)`;
  return text;
}
