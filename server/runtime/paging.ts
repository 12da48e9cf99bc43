import type { Page } from '@shared/messages/schemas';
import { invalid } from './errors';
import type { Database } from './deps';

// Keyset pagination over (createdAt desc, _id desc): stable while new rows arrive, and each
// page is one indexed range read however deep the list goes (no skip).

const CURSOR = /^(\d{1,16})_([A-Za-z0-9_-]{1,64})$/;

export function encodeCursor(row: { createdAt: number; _id: string }): string {
  return `${row.createdAt}_${row._id}`;
}

function decodeCursor(cursor: string): { createdAt: number; id: string } {
  const m = CURSOR.exec(cursor);
  if (!m) throw invalid('翻页参数无效，请刷新列表', { cursor: '翻页参数无效' });
  return { createdAt: Number(m[1]), id: m[2] };
}

export async function pageNewestFirst<T extends { createdAt: number; _id: string }, V>(
  db: Database,
  collection: string,
  filter: Record<string, unknown>,
  pageSize: number,
  cursor: string | undefined,
  view: (row: T) => V,
): Promise<Page<V>> {
  const _ = db.command;
  let where: unknown = filter;
  if (cursor) {
    const c = decodeCursor(cursor);
    where = _.and([filter, _.or([{ createdAt: _.lt(c.createdAt) }, { createdAt: c.createdAt, _id: _.lt(c.id) }])]);
  }
  const res = await db
    .collection(collection)
    .where(where as Record<string, unknown>)
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(pageSize + 1)
    .get();
  const rows = res.data as T[];
  const more = rows.length > pageSize;
  const items = rows.slice(0, pageSize);
  return {
    items: items.map(view),
    nextCursor: more && items.length ? encodeCursor(items[items.length - 1]) : null,
  };
}
