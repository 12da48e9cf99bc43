import { createRequire } from 'node:module';

// The SDK serialises every request with the `bson` package that @cloudbase/database depends on.
// We load that very instance (resolved from wx-server-sdk's own dependency tree) so ObjectId,
// BSONRegExp and EJSON behave exactly as on the SDK side, and only borrow the types from `bson`.
type Bson = typeof import('bson');

const fromHere = createRequire(import.meta.url);
const fromSdk = createRequire(fromHere.resolve('wx-server-sdk'));
const fromNodeSdk = createRequire(fromSdk.resolve('@cloudbase/node-sdk'));
const fromDatabase = createRequire(fromNodeSdk.resolve('@cloudbase/database'));

/** Resolves a module exactly as @cloudbase/node-sdk (the package wx-server-sdk 4.0.2 pins) does. */
export const requireFromNodeSdk = fromNodeSdk;

const bson = fromDatabase('bson') as Bson;

export const EJSON = bson.EJSON;
export const ObjectId = bson.ObjectId;
export const BSONRegExp = bson.BSONRegExp;
export type ObjectIdType = InstanceType<Bson['ObjectId']>;
export type BSONRegExpType = InstanceType<Bson['BSONRegExp']>;

/** Any value the bson package produced for an EJSON `$type` wrapper (ObjectId, Binary, ...). */
export function isBsonValue(v: unknown): v is { _bsontype: string } {
  return typeof v === 'object' && v !== null && typeof (v as { _bsontype?: unknown })._bsontype === 'string';
}

export function isObjectId(v: unknown): v is ObjectIdType {
  return isBsonValue(v) && (v._bsontype === 'ObjectID' || v._bsontype === 'ObjectId');
}

export function isBsonRegExp(v: unknown): v is BSONRegExpType {
  return isBsonValue(v) && v._bsontype === 'BSONRegExp';
}
