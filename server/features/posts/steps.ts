import type { AccountCore } from '@shared/accounts/contract';
import {
  guardPostAction,
  POST_STATE_LABELS,
  POST_TRANSITIONS,
  type ActorFacts,
  type PostAction,
  type PostFacts,
} from '@shared/posts/transitions';
import type { ActionContext } from '@server/runtime/action';
import { auditAlone, type TxLike } from '@server/runtime/audit';
import { AppError, conflict, forbidden, invalidTransition, notFound } from '@server/runtime/errors';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import { consumeStepUp } from '@server/features/identity/stepup';
import { notify, type Notice } from '@server/features/notifications/notify';
import { notifyOnDutyFirst } from '@server/features/oversight/duty';
import { readAccount } from './accounts';
import { detailPage } from './notices';
import { POST_EVENTS, POSTS, withoutId, type PostDoc, type PostEventDoc } from './model';

// One workflow step on one post, the same way every time: re-read the post inside the
// transaction, refuse a stale `rev` with Conflict (two people acting at once: exactly one
// wins), check the shared guard, consume the fresh-PIN ticket when the table asks for one,
// apply the change, and write the post, its timeline event, the audit entry and the
// notifications in that one transaction. A refusal is audited too.

export function postFacts(post: PostDoc, account: AccountCore | null): PostFacts {
  return {
    state: post.state,
    unitId: post.unitId,
    authorId: post.authorId,
    reviewerId: post.reviewerId,
    accountStatus: account?.status ?? 'missing',
    accountLeaderId: account?.responsible?.leader?.staffId ?? '',
    accountLeaderName: account?.responsible?.leader?.name ?? '',
  };
}

export function actorFacts(ctx: ActionContext): ActorFacts {
  return { staffId: ctx.caller.staff?._id ?? '', grants: ctx.caller.staff?.roles ?? [] };
}

/** The current state a Conflict carries, so the client can show it without another call. */
export function currentOf(post: PostDoc) {
  return { state: post.state, stateLabel: POST_STATE_LABELS[post.state], rev: post.rev, version: post.version };
}

/** Runs `fn`; an AppError it throws is written to the audit trail as a refusal, then rethrown. */
export async function traced<T>(ctx: ActionContext, target: { type: string; id: string } | null, fn: () => Promise<T>) {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError) {
      await auditAlone(ctx.deps.db, ctx.deps.now(), {
        action: ctx.action,
        result: 'refused',
        reason: e.message,
        requestId: ctx.requestId,
        actor: { openid: ctx.caller.openid, staffId: ctx.caller.staff?._id ?? null },
        deviceId: ctx.deviceId,
        target,
        details: { code: e.code },
      });
    }
    throw e;
  }
}

export async function addEvent(
  t: TxLike,
  ctx: ActionContext,
  post: Pick<PostDoc, '_id' | 'version'>,
  e: Pick<PostEventDoc, 'action' | 'fromState' | 'toState'> & { reason?: string; note?: string },
): Promise<void> {
  const doc: Omit<PostEventDoc, '_id'> = {
    postId: post._id,
    at: ctx.deps.now(),
    actorId: ctx.caller.staff?._id ?? null,
    actorName: ctx.caller.staff?.name ?? '系统',
    version: post.version,
    ...e,
    ...(e.reason ? { reason: e.reason } : {}),
    ...(e.note ? { note: e.note } : {}),
  };
  await t
    .collection(POST_EVENTS)
    .doc(ctx.deps.newId())
    .set({ data: JSON.parse(JSON.stringify(doc)) });
}

export interface StepContext {
  t: TxLike;
  account: AccountCore;
  now: number;
  original: PostDoc;
}

export interface StepSpec {
  action: PostAction;
  input: { id: string; rev: number; stepUpId?: string };
  /** Changes `next` (a copy of the post); may refuse with an AppError. */
  apply?: (next: PostDoc, s: StepContext) => Promise<void> | void;
  /** Reason and note shown on the timeline and in the audit trail. */
  reason?: string;
  note?: string;
  /** Who to tell, worked out from the post after the change. */
  notices?: (next: PostDoc, account: AccountCore) => Notice[];
  /** Queried before the transaction (queries are not allowed inside one). */
}

export async function runStep(ctx: ActionContext, spec: StepSpec) {
  const { id, rev } = spec.input;
  return traced(ctx, { type: 'post', id }, () =>
    inTransaction(ctx, async (t) => {
      const post = await getDoc<PostDoc>(t, POSTS, id);
      if (!post) throw notFound('信息不存在或已被删除');
      if (post.rev !== rev) {
        throw conflict(`该信息刚刚已被他人处理，当前状态为「${POST_STATE_LABELS[post.state]}」，请刷新后再操作`, {
          current: currentOf(post),
        });
      }
      const account = await readAccount(t, post.accountId);
      const guard = guardPostAction(spec.action, postFacts(post, account), actorFacts(ctx));
      if (!guard.allowed) {
        throw guard.kind === 'actor'
          ? forbidden(guard.reason)
          : invalidTransition(guard.reason, { current: currentOf(post) });
      }
      if (!account) throw invalidTransition('该信息所属账号不存在', { current: currentOf(post) });
      const rule = POST_TRANSITIONS[spec.action];
      if (rule.stepUp) await consumeStepUp(t, ctx, spec.input.stepUpId, rule.stepUp);
      const now = ctx.deps.now();
      const next: PostDoc = JSON.parse(JSON.stringify(post));
      await spec.apply?.(next, { t, account, now, original: post });
      next.state = rule.to ?? post.state;
      next.rev = post.rev + 1;
      next.updatedAt = now;
      await t
        .collection(POSTS)
        .doc(id)
        .set({ data: withoutId(next) });
      await addEvent(t, ctx, next, {
        action: spec.action,
        fromState: post.state,
        toState: next.state,
        reason: spec.reason,
        note: spec.note,
      });
      await traceChange(t, ctx, {
        target: { type: 'post', id },
        unitId: post.unitId,
        reason: spec.reason,
        details: { from: post.state, to: next.state, version: next.version, rev: next.rev },
      });
      // An emergency post, once submitted, reaches the unit's person on duty first (第十八条(三)(四)).
      const told =
        spec.action === 'submit' && next.kind === 'emergency'
          ? (
              await notifyOnDutyFirst(t, ctx, next.unitId, {
                kind: 'post.emergency',
                title: `【突发事件】待审核：${next.title}`,
                body: `${account.name}的突发事件信息已提交，须在事件发生后 5 小时内首次发布`,
                page: detailPage(id),
                urgent: true,
              })
            ).told
          : [];
      for (const notice of spec.notices?.(next, account) ?? [])
        if (!('staffId' in notice.to && told.includes(notice.to.staffId))) await notify(t, ctx, notice);
      return { _id: id, rev: next.rev, state: next.state, version: next.version };
    }),
  );
}
