import { createHash } from 'node:crypto';
import type { LocalStore } from '@server/local/cloud';

// A fingerprint of everything the product stores, read straight from the local store's SQLite
// tables, to prove that a refused call changed nothing. The audit trail (and its chain head in
// meta/auditHead) and the request nonces are left out: recording a refusal and remembering a
// nonce are exactly what a refusal is supposed to do.

export const DIGEST_EXCLUDED_COLLECTIONS = new Set(['audit', 'nonces']);
const EXCLUDED_DOCS = new Set(['meta\u0000auditHead']);

export interface Ignore {
  collection: string;
  /** A top-level field whose change is legitimate for this call (e.g. a PIN failure counter). */
  field: string;
}

export type StoreDigest = Map<string, string>; // "collection\0id" → hash of its stored JSON

/** Hash of every stored document outside the audit trail and nonces. */
export function digestStore(store: LocalStore, ignore: Ignore[] = []): StoreDigest {
  const out: StoreDigest = new Map();
  const tables = store.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\' ORDER BY name`)
    .all() as Array<{ name: string }>;
  for (const { name } of tables) {
    const collection = name.slice(2);
    if (DIGEST_EXCLUDED_COLLECTIONS.has(collection)) continue;
    const drop = ignore.filter((i) => i.collection === collection).map((i) => i.field);
    const rows = store.sqlite.prepare(`SELECT id, data FROM "${name}" ORDER BY id`).all() as Array<{
      id: string | number;
      data: string;
    }>;
    for (const row of rows) {
      const key = `${collection}\u0000${row.id}`;
      if (EXCLUDED_DOCS.has(key)) continue;
      let text = row.data;
      if (drop.length) {
        const doc = JSON.parse(text) as Record<string, unknown>;
        for (const f of drop) delete doc[f];
        text = JSON.stringify(doc);
      }
      out.set(key, createHash('sha256').update(text).digest('hex'));
    }
  }
  return out;
}

/** Human-readable differences between two digests (empty when nothing changed). */
export function diffDigests(before: StoreDigest, after: StoreDigest): string[] {
  const changes: string[] = [];
  for (const [key, hash] of after) {
    const old = before.get(key);
    const name = key.replace('\u0000', '/');
    if (old === undefined) changes.push(`added ${name}`);
    else if (old !== hash) changes.push(`changed ${name}`);
  }
  for (const key of before.keys()) if (!after.has(key)) changes.push(`removed ${key.replace('\u0000', '/')}`);
  return changes;
}
