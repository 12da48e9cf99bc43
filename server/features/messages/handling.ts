import type { z } from 'zod';
import type { assignInput, returnTransferInput, routeInput, transferInput } from '@shared/messages/schemas';
import { deadlinesFor } from '@shared/messages/policy';
import { formatChinaDateTime } from '@shared/core/china-time';
import type { ActionContext } from '@server/runtime/action';
import { invalid } from '@server/runtime/errors';
import { findActiveUnit, type UnitDoc } from '@server/features/identity/units';
import type { MessageDoc } from './model';
import { actor, loadMessage, runTransition } from './workflow';
import { newMessageRecipients } from './submit';

// Taking a message in: accept it, route it (county office, for 不确定), transfer it to the unit
// whose business it is (which accepts or returns it), and name the person handling it. The unit
// that takes a case gets the full time for it, counted from when it got it.

const answerBy = (m: MessageDoc) => (m.answerDueAt ? formatChinaDateTime(m.answerDueAt) : '');

async function otherUnit(ctx: ActionContext, m: MessageDoc, unitId: string, field: string): Promise<UnitDoc> {
  const unit = await findActiveUnit(ctx.deps.db, unitId);
  if (!unit) throw invalid('所选单位不存在或已撤销', { [field]: '请选择有效的单位' });
  if (unit._id === m.unitId) throw invalid('不能转给当前承办单位自己', { [field]: '请选择其他单位' });
  return unit;
}

const moveTo = (m: MessageDoc, unit: UnitDoc) => ({
  unitId: unit._id,
  unitName: unit.name,
  atCountyOffice: unit.role === 'countyOffice',
  unitTrail: m.unitTrail.includes(unit._id) ? m.unitTrail : [...m.unitTrail, unit._id],
});

export function acceptMessage(input: { id: string }, ctx: ActionContext) {
  return runTransition(ctx, input.id, 'accept', (m, env) => {
    const doc: MessageDoc = { ...m, state: 'accepted', acceptedAt: env.now };
    return {
      doc,
      timeline: [
        {
          at: env.now,
          kind: 'accepted',
          actor: 'staff',
          staffName: actor(env).name,
          unitName: m.unitName,
          until: m.answerDueAt ?? undefined,
        },
      ],
      notices: m.citizenOpenid
        ? [
            {
              to: [{ kind: 'citizen', openid: m.citizenOpenid }],
              kind: 'message.accepted',
              title: '留言已受理',
              body: `${m.unitName}已受理您的留言 ${m.trackingNo}，将在 ${answerBy(m)} 前答复。`,
            },
          ]
        : [],
    };
  }).then(summary);
}

export async function routeMessage(input: z.output<typeof routeInput>, ctx: ActionContext) {
  const m0 = await loadMessage(ctx, input.id);
  const target = await otherUnit(ctx, m0, input.toUnitId, 'toUnitId');
  return runTransition(
    ctx,
    input.id,
    'route',
    (m, env) => {
      const rules = deadlinesFor(m.category);
      const doc: MessageDoc = {
        ...m,
        ...moveTo(m, target),
        state: 'submitted',
        acceptDueAt: env.calendar.deadline(env.now, rules.accept),
        answerDueAt: env.calendar.deadline(env.now, rules.answer),
      };
      return {
        doc,
        timeline: [
          {
            at: env.now,
            kind: 'routed',
            actor: 'staff',
            staffName: actor(env).name,
            unitName: m.unitName,
            toUnitName: target.name,
            ...(input.note ? { note: input.note } : {}),
          },
        ],
        notices: [
          {
            to: newMessageRecipients(env.directory, target._id, m.urgent),
            kind: m.urgent ? 'message.urgent' : 'message.new',
            title: '新留言（县政府办公室分办）',
            body: `${m.trackingNo}「${m.title}」${input.note ? `：${input.note}` : ''}`,
            urgent: m.urgent,
            dutyFirstIn: m.urgent ? target._id : undefined,
          },
          ...(m.citizenOpenid
            ? [
                {
                  to: [{ kind: 'citizen' as const, openid: m.citizenOpenid }],
                  kind: 'message.routed',
                  title: '留言已交办',
                  body: `县政府办公室已将您的留言 ${m.trackingNo} 交${target.name}办理。`,
                },
              ]
            : []),
        ],
        details: { toUnitId: target._id },
      };
    },
    { units: [target._id] },
  ).then(summary);
}

export async function transferMessage(input: z.output<typeof transferInput>, ctx: ActionContext) {
  const m0 = await loadMessage(ctx, input.id);
  const target = await otherUnit(ctx, m0, input.toUnitId, 'toUnitId');
  return runTransition(
    ctx,
    input.id,
    'transfer',
    (m, env) => {
      const me = actor(env);
      const doc: MessageDoc = {
        ...m,
        ...moveTo(m, target),
        state: 'transferring',
        handlerId: null,
        handlerName: null,
        transferCount: m.transferCount + 1,
        acceptDueAt: env.calendar.deadline(env.now, deadlinesFor(m.category).accept),
        transfer: {
          fromUnitId: m.unitId,
          fromUnitName: m.unitName,
          toUnitId: target._id,
          toUnitName: target.name,
          reason: input.reason,
          by: me.id,
          byName: me.name,
          at: env.now,
          fromState: m.state,
        },
      };
      return {
        doc,
        timeline: [
          {
            at: env.now,
            kind: 'transferred',
            actor: 'staff',
            staffName: me.name,
            unitName: m.unitName,
            toUnitName: target.name,
            note: input.reason,
          },
        ],
        notices: [
          {
            to: newMessageRecipients(env.directory, target._id, m.urgent),
            kind: 'message.transferIn',
            title: '转办留言待接收',
            body: `${m.unitName}转来 ${m.trackingNo}「${m.title}」：${input.reason}`,
            urgent: m.urgent,
            dutyFirstIn: m.urgent ? target._id : undefined,
          },
          ...(m.citizenOpenid
            ? [
                {
                  to: [{ kind: 'citizen' as const, openid: m.citizenOpenid }],
                  kind: 'message.transferred',
                  title: '留言已转办',
                  body: `您的留言 ${m.trackingNo} 由${target.name}负责，已转交${target.name}办理。`,
                },
              ]
            : []),
        ],
        reason: input.reason,
        details: { toUnitId: target._id },
      };
    },
    { units: [target._id] },
  ).then(summary);
}

export function acceptTransfer(input: { id: string }, ctx: ActionContext) {
  return runTransition(ctx, input.id, 'acceptTransfer', (m, env) => {
    const answerDueAt = env.calendar.deadline(env.now, deadlinesFor(m.category).answer);
    const doc: MessageDoc = { ...m, state: 'accepted', acceptedAt: env.now, answerDueAt };
    return {
      doc,
      timeline: [
        {
          at: env.now,
          kind: 'transferAccepted',
          actor: 'staff',
          staffName: actor(env).name,
          unitName: m.unitName,
          until: answerDueAt,
        },
      ],
      notices: [
        ...(m.transfer
          ? [
              {
                to: [{ kind: 'staff' as const, staffId: m.transfer.by }],
                kind: 'message.transferAccepted',
                title: '转办已被接收',
                body: `${m.unitName}已接收 ${m.trackingNo}「${m.title}」。`,
              },
            ]
          : []),
        ...(m.citizenOpenid
          ? [
              {
                to: [{ kind: 'citizen' as const, openid: m.citizenOpenid }],
                kind: 'message.accepted',
                title: '留言已受理',
                body: `${m.unitName}已受理您的留言 ${m.trackingNo}，将在 ${formatChinaDateTime(answerDueAt)} 前答复。`,
              },
            ]
          : []),
      ],
    };
  }).then(summary);
}

export async function returnTransfer(input: z.output<typeof returnTransferInput>, ctx: ActionContext) {
  const m0 = await loadMessage(ctx, input.id);
  const back = m0.transfer ? await findActiveUnit(ctx.deps.db, m0.transfer.fromUnitId) : null;
  return runTransition(
    ctx,
    input.id,
    'returnTransfer',
    (m, env) => {
      if (!m.transfer || !back || back._id !== m.transfer.fromUnitId)
        throw invalid('原转办单位已不存在，请联系县政府办公室协调');
      const state = m.transfer.fromState === 'submitted' ? 'submitted' : 'accepted';
      const doc: MessageDoc = {
        ...m,
        ...moveTo(m, back),
        state,
        acceptDueAt:
          state === 'submitted' ? env.calendar.deadline(env.now, deadlinesFor(m.category).accept) : m.acceptDueAt,
      };
      return {
        doc,
        timeline: [
          {
            at: env.now,
            kind: 'transferReturned',
            actor: 'staff',
            staffName: actor(env).name,
            unitName: back.name,
            toUnitName: m.unitName,
            note: input.reason,
          },
        ],
        notices: [
          {
            to: [{ kind: 'staff', staffId: m.transfer.by }, ...newMessageRecipients(env.directory, back._id, m.urgent)],
            kind: 'message.transferReturned',
            title: '转办被退回',
            body: `${m.unitName}退回了 ${m.trackingNo}「${m.title}」：${input.reason}`,
            urgent: m.urgent,
            // An urgent case coming back is as urgent as when it arrived: duty officer first.
            dutyFirstIn: m.urgent ? back._id : undefined,
          },
        ],
        reason: input.reason,
      };
    },
    { units: [m0.transfer?.fromUnitId] },
  ).then(summary);
}

export function assignHandler(input: z.output<typeof assignInput>, ctx: ActionContext) {
  return runTransition(ctx, input.id, 'assign', (m, env) => {
    const handler = env.directory
      .inUnit(m.unitId, ['publisher', 'reviewer', 'leader'])
      .find((s) => s._id === input.handlerId);
    if (!handler)
      throw invalid('承办人须是本单位在岗的发布、审核人员或分管领导', { handlerId: '请选择本单位的工作人员' });
    const doc: MessageDoc = { ...m, state: 'handling', handlerId: handler._id, handlerName: handler.name };
    return {
      doc,
      timeline: [
        {
          at: env.now,
          kind: 'assigned',
          actor: 'staff',
          staffName: actor(env).name,
          unitName: m.unitName,
          note: handler.name,
        },
      ],
      notices: [
        {
          to: [{ kind: 'staff', staffId: handler._id }],
          kind: 'message.assigned',
          title: '请您承办留言',
          body: `${m.trackingNo}「${m.title}」，答复期限 ${answerBy(m)}。`,
          urgent: m.urgent,
        },
      ],
      details: { handlerId: handler._id },
    };
  }).then(summary);
}

/** What every transition returns: enough for the screen to refresh. */
export function summary(m: MessageDoc) {
  return {
    _id: m._id,
    trackingNo: m.trackingNo,
    state: m.state,
    publicStatus: m.publicStatus,
    unitId: m.unitId,
    dueAt: m.dueAt,
  };
}
