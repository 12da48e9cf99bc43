import type { Page } from '@shared/messages/schemas';
import type { CheckReport } from '@shared/posts/checks/types';
import type { CreatePostInput, QueueName, ReviewPostInput, UpdatePostInput } from '@shared/posts/schemas';
import type { AddWordsInput } from '@shared/posts/rules-schemas';
import type { PostState } from '@shared/posts/transitions';
import type { ImageMime } from '@shared/uploads/schemas';
import type {
  DraftSaved,
  EmergencyEventOptionView,
  FeedItemView,
  MyPostItemView,
  PostableAccountView,
  PostDetailView,
  QueueItemView,
  VersionDiffView,
} from '@shared/posts/views';
import { cursorArg } from './paging';
import { call } from './transport';

// The posts cloud function, as the compose, review, approval and timeline screens use it.

export type {
  CheckReport,
  DraftSaved,
  EmergencyEventOptionView,
  FeedItemView,
  MyPostItemView,
  Page,
  PostableAccountView,
  PostDetailView,
  QueueItemView,
  QueueName,
  VersionDiffView,
};

type Step = { _id: string; rev: number; state: PostState; version: number };
const FN = 'posts';

export const postableAccounts = (cursor?: string | null) =>
  call<Page<PostableAccountView>>(FN, 'posts.accounts', cursorArg(cursor));
/** Active emergency events that concern the account's unit (an emergency post links to one). */
export const emergencyEventsFor = (accountId: string, cursor?: string | null) =>
  call<Page<EmergencyEventOptionView>>(FN, 'posts.emergencyEvents', { accountId, ...cursorArg(cursor) });

// ---- images (private to staff: uploaded, then shown through the post to those who may read it)

/** Local host / H5: one image as base64 (≤ 600 KB). */
export const uploadPostImage = (mime: ImageMime, data: string) =>
  call<{ imageId: string }>(FN, 'posts.uploadImage', { mime, data });
/** Mini program: an image the phone put in cloud storage itself. */
export const registerPostImage = (fileId: string) => call<{ imageId: string }>(FN, 'posts.registerImage', { fileId });
/** An image the caller uploaded (before the post is saved). */
export const ownPostImageUrl = (imageId: string) => call<{ url: string }>(FN, 'posts.ownImage', { imageId });
/** An image on a post (any version), for those who may read the post. */
export const postImageUrl = (id: string, imageId: string) => call<{ url: string }>(FN, 'posts.image', { id, imageId });
export const createPost = (input: CreatePostInput) => call<DraftSaved>(FN, 'posts.create', input);
export const updatePost = (input: UpdatePostInput) => call<DraftSaved>(FN, 'posts.update', input);
export const checkPost = (input: CreatePostInput) => call<CheckReport>(FN, 'posts.check', input);
export const submitPost = (id: string, rev: number) => call<Step>(FN, 'posts.submit', { id, rev });
export const withdrawPost = (id: string, rev: number, reason: string) =>
  call<Step>(FN, 'posts.withdraw', { id, rev, reason });
export const reviewPost = (input: ReviewPostInput) => call<Step>(FN, 'posts.review', input);
export const returnPost = (input: { id: string; rev: number; reason: string; stepUpId: string }) =>
  call<Step>(FN, 'posts.return', input);
export const approvePost = (input: { id: string; rev: number; stepUpId: string; note?: string }) =>
  call<Step>(FN, 'posts.approve', input);
export const publishPost = (input: { id: string; rev: number; stepUpId: string; url: string; publishedAt?: number }) =>
  call<Step>(FN, 'posts.publish', input);
export const reportDeliveryFailure = (input: { id: string; rev: number; reason: string }) =>
  call<Step>(FN, 'posts.deliveryFailed', input);
export const getPost = (id: string) => call<PostDetailView>(FN, 'posts.get', { id });
export const diffVersions = (id: string, from: number, to: number) =>
  call<VersionDiffView>(FN, 'posts.diff', { id, from, to });

export function myPosts(args: { cursor?: string | null; state?: PostState } = {}) {
  return call<Page<MyPostItemView>>(FN, 'posts.mine', {
    ...cursorArg(args.cursor),
    ...(args.state ? { state: args.state } : {}),
  });
}

export function postQueue(queue: QueueName, cursor?: string | null) {
  return call<Page<QueueItemView>>(FN, 'posts.queue', { queue, ...cursorArg(cursor) });
}

export function postFeed(args: { unitId?: string; cursor?: string | null } = {}) {
  return call<Page<FeedItemView>>(FN, 'posts.feed', {
    ...(args.unitId ? { unitId: args.unitId } : {}),
    ...cursorArg(args.cursor),
  });
}

// ---- the information center's check settings (word lists, portal domain)

export interface RuleWordView {
  word: string;
  category: 'confidential' | 'sensitive';
  categoryLabel: string;
  level: 'blocking' | 'warning';
  note?: string;
}

export interface RulesPage {
  rev: number;
  portalDomains: string[];
  wordCount: number;
  updatedAt: number | null;
  updatedByName: string | null;
  total: number;
  items: RuleWordView[];
}

type RulesSaved = { rev: number; wordCount: number; portalDomains: string[] };

export function getRules(args: { category?: 'confidential' | 'sensitive'; query?: string; offset?: number }) {
  return call<RulesPage>(FN, 'postRules.get', { ...args, pageSize: 50 });
}
export const addRuleWords = (input: AddWordsInput) => call<RulesSaved>(FN, 'postRules.addWords', input);
export const removeRuleWords = (words: string[]) => call<RulesSaved>(FN, 'postRules.removeWords', { words });
export const setPortalDomains = (portalDomains: string[]) =>
  call<RulesSaved>(FN, 'postRules.setDomains', { portalDomains });
