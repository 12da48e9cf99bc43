import type { Database, Deps } from '@server/runtime/deps';
import { STAFF } from '@server/runtime/staff';
import { NOTIFICATIONS, OUTBOX, type NoticeDoc } from './notify';

// Delivery beyond the app. notify() leaves one outbox entry per notice; a sender drains them.
// Production sends WeChat subscribe messages (cloud.openapi.subscribeMessage.send) with the
// template configured for the notice's kind; the local host has no WeChat channel, so it marks
// each entry 'recorded-local' — honestly not sent — and the entries stay viewable.

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'recorded-local' | 'skipped';

export interface OutboxEntry {
  _id: string;
  noticeId: string;
  channel: 'subscribeMessage';
  status: OutboxStatus;
  createdAt: number;
  attempts: number;
  sentAt?: number | null;
  detail?: string | null;
}

export interface SendResult {
  status: Exclude<OutboxStatus, 'pending'>;
  detail?: string;
}

/** One way of delivering a notice outside the app. */
export interface OutboxSender {
  readonly name: string;
  send(notice: NoticeDoc, toOpenid: string | null): Promise<SendResult>;
}

/** Local host and tests: nothing leaves the machine, and the entry says so. */
export const localRecorder: OutboxSender = {
  name: 'local',
  send: async () => ({ status: 'recorded-local', detail: '本地环境没有微信订阅消息通道：已记录，未发送' }),
};

/** The part of wx-server-sdk the production sender uses. */
export interface SubscribeApi {
  openapi: {
    subscribeMessage: {
      send(req: {
        touser: string;
        templateId: string;
        page: string;
        data: Record<string, { value: string }>;
        miniprogramState?: 'developer' | 'trial' | 'formal';
      }): Promise<{ errCode?: number; errMsg?: string }>;
    };
  };
}

/**
 * Production: WeChat subscribe messages. `templates` maps a notice kind (or '*') to the template
 * id chosen in the mini program console; its fields must be thing1 (title), thing2 (body) and
 * time3 (when). A kind without a template is skipped, not failed.
 */
export function subscribeMessageSender(api: SubscribeApi, templates: Record<string, string>): OutboxSender {
  const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  return {
    name: 'subscribeMessage',
    async send(notice, toOpenid) {
      const templateId = templates[notice.kind] ?? templates['*'];
      if (!templateId) return { status: 'skipped', detail: `未配置「${notice.kind}」的订阅消息模板` };
      if (!toOpenid) return { status: 'skipped', detail: '收件人没有微信身份' };
      const when = new Date(notice.createdAt + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
      try {
        const res = await api.openapi.subscribeMessage.send({
          touser: toOpenid,
          templateId,
          page: notice.page.replace(/^\//, ''),
          data: {
            thing1: { value: clip(notice.title, 20) },
            thing2: { value: clip(notice.body, 20) },
            time3: { value: when },
          },
        });
        if (res.errCode && res.errCode !== 0)
          return { status: 'failed', detail: `${res.errCode} ${res.errMsg ?? ''}`.trim() };
        return { status: 'sent' };
      } catch (e) {
        const err = e as { errCode?: number; errMsg?: string; message?: string };
        // 43101: the person has not subscribed (or used up their one-time subscription).
        const detail =
          err.errCode === 43101
            ? '用户未订阅或订阅次数已用完'
            : `${err.errCode ?? ''} ${err.errMsg ?? err.message ?? ''}`.trim();
        return { status: 'failed', detail };
      }
    },
  };
}

export const MAX_ATTEMPTS = 3;

async function openidsOf(db: Database, staffIds: string[]): Promise<Map<string, string>> {
  const _ = db.command;
  const out = new Map<string, string>();
  for (let i = 0; i < staffIds.length; i += 100) {
    const res = await db
      .collection(STAFF)
      .where({ _id: _.in(staffIds.slice(i, i + 100)) })
      .limit(100)
      .get();
    for (const s of res.data as Array<{ _id: string; openid: string }>) out.set(s._id, s.openid);
  }
  return out;
}

/** Sends up to `limit` pending entries, oldest first; failures are retried up to MAX_ATTEMPTS. */
export async function deliverOutbox(
  deps: Deps,
  sender: OutboxSender,
  limit = 100,
): Promise<Record<Exclude<OutboxStatus, 'pending'>, number>> {
  const { db } = deps;
  const _ = db.command;
  const counts = { sent: 0, failed: 0, 'recorded-local': 0, skipped: 0 };
  const pending = (
    await db.collection(OUTBOX).where({ status: 'pending' }).orderBy('createdAt', 'asc').limit(limit).get()
  ).data as OutboxEntry[];
  if (!pending.length) return counts;
  const notices = new Map<string, NoticeDoc>();
  const ids = pending.map((p) => p.noticeId);
  for (let i = 0; i < ids.length; i += 100) {
    const res = await db
      .collection(NOTIFICATIONS)
      .where({ _id: _.in(ids.slice(i, i + 100)) })
      .limit(100)
      .get();
    for (const n of res.data as NoticeDoc[]) notices.set(n._id, n);
  }
  const staffOpenids = await openidsOf(db, [
    ...new Set([...notices.values()].map((n) => n.staffId).filter((s): s is string => Boolean(s))),
  ]);
  for (const entry of pending) {
    const notice = notices.get(entry.noticeId);
    const result: SendResult = notice
      ? await sender.send(notice, notice.openid ?? (notice.staffId ? (staffOpenids.get(notice.staffId) ?? null) : null))
      : { status: 'skipped', detail: '通知已不存在' };
    const attempts = entry.attempts + 1;
    const status = result.status === 'failed' && attempts < MAX_ATTEMPTS ? 'pending' : result.status;
    await db
      .collection(OUTBOX)
      .doc(entry._id)
      .update({
        data: { status, attempts, detail: result.detail ?? null, sentAt: result.status === 'sent' ? deps.now() : null },
      });
    counts[result.status] += 1;
  }
  return counts;
}
