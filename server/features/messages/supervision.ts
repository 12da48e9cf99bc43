import type { z } from 'zod';
import type {
  acknowledgeUrgeInput,
  decideExtensionInput,
  rateInput,
  requestExtensionInput,
  urgeInput,
} from '@shared/messages/schemas';
import { deadlinesFor } from '@shared/messages/policy';
import { RATING_LABELS, rateOutcome } from '@shared/messages/transitions';
import type { Recipient } from '@shared/messages/sweep';
import type { TimelineEntry } from '@shared/messages/timeline';
import { formatChinaDateTime } from '@shared/core/china-time';
import type { ActionContext } from '@server/runtime/action';
import type { MessageDoc } from './model';
import { actor, runTransition, withStepUp } from './workflow';
import { summary } from './handling';

// Supervision (督办): extensions approved by the county supervision office, its urging notices
// (催办) that the unit acknowledges, and the citizen's rating — 不满意 reopens the case once and
// puts it in front of the supervision office.

const handlerOrPublishers = (m: MessageDoc): Recipient[] =>
  m.handlerId
    ? [{ kind: 'staff', staffId: m.handlerId }]
    : [{ kind: 'unitRoles', unitId: m.unitId, roles: ['publisher'] }];

export function requestExtension(input: z.output<typeof requestExtensionInput>, ctx: ActionContext) {
  return runTransition(
    ctx,
    input.id,
    'requestExtension',
    (m, env) => {
      const me = actor(env);
      const doc: MessageDoc = {
        ...m,
        extension: {
          status: 'requested',
          workingDays: input.workingDays,
          reason: input.reason,
          by: me.id,
          byName: me.name,
          at: env.now,
          decidedBy: null,
          decidedByName: null,
          note: null,
        },
      };
      return {
        doc,
        timeline: [
          {
            at: env.now,
            kind: 'extensionRequested',
            actor: 'staff',
            staffName: me.name,
            unitName: m.unitName,
            note: `${input.workingDays} 个工作日，${input.reason}`,
          },
        ],
        notices: [
          {
            to: [{ kind: 'supervisors' }],
            kind: 'message.extensionRequested',
            title: '延期申请待审批',
            body: `${m.unitName}申请将 ${m.trackingNo}「${m.title}」延期 ${input.workingDays} 个工作日：${input.reason}`,
          },
        ],
        reason: input.reason,
        details: { workingDays: input.workingDays },
      };
    },
    { supervisors: true },
  ).then(summary);
}

export function decideExtension(input: z.output<typeof decideExtensionInput>, ctx: ActionContext) {
  return runTransition(
    ctx,
    input.id,
    'decideExtension',
    (m, env) => {
      const me = actor(env);
      const ext = m.extension!;
      const note = input.note ? input.note : null;
      const decided = { ...ext, decidedBy: me.id, decidedByName: me.name, note };
      if (!input.approve) {
        return {
          doc: { ...m, extension: { ...decided, status: 'rejected' } },
          timeline: [
            {
              at: env.now,
              kind: 'extensionRejected',
              actor: 'staff',
              staffName: me.name,
              unitName: m.unitName,
              ...(note ? { note } : {}),
            },
          ],
          notices: [
            {
              to: [{ kind: 'staff', staffId: ext.by }],
              kind: 'message.extensionRejected',
              title: '延期申请未获批准',
              body: `${m.trackingNo}「${m.title}」请按原期限办理${note ? `：${note}` : ''}。`,
            },
          ],
          reason: note ?? undefined,
          details: { approved: false },
        };
      }
      const base = Math.max(m.answerDueAt ?? env.now, env.now);
      const answerDueAt = env.calendar.addWorkingDays(base, ext.workingDays);
      const doc: MessageDoc = {
        ...m,
        answerDueAt,
        extension: { ...decided, status: 'approved' },
        extensionsApproved: m.extensionsApproved + 1,
      };
      return {
        doc,
        timeline: [
          {
            at: env.now,
            kind: 'extensionApproved',
            actor: 'staff',
            staffName: me.name,
            unitName: m.unitName,
            until: answerDueAt,
            note: ext.reason,
          },
        ],
        notices: [
          {
            to: [{ kind: 'staff', staffId: ext.by }],
            kind: 'message.extensionApproved',
            title: '延期申请已批准',
            body: `${m.trackingNo}「${m.title}」新的答复期限 ${formatChinaDateTime(answerDueAt)}。`,
          },
          ...(m.citizenOpenid
            ? [
                {
                  to: [{ kind: 'citizen' as const, openid: m.citizenOpenid }],
                  kind: 'message.extended',
                  title: '办理期限已延长',
                  body: `您的留言 ${m.trackingNo} 的答复期限延长至 ${formatChinaDateTime(answerDueAt)}。`,
                },
              ]
            : []),
        ],
        reason: note ?? undefined,
        details: { approved: true, answerDueAt },
      };
    },
    withStepUp('decideExtension', input),
  ).then(summary);
}

export function urgeMessage(input: z.output<typeof urgeInput>, ctx: ActionContext) {
  return runTransition(ctx, input.id, 'urge', (m, env) => {
    const me = actor(env);
    const deadline = env.calendar.addWorkingDays(env.now, input.workingDays);
    const doc: MessageDoc = {
      ...m,
      urge: {
        note: input.note,
        deadline,
        by: me.id,
        byName: me.name,
        at: env.now,
        acknowledgedAt: null,
        acknowledgedBy: null,
        acknowledgedByName: null,
        lapsedNotified: false,
      },
    };
    return {
      doc,
      timeline: [
        {
          at: env.now,
          kind: 'urged',
          actor: 'staff',
          staffName: me.name,
          unitName: m.unitName,
          until: deadline,
          note: input.note,
        },
      ],
      notices: [
        {
          to: [{ kind: 'unitRoles', unitId: m.unitId, roles: ['leader'] }, ...handlerOrPublishers(m)],
          kind: 'message.urged',
          title: '县政府督查室催办',
          body: `${m.trackingNo}「${m.title}」请于 ${formatChinaDateTime(deadline)} 前办理并签收：${input.note}`,
          urgent: true,
        },
      ],
      reason: input.note,
      details: { deadline },
    };
  }).then(summary);
}

export function acknowledgeUrge(input: z.output<typeof acknowledgeUrgeInput>, ctx: ActionContext) {
  return runTransition(ctx, input.id, 'acknowledgeUrge', (m, env) => {
    const me = actor(env);
    const urge = m.urge!;
    const note = input.note ? input.note : undefined;
    return {
      doc: { ...m, urge: { ...urge, acknowledgedAt: env.now, acknowledgedBy: me.id, acknowledgedByName: me.name } },
      timeline: [
        {
          at: env.now,
          kind: 'urgeAcknowledged',
          actor: 'staff',
          staffName: me.name,
          unitName: m.unitName,
          ...(note ? { note } : {}),
        },
      ],
      notices: [
        {
          to: [{ kind: 'staff', staffId: urge.by }],
          kind: 'message.urgeAcknowledged',
          title: '催办已签收',
          body: `${m.unitName}已签收 ${m.trackingNo} 的催办${note ? `：${note}` : ''}。`,
        },
      ],
      reason: note,
    };
  }).then(summary);
}

/** The citizen's one-tap rating of the answer. */
export function rateAnswer(input: z.output<typeof rateInput>, ctx: ActionContext) {
  return runTransition(
    ctx,
    input.id,
    'rate',
    (m, env) => {
      const comment = input.comment ? input.comment : null;
      const rating = { value: input.rating, at: env.now, comment };
      const outcome = rateOutcome(m, input.rating);
      const rated: TimelineEntry = {
        at: env.now,
        kind: 'rated',
        actor: 'citizen',
        rating: input.rating,
        ...(comment ? { note: comment } : {}),
      };
      const people: Recipient[] = [
        ...(m.answer ? [{ kind: 'staff' as const, staffId: m.answer.draftedBy }] : []),
        ...(m.handlerId ? [{ kind: 'staff' as const, staffId: m.handlerId }] : []),
      ];
      if (outcome === 'closed') {
        return {
          doc: { ...m, state: 'closed', rating, closedAt: env.now },
          timeline: [rated, { at: env.now, kind: 'closed', actor: 'citizen' }],
          notices: [
            {
              to: people,
              kind: 'message.rated',
              title: `群众评价：${RATING_LABELS[input.rating]}`,
              body: `${m.trackingNo}「${m.title}」已办结。${comment ?? ''}`,
            },
          ],
          details: { rating: input.rating },
        };
      }
      const answerDueAt = env.calendar.deadline(env.now, deadlinesFor(m.category).answer);
      return {
        doc: {
          ...m,
          state: 'handling',
          rating,
          reopenCount: m.reopenCount + 1,
          answerDueAt,
          published: false,
          publishedAt: null,
        },
        timeline: [rated, { at: env.now, kind: 'reopened', actor: 'citizen', until: answerDueAt }],
        notices: [
          {
            to: [{ kind: 'supervisors' }, { kind: 'unitRoles', unitId: m.unitId, roles: ['leader'] }, ...people],
            kind: 'message.reopened',
            title: '群众不满意，已重新交办',
            body: `${m.unitName} ${m.trackingNo}「${m.title}」群众评价不满意${comment ? `：${comment}` : ''}，请于 ${formatChinaDateTime(answerDueAt)} 前重新答复。`,
            urgent: true,
          },
        ],
        details: { rating: input.rating, reopened: true },
      };
    },
    { supervisors: true },
  ).then((m) => ({ ...summary(m), reopened: m.state === 'handling' }));
}
