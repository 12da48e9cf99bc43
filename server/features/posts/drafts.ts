import type { z } from 'zod';
import type { checkPostInput, createPostInput, updatePostInput } from '@shared/posts/schemas';
import type { DraftSaved } from '@shared/posts/views';
import type { ActionContext } from '@server/runtime/action';
import { invalidTransition, notFound } from '@server/runtime/errors';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import { readAccount, unitName } from './accounts';
import { checkContent } from './checking';
import { toContent, validateContent } from './content';
import { claimImages } from './images';
import { POST_VERSIONS, POSTS, contentOf, sameContent, versionId, type PostDoc, type PostVersionDoc } from './model';
import { addEvent, runStep, traced } from './steps';

// Drafts: a publisher writes a post for an active account; every save that changes the content
// is a new version (kept whole in postVersions); each save returns the automatic checks so the
// compose page can highlight what to fix before submitting. A save claims the post's images in
// its transaction (only images uploaded for the unit, and used by no other post).

const INACTIVE = '该账号目前不是“已启用”状态，暂不能撰写信息（请先完成账号开通和备案）';

export async function createPost(input: z.output<typeof createPostInput>, ctx: ActionContext): Promise<DraftSaved> {
  return traced(ctx, null, async () => {
    const { db } = ctx.deps;
    const now = ctx.deps.now();
    const account = await readAccount(db, input.accountId);
    if (!account) throw notFound('账号不存在');
    if (account.status !== 'active') throw invalidTransition(INACTIVE, { accountStatus: account.status });
    const content = toContent(input);
    await validateContent(db, content, account, now);
    const checks = await checkContent(db, account.platform, content, now);
    const staff = ctx.caller.staff!;
    const id = ctx.deps.newId();
    const doc: Omit<PostDoc, '_id'> = {
      rev: 0,
      version: 1,
      accountId: account._id,
      accountName: account.name,
      platform: account.platform,
      unitId: account.managingUnitId,
      unitName: await unitName(db, account.managingUnitId),
      ...content,
      state: 'draft',
      delivery: {
        state: 'pending',
        url: null,
        publishedAt: null,
        failureReason: null,
        recordedBy: null,
        recordedByName: null,
      },
      authorId: staff._id,
      authorName: staff.name,
      reviewerId: null,
      reviewerName: null,
      approverId: null,
      approverName: null,
      checks,
      overrides: [],
      checklist: null,
      returned: null,
      approval: null,
      correctedBy: null,
      priority: content.kind === 'emergency' ? 1 : 0,
      queuedAt: now,
      publicAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await inTransaction(ctx, async (t) => {
      await claimImages(t, content.images, id, doc.unitId);
      await t
        .collection(POSTS)
        .doc(id)
        .set({ data: JSON.parse(JSON.stringify(doc)) });
      const version: Omit<PostVersionDoc, '_id'> = {
        postId: id,
        n: 1,
        content,
        by: staff._id,
        byName: staff.name,
        createdAt: now,
      };
      await t
        .collection(POST_VERSIONS)
        .doc(versionId(id, 1))
        .set({ data: JSON.parse(JSON.stringify(version)) });
      await addEvent(t, ctx, { _id: id, version: 1 }, { action: 'create', fromState: null, toState: 'draft' });
      await traceChange(t, ctx, {
        target: { type: 'post', id },
        unitId: doc.unitId,
        details: { accountId: account._id, kind: content.kind, version: 1 },
      });
    });
    return { _id: id, rev: 0, version: 1, checks };
  });
}

/** Saves an edit: a new version when anything changed, the checks of the saved content. */
export async function updatePost(input: z.output<typeof updatePostInput>, ctx: ActionContext): Promise<DraftSaved> {
  const { db } = ctx.deps;
  const now = ctx.deps.now();
  const before = await getDoc<PostDoc>(db, POSTS, input.id);
  const content = toContent(input);
  if (before && before.rev === input.rev && sameContent(contentOf(before), content)) {
    return {
      _id: before._id,
      rev: before.rev,
      version: before.version,
      checks: before.checks ?? (await checkContent(db, before.platform, content, now)),
    };
  }
  const account = before ? await readAccount(db, before.accountId) : null;
  if (before && account)
    await traced(ctx, { type: 'post', id: input.id }, () => validateContent(db, content, account, now, before));
  const checks = before ? await checkContent(db, before.platform, content, now) : null;
  const staff = ctx.caller.staff!;
  const res = await runStep(ctx, {
    action: 'edit',
    input,
    apply: async (next, s) => {
      await claimImages(s.t, content.images, next._id, next.unitId);
      Object.assign(next, content);
      next.priority = content.kind === 'emergency' ? 1 : 0;
      next.version = s.original.version + 1;
      next.checks = checks;
      const version: Omit<PostVersionDoc, '_id'> = {
        postId: next._id,
        n: next.version,
        content,
        by: staff._id,
        byName: staff.name,
        createdAt: s.now,
      };
      await s.t
        .collection(POST_VERSIONS)
        .doc(versionId(next._id, next.version))
        .set({ data: JSON.parse(JSON.stringify(version)) });
    },
  });
  return { _id: res._id, rev: res.rev, version: res.version, checks: checks! };
}

/** Checks content without saving it (the compose page's "检查" button). */
export async function checkOnly(input: z.output<typeof checkPostInput>, ctx: ActionContext) {
  const account = await readAccount(ctx.deps.db, input.accountId);
  if (!account) throw notFound('账号不存在');
  return checkContent(ctx.deps.db, account.platform, toContent(input), ctx.deps.now());
}
