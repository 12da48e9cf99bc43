import type { z } from 'zod';
import type {
  boardInput,
  inboxInput,
  listMineInput,
  supervisionInput,
  unitHandlersInput,
} from '@shared/messages/schemas';
import { chinaDate, chinaDayEnd } from '@shared/messages/calendar';
import { ROLE_LABELS, type Role } from '@shared/access/roles';
import type { ActionContext } from '@server/runtime/action';
import { notFound } from '@server/runtime/errors';
import { containsText, pageByField, pageNewestFirst } from '@server/runtime/paging';
import { STAFF } from '@server/runtime/staff';
import { getDoc } from '@server/runtime/trace';
import type { StaffLite } from '@server/features/notifications/recipients';
import { MESSAGES, toInboxItem, toMyMessageView, type MessageDoc } from './model';
import { toBoardItem, toMyMessageDetail, toStaffView } from './views';
import { whoOf } from './workflow';

/** Who may be made a message's handler (承办人). */
const HANDLER_ROLES: readonly Role[] = ['publisher', 'reviewer', 'leader'];
export interface HandlerOption {
  _id: string;
  name: string;
  roles: string[];
}

// The lists and pages: 我的留言, the unit inbox with its filters, the supervision office's lists,
// the public board. Each is one indexed query (server/db/indexes.ts), at most 100 rows a page.

export function listMine(input: z.output<typeof listMineInput>, { deps, caller }: ActionContext) {
  return pageNewestFirst<MessageDoc, ReturnType<typeof toMyMessageView>>(
    deps.db,
    MESSAGES,
    { citizenOpenid: caller.openid },
    input.pageSize,
    input.cursor,
    toMyMessageView,
  );
}

/** A citizen's own message; anyone else's is "not found" (its existence is not confirmed). */
export async function getMine(input: { id: string }, ctx: ActionContext) {
  const m = await getDoc<MessageDoc>(ctx.deps.db, MESSAGES, input.id);
  if (!m || m.citizenOpenid === null || m.citizenOpenid !== ctx.caller.openid) throw notFound('没有找到这条留言');
  return toMyMessageDetail(m);
}

export function inbox(input: z.output<typeof inboxInput>, ctx: ActionContext) {
  const { db } = ctx.deps;
  const _ = db.command;
  const now = ctx.deps.now();
  const unitId = input.unitId;
  switch (input.filter) {
    case 'mine':
      return pageNewestFirst<MessageDoc, ReturnType<typeof toInboxItem>>(
        db,
        MESSAGES,
        { handlerId: ctx.caller.staff?._id ?? '-', unitId },
        input.pageSize,
        input.cursor,
        toInboxItem,
      );
    case 'review':
      return pageNewestFirst(db, MESSAGES, { unitId, awaitingReview: true }, input.pageSize, input.cursor, toInboxItem);
    case 'overdue':
      // Most overdue first. A null deadline never compares below a number (type bracketing).
      return pageByField<MessageDoc, ReturnType<typeof toInboxItem>>(
        db,
        MESSAGES,
        { unitId, dueAt: _.lt(now) },
        'dueAt',
        'asc',
        input.pageSize,
        input.cursor,
        toInboxItem,
      );
    case 'dueToday':
      return pageByField<MessageDoc, ReturnType<typeof toInboxItem>>(
        db,
        MESSAGES,
        _.and([{ unitId }, { dueAt: _.gte(now) }, { dueAt: _.lte(chinaDayEnd(chinaDate(now))) }]),
        'dueAt',
        'asc',
        input.pageSize,
        input.cursor,
        toInboxItem,
      );
    default:
      return pageNewestFirst(db, MESSAGES, { unitId }, input.pageSize, input.cursor, toInboxItem);
  }
}

/** The county supervision office's lists across every unit. */
export function supervisionList(input: z.output<typeof supervisionInput>, ctx: ActionContext) {
  const { db } = ctx.deps;
  const view = (m: MessageDoc) => ({ ...toInboxItem(m), unitId: m.unitId });
  // County-wide overdue: the messages the sweeper has flagged (it runs every minute locally, every
  // 5 minutes in production), most late first — one index range (overdue, dueAt) at any size.
  if (input.view === 'overdue')
    return pageByField<MessageDoc, ReturnType<typeof view>>(
      db,
      MESSAGES,
      { overdue: true },
      'dueAt',
      'asc',
      input.pageSize,
      input.cursor,
      view,
    );
  const flag =
    input.view === 'reopened' ? 'reopenedOpen' : input.view === 'extension' ? 'extensionPending' : 'urgedOpen';
  return pageByField<MessageDoc, ReturnType<typeof view>>(
    db,
    MESSAGES,
    { [flag]: true },
    'updatedAt',
    'desc',
    input.pageSize,
    input.cursor,
    view,
  );
}

/** The unit a staff member reads a message through: one that held it and where they work, else its current unit. */
export async function readableUnit(input: { id: string }, ctx: ActionContext): Promise<string | null> {
  const m = await getDoc<MessageDoc>(ctx.deps.db, MESSAGES, input.id);
  const grants = ctx.caller.staff?.roles ?? [];
  if (!m) return grants[0]?.unitId ?? null; // let the handler answer "not found"
  const mine = (m.unitTrail ?? [m.unitId]).find((u) => grants.some((g) => g.unitId === u));
  return mine ?? m.unitId;
}

export async function getForStaff(input: { id: string }, ctx: ActionContext) {
  const m = await getDoc<MessageDoc>(ctx.deps.db, MESSAGES, input.id);
  if (!m) throw notFound('留言不存在或已被删除');
  return toStaffView(m, whoOf(ctx), ctx.deps.now());
}

/** The people a message can be assigned to in a unit: one row per person, newest first, by name. */
export function unitHandlers(input: z.output<typeof unitHandlersInput>, ctx: ActionContext) {
  const { db } = ctx.deps;
  const _ = db.command;
  const filter: Record<string, unknown> = {
    status: 'active',
    roles: _.elemMatch({ unitId: input.unitId, role: _.in([...HANDLER_ROLES]) }),
  };
  if (input.q) filter.name = containsText(db, input.q);
  return pageNewestFirst<StaffLite & { createdAt: number }, HandlerOption>(
    db,
    STAFF,
    filter,
    input.pageSize,
    input.cursor,
    (s) => ({
      _id: s._id,
      name: s.name,
      roles: s.roles
        .filter((g) => g.unitId === input.unitId && HANDLER_ROLES.includes(g.role))
        .map((g) => ROLE_LABELS[g.role]),
    }),
  );
}

export function board(input: z.output<typeof boardInput>, ctx: ActionContext) {
  return pageByField<MessageDoc, ReturnType<typeof toBoardItem>>(
    ctx.deps.db,
    MESSAGES,
    { published: true },
    'publishedAt',
    'desc',
    input.pageSize,
    input.cursor,
    toBoardItem,
  );
}
