import type { Page } from '@shared/messages/schemas';
import { invalid } from './errors';
import type { Database } from './deps';

// The one way lists are paged: keyset pages over (a numeric field, _id), ascending or
// descending. Stable while rows arrive or leave (the cursor is a position in a total order, not
// an offset), and each page is one indexed range read however deep the list goes (no skip).
// The cursor only says where to continue: the caller's filter — its scope — applies to every
// page, so a cursor copied from another unit's list shows nothing of that unit.

const CURSOR = /^(-?\d{1,16})_([A-Za-z0-9_-]{1,64})$/;

const badCursor = () => invalid('翻页参数无效，请刷新列表', { cursor: '翻页参数无效' });

function decodeCursor(cursor: string): { value: number; id: string } {
  const m = CURSOR.exec(cursor);
  if (!m || !Number.isSafeInteger(Number(m[1]))) throw badCursor();
  return { value: Number(m[1]), id: m[2] };
}

export async function pageByField<T extends { _id: string }, V>(
  db: Database,
  collection: string,
  filter: Record<string, unknown>,
  field: keyof T & string,
  dir: 'asc' | 'desc',
  pageSize: number,
  cursor: string | undefined,
  view: (row: T) => V,
): Promise<Page<V>> {
  const _ = db.command;
  let where: unknown = filter;
  if (cursor) {
    const c = decodeCursor(cursor);
    const past = (x: number | string) => (dir === 'asc' ? _.gt(x) : _.lt(x));
    where = _.and([filter, _.or([{ [field]: past(c.value) }, { [field]: c.value, _id: past(c.id) }])]);
  }
  const res = await db
    .collection(collection)
    .where(where as Record<string, unknown>)
    .orderBy(field, dir)
    .orderBy('_id', dir)
    .limit(pageSize + 1)
    .get();
  const rows = res.data as T[];
  const more = rows.length > pageSize;
  const items = rows.slice(0, pageSize);
  const last = items[items.length - 1];
  return {
    items: items.map(view),
    nextCursor: more && last ? `${Number(last[field])}_${last._id}` : null,
  };
}

/** Newest first: (createdAt desc, _id desc). */
export function pageNewestFirst<T extends { createdAt: number; _id: string }, V>(
  db: Database,
  collection: string,
  filter: Record<string, unknown>,
  pageSize: number,
  cursor: string | undefined,
  view: (row: T) => V,
): Promise<Page<V>> {
  return pageByField<T, V>(db, collection, filter, 'createdAt', 'desc', pageSize, cursor, view);
}

/**
 * A case-insensitive "contains" match for a search box (a name among hundreds). The text is
 * escaped, so what a person types is never a pattern.
 */
export function containsText(db: Database, text: string): unknown {
  return db.RegExp({ regexp: text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' });
}
