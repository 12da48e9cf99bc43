import { ACCOUNTS, type AccountCore } from '@shared/accounts/contract';
import {
  accountsPageInput,
  approvePostInput,
  checkPostInput,
  createPostInput,
  deliveryFailureInput,
  diffPostInput,
  emergencyEventsInput,
  feedInput,
  getPostInput,
  myPostsInput,
  ownImageInput,
  postImageInput,
  postRefInput,
  publishPostInput,
  queueInput,
  returnPostInput,
  reviewPostInput,
  updatePostInput,
  withdrawPostInput,
} from '@shared/posts/schemas';
import { addWordsInput, removeWordsInput, setDomainsInput, wordsPageInput } from '@shared/posts/rules-schemas';
import { registerImageInput, uploadImageInput } from '@shared/uploads/schemas';
import { defineAction, type ActionContext, type ActionMap } from '@server/runtime/action';
import { notFound } from '@server/runtime/errors';
import { getDoc } from '@server/runtime/trace';
import { postableAccounts } from './accounts';
import { checkOnly, createPost, updatePost } from './drafts';
import { activeEventsFor } from './events';
import { listFeed } from './feeds';
import { registerImage, uploadImage, viewOwnImage, viewPostImage } from './images';
import { diffVersions, getPost, myPosts, postUnit, queue } from './reads';
import { addWords, listRules, removeWords, setDomains } from './rules-store';
import {
  approvePost,
  publishPost,
  reportDeliveryFailure,
  returnPost,
  reviewPost,
  submitPost,
  withdrawPost,
} from './workflow';

// The posts cloud function: drafting (with images and the emergency event a post answers), the
// review and approval workflow, the queues, the public feed and the information center's check
// settings.

async function accountUnit(accountId: string, ctx: ActionContext): Promise<string> {
  const account = await getDoc<AccountCore>(ctx.deps.db, ACCOUNTS, accountId);
  if (!account) throw notFound('账号不存在');
  return account.managingUnitId;
}

const byPost = (i: { id: string }, ctx: ActionContext) => postUnit(i.id, ctx);

export const postActions: ActionMap = {
  'posts.accounts': defineAction({
    input: accountsPageInput,
    run: (i, ctx) => postableAccounts(ctx.deps.db, ctx.caller.staff!.roles, i.pageSize, i.cursor),
  }),
  'posts.emergencyEvents': defineAction({
    input: emergencyEventsInput,
    targetUnit: (i, ctx) => accountUnit(i.accountId, ctx),
    run: async (i, ctx) => activeEventsFor(ctx.deps.db, await accountUnit(i.accountId, ctx), i.pageSize, i.cursor),
  }),
  'posts.uploadImage': defineAction({ input: uploadImageInput, run: uploadImage }),
  'posts.registerImage': defineAction({ input: registerImageInput, run: registerImage }),
  'posts.ownImage': defineAction({ input: ownImageInput, run: viewOwnImage }),
  'posts.image': defineAction({ input: postImageInput, targetUnit: byPost, run: viewPostImage }),
  'posts.create': defineAction({
    input: createPostInput,
    targetUnit: (i, ctx) => accountUnit(i.accountId, ctx),
    run: createPost,
  }),
  'posts.check': defineAction({
    input: checkPostInput,
    targetUnit: (i, ctx) => accountUnit(i.accountId, ctx),
    run: checkOnly,
  }),
  'posts.update': defineAction({ input: updatePostInput, targetUnit: byPost, run: updatePost }),
  'posts.submit': defineAction({ input: postRefInput, targetUnit: byPost, run: submitPost }),
  'posts.withdraw': defineAction({ input: withdrawPostInput, targetUnit: byPost, run: withdrawPost }),
  'posts.review': defineAction({ input: reviewPostInput, targetUnit: byPost, run: reviewPost }),
  'posts.return': defineAction({ input: returnPostInput, targetUnit: byPost, run: returnPost }),
  'posts.approve': defineAction({ input: approvePostInput, targetUnit: byPost, run: approvePost }),
  'posts.publish': defineAction({ input: publishPostInput, targetUnit: byPost, run: publishPost }),
  'posts.deliveryFailed': defineAction({ input: deliveryFailureInput, targetUnit: byPost, run: reportDeliveryFailure }),
  'posts.get': defineAction({ input: getPostInput, targetUnit: byPost, run: getPost }),
  'posts.diff': defineAction({ input: diffPostInput, targetUnit: byPost, run: diffVersions }),
  'posts.mine': defineAction({ input: myPostsInput, run: myPosts }),
  'posts.queue': defineAction({ input: queueInput, run: queue }),
  'posts.feed': defineAction({ input: feedInput, run: (i, ctx) => listFeed(ctx.deps.db, i) }),
  'postRules.get': defineAction({ input: wordsPageInput, run: listRules }),
  'postRules.addWords': defineAction({ input: addWordsInput, run: addWords }),
  'postRules.removeWords': defineAction({ input: removeWordsInput, run: removeWords }),
  'postRules.setDomains': defineAction({ input: setDomainsInput, run: setDomains }),
};
