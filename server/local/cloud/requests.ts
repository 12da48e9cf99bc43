import { z } from 'zod';
import { invalidParam } from './errors';
import type { SortSpec } from './query';
import { isPlainObject, parseWire, resolveServerDates } from './values';

// The request payloads @cloudbase/database 1.4.3 sends through TcbDBApiHttpRequester.send,
// as learned by probing it (see README). Validated here so a malformed request gets a clear
// INVALID_PARAM instead of a crash deeper down.

const collectionName = z.string().min(1);
const ejson = z.string();
const txId = z.string().optional();

export const schemas = {
  getDocument: z.object({
    collectionName,
    queryType: z.enum(['WHERE', 'DOC']).default('WHERE'),
    query: ejson.optional(),
    order: ejson.optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().optional(),
    projection: ejson.optional(),
    transactionId: txId,
  }),
  calculateDocument: z.object({ collectionName, query: ejson.optional() }),
  insertDocument: z.object({ collectionName, data: z.array(ejson), transactionId: txId }),
  modifyDocument: z.object({
    collectionName,
    queryType: z.enum(['WHERE', 'DOC']).default('WHERE'),
    query: ejson.optional(),
    data: ejson,
    multi: z.boolean().default(false),
    merge: z.boolean().default(true),
    upsert: z.boolean().default(false),
    transactionId: txId,
  }),
  modifyAndReturnDoc: z.object({
    collectionName,
    queryType: z.enum(['WHERE', 'DOC']).default('WHERE'),
    query: ejson.optional(),
    data: ejson,
    transactionId: txId,
  }),
  removeDocument: z.object({
    collectionName,
    queryType: z.enum(['WHERE', 'DOC']).default('WHERE'),
    query: ejson.optional(),
    multi: z.boolean().default(false),
    transactionId: txId,
  }),
  aggregateDocuments: z.object({
    collectionName,
    stages: z.array(z.object({ stageKey: z.string(), stageValue: z.string() })),
  }),
  transaction: z.object({ transactionId: z.string() }),
  docInTransaction: z.object({
    collectionName,
    transactionId: z.string(),
    _id: z.union([z.string().min(1), z.number()]),
    data: ejson.optional(),
    upsert: z.boolean().optional(),
  }),
  addCollection: z.object({ collectionName }),
};

export function parseRequest<S extends z.ZodType>(schema: S, api: string, data: unknown): z.infer<S> {
  const r = schema.safeParse(data ?? {});
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`).join('; ');
    throw invalidParam(`${api}: ${issues}`);
  }
  return r.data;
}

/** Parses an EJSON query string (absent means "everything") and resolves serverDate values. */
export function parseQuery(text: string | undefined, now: number): Record<string, unknown> {
  if (text === undefined || text === '') return {};
  const q = resolveServerDates(parseWire(text, 'query'), now);
  if (!isPlainObject(q)) throw invalidParam('query must be an object');
  return q;
}

export function parseOrder(text: string | undefined): SortSpec {
  if (text === undefined || text === '') return [];
  const o = parseWire(text, 'order');
  if (!isPlainObject(o)) throw invalidParam('order must be an object of field directions');
  return Object.entries(o).map(([path, dir]) => {
    if (dir !== 1 && dir !== -1) throw invalidParam(`order direction for '${path}' must be 1 or -1`);
    return [path, dir];
  });
}

/** Limit rules of the server SDK: 100 by default, never more than 1000. */
export function effectiveLimit(limit: number | undefined): number {
  if (limit === undefined || limit <= 0) return 100;
  return Math.min(limit, 1000);
}
