import type { AccountCore } from '@shared/accounts/contract';
import { POST_KIND_LABELS } from '@shared/posts/kinds';
import type { Database } from '@server/runtime/database';
import { STAFF } from '@server/runtime/staff';
import type { Notice } from '@server/features/notifications/notify';
import type { PostDoc } from './model';

// Who is told what at each step: always the next person who must act, on the page where they
// act. Emergencies are urgent and reach the reviewer and the leader at once.

export const detailPage = (id: string) => `/posts/detail/index?id=${id}`;

/** Active reviewers of a unit (queried before the step's transaction). */
export async function unitReviewers(db: Database, unitId: string): Promise<Array<{ _id: string }>> {
  const _ = db.command;
  const res = await db
    .collection(STAFF)
    .where({ roles: _.elemMatch({ role: 'reviewer', unitId }), status: 'active' })
    .limit(50)
    .get();
  return res.data as Array<{ _id: string }>;
}

const tag = (p: PostDoc) => (p.kind === 'emergency' ? '【突发事件】' : '');

export function submittedNotices(p: PostDoc, account: AccountCore, reviewers: Array<{ _id: string }>): Notice[] {
  const urgent = p.kind === 'emergency';
  const out: Notice[] = reviewers
    .filter((r) => r._id !== p.authorId)
    .map((r) => ({
      to: { staffId: r._id },
      kind: 'post.reviewNeeded',
      title: `${tag(p)}待审核：${p.title}`,
      body: `${p.authorName}提交了${account.name}的${POST_KIND_LABELS[p.kind]}信息（第 ${p.version} 版），请审核。`,
      page: detailPage(p._id),
      urgent,
    }));
  const leaderId = account.responsible?.leader?.staffId;
  if (urgent && leaderId && leaderId !== p.authorId) {
    out.push({
      to: { staffId: leaderId },
      kind: 'post.emergency',
      title: `【突发事件】已提交审核：${p.title}`,
      body: `${account.name}的突发事件信息已提交，须在事件发生后 5 小时内首次发布，审核后请立即审批。`,
      page: detailPage(p._id),
      urgent: true,
    });
  }
  return out;
}

export function reviewedNotices(p: PostDoc, account: AccountCore): Notice[] {
  const leaderId = account.responsible?.leader?.staffId;
  if (!leaderId) return [];
  return [
    {
      to: { staffId: leaderId },
      kind: 'post.approvalNeeded',
      title: `${tag(p)}待审批：${p.title}`,
      body: `${p.reviewerName}已完成审核（含保密审查），请审批。`,
      page: detailPage(p._id),
      urgent: p.kind === 'emergency',
    },
  ];
}

export function returnedNotices(p: PostDoc, reason: string, byName: string): Notice[] {
  return [
    {
      to: { staffId: p.authorId },
      kind: 'post.returned',
      title: `已退回：${p.title}`,
      body: `${byName}退回了这条信息：${reason}`,
      page: `/posts/compose/index?id=${p._id}`,
      urgent: p.kind === 'emergency',
    },
  ];
}

export function approvedNotices(p: PostDoc, account: AccountCore): Notice[] {
  const to = new Set([p.authorId, account.responsible?.publisher?.staffId].filter((x): x is string => Boolean(x)));
  return [...to].map((staffId) => ({
    to: { staffId },
    kind: 'post.approved',
    title: `${tag(p)}已审批，请发布：${p.title}`,
    body: `${p.approverName}已审批通过。请在${account.name}发布后登记链接和时间。`,
    page: detailPage(p._id),
    urgent: p.kind === 'emergency',
  }));
}

export function deliveryNotices(p: PostDoc, callerId: string, text: string): Notice[] {
  if (p.authorId === callerId) return [];
  return [
    {
      to: { staffId: p.authorId },
      kind: 'post.delivery',
      title: `${text}：${p.title}`,
      body: text,
      page: detailPage(p._id),
    },
  ];
}
