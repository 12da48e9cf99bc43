import type { z } from 'zod';
import type { submitMessageInput } from '@shared/messages/schemas';
import { formatTrackingNo } from '@shared/messages/tracking';
import { chinaDateKey } from '@shared/core/china-time';
import type { ActionContext } from '@server/runtime/action';
import { appendAudit, type TxLike } from '@server/runtime/audit';
import { invalid } from '@server/runtime/errors';
import { findActiveUnit } from '@server/features/identity/units';
import { COUNTERS, MESSAGES, type MessageDoc } from './model';

type Input = z.output<typeof submitMessageInput>;

/** A citizen sends a message to a unit and gets a tracking number back. */
export async function submitMessage(input: Input, ctx: ActionContext) {
  const { deps, caller, requestId } = ctx;
  const unit = await findActiveUnit(deps.db, input.unitId);
  if (!unit) throw invalid('收信单位不存在或已撤销，请重新选择', { unitId: '请选择有效的收信单位' });

  const now = deps.now();
  const _id = deps.newId();
  return deps.db.runTransaction(async (t: TxLike) => {
    const trackingNo = formatTrackingNo(now, await nextDailySeq(t, `msg-${chinaDateKey(now)}`));
    const doc: Omit<MessageDoc, '_id'> = {
      trackingNo,
      unitId: unit._id,
      unitName: unit.name,
      category: input.category,
      title: input.title,
      content: input.content,
      phone: input.phone ? input.phone : null,
      allowPublish: input.allowPublish,
      citizenOpenid: caller.openid,
      channel: 'miniprogram',
      state: 'submitted',
      publicStatus: 'submitted',
      createdAt: now,
      updatedAt: now,
    };
    await t.collection(MESSAGES).doc(_id).set({ data: doc });
    await appendAudit(t, now, {
      action: ctx.action,
      result: 'ok',
      requestId,
      actor: { openid: caller.openid, staffId: caller.staff?._id ?? null },
      unitId: unit._id,
      target: { type: 'message', id: _id },
      details: { trackingNo },
    });
    return { _id, trackingNo };
  }, 5);
}

/** Next number of a per-day counter, inside the caller's transaction. */
async function nextDailySeq(t: TxLike, key: string): Promise<number> {
  let seq = 0;
  try {
    const res = await t.collection(COUNTERS).doc(key).get();
    const data = Array.isArray(res.data) ? res.data[0] : res.data;
    if (data && typeof data.seq === 'number') seq = data.seq;
  } catch {
    // first number of the day
  }
  await t
    .collection(COUNTERS)
    .doc(key)
    .set({ data: { seq: seq + 1 } });
  return seq + 1;
}
