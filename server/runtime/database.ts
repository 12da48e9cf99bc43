/* eslint-disable @typescript-eslint/no-explicit-any */
// The subset of wx-server-sdk's database API the product uses, typed as the promises it returns.
// (The SDK's own typings mix in callback-style `void` results.) Production and the embedded
// local cloud answer exactly these calls.

export type Filter = Record<string, unknown> | unknown;

export interface Query {
  where(filter: Filter): Query;
  orderBy(field: string, direction: 'asc' | 'desc'): Query;
  skip(n: number): Query;
  limit(n: number): Query;
  field(projection: Record<string, boolean>): Query;
  get(): Promise<{ data: any[] }>;
  count(): Promise<{ total: number }>;
  update(opts: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface DocumentRef {
  get(): Promise<{ data: any }>;
  set(opts: { data: Record<string, unknown> }): Promise<unknown>;
  update(opts: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface Aggregate {
  match(q: Filter): Aggregate;
  group(g: Record<string, unknown>): Aggregate;
  sort(s: Record<string, 1 | -1>): Aggregate;
  skip(n: number): Aggregate;
  limit(n: number): Aggregate;
  project(p: Record<string, unknown>): Aggregate;
  count(field: string): Aggregate;
  unwind(path: string | Record<string, unknown>): Aggregate;
  addFields(f: Record<string, unknown>): Aggregate;
  end(): Promise<{ list: any[] }>;
}

export interface CollectionRef extends Query {
  doc(id: string): DocumentRef;
  add(opts: { data: Record<string, unknown> }): Promise<{ _id: string }>;
  aggregate(): Aggregate;
}

/** A transaction handle: only document reads and writes (CloudBase's rule). */
export interface Transaction {
  collection(name: string): {
    doc(id: string): DocumentRef;
    add(opts: { data: Record<string, unknown> }): Promise<{ _id: string }>;
  };
}

export interface Database {
  collection(name: string): CollectionRef;
  command: Record<string, any> & { aggregate: Record<string, any> };
  serverDate(opts?: { offset?: number }): unknown;
  RegExp(opts: { regexp: string; options?: string }): unknown;
  runTransaction<T>(fn: (t: Transaction) => Promise<T>, retries?: number): Promise<T>;
}
