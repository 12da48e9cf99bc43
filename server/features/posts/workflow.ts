import type { z } from 'zod';
import { isPlatformLink, PLATFORM_RULES } from '@shared/posts/platform';
import { PLATFORM_LABELS } from '@shared/accounts/contract';
import { REVIEW_CHECKLIST } from '@shared/posts/schemas';
import type {
  approvePostInput,
  deliveryFailureInput,
  postRefInput,
  publishPostInput,
  returnPostInput,
  reviewPostInput,
  withdrawPostInput,
} from '@shared/posts/schemas';
import type { ActionContext } from '@server/runtime/action';
import { AppError, invalid, invalidTransition } from '@server/runtime/errors';
import { getDoc, traceChange } from '@server/runtime/trace';
import { checkContent, recheck, withContentSecurity } from './checking';
import { POSTS, contentOf, withoutId, type PostDoc } from './model';
import {
  approvedNotices,
  deliveryNotices,
  returnedNotices,
  reviewedNotices,
  submittedNotices,
  unitReviewers,
} from './notices';
import { addEvent, currentOf, runStep } from './steps';

// The workflow steps after drafting (shared/posts/transitions.ts has the table and guards).

const me = (ctx: ActionContext) => ({ id: ctx.caller.staff!._id, name: ctx.caller.staff!.name });

const contentRisk = (message: string, details: Record<string, unknown>) =>
  new AppError('ContentRisk', message, undefined, details);

/** Submits for review: the checks run again (with WeChat's verdict); unfixable problems refuse. */
export async function submitPost(input: z.output<typeof postRefInput>, ctx: ActionContext) {
  const { db } = ctx.deps;
  const before = await getDoc<PostDoc>(db, POSTS, input.id);
  const reviewers = before ? await unitReviewers(db, before.unitId) : [];
  const report = before
    ? await withContentSecurity(
        await checkContent(db, before.platform, contentOf(before), ctx.deps.now()),
        contentOf(before),
        ctx.caller.openid,
      )
    : null;
  return runStep(ctx, {
    action: 'submit',
    input,
    apply: (next, s) => {
      if (!report || s.original.version !== before!.version) {
        throw invalidTransition('内容刚刚有变化，请刷新后再提交', { current: currentOf(s.original) });
      }
      if (report.blocking > 0) {
        throw contentRisk(`自动检查发现 ${report.blocking} 处必须修改的问题，请修改后再提交`, { checks: report });
      }
      next.checks = report;
      next.reviewerId = null;
      next.reviewerName = null;
      next.approverId = null;
      next.approverName = null;
      next.checklist = null;
      next.overrides = [];
      next.approval = null;
      next.priority = next.kind === 'emergency' ? 1 : 0;
      next.queuedAt = s.now;
    },
    notices: (next, account) => submittedNotices(next, account, reviewers),
  });
}

export function withdrawPost(input: z.output<typeof withdrawPostInput>, ctx: ActionContext) {
  return runStep(ctx, { action: 'withdraw', input, reason: input.reason || undefined });
}

/** The checks re-run with today's lists before a reviewer or leader signs (null: no post). */
async function freshChecks(ctx: ActionContext, id: string) {
  const post = await getDoc<PostDoc>(ctx.deps.db, POSTS, id);
  if (!post?.checks) return null;
  return recheck(ctx.deps.db, { ...contentOf(post), platform: post.platform, checks: post.checks }, ctx.deps.now());
}

const RULES_CHANGED = (n: number) => `检查词表已更新，发现 ${n} 处必须修改的问题，请退回修改`;

/** The reviewer signs the checklist; personal data passes only with a reason per hit. */
export async function reviewPost(input: z.output<typeof reviewPostInput>, ctx: ActionContext) {
  const who = me(ctx);
  const fresh = await freshChecks(ctx, input.id);
  return runStep(ctx, {
    action: 'review',
    input,
    note: input.note || undefined,
    apply: (next, s) => {
      if (!next.checks || !fresh) throw invalidTransition('缺少自动检查结果，请退回撰稿人重新提交');
      const report = fresh;
      if (report.blocking > 0) throw contentRisk(RULES_CHANGED(report.blocking), { checks: report });
      next.checks = report;
      const open = new Map(
        report.hits.filter((h) => h.severity === 'blocking' && h.overridable).map((h) => [h.key, h]),
      );
      const unknown = input.overrides.filter((o) => !open.has(o.key));
      if (unknown.length) {
        throw invalid('放行的检查项与当前版本不符，请刷新后重试', { overrides: '放行的检查项与当前版本不符' });
      }
      const given = new Set(input.overrides.map((o) => o.key));
      const missing = [...open.keys()].filter((k) => !given.has(k));
      if (missing.length) {
        throw contentRisk(`还有 ${missing.length} 处个人信息未处理：请退回修改，或逐项写明放行理由`, { missing });
      }
      next.overrides = input.overrides.map((o) => ({
        key: o.key,
        reason: o.reason,
        by: who.id,
        byName: who.name,
        at: s.now,
      }));
      next.checklist = {
        items: REVIEW_CHECKLIST.map((c) => c.key),
        by: who.id,
        byName: who.name,
        at: s.now,
        note: input.note,
      };
      next.reviewerId = who.id;
      next.reviewerName = who.name;
      next.queuedAt = s.now;
    },
    notices: (next, account) => reviewedNotices(next, account),
  });
}

export function returnPost(input: z.output<typeof returnPostInput>, ctx: ActionContext) {
  const who = me(ctx);
  return runStep(ctx, {
    action: 'return',
    input,
    reason: input.reason,
    apply: (next, s) => {
      next.returned = { reason: input.reason, by: who.id, byName: who.name, at: s.now };
      next.queuedAt = s.now;
    },
    notices: (next) => returnedNotices(next, input.reason, who.name),
  });
}

/** The account's leader approves with a fresh PIN (the step consumes the ticket). */
export async function approvePost(input: z.output<typeof approvePostInput>, ctx: ActionContext) {
  const who = me(ctx);
  const fresh = await freshChecks(ctx, input.id);
  return runStep(ctx, {
    action: 'approve',
    input,
    note: input.note || undefined,
    apply: (next, s) => {
      const report = fresh;
      const covered = new Set(next.overrides.map((o) => o.key));
      const open =
        report?.hits.filter((h) => h.severity === 'blocking' && (!h.overridable || !covered.has(h.key))) ?? [];
      if (!report || open.length) {
        const why = report?.blocking ? RULES_CHANGED(report.blocking) : '自动检查仍有未处理的问题，不能审批';
        throw contentRisk(why, { checks: report });
      }
      next.checks = report;
      if (!next.checklist) throw invalidTransition('审核人员尚未签署保密审查清单');
      next.approverId = who.id;
      next.approverName = who.name;
      next.approval = { by: who.id, byName: who.name, at: s.now, note: input.note };
      next.queuedAt = s.now;
    },
    notices: (next, account) => approvedNotices(next, account),
  });
}

const PUBLISH_FUTURE_SLACK_MS = 5 * 60 * 1000;

/** The publisher records where and when it went out; a correction marks the corrected post. */
export function publishPost(input: z.output<typeof publishPostInput>, ctx: ActionContext) {
  const who = me(ctx);
  return runStep(ctx, {
    action: 'publish',
    input,
    apply: async (next, s) => {
      const at = input.publishedAt ?? s.now;
      if (at > s.now + PUBLISH_FUTURE_SLACK_MS)
        throw invalid('发布时间不能晚于现在', { publishedAt: '发布时间不能晚于现在' });
      if (next.approval && at < next.approval.at) {
        throw invalid('发布时间早于审批时间：信息须先审后发', { publishedAt: '发布时间不能早于审批时间' });
      }
      if (!isPlatformLink(next.platform, input.url)) {
        const hosts = PLATFORM_RULES[next.platform].linkHosts.join('、');
        throw invalid(`请填写${PLATFORM_LABELS[next.platform]}上的链接`, { url: `链接应为 ${hosts} 上的地址` });
      }
      next.delivery = {
        state: 'delivered',
        url: input.url,
        publishedAt: at,
        failureReason: null,
        recordedBy: who.id,
        recordedByName: who.name,
      };
      next.publicAt = at;
      if (next.kind === 'correction' && next.correctsPostId) await markCorrected(ctx, s.t, next, s.now);
    },
    notices: (next) => deliveryNotices(next, who.id, '已登记发布'),
  });
}

async function markCorrected(ctx: ActionContext, t: Parameters<typeof getDoc>[0], correction: PostDoc, now: number) {
  const target = await getDoc<PostDoc>(t, POSTS, correction.correctsPostId!);
  if (!target || target.state !== 'published') return; // already corrected, or gone: the correction stands alone
  const next: PostDoc = { ...target, state: 'corrected', rev: target.rev + 1, updatedAt: now };
  next.correctedBy = { postId: correction._id, title: correction.title, at: now };
  await t
    .collection(POSTS)
    .doc(target._id)
    .set({ data: withoutId(next) });
  await addEvent(t, ctx, next, {
    action: 'markCorrected',
    fromState: 'published',
    toState: 'corrected',
    note: `更正信息「${correction.title}」已发布`,
  });
  // Recorded under the publishing action that caused it (the audit story labels it so).
  await traceChange(t, ctx, {
    target: { type: 'post', id: target._id },
    unitId: target.unitId,
    reason: `更正信息「${correction.title}」发布，原信息标记为已更正`,
    details: { from: 'published', to: 'corrected', correctionId: correction._id },
  });
}

/** The post stays approved; its delivery is recorded as failed (content and delivery apart). */
export function reportDeliveryFailure(input: z.output<typeof deliveryFailureInput>, ctx: ActionContext) {
  const who = me(ctx);
  return runStep(ctx, {
    action: 'reportDeliveryFailure',
    input,
    reason: input.reason,
    apply: (next) => {
      next.delivery = {
        ...next.delivery,
        state: 'failed',
        failureReason: input.reason,
        recordedBy: who.id,
        recordedByName: who.name,
      };
    },
    notices: (next) => deliveryNotices(next, who.id, '平台发布失败'),
  });
}
