import type { BoardItemView, MyMessageDetail, StaffMessageView } from '@shared/messages/schemas';
import { allowedActions, rateOutcome, type Who } from '@shared/messages/transitions';
import { citizenTimeline, staffTimeline } from '@shared/messages/timeline';
import { maskPersonalData, maskPhone } from '@shared/messages/masking';
import { isOpenState } from '@shared/messages/transitions';
import { toInboxItem, toMyMessageView, toSubject, type MessageDoc } from './model';

// Never whole documents (DESIGN.md): one view per audience. Citizens never see staff names or
// internal notes; county viewers see phone numbers masked; the public sees masked text only.

export function toMyMessageDetail(m: MessageDoc): MyMessageDetail {
  const canRate = m.state === 'answered' && m.citizenOpenid !== null;
  return {
    ...toMyMessageView(m),
    phone: m.phone,
    photos: m.photos ?? [],
    allowPublish: m.allowPublish,
    answer: m.answer
      ? {
          kind: m.answer.kind,
          text: m.answer.text,
          channel: m.answer.channel,
          unitName: m.answer.unitName,
          at: m.answer.at,
        }
      : null,
    rating: m.rating ? { value: m.rating.value, at: m.rating.at } : null,
    canRate,
    canReopen: canRate && rateOutcome(m, 'unsatisfied') === 'handling',
    answerDueAt: isOpenState(m.state) ? m.answerDueAt : null,
    timeline: citizenTimeline(m.timeline),
  };
}

export function toStaffView(m: MessageDoc, who: Who, now: number): StaffMessageView {
  const ofUnit = who.kind === 'staff' && who.roles.some((g) => g.unitId === m.unitId);
  return {
    ...toInboxItem(m),
    unitId: m.unitId,
    content: m.content,
    phone: ofUnit ? m.phone : maskPhone(m.phone),
    photos: m.photos ?? [],
    allowPublish: m.allowPublish,
    publicStatus: m.publicStatus,
    addressedUnsure: m.addressedUnsure,
    acceptDueAt: m.acceptDueAt,
    answerDueAt: m.answerDueAt,
    handlerId: m.handlerId,
    transfer:
      m.transfer && m.state === 'transferring'
        ? {
            fromUnitName: m.transfer.fromUnitName,
            toUnitName: m.transfer.toUnitName,
            reason: m.transfer.reason,
            at: m.transfer.at,
          }
        : null,
    replyDraft: m.replyDraft
      ? {
          kind: m.replyDraft.kind,
          text: m.replyDraft.text,
          channel: m.replyDraft.channel,
          byName: m.replyDraft.byName,
          at: m.replyDraft.at,
        }
      : null,
    answer: m.answer
      ? {
          kind: m.answer.kind,
          text: m.answer.text,
          channel: m.answer.channel,
          unitName: m.answer.unitName,
          at: m.answer.at,
          approvedByName: m.answer.approvedByName,
          published: m.published,
        }
      : null,
    extension: m.extension
      ? {
          status: m.extension.status,
          workingDays: m.extension.workingDays,
          reason: m.extension.reason,
          byName: m.extension.byName,
          at: m.extension.at,
          decidedByName: m.extension.decidedByName,
          note: m.extension.note,
        }
      : null,
    urge: m.urge
      ? {
          note: m.urge.note,
          deadline: m.urge.deadline,
          byName: m.urge.byName,
          at: m.urge.at,
          acknowledgedAt: m.urge.acknowledgedAt,
          acknowledgedByName: m.urge.acknowledgedByName,
        }
      : null,
    rating: m.rating,
    reopenCount: m.reopenCount,
    externalId: m.externalId,
    timeline: staffTimeline(m.timeline),
    allowed: allowedActions(toSubject(m), who, now),
  };
}

/** The public board and the portal feed: masked text, no phone, no identity. */
export function toBoardItem(m: MessageDoc): BoardItemView {
  const names = m.citizenName ? [m.citizenName] : [];
  return {
    _id: m._id,
    trackingNo: m.trackingNo,
    unitName: m.answer?.unitName ?? m.unitName,
    category: m.category,
    title: maskPersonalData(m.title, { names }),
    content: maskPersonalData(m.content, { names }),
    answer: maskPersonalData(m.answer?.text ?? '', { names }),
    answerKind: m.answer?.kind ?? 'answer',
    channel: m.answer?.channel ?? null,
    createdAt: m.createdAt,
    answeredAt: m.answeredAt ?? m.updatedAt,
    rating: m.rating?.value ?? null,
  };
}
