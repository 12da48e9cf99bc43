import type { Database } from '@server/runtime/database';
import { getDoc } from '@server/runtime/trace';
import { DAY_MS, chinaMonthKey, monthStart } from '@shared/oversight/time';

// Adapter over the posts feature (issue 5): the one place oversight reads posts. Fields read:
// `accountId`, `unitId` (the managing unit), `publicAt` (when it went out; null until
// published), `title`, and `emergencyEventId` (set on an emergency post that answers a declared
// event — the field oversight asks the posts feature to add). Counting runs as aggregate
// queries, so CloudBase does the work in production.

export const POSTS = 'posts';

export interface AccountActivity {
  accountId: string;
  unitId: string;
  lastPostAt: number;
  posts14: number;
  posts30: number;
}

export interface PostActivity {
  byAccount: Map<string, AccountActivity>;
  /** Posts filed under the unit per China month (`2026-11` → n) for the months asked. */
  byMonth: Map<string, number>;
}

/** A `$switch` that names the China month (`2026-11`) of `$publicAt` among `months` (oldest first). */
function monthSwitch(months: string[]) {
  return {
    $switch: {
      branches: [...months].reverse().map((m) => ({ case: { $gte: ['$publicAt', monthStart(m)] }, then: m })),
      default: 'older',
    },
  };
}

/**
 * One unit's post activity, as two aggregates on indexed paths: per account of the unit (the
 * account's posts wherever they were filed) the last publication and the posts of the last 14
 * and 30 days; and the posts filed under the unit per month.
 */
export async function readUnitPostActivity(
  db: Database,
  unitId: string,
  accountIds: string[],
  now: number,
  months: string[],
): Promise<PostActivity> {
  const _ = db.command;
  const $ = _.aggregate;
  const d14 = now - 14 * DAY_MS;
  const d30 = now - 30 * DAY_MS;
  const [perAccount, perMonth] = await Promise.all([
    accountIds.length
      ? db
          .collection(POSTS)
          .aggregate()
          // accountId alone, so the (accountId, …) index is used; unpublished posts (publicAt
          // null) count in none of the sums and $max ignores them.
          .match({ accountId: _.in(accountIds) })
          .group({
            _id: '$accountId',
            last: $.max('$publicAt'),
            n14: $.sum($.cond([$.gte(['$publicAt', d14]), 1, 0])),
            n30: $.sum($.cond([$.gte(['$publicAt', d30]), 1, 0])),
          })
          .limit(100_000)
          .end()
      : { list: [] },
    db
      .collection(POSTS)
      .aggregate()
      .match({ unitId, publicAt: _.gte(monthStart(months[0])) })
      .group({ _id: monthSwitch(months), n: $.sum(1) })
      .limit(1000)
      .end(),
  ]);
  const byAccount = new Map<string, AccountActivity>();
  for (const row of perAccount.list as Array<{ _id: string; last: number | null; n14: number; n30: number }>)
    if (typeof row.last === 'number' && row.last > 0)
      byAccount.set(row._id, { accountId: row._id, unitId, lastPostAt: row.last, posts14: row.n14, posts30: row.n30 });
  const byMonth = new Map<string, number>();
  for (const row of perMonth.list as Array<{ _id: string; n: number }>)
    if (row._id !== 'older') byMonth.set(row._id, row.n);
  return { byAccount, byMonth };
}

/** The first publication of each unit for each of the events (by `emergencyEventId`). */
export async function readEventFirstPosts(db: Database, eventIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!eventIds.length) return out;
  const _ = db.command;
  const $ = _.aggregate;
  const res = await db
    .collection(POSTS)
    .aggregate()
    .match({ emergencyEventId: _.in(eventIds), publicAt: _.gt(0) })
    .group({ _id: { e: '$emergencyEventId', u: '$unitId' }, first: $.min('$publicAt') })
    .limit(100_000)
    .end();
  for (const row of res.list as Array<{ _id: { e: string; u: string }; first: number }>)
    out.set(`${row._id.e}|${row._id.u}`, row.first);
  return out;
}

/**
 * A post by id for a rumour's clarification: `exists: false` when the posts collection holds
 * posts but not this one; null when the collection has none at all (nothing to check against).
 */
export async function findClarificationPost(
  db: Database,
  postId: string,
): Promise<{ exists: true; title: string; published: boolean } | { exists: false } | null> {
  const post = await getDoc<{ title?: string; publicAt?: number | null }>(db, POSTS, postId);
  if (post) return { exists: true, title: post.title ?? '', published: Boolean(post.publicAt) };
  const any = await db.collection(POSTS).limit(1).field({ _id: true }).get();
  return any.data.length ? { exists: false } : null;
}

/** `2026-11` of an instant (re-exported for callers counting by month). */
export { chinaMonthKey };
