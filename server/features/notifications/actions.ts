import {
  noticesMineInput,
  noticesReadInput,
  subscribeTemplatesInput,
  outboxListInput,
  type NoticeView,
  type OutboxItemView,
} from '@shared/messages/notices';
import { defineAction, type ActionContext, type ActionMap } from '@server/runtime/action';
import { pageNewestFirst } from '@server/runtime/paging';
import { inTransaction, traceChange } from '@server/runtime/trace';
import { STAFF } from '@server/runtime/staff';
import { NOTIFICATIONS, OUTBOX, type NoticeDoc } from './notify';
import type { OutboxEntry } from './outbox';
import { parseSubscribeTemplates, templatesFor } from '@shared/notifications/subscribe';

// 通知: each person's in-app notices (citizens by WeChat identity, staff by staff record), and the
// information center's view of what was (or, locally, was not) sent by WeChat.

/** Whose notices the caller reads: staff by their record, everyone else by OPENID. */
function ownerFilter(ctx: ActionContext): Record<string, string> {
  return ctx.caller.staff ? { staffId: ctx.caller.staff._id } : { openid: ctx.caller.openid };
}

async function deliveryOf(ctx: ActionContext, ids: string[]): Promise<Map<string, OutboxEntry>> {
  const out = new Map<string, OutboxEntry>();
  if (!ids.length) return out;
  const _ = ctx.deps.db.command;
  const res = await ctx.deps.db
    .collection(OUTBOX)
    .where({ _id: _.in(ids) })
    .limit(100)
    .get();
  for (const e of res.data as OutboxEntry[]) out.set(e._id, e);
  return out;
}

export const noticeActions: ActionMap = {
  'notices.mine': defineAction({
    input: noticesMineInput,
    run: async (input, ctx) => {
      const owner = ownerFilter(ctx);
      const filter = input.unreadOnly ? { ...owner, readAt: null } : owner;
      const page = await pageNewestFirst<NoticeDoc, NoticeDoc>(
        ctx.deps.db,
        NOTIFICATIONS,
        filter,
        input.pageSize,
        input.cursor,
        (n) => n,
      );
      const delivery = await deliveryOf(
        ctx,
        page.items.map((n) => n._id),
      );
      const unread = (
        await ctx.deps.db
          .collection(NOTIFICATIONS)
          .where({ ...owner, readAt: null })
          .count()
      ).total;
      const items: NoticeView[] = page.items.map((n) => ({
        _id: n._id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        page: n.page,
        urgent: Boolean(n.urgent),
        createdAt: n.createdAt,
        readAt: n.readAt ?? null,
        delivery: delivery.get(n._id)?.status ?? null,
        deliveryDetail: delivery.get(n._id)?.detail ?? null,
      }));
      return { items, nextCursor: page.nextCursor, unread };
    },
  }),

  'notices.read': defineAction({
    input: noticesReadInput,
    run: async (input, ctx) => {
      const { db } = ctx.deps;
      const _ = db.command;
      const owner = ownerFilter(ctx);
      const now = ctx.deps.now();
      const where = 'ids' in input ? { ...owner, _id: _.in(input.ids), readAt: null } : { ...owner, readAt: null };
      const unread = (await db.collection(NOTIFICATIONS).where(where).limit(100).get()).data as NoticeDoc[];
      // Each notice is re-read by id in the transaction: only the caller's own, still unread.
      const marked = await inTransaction(ctx, async (t) => {
        let n = 0;
        for (const notice of unread) {
          await t
            .collection(NOTIFICATIONS)
            .doc(notice._id)
            .update({ data: { readAt: now } });
          n += 1;
        }
        if (n) await traceChange(t, ctx, { target: null, details: { read: n } });
        return n;
      });
      const left = (
        await db
          .collection(NOTIFICATIONS)
          .where({ ...owner, readAt: null })
          .count()
      ).total;
      return { marked, unread: left };
    },
  }),

  // The template ids the mini program asks this person to accept (wx.requestSubscribeMessage), from
  // the same SUBSCRIBE_TEMPLATES the sweeper sends with; empty where none is configured (locally).
  'notices.subscribeTemplates': defineAction({
    input: subscribeTemplatesInput,
    run: async (_input, ctx) => ({
      tmplIds: templatesFor(
        ctx.caller.staff ? 'staff' : 'citizen',
        parseSubscribeTemplates(process.env.SUBSCRIBE_TEMPLATES),
      ),
    }),
  }),

  'notices.outbox': defineAction({
    input: outboxListInput,
    run: async (input, ctx) => {
      const { db } = ctx.deps;
      const _ = db.command;
      const page = await pageNewestFirst<OutboxEntry, OutboxEntry>(
        db,
        OUTBOX,
        input.status ? { status: input.status } : {},
        input.pageSize,
        input.cursor,
        (e) => e,
      );
      const ids = page.items.map((e) => e.noticeId);
      const notices = new Map<string, NoticeDoc>();
      if (ids.length) {
        const res = await db
          .collection(NOTIFICATIONS)
          .where({ _id: _.in(ids) })
          .limit(100)
          .get();
        for (const n of res.data as NoticeDoc[]) notices.set(n._id, n);
      }
      const staffIds = [...new Set([...notices.values()].map((n) => n.staffId).filter((s): s is string => Boolean(s)))];
      const names = new Map<string, string>();
      if (staffIds.length) {
        const res = await db
          .collection(STAFF)
          .where({ _id: _.in(staffIds) })
          .limit(100)
          .get();
        for (const s of res.data as Array<{ _id: string; name: string }>) names.set(s._id, s.name);
      }
      const items: OutboxItemView[] = page.items.map((e) => {
        const n = notices.get(e.noticeId);
        return {
          _id: e._id,
          status: e.status,
          detail: e.detail ?? null,
          attempts: e.attempts,
          createdAt: e.createdAt,
          kind: n?.kind ?? '',
          title: n?.title ?? '（通知已删除）',
          // Citizens are named by a short prefix of their identity only.
          recipient: n?.staffId
            ? (names.get(n.staffId) ?? '工作人员')
            : n?.openid
              ? `群众 ${n.openid.slice(0, 6)}…`
              : '',
        };
      });
      return { items, nextCursor: page.nextCursor };
    },
  }),
};
