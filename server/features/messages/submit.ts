import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  CHANNEL_LABELS,
  UNSURE_UNIT,
  type importMessageInput,
  type MessageCategory,
  type submitMessageInput,
} from '@shared/messages/schemas';
import { formatTrackingNo } from '@shared/messages/tracking';
import { checkAbuse, normalizeForDuplicate, type RecentSubmission } from '@shared/messages/abuse';
import { deadlinesFor } from '@shared/messages/policy';
import type { Recipient } from '@shared/messages/sweep';
import type { TimelineEntry } from '@shared/messages/timeline';
import { chinaDateKey } from '@shared/core/china-time';
import type { ActionContext } from '@server/runtime/action';
import { auditAlone, type TxLike } from '@server/runtime/audit';
import type { Database } from '@server/runtime/deps';
import { conflict, invalid, rateLimited } from '@server/runtime/errors';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import { findActiveUnit, UNITS, type UnitDoc } from '@server/features/identity/units';
import { loadDirectory, type Directory } from '@server/features/notifications/recipients';
import { loadCalendar } from './calendar-store';
import { COUNTERS, IMPORTS, MESSAGES, RATE_LIMITS, withDerived, type Channel, type MessageDoc } from './model';
import { sendNotices, staffPage } from './workflow';
import { notifyOnDutyFirst } from '@server/features/oversight/duty';
import { claimPhotos } from './photos';

type SubmitInput = z.output<typeof submitMessageInput>;
type ImportInput = z.output<typeof importMessageInput>;

/** The unit a message goes to: a chosen unit, or the county government office for 不确定. */
export async function resolveTargetUnit(db: Database, unitId: string): Promise<{ unit: UnitDoc; unsure: boolean }> {
  if (unitId === UNSURE_UNIT) {
    const res = await db.collection(UNITS).where({ role: 'countyOffice', status: 'active' }).limit(1).get();
    const office = res.data[0] as UnitDoc | undefined;
    if (!office) throw invalid('暂时不能选择“不确定”，请选择具体的收信单位', { unitId: '请选择具体的收信单位' });
    return { unit: office, unsure: true };
  }
  const unit = await findActiveUnit(db, unitId);
  if (!unit) throw invalid('收信单位不存在或已撤销，请重新选择', { unitId: '请选择有效的收信单位' });
  return { unit, unsure: false };
}

/** Who hears of a new message: the unit's publishers (else anyone who handles messages there). */
export function newMessageRecipients(directory: Directory, unitId: string, urgent: boolean): Recipient[] {
  const publishers = directory.inUnit(unitId, ['publisher']);
  const roles: Array<'publisher' | 'reviewer' | 'leader'> = publishers.length
    ? ['publisher']
    : ['publisher', 'reviewer', 'leader'];
  if (urgent) roles.push('leader');
  return [{ kind: 'unitRoles', unitId, roles }];
}

/**
 * An urgent message (求助: life or property at stake) reaches the unit's person on duty first
 * (第十八条(三)), else its leaders; returns who was told, to leave them out of the usual notice.
 */
async function tellDutyFirst(t: TxLike, ctx: ActionContext, doc: MessageDoc): Promise<string[]> {
  if (!doc.urgent) return [];
  const first = await notifyOnDutyFirst(t, ctx, doc.unitId, {
    kind: 'message.urgent',
    title: '紧急求助留言',
    body: `${doc.trackingNo}「${doc.title}」，请 2 小时内处置`,
    page: staffPage(doc._id),
    urgent: true,
  });
  return first.told;
}

interface NewMessage {
  unit: UnitDoc;
  unsure: boolean;
  category: MessageCategory;
  title: string;
  content: string;
  phone: string | null;
  photos: string[];
  allowPublish: boolean;
  citizenOpenid: string | null;
  citizenName: string | null;
  channel: Channel;
  externalId: string | null;
  receivedAt: number;
  /** The staff member who imported it by hand; absent for the citizen's own and the portal's key. */
  importedBy?: string;
}

/** Builds the stored document of a new message, its deadlines counted from receipt. */
function buildMessage(
  id: string,
  trackingNo: string,
  f: NewMessage,
  cal: Awaited<ReturnType<typeof loadCalendar>>,
  now: number,
): MessageDoc {
  const rules = deadlinesFor(f.category);
  const first: TimelineEntry =
    f.channel === 'miniprogram'
      ? {
          at: f.receivedAt,
          kind: 'submitted',
          actor: 'citizen',
          unitName: f.unit.name,
          ...(f.unsure ? { note: 'unsure' } : {}),
        }
      : {
          at: now,
          kind: 'imported',
          // Typed in by the information center (a person), or filed by the portal's signed key.
          ...(f.importedBy ? { actor: 'staff' as const, staffName: f.importedBy } : { actor: 'system' as const }),
          unitName: f.unit.name,
          note: CHANNEL_LABELS[f.channel],
        };
  return withDerived({
    _id: id,
    trackingNo,
    unitId: f.unit._id,
    unitName: f.unit.name,
    atCountyOffice: f.unit.role === 'countyOffice',
    unitTrail: [f.unit._id],
    addressedUnsure: f.unsure,
    category: f.category,
    title: f.title,
    content: f.content,
    phone: f.phone,
    photos: f.photos,
    allowPublish: f.allowPublish,
    citizenOpenid: f.citizenOpenid,
    citizenName: f.citizenName,
    channel: f.channel,
    externalId: f.externalId,
    state: 'submitted',
    publicStatus: 'submitted',
    urgent: rules.urgent,
    createdAt: f.receivedAt,
    updatedAt: now,
    acceptDueAt: cal.deadline(f.receivedAt, rules.accept),
    answerDueAt: cal.deadline(f.receivedAt, rules.answer),
    acceptedAt: null,
    dueAt: null,
    dueKind: null,
    nextCheckAt: null,
    sweep: null,
    handlerId: null,
    handlerName: null,
    transfer: null,
    transferCount: 0,
    replyDraft: null,
    answer: null,
    answeredAt: null,
    published: false,
    publishedAt: null,
    extension: null,
    extensionsApproved: 0,
    urge: null,
    rating: null,
    reopenCount: 0,
    closedAt: null,
    overdue: false,
    awaitingReview: false,
    extensionPending: false,
    urgedOpen: false,
    reopenedOpen: false,
    awaitingRating: false,
    timeline: [first],
  });
}

/** The same title and content (ignoring spacing, punctuation and case) count as the same text. */
const contentHash = (text: string) =>
  createHash('sha256').update(normalizeForDuplicate(text)).digest('hex').slice(0, 32);
const limiterId = (openid: string) => `rl-${createHash('sha256').update(openid).digest('hex').slice(0, 40)}`;

/** A citizen sends a message to a unit (or to “不确定”) and gets a tracking number back. */
export async function submitMessage(input: SubmitInput, ctx: ActionContext) {
  const { deps, caller } = ctx;
  const { unit, unsure } = await resolveTargetUnit(deps.db, input.unitId);
  const directory = await loadDirectory(deps.db, [unit._id]);
  const cal = await loadCalendar(deps.db);
  const now = deps.now();
  const id = deps.newId();
  const h = contentHash(`${input.title}\n${input.content}`);
  const outcome = await inTransaction(ctx, async (t) => {
    // Abuse limits: the citizen's recent submissions live in one document, read and written here.
    const limiter = await getDoc<{ recent: RecentSubmission[] }>(t, RATE_LIMITS, limiterId(caller.openid));
    const check = checkAbuse(limiter?.recent ?? [], now, h);
    if (!check.ok) return { refused: check.message };
    await claimPhotos(t, ctx, input.photos, id);
    const trackingNo = formatTrackingNo(now, await nextDailySeq(t, `msg-${chinaDateKey(now)}`));
    const doc = buildMessage(
      id,
      trackingNo,
      {
        unit,
        unsure,
        category: input.category,
        title: input.title,
        content: input.content,
        phone: input.phone ? input.phone : null,
        photos: input.photos,
        allowPublish: input.allowPublish,
        citizenOpenid: caller.openid,
        citizenName: null,
        channel: 'miniprogram',
        externalId: null,
        receivedAt: now,
      },
      cal,
      now,
    );
    await writeNew(t, doc);
    await t
      .collection(RATE_LIMITS)
      .doc(limiterId(caller.openid))
      .set({ data: { recent: [...check.recent, { at: now, h, trackingNo }] } });
    const toldFirst = await tellDutyFirst(t, ctx, doc);
    await sendNotices(
      t,
      ctx,
      directory,
      id,
      [
        {
          to: newMessageRecipients(directory, unit._id, doc.urgent),
          kind: doc.urgent ? 'message.urgent' : 'message.new',
          title: doc.urgent ? '紧急求助留言' : unsure ? '新留言待分办' : '新留言',
          body: `${doc.trackingNo}「${doc.title}」${doc.urgent ? '，请 2 小时内处置' : ''}`,
          urgent: doc.urgent,
        },
      ],
      null,
      toldFirst,
    );
    await traceChange(t, ctx, {
      target: { type: 'message', id },
      unitId: unit._id,
      details: { trackingNo, unsure, category: input.category, photos: input.photos.length },
    });
    return {
      _id: id,
      trackingNo,
      unitName: unit.name,
      unsure,
      acceptDueAt: doc.acceptDueAt,
      answerDueAt: doc.answerDueAt,
    };
  });
  if ('refused' in outcome) {
    await auditRefusal(ctx, outcome.refused!, unit._id);
    throw rateLimited(outcome.refused!);
  }
  return outcome;
}

async function auditRefusal(ctx: ActionContext, reason: string, unitId: string) {
  await auditAlone(ctx.deps.db, ctx.deps.now(), {
    action: ctx.action,
    result: 'refused',
    reason,
    requestId: ctx.requestId,
    unitId,
    actor: { openid: ctx.caller.openid, staffId: ctx.caller.staff?._id ?? null },
  });
}

/**
 * A message received elsewhere — the portal's mailbox, a forwarded 12345 order — enters the same
 * ticket model (第二十五条). Idempotent per (channel, externalId): a second import of the same
 * order is refused with the existing tracking number.
 */
export async function importMessage(input: ImportInput, ctx: ActionContext) {
  const { deps } = ctx;
  const now = deps.now();
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt > now + 5 * 60_000) throw invalid('接收时间不能晚于现在', { receivedAt: '接收时间不能晚于现在' });
  if (receivedAt < now - 90 * 24 * 3600_000)
    throw invalid('只能导入 90 天内收到的留言', { receivedAt: '只能导入 90 天内收到的留言' });
  const { unit, unsure } = await resolveTargetUnit(deps.db, input.unitId);
  const directory = await loadDirectory(deps.db, [unit._id]);
  const cal = await loadCalendar(deps.db);
  const id = deps.newId();
  const importKey = `${input.channel}-${input.externalId}`;
  return inTransaction(ctx, async (t) => {
    const seen = await getDoc<{ messageId: string; trackingNo: string }>(t, IMPORTS, importKey);
    if (seen) throw conflict(`该来源编号已导入过（查询编号 ${seen.trackingNo}）`, { ...seen });
    const trackingNo = formatTrackingNo(now, await nextDailySeq(t, `msg-${chinaDateKey(now)}`));
    const doc = buildMessage(
      id,
      trackingNo,
      {
        unit,
        unsure,
        category: input.category,
        title: input.title,
        content: input.content,
        phone: input.phone ? input.phone : null,
        photos: [],
        allowPublish: input.allowPublish,
        citizenOpenid: null,
        citizenName: null,
        channel: input.channel,
        externalId: input.externalId,
        receivedAt,
        ...(ctx.caller.staff ? { importedBy: ctx.caller.staff.name } : {}),
      },
      cal,
      now,
    );
    await writeNew(t, doc);
    await t
      .collection(IMPORTS)
      .doc(importKey)
      .set({ data: { messageId: id, trackingNo, at: now } });
    const toldFirst = await tellDutyFirst(t, ctx, doc);
    await sendNotices(
      t,
      ctx,
      directory,
      id,
      [
        {
          to: newMessageRecipients(directory, unit._id, doc.urgent),
          kind: 'message.new',
          title: `新留言（${CHANNEL_LABELS[input.channel]}）`,
          body: `${trackingNo}「${doc.title}」`,
          urgent: doc.urgent,
        },
      ],
      ctx.caller.staff?._id ?? null,
      toldFirst,
    );
    await traceChange(t, ctx, {
      target: { type: 'message', id },
      unitId: unit._id,
      details: { trackingNo, channel: input.channel, externalId: input.externalId },
    });
    return { _id: id, trackingNo, unitName: unit.name };
  });
}

async function writeNew(t: TxLike, doc: MessageDoc) {
  const { _id, ...data } = doc;
  await t
    .collection(MESSAGES)
    .doc(_id)
    .set({ data: data as unknown as Record<string, unknown> });
}

/** Next number of a per-day counter, inside the caller's transaction. */
async function nextDailySeq(t: TxLike, key: string): Promise<number> {
  const data = await getDoc<{ seq: number }>(t, COUNTERS, key);
  const seq = data && typeof data.seq === 'number' ? data.seq : 0;
  await t
    .collection(COUNTERS)
    .doc(key)
    .set({ data: { seq: seq + 1 } });
  return seq + 1;
}
