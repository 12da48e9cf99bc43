import type { z } from 'zod';
import { ACCOUNTS, type AccountCore } from '@shared/accounts/contract';
import type { diffPostInput, getPostInput, myPostsInput, queueInput } from '@shared/posts/schemas';
import type { Page } from '@shared/messages/schemas';
import type { MyPostItemView, PostDetailView, QueueItemView, VersionDiffView } from '@shared/posts/views';
import type { ActionContext } from '@server/runtime/action';
import type { Database } from '@server/runtime/database';
import { invalid, notFound } from '@server/runtime/errors';
import { pageNewestFirst } from '@server/runtime/paging';
import { getDoc } from '@server/runtime/trace';
import { readAccount, unitName } from './accounts';
import { eventTitles, linkedEvent } from './events';
import {
  POST_EVENTS,
  POST_SEEN,
  POST_VERSIONS,
  POSTS,
  versionId,
  type PostDoc,
  type PostEventDoc,
  type PostVersionDoc,
} from './model';
import { actorFacts } from './steps';
import { diffContents, toDetail, toMyPostItem, toQueueItem, toTimelineEntry } from './views';

// Reading posts: one post with its checks, diff and timeline; the author's own list; the
// reviewer's, leader's and publisher's queues (emergencies first, then oldest first).

interface SeenDoc {
  postId: string;
  staffId: string;
  versions: number[];
  at: number;
}

const seenId = (postId: string, staffId: string) => `${postId}_${staffId}`;

async function versionContent(db: Database, postId: string, n: number) {
  return (await getDoc<PostVersionDoc>(db, POST_VERSIONS, versionId(postId, n)))?.content ?? null;
}

/** Two versions compared, their linked emergency events named by title. */
async function compare(db: Database, postId: string, from: number, to: number, basis: VersionDiffView['basis']) {
  const [a, b] = await Promise.all([versionContent(db, postId, from), versionContent(db, postId, to)]);
  if (!a || !b) return { missing: a ? ('to' as const) : ('from' as const) };
  const titles = await eventTitles(db, [a.emergencyEventId, b.emergencyEventId]);
  return { diff: diffContents(a, b, from, to, basis, titles) };
}

/** The post's unit, for the permission check (ownUnit scope). */
export async function postUnit(id: string, ctx: ActionContext): Promise<string> {
  const post = await getDoc<PostDoc>(ctx.deps.db, POSTS, id);
  if (!post) throw notFound('信息不存在或已被删除');
  return post.unitId;
}

export async function getPost(input: z.output<typeof getPostInput>, ctx: ActionContext): Promise<PostDetailView> {
  const { db } = ctx.deps;
  const post = await getDoc<PostDoc>(db, POSTS, input.id);
  if (!post) throw notFound('信息不存在或已被删除');
  const account = await readAccount(db, post.accountId);
  const staffId = ctx.caller.staff!._id;

  // The diff since the last version this person saw before the current one; the author wrote it.
  let diff: VersionDiffView | null = null;
  const seen = await getDoc<SeenDoc>(db, POST_SEEN, seenId(post._id, staffId));
  if (staffId !== post.authorId) {
    const earlier = (seen?.versions ?? []).filter((v) => v < post.version);
    if (earlier.length) {
      diff = (await compare(db, post._id, Math.max(...earlier), post.version, 'seen')).diff ?? null;
    }
    if (!seen?.versions.includes(post.version)) {
      // Bookkeeping of what was read, not a change to the post: no audit entry.
      const versions = [...new Set([...(seen?.versions ?? []), post.version])].sort((x, y) => x - y).slice(-20);
      await db
        .collection(POST_SEEN)
        .doc(seenId(post._id, staffId))
        .set({
          data: { postId: post._id, staffId, versions, at: ctx.deps.now() },
        });
    }
  }
  const events = (await db.collection(POST_EVENTS).where({ postId: post._id }).orderBy('at', 'asc').limit(100).get())
    .data as PostEventDoc[];
  const target = post.correctsPostId ? await getDoc<PostDoc>(db, POSTS, post.correctsPostId) : null;
  return toDetail(post, account, actorFacts(ctx), {
    unitName: post.unitName || (await unitName(db, post.unitId)),
    diff,
    timeline: events.map(toTimelineEntry),
    corrects: target ? { _id: target._id, title: target.title } : null,
    emergencyEvent: await linkedEvent(db, post.emergencyEventId ?? null),
    now: ctx.deps.now(),
  });
}

export async function diffVersions(
  input: z.output<typeof diffPostInput>,
  ctx: ActionContext,
): Promise<VersionDiffView> {
  const res = await compare(ctx.deps.db, input.id, input.from, input.to, 'requested');
  if (!res.diff) throw invalid('没有这个版本', { [res.missing]: '没有这个版本' });
  return res.diff;
}

export function myPosts(input: z.output<typeof myPostsInput>, ctx: ActionContext): Promise<Page<MyPostItemView>> {
  const filter: Record<string, unknown> = { authorId: ctx.caller.staff!._id };
  if (input.state) filter.state = input.state;
  return pageNewestFirst<PostDoc, MyPostItemView>(
    ctx.deps.db,
    POSTS,
    filter,
    input.pageSize,
    input.cursor,
    toMyPostItem,
  );
}

const QUEUE_CURSOR = /^([01])_(\d{1,16})_([A-Za-z0-9_-]{1,64})$/;

/** Emergencies first, then the longest-waiting first; keyset pages over (priority, queuedAt, _id). */
export async function queue(input: z.output<typeof queueInput>, ctx: ActionContext): Promise<Page<QueueItemView>> {
  const { db } = ctx.deps;
  const _ = db.command;
  const staff = ctx.caller.staff!;
  const unitsWith = (role: string) => [...new Set(staff.roles.filter((g) => g.role === role).map((g) => g.unitId))];
  let filter: Record<string, unknown>;
  if (input.queue === 'approve') {
    const accounts = (await db.collection(ACCOUNTS).where({ 'responsible.leader.staffId': staff._id }).limit(100).get())
      .data as AccountCore[];
    if (!accounts.length) return { items: [], nextCursor: null };
    filter = { accountId: _.in(accounts.map((a) => a._id)), state: 'reviewed' };
  } else {
    const role = input.queue === 'review' ? 'reviewer' : 'publisher';
    const units = unitsWith(role);
    if (!units.length) return { items: [], nextCursor: null };
    filter =
      input.queue === 'review'
        ? { unitId: _.in(units), state: 'submitted', authorId: _.neq(staff._id) }
        : { unitId: _.in(units), state: 'approved' };
  }
  let where: unknown = filter;
  if (input.cursor) {
    const m = QUEUE_CURSOR.exec(input.cursor);
    if (!m) throw invalid('翻页参数无效，请刷新列表', { cursor: '翻页参数无效' });
    const [p, q, id] = [Number(m[1]), Number(m[2]), m[3]];
    where = _.and([
      filter,
      _.or([{ priority: _.lt(p) }, { priority: p, queuedAt: _.gt(q) }, { priority: p, queuedAt: q, _id: _.gt(id) }]),
    ]);
  }
  const rows = (
    await db
      .collection(POSTS)
      .where(where as Record<string, unknown>)
      .orderBy('priority', 'desc')
      .orderBy('queuedAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(input.pageSize + 1)
      .get()
  ).data as PostDoc[];
  const items = rows.slice(0, input.pageSize);
  const seen = items.length
    ? ((
        await db
          .collection(POST_SEEN)
          .where({ _id: _.in(items.map((p) => seenId(p._id, staff._id))) })
          .limit(100)
          .get()
      ).data as Array<SeenDoc & { _id: string }>)
    : [];
  const lastSeen = new Map(seen.map((s) => [s.postId, Math.max(...s.versions)]));
  const now = ctx.deps.now();
  const last = items[items.length - 1];
  return {
    items: items.map((p) => toQueueItem(p, now, lastSeen.has(p._id) && lastSeen.get(p._id)! < p.version)),
    nextCursor: rows.length > input.pageSize && last ? `${last.priority}_${last.queuedAt}_${last._id}` : null,
  };
}
