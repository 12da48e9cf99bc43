import { actionLabel } from '@shared/access/permissions';
import { formatChinaDateTime } from '@shared/core/china-time';
import { AUDIT, type AuditRecord } from './audit';
import type { Database } from './database';

// Reads the audit trail as a story a supervisor can follow: when, who, did what, to what, and
// whether it was allowed — one line per entry, in Chinese.
export async function auditStory(db: Database, opts: { fromSeq?: number; limit?: number } = {}): Promise<string[]> {
  const _ = db.command;
  const rows = (
    await db
      .collection(AUDIT)
      .where({ seq: _.gte(opts.fromSeq ?? 1) })
      .orderBy('seq', 'asc')
      .limit(Math.min(opts.limit ?? 1000, 1000))
      .get()
  ).data as AuditRecord[];
  const staffIds = [...new Set(rows.map((r) => r.actor.staffId).filter((x): x is string => Boolean(x)))];
  const names = new Map<string, string>();
  for (let i = 0; i < staffIds.length; i += 100) {
    const people = (
      await db
        .collection('staff')
        .where({ _id: _.in(staffIds.slice(i, i + 100)) })
        .limit(100)
        .get()
    ).data;
    for (const p of people as Array<{ _id: string; name: string; title: string }>)
      names.set(p._id, `${p.name}（${p.title}）`);
  }
  return rows.map((r) => {
    const who = r.actor.service
      ? r.actor.service.label
      : r.actor.staffId
        ? (names.get(r.actor.staffId) ?? `工作人员 ${r.actor.staffId}`)
        : r.actor.openid
          ? `微信用户 ${r.actor.openid.slice(0, 12)}`
          : '系统';
    const what = actionLabel(r.action);
    const target = r.target ? `，对象：${r.target.type} ${r.target.id}` : '';
    const device = r.deviceId ? `，设备 ${r.deviceId.slice(0, 10)}…` : '';
    const outcome = r.result === 'ok' ? '完成' : '被拒绝';
    const why = r.reason ? `（${r.reason}）` : '';
    return `#${r.seq} ${formatChinaDateTime(r.at)} ${who} ${what}——${outcome}${why}${target}${device}`;
  });
}
