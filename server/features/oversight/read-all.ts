import type { Database } from '@server/runtime/database';

/** Every document matching `where`, read 1,000 at a time in `_id` order (keyset, no skip). */
export async function readAll<T extends { _id: string }>(
  db: Database,
  collection: string,
  where: Record<string, unknown>,
  field?: Record<string, boolean>,
): Promise<T[]> {
  const _ = db.command;
  const out: T[] = [];
  let after = '';
  for (;;) {
    let q = db
      .collection(collection)
      .where({ ...where, _id: _.gt(after) })
      .orderBy('_id', 'asc');
    if (field) q = q.field(field);
    const rows = (await q.limit(1000).get()).data as T[];
    out.push(...rows);
    if (rows.length < 1000) return out;
    after = rows[rows.length - 1]._id;
  }
}
