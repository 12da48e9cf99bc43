import type { z } from 'zod';
import type {
  approveReplyInput,
  draftRedirectInput,
  draftReplyInput,
  returnReplyInput,
} from '@shared/messages/schemas';
import type { Recipient } from '@shared/messages/sweep';
import type { ActionContext } from '@server/runtime/action';
import type { Directory } from '@server/features/notifications/recipients';
import type { MessageDoc } from './model';
import { actor, runTransition, withStepUp, type Env } from './workflow';
import { summary } from './handling';

// Answering: a handler drafts the reply (or, when it is not the unit's business, a reply naming
// the right channel — 告知渠道); the unit's reviewer or leader, never the drafter, approves it;
// only then does the citizen see it and get notified.

function reviewers(directory: Directory, unitId: string): Recipient[] {
  const any = directory.inUnit(unitId, ['reviewer']).length > 0;
  return [{ kind: 'unitRoles', unitId, roles: any ? ['reviewer'] : ['leader'] }];
}

function draft(m: MessageDoc, env: Env, kind: 'answer' | 'redirect', text: string, channel: string | null) {
  const me = actor(env);
  const fromState =
    m.state === 'replyPending' || m.state === 'redirectPending' ? (m.replyDraft?.fromState ?? 'handling') : m.state;
  const doc: MessageDoc = {
    ...m,
    state: kind === 'answer' ? 'replyPending' : 'redirectPending',
    handlerId: m.handlerId ?? me.id,
    handlerName: m.handlerName ?? me.name,
    replyDraft: { kind, text, channel, by: me.id, byName: me.name, at: env.now, fromState, returned: null },
  };
  return {
    doc,
    timeline: [
      {
        at: env.now,
        kind: kind === 'answer' ? ('replyDrafted' as const) : ('redirectDrafted' as const),
        actor: 'staff' as const,
        staffName: me.name,
        unitName: m.unitName,
        ...(channel ? { note: channel } : {}),
      },
    ],
    notices: [
      {
        to: reviewers(env.directory, m.unitId),
        kind: 'message.reviewNeeded',
        title: kind === 'answer' ? '答复待审核' : '告知反映渠道待审核',
        body: `${me.name}起草了 ${m.trackingNo}「${m.title}」的${kind === 'answer' ? '答复' : '告知'}，请审核。`,
        urgent: m.urgent,
      },
    ],
  };
}

export function draftReply(input: z.output<typeof draftReplyInput>, ctx: ActionContext) {
  return runTransition(ctx, input.id, 'draftReply', (m, env) => draft(m, env, 'answer', input.text, null)).then(
    summary,
  );
}

export function draftRedirect(input: z.output<typeof draftRedirectInput>, ctx: ActionContext) {
  return runTransition(ctx, input.id, 'draftRedirect', (m, env) => ({
    ...draft(m, env, 'redirect', input.text, input.channel),
    details: { channel: input.channel },
  })).then(summary);
}

export function approveReply(input: z.output<typeof approveReplyInput>, ctx: ActionContext) {
  return runTransition(
    ctx,
    input.id,
    'approveReply',
    (m, env) => {
      const me = actor(env);
      const d = m.replyDraft!;
      const publish = m.allowPublish && input.publish;
      const doc: MessageDoc = {
        ...m,
        state: 'answered',
        answer: {
          kind: d.kind,
          text: d.text,
          channel: d.channel,
          unitName: m.unitName,
          at: env.now,
          draftedBy: d.by,
          approvedBy: me.id,
          approvedByName: me.name,
        },
        answeredAt: env.now,
        replyDraft: null,
        rating: null,
        published: publish,
        publishedAt: publish ? env.now : null,
      };
      const redirect = d.kind === 'redirect';
      return {
        doc,
        timeline: [
          {
            at: env.now,
            kind: redirect ? 'redirected' : 'answered',
            actor: 'staff',
            staffName: me.name,
            unitName: m.unitName,
            ...(redirect && d.channel ? { note: d.channel } : {}),
          },
        ],
        notices: [
          ...(m.citizenOpenid
            ? [
                {
                  to: [{ kind: 'citizen' as const, openid: m.citizenOpenid }],
                  kind: 'message.answered',
                  title: redirect ? '留言已回复：请通过其他渠道反映' : '留言已答复',
                  body: redirect
                    ? `${m.unitName}回复您的留言 ${m.trackingNo}：请通过${d.channel}反映。`
                    : `${m.unitName}已答复您的留言 ${m.trackingNo}，请查看并评价。`,
                },
              ]
            : []),
          {
            to: [{ kind: 'staff', staffId: d.by }],
            kind: 'message.replyApproved',
            title: '答复已审核通过',
            body: `${m.trackingNo}「${m.title}」已答复群众。`,
          },
        ],
        details: { kind: d.kind, published: publish },
      };
    },
    withStepUp('approveReply', input),
  ).then(summary);
}

export function returnReply(input: z.output<typeof returnReplyInput>, ctx: ActionContext) {
  return runTransition(ctx, input.id, 'returnReply', (m, env) => {
    const me = actor(env);
    const d = m.replyDraft!;
    const state =
      m.state === 'replyPending'
        ? 'handling'
        : d.fromState === 'handling'
          ? 'handling'
          : d.fromState === 'accepted'
            ? 'accepted'
            : 'submitted';
    const doc: MessageDoc = {
      ...m,
      state,
      replyDraft: { ...d, returned: { reason: input.reason, byName: me.name, at: env.now } },
    };
    return {
      doc,
      timeline: [
        {
          at: env.now,
          kind: 'replyReturned',
          actor: 'staff',
          staffName: me.name,
          unitName: m.unitName,
          note: input.reason,
        },
      ],
      notices: [
        {
          to: [{ kind: 'staff', staffId: d.by }],
          kind: 'message.replyReturned',
          title: '答复被退回修改',
          body: `${m.trackingNo}「${m.title}」：${input.reason}`,
        },
      ],
      reason: input.reason,
    };
  }).then(summary);
}
