import type { Sample } from '../../../test/fuzz/lib/sample-env';
import {
  ACCOUNT_ID,
  CHECKLIST,
  TEST_JPEG,
  createDraft,
  draftInput,
  postAt,
  seedAccount,
  uploadImage,
} from './test-support';

// One valid call per posts action, for the reliability harness (test/fuzz/samples.ts spreads
// these rows in). Each payload first creates what the action needs: an active account
// (inserted directly, as in the posts tests) and a post in the right state.

const unit = 'u-education';
const publisher = 's-edu-publisher';
const reviewer = 's-edu-reviewer';
const leader = 's-edu-leader';

type Env = Parameters<Sample['payload']>[0];

async function at(e: Env, state: Parameters<typeof postAt>[1]) {
  await seedAccount(e.cloud);
  return postAt(e.cloud, state);
}

const content = () => {
  const { accountId: _a, ...rest } = draftInput();
  return rest;
};

export const POST_FUZZ_SAMPLES: Record<string, Sample> = {
  'posts.accounts': { as: (e) => e.staff(publisher), payload: async (e) => (await seedAccount(e.cloud), {}) },
  'posts.emergencyEvents': {
    unit,
    as: (e) => e.staff(publisher),
    payload: async (e) => (await seedAccount(e.cloud), { accountId: ACCOUNT_ID }),
  },
  'posts.uploadImage': { as: (e) => e.staff(publisher), payload: () => ({ mime: 'image/jpeg', data: TEST_JPEG }) },
  'posts.registerImage': {
    as: (e) => e.staff(publisher),
    payload: () => ({ fileId: 'cloud://zhengwu-demo.7a68/post-images/fuzz-sample.jpg' }),
  },
  'posts.ownImage': {
    as: (e) => e.staff(publisher),
    payload: async (e) => ({ imageId: await uploadImage(e.cloud, e.staff(publisher)) }),
  },
  'posts.image': {
    unit,
    as: (e) => e.staff(reviewer),
    payload: async (e) => {
      await seedAccount(e.cloud);
      const imageId = await uploadImage(e.cloud, e.staff(publisher));
      return { id: (await createDraft(e.cloud, { images: [imageId] }, e.staff(publisher)))._id, imageId };
    },
  },
  'posts.create': {
    unit,
    as: (e) => e.staff(publisher),
    payload: async (e) => (await seedAccount(e.cloud), draftInput()),
  },
  'posts.check': {
    unit,
    as: (e) => e.staff(publisher),
    payload: async (e) => (await seedAccount(e.cloud), draftInput()),
  },
  'posts.update': {
    unit,
    as: (e) => e.staff(publisher),
    payload: async (e) => ({ ...(await at(e, 'draft')), ...content(), title: '修改后的标题文字' }),
  },
  'posts.submit': { unit, as: (e) => e.staff(publisher), payload: (e) => at(e, 'draft') },
  'posts.withdraw': {
    unit,
    as: (e) => e.staff(publisher),
    payload: async (e) => ({ ...(await at(e, 'submitted')), reason: '活动取消' }),
  },
  'posts.review': {
    unit,
    as: (e) => e.staff(reviewer),
    payload: async (e) => ({ ...(await at(e, 'submitted')), checklist: CHECKLIST, note: '', overrides: [] }),
  },
  'posts.return': {
    unit,
    as: (e) => e.staff(reviewer),
    payload: async (e) => ({
      ...(await at(e, 'submitted')),
      reason: '会议时间需要再核实',
      stepUpId: await e.stepUp(e.staff(reviewer), 'post.reject'),
    }),
  },
  'posts.approve': {
    unit,
    as: (e) => e.staff(leader),
    payload: async (e) => ({ ...(await at(e, 'reviewed')), stepUpId: await e.stepUp(e.staff(leader), 'post.approve') }),
  },
  'posts.publish': {
    unit,
    as: (e) => e.staff(publisher),
    payload: async (e) => ({
      ...(await at(e, 'approved')),
      url: 'https://mp.weixin.qq.com/s/fuzz',
      stepUpId: await e.stepUp(e.staff(publisher), 'post.publish'),
    }),
  },
  'posts.deliveryFailed': {
    unit,
    as: (e) => e.staff(publisher),
    payload: async (e) => ({ ...(await at(e, 'approved')), reason: '平台群发失败' }),
  },
  'posts.get': { unit, as: (e) => e.staff(reviewer), payload: async (e) => ({ id: (await at(e, 'submitted')).id }) },
  'posts.diff': {
    unit,
    as: (e) => e.staff(reviewer),
    payload: async (e) => ({ id: (await at(e, 'submitted')).id, from: 1, to: 1 }),
  },
  'posts.mine': { as: (e) => e.staff(publisher), payload: () => ({}) },
  'posts.queue': { as: (e) => e.staff(reviewer), payload: () => ({ queue: 'review' }) },
  'posts.feed': { as: (e) => e.citizen(), payload: () => ({}) },
  'postRules.get': { as: (e) => e.staff('s-infocenter'), payload: () => ({}) },
  'postRules.addWords': {
    as: (e) => e.staff('s-infocenter'),
    payload: () => ({ words: [{ word: '测试敏感词', category: 'sensitive', level: 'warning' }] }),
  },
  'postRules.removeWords': { as: (e) => e.staff('s-infocenter'), payload: () => ({ words: ['震惊'] }) },
  'postRules.setDomains': {
    as: (e) => e.staff('s-infocenter'),
    payload: () => ({ portalDomains: ['www.yanchi.gov.cn'] }),
  },
};

void ACCOUNT_ID;
