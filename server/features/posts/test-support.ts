import { ACCOUNTS, type AccountCore } from '@shared/accounts/contract';
import type { CreatePostInput } from '@shared/posts/schemas';
import type { DraftSaved, PostDetailView } from '@shared/posts/views';
import { okData, staffOpenid, type TestCloud } from '../../../test/support/cloud-harness';

// Helpers for the posts tests: accounts are inserted directly (independent of the accounts
// feature's lifecycle code), and each step goes through the public entry point as its person.

export const PUBLISHER = staffOpenid('s-edu-publisher'); // 李明
export const REVIEWER = staffOpenid('s-edu-reviewer'); // 王芳
export const LEADER = staffOpenid('s-edu-leader'); // 张伟
export const OTHER_UNIT_PUBLISHER = staffOpenid('s-hmc-publisher'); // 刘洋, 花马池镇
export const INFO_CENTER = staffOpenid('s-infocenter'); // 马超

export const ACCOUNT_ID = 'acc-test-edu-wechat';

/** A few bytes that start like a JPEG (the server checks the magic number, not the picture). */
export const TEST_JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 5)]).toString(
  'base64',
);

/** Uploads an image as `as` (a publisher) and returns its id. */
export async function uploadImage(cloud: TestCloud, as = PUBLISHER, data = TEST_JPEG): Promise<string> {
  return okData(await cloud.call<{ imageId: string }>('posts', 'posts.uploadImage', { mime: 'image/jpeg', data }, as))
    .imageId;
}

const person = (staffId: string, name: string, title: string, phone: string) => ({ staffId, name, title, phone });

export async function seedAccount(cloud: TestCloud, over: Partial<AccountCore> = {}): Promise<AccountCore> {
  const account: AccountCore = {
    _id: ACCOUNT_ID,
    platform: 'wechat',
    type: 'institutional',
    owningUnitId: 'u-education',
    managingUnitId: 'u-education',
    name: '盐池教育',
    status: 'active',
    responsible: {
      leader: person('s-edu-leader', '张伟', '副局长', '13995310003'),
      reviewer: person('s-edu-reviewer', '王芳', '办公室主任', '13995310002'),
      publisher: person('s-edu-publisher', '李明', '办公室科员', '13995310001'),
    },
    openedAt: cloud.clock.now(),
    ...over,
  };
  const { _id, ...data } = account;
  await cloud.db
    .collection(ACCOUNTS)
    .doc(_id)
    .set({ data: { createdAt: cloud.clock.now(), ...data } });
  return account;
}

/** Adds a staff member (for people the demo county does not have, e.g. a publisher who is also a leader). */
export async function addStaff(
  cloud: TestCloud,
  id: string,
  name: string,
  roles: Array<{ role: string; unitId: string }>,
): Promise<string> {
  const openid = `test-openid-${id}`;
  const demo = (await cloud.db.collection('staff').doc('s-edu-publisher').get()).data;
  const pin = (Array.isArray(demo) ? demo[0] : demo).pin;
  await cloud.db
    .collection('staff')
    .doc(id)
    .set({
      data: {
        openid,
        name,
        title: '测试',
        mobile: '13900000000',
        roles,
        status: 'active',
        pin,
        unitIds: roles.map((r) => r.unitId),
        pendingRoles: [],
      },
    });
  return openid;
}

export const draftInput = (over: Partial<CreatePostInput> = {}): CreatePostInput => ({
  accountId: ACCOUNT_ID,
  kind: 'original',
  title: '县教育局召开秋季开学工作会议',
  body: '9月1日，县教育局召开秋季开学工作会议，部署校园安全和食堂管理工作。',
  ...over,
});

/** The input of posts.update: the draft's content (no account: it is fixed) at `rev`. */
export function editInput(id: string, rev: number, over: Partial<CreatePostInput> = {}) {
  const { accountId: _a, ...content } = draftInput(over);
  void _a;
  return { ...content, id, rev };
}

export async function createDraft(cloud: TestCloud, over: Partial<CreatePostInput> = {}, as = PUBLISHER) {
  return okData(await cloud.call<DraftSaved>('posts', 'posts.create', draftInput(over), as));
}

export async function getPost(cloud: TestCloud, id: string, as = PUBLISHER) {
  return okData(await cloud.call<PostDetailView>('posts', 'posts.get', { id }, as));
}

type Step = { rev: number; state: string };

export async function submit(cloud: TestCloud, id: string, rev: number, as = PUBLISHER) {
  return okData(await cloud.call<Step>('posts', 'posts.submit', { id, rev }, as));
}

export const CHECKLIST = { politics: true, law: true, policy: true, secrecy: true, wording: true };

export async function review(
  cloud: TestCloud,
  id: string,
  rev: number,
  as = REVIEWER,
  overrides: Array<{ key: string; reason: string }> = [],
) {
  return okData(await cloud.call<Step>('posts', 'posts.review', { id, rev, checklist: CHECKLIST, overrides }, as));
}

export async function approve(cloud: TestCloud, id: string, rev: number, as = LEADER) {
  const stepUpId = await cloud.stepUp(as, 'post.approve');
  return okData(await cloud.call<Step>('posts', 'posts.approve', { id, rev, stepUpId }, as));
}

export async function publish(
  cloud: TestCloud,
  id: string,
  rev: number,
  as = PUBLISHER,
  url = 'https://mp.weixin.qq.com/s/abc123',
) {
  const stepUpId = await cloud.stepUp(as, 'post.publish');
  return okData(await cloud.call<Step>('posts', 'posts.publish', { id, rev, stepUpId, url }, as));
}

/** A post taken through the workflow up to `until`. */
export async function postAt(
  cloud: TestCloud,
  until: 'draft' | 'submitted' | 'reviewed' | 'approved' | 'published',
  over: Partial<CreatePostInput> = {},
) {
  const d = await createDraft(cloud, over);
  let rev = d.rev;
  if (until === 'draft') return { id: d._id, rev };
  rev = (await submit(cloud, d._id, rev)).rev;
  if (until === 'submitted') return { id: d._id, rev };
  rev = (await review(cloud, d._id, rev)).rev;
  if (until === 'reviewed') return { id: d._id, rev };
  rev = (await approve(cloud, d._id, rev)).rev;
  if (until === 'approved') return { id: d._id, rev };
  rev = (await publish(cloud, d._id, rev)).rev;
  return { id: d._id, rev };
}

/** The notices a staff member has received, newest last. */
export async function noticesOf(cloud: TestCloud, staffId: string) {
  const res = await cloud.db.collection('notifications').where({ staffId }).orderBy('createdAt', 'asc').get();
  return res.data as Array<{ kind: string; title: string; body: string; page: string; urgent: boolean }>;
}
