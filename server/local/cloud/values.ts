import { BSONRegExp, EJSON, ObjectId, isBsonRegExp, isBsonValue, isObjectId } from './bson';
import { invalidParam } from './errors';

// The value model. Inside the store a document is a plain JS tree of null, boolean, number,
// string, Date, arrays, plain objects, and bson objects (ObjectId, BSONRegExp, Binary, ...):
// exactly what `EJSON.parse(text, { relaxed: true })` yields for what the SDK sends.

export type Doc = Record<string, unknown>;
/** A document `_id`: CloudBase generates strings; `doc(123)` makes numbers possible. */
export type DocId = string | number;

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Date || isBsonValue(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** An own field of a document: inherited names like 'constructor' are not fields. */
export function own(o: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/**
 * BSON's cross-type sort order (MongoDB "comparison/sort order"): null/missing < numbers <
 * strings < objects < arrays < binary and other bson < ObjectId < booleans < dates < regex.
 * The SQL index keys (sql-exprs.ts) use the same ranks so index order equals this order.
 */
export function typeRank(v: unknown): number {
  if (v === null || v === undefined) return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'string') return 3;
  if (typeof v === 'boolean') return 8;
  if (v instanceof Date) return 9;
  if (Array.isArray(v)) return 5;
  if (isObjectId(v)) return 7;
  if (isBsonRegExp(v)) return 11;
  if (isBsonValue(v)) return 6;
  return 4;
}

/** UTF-16 code units compared as code points, i.e. the UTF-8 byte order MongoDB and SQLite use. */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1; // MongoDB: NaN sorts below every number
  if (Number.isNaN(b)) return 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Total order over values, as MongoDB sorts and compares them. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 1:
      return 0;
    case 2:
      return compareNumbers(a as number, b as number);
    case 3:
      return compareStrings(a as string, b as string);
    case 8:
      return a === b ? 0 : a ? 1 : -1;
    case 9:
      return compareNumbers((a as Date).getTime(), (b as Date).getTime());
    case 5:
      return compareArrays(a as unknown[], b as unknown[]);
    case 4:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>);
    case 7:
      return compareStrings((a as ObjectIdHex).toHexString(), (b as ObjectIdHex).toHexString());
    default:
      return compareStrings(EJSON.stringify(a as never), EJSON.stringify(b as never));
  }
}

type ObjectIdHex = { toHexString(): string };

function compareArrays(a: unknown[], b: unknown[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

// MongoDB compares embedded documents element by element in stored order: type, name, value.
function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const ta = typeRank(a[ka[i]]);
    const tb = typeRank(b[kb[i]]);
    if (ta !== tb) return ta < tb ? -1 : 1;
    const k = compareStrings(ka[i], kb[i]);
    if (k !== 0) return k;
    const c = compareValues(a[ka[i]], b[kb[i]]);
    if (c !== 0) return c;
  }
  return ka.length === kb.length ? 0 : ka.length < kb.length ? -1 : 1;
}

export function valuesEqual(a: unknown, b: unknown): boolean {
  return compareValues(a, b) === 0;
}

export function deepClone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(deepClone) as T;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = deepClone(v[k]);
    return out as T;
  }
  return v; // primitives and immutable bson values
}

// ---- stored form -------------------------------------------------------------------------
// SQLite keeps each document as JSON text that json_extract can index: numbers and strings are
// plain JSON, a Date is {"$date": ms}, an ObjectId {"$oid": hex}, anything else canonical EJSON.
// User field names never start with '$' (enforced on write), so these wrappers are unambiguous.

function toStored(v: unknown): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { $numberDouble: String(v) };
  if (v instanceof Date) return { $date: v.getTime() };
  if (Array.isArray(v)) return v.map(toStored);
  if (isObjectId(v)) return { $oid: v.toHexString() };
  if (isBsonValue(v)) return EJSON.serialize(v as never, { relaxed: false });
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) if (v[k] !== undefined) out[k] = toStored(v[k]);
    return out;
  }
  throw invalidParam(`cannot store a value of type ${typeof v}`);
}

export function toStoredText(doc: Doc): string {
  return JSON.stringify(toStored(doc));
}

function revive(v: unknown): unknown {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = revive(v[i]);
    return v;
  }
  if (typeof v !== 'object' || v === null) return v;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length > 0 && keys[0].charCodeAt(0) === 36 /* $ */) {
    if (keys[0] === '$date' && typeof o.$date === 'number') return new Date(o.$date);
    if (keys[0] === '$oid' && typeof o.$oid === 'string') return new ObjectId(o.$oid);
    return EJSON.deserialize(o, { relaxed: true });
  }
  for (const k of keys) o[k] = revive(o[k]);
  return o;
}

export function fromStoredText(text: string): Doc {
  const parsed = JSON.parse(text) as Doc;
  // Most documents without dates or ids need no reviving; skip the walk for them.
  return text.includes('"$') ? (revive(parsed) as Doc) : parsed;
}

// ---- wire form ---------------------------------------------------------------------------

/** Parses an EJSON string from the SDK; numbers become JS numbers as the SDK itself reads them. */
export function parseWire(text: unknown, what: string): unknown {
  if (typeof text !== 'string') throw invalidParam(`${what} must be an EJSON string`);
  try {
    return EJSON.parse(text, { relaxed: true });
  } catch (e) {
    throw invalidParam(`${what} is not valid EJSON: ${(e as Error).message}`);
  }
}

/** Canonical EJSON, the form CloudBase answers with and the SDK parses. */
export function toWire(v: unknown): string {
  return EJSON.stringify(v as never, { relaxed: false });
}

/**
 * Replaces `db.serverDate({ offset })` markers ({$tcb_server_date: {offset}}) by the store's
 * clock, in data, update values and query values alike. Returns a new tree.
 */
export function resolveServerDates(v: unknown, now: number): unknown {
  if (Array.isArray(v)) return v.map((x) => resolveServerDates(x, now));
  if (!isPlainObject(v)) return v;
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === '$tcb_server_date') {
    const spec = v.$tcb_server_date;
    const offset = isPlainObject(spec) && typeof spec.offset === 'number' ? spec.offset : 0;
    return new Date(now + offset);
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = resolveServerDates(v[k], now);
  return out;
}

/** A document or value about to be stored: no '$' or '.' in field names, no invalid dates. */
export function assertStorable(v: unknown, path = ''): void {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw invalidParam(`invalid Date at '${path || '(root)'}'`);
    return;
  }
  if (Array.isArray(v)) {
    v.forEach((x, i) => assertStorable(x, path ? `${path}.${i}` : String(i)));
    return;
  }
  if (!isPlainObject(v)) return;
  for (const k of Object.keys(v)) {
    if (k === '__proto__') throw invalidParam(`field name '__proto__' at '${path || '(root)'}' is not allowed`);
    if (k.startsWith('$')) throw invalidParam(`field name '${k}' at '${path || '(root)'}' must not start with '$'`);
    if (k.includes('.')) throw invalidParam(`field name '${k}' at '${path || '(root)'}' must not contain '.'`);
    assertStorable(v[k], path ? `${path}.${k}` : k);
  }
}

export function asDocId(v: unknown, what = '_id'): DocId {
  if (typeof v === 'string' && v.length > 0) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw invalidParam(`${what} must be a non-empty string or a number`);
}

export { BSONRegExp, isBsonRegExp, isObjectId };
