import type { Page } from '@shared/messages/schemas';
import type { Database } from '@server/runtime/deps';
import { invalid } from '@server/runtime/errors';

// Keyset pages over (a numeric field, _id), ascending or descending: one indexed range read per
// page however deep the list goes (the inbox's "overdue" and "due today" sort by deadline).

const CURSOR = /^(-?\d{1,16})_([A-Za-z0-9_-]{1,64})$/;

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
    const m = CURSOR.exec(cursor);
    if (!m) throw invalid('翻页参数无效，请刷新列表', { cursor: '翻页参数无效' });
    const v = Number(m[1]);
    const past = (x: number | string) => (dir === 'asc' ? _.gt(x) : _.lt(x));
    where = _.and([filter, _.or([{ [field]: past(v) }, { [field]: v, _id: past(m[2]) }])]);
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
