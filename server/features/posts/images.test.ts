import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FeedItemView, PostDetailView, VersionDiffView } from '@shared/posts/views';
import { createTestCloud, okData, staffOpenid, type TestCloud } from '../../../test/support/cloud-harness';
import { configureUploadStore, memoryUploadStore } from '@server/features/uploads/store';
import { POST_IMAGE_UPLOADS_PER_HOUR } from './images';
import {
  addStaff,
  createDraft,
  draftInput,
  editInput,
  getPost,
  OTHER_UNIT_PUBLISHER,
  postAt,
  PUBLISHER,
  REVIEWER,
  LEADER,
  seedAccount,
  submit,
  TEST_JPEG,
  uploadImage,
} from './test-support';

// Images on posts (up to 9): uploaded by a publisher, checked (size, real image bytes, hourly
// cap), carried only by a post of the uploader's unit and by one post only; the reviewer and the
// leader see them; a new version that changes them shows in "what changed"; the feed has none.

async function setup(): Promise<TestCloud> {
  configureUploadStore(memoryUploadStore());
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  return cloud;
}

function done(cloud: TestCloud) {
  cloud.close();
  configureUploadStore(null);
}

const upload = (cloud: TestCloud, data: string, as = PUBLISHER, mime = 'image/jpeg') =>
  cloud.call<{ imageId: string }>('posts', 'posts.uploadImage', { mime, data }, as);
const imageUrl = (cloud: TestCloud, id: string, imageId: string, as: string) =>
  cloud.call<{ url: string }>('posts', 'posts.image', { id, imageId }, as);

test('a publisher uploads images; the reviewer and the leader see them on the post, other units do not', async () => {
  const cloud = await setup();
  const a = await uploadImage(cloud);
  const b = await uploadImage(cloud);
  assert.match(a, /^local:[0-9a-f]{32}\.jpg$/);
  // Before the post is saved, only the uploader can preview the image.
  const own = okData(await cloud.call<{ url: string }>('posts', 'posts.ownImage', { imageId: a }, PUBLISHER));
  assert.equal(own.url, `data:image/jpeg;base64,${TEST_JPEG}`);
  const peek = await cloud.call('posts', 'posts.ownImage', { imageId: a }, OTHER_UNIT_PUBLISHER);
  assert.equal(!peek.ok && peek.code, 'NotFound');

  const post = await postAt(cloud, 'submitted', { images: [a, b] });
  const seen = await getPost(cloud, post.id, REVIEWER);
  assert.deepEqual(seen.content.images, [a, b]);
  for (const who of [REVIEWER, LEADER]) {
    const res = okData(await imageUrl(cloud, post.id, b, who));
    assert.match(res.url, /^data:image\/jpeg;base64,/);
  }
  const foreign = await imageUrl(cloud, post.id, b, staffOpenid('s-hmc-reviewer'));
  assert.equal(!foreign.ok && foreign.code, 'Forbidden', 'another unit');
  const citizen = await imageUrl(cloud, post.id, b, 'some-citizen');
  assert.equal(!citizen.ok && citizen.code, 'Forbidden', 'a citizen');
  // An image that is not on this post is not served through it.
  const other = await uploadImage(cloud);
  const notOnPost = await imageUrl(cloud, post.id, other, REVIEWER);
  assert.equal(!notOnPost.ok && notOnPost.code, 'NotFound');
  done(cloud);
});

test('uploads are refused when too big, not an image, or of a type the phone cannot show', async () => {
  const cloud = await setup();
  const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(600 * 1024)]).toString('base64');
  const tooBig = await upload(cloud, big);
  assert.equal(!tooBig.ok && tooBig.code, 'InvalidParameter');
  assert.equal(!tooBig.ok && tooBig.message, '图片过大，请换一张或裁剪后再试');
  assert.equal(!tooBig.ok && tooBig.fieldErrors?.data, '每张图片不超过 600 KB');

  const fake = await upload(cloud, Buffer.from('%PDF-1.7 not an image').toString('base64'));
  assert.equal(!fake.ok && fake.message, '文件不是有效的图片');
  assert.equal(!fake.ok && fake.fieldErrors?.data, '请选择 JPG、PNG 或 WebP 图片');
  const gif = await upload(cloud, TEST_JPEG, PUBLISHER, 'image/gif');
  assert.equal(!gif.ok && gif.fieldErrors?.mime, '请选择 JPG、PNG 或 WebP 图片');
  // A PNG that claims to be a JPEG is not one.
  const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), Buffer.alloc(50)]).toString('base64');
  const mislabelled = await upload(cloud, png);
  assert.equal(!mislabelled.ok && mislabelled.code, 'InvalidParameter');
  assert.equal((await upload(cloud, png, PUBLISHER, 'image/png')).ok, true);

  const byCitizen = await upload(cloud, TEST_JPEG, 'some-citizen');
  assert.equal(!byCitizen.ok && byCitizen.code, 'Forbidden', 'only publishers upload post images');
  const byReviewer = await upload(cloud, TEST_JPEG, REVIEWER);
  assert.equal(!byReviewer.ok && byReviewer.code, 'Forbidden');
  done(cloud);
});

test('a post carries at most 9 images; the 10th is refused', async () => {
  const cloud = await setup();
  const ten: string[] = [];
  for (let i = 0; i < 10; i++) ten.push(await uploadImage(cloud));
  const res = await cloud.call('posts', 'posts.create', draftInput({ images: ten }), PUBLISHER);
  assert.equal(!res.ok && res.code, 'InvalidParameter');
  assert.equal(!res.ok && res.fieldErrors?.images, '图片最多 9 张');
  const nine = okData(
    await cloud.call<{ _id: string }>('posts', 'posts.create', draftInput({ images: ten.slice(0, 9) }), PUBLISHER),
  );
  assert.equal((await getPost(cloud, nine._id)).content.images.length, 9);
  done(cloud);
});

test("a post may carry only images uploaded for its unit: another unit's, a citizen's or a made-up id is refused", async () => {
  const cloud = await setup();
  const refusedWith = async (images: string[]) => {
    const res = await cloud.call('posts', 'posts.create', draftInput({ images }), PUBLISHER);
    assert.equal(!res.ok && res.code, 'InvalidParameter', JSON.stringify(res));
    return !res.ok ? { message: res.message, field: res.fieldErrors?.images } : null;
  };
  const foreign = await uploadImage(cloud, OTHER_UNIT_PUBLISHER);
  assert.deepEqual(await refusedWith([foreign]), { message: '图片无效或已过期，请重新添加', field: '请重新添加图片' });
  const photo = okData(
    await cloud.call<{ photoId: string }>(
      'messages',
      'messages.uploadPhoto',
      { mime: 'image/jpeg', data: TEST_JPEG },
      'a-citizen',
    ),
  ).photoId;
  assert.deepEqual(await refusedWith([photo]), { message: '图片无效或已过期，请重新添加', field: '请重新添加图片' });
  assert.deepEqual(await refusedWith(['local:ffffffffffffffffffffffffffffffff.jpg']), {
    message: '图片无效或已过期，请重新添加',
    field: '请重新添加图片',
  });
  const mine = await uploadImage(cloud);
  assert.deepEqual(await refusedWith([mine, mine]), { message: '图片重复', field: '同一张图片只能添加一次' });
  // The refused drafts were not saved, and the refusal is in the audit trail.
  const posts = await cloud.db.collection('posts').count();
  assert.equal(posts.total, 0);
  const audit = (await cloud.db.collection('audit').orderBy('seq', 'desc').limit(1).get()).data[0];
  assert.equal(audit.action, 'posts.create');
  assert.equal(audit.result, 'refused');

  // A colleague who publishes for the same unit may put an image on a post the author uploaded.
  const colleague = await addStaff(cloud, 's-edu-pub2', '孙丽', [{ role: 'publisher', unitId: 'u-education' }]);
  const d = await createDraft(cloud, { images: [mine] });
  const theirs = await uploadImage(cloud, colleague);
  const edited = await cloud.call(
    'posts',
    'posts.update',
    editInput(d._id, d.rev, { images: [mine, theirs] }),
    PUBLISHER,
  );
  assert.equal(edited.ok, true, JSON.stringify(edited));
  done(cloud);
});

test('an image used by one post cannot go on another; keeping it on its own post is fine', async () => {
  const cloud = await setup();
  const img = await uploadImage(cloud);
  const first = await createDraft(cloud, { images: [img] });
  const second = await cloud.call('posts', 'posts.create', draftInput({ images: [img] }), PUBLISHER);
  assert.equal(!second.ok && second.message, '图片已用于另一条信息');
  assert.equal(!second.ok && second.fieldErrors?.images, '请重新添加图片');
  // Edits of the first post keep it (and dropping it does not free it: earlier versions show it).
  const title = '县教育局召开秋季开学工作会议（修改）';
  const kept = await cloud.call<{ rev: number }>(
    'posts',
    'posts.update',
    editInput(first._id, first.rev, { images: [img], title }),
    PUBLISHER,
  );
  assert.equal(kept.ok, true, JSON.stringify(kept));
  const dropped = await cloud.call<{ rev: number }>(
    'posts',
    'posts.update',
    editInput(first._id, okData(kept).rev, { images: [], title }),
    PUBLISHER,
  );
  assert.equal(dropped.ok, true);
  const again = await cloud.call('posts', 'posts.create', draftInput({ images: [img] }), PUBLISHER);
  assert.equal(!again.ok && again.message, '图片已用于另一条信息');
  done(cloud);
});

test('uploads per publisher are capped per hour; an hour later they may upload again', async () => {
  const cloud = await setup();
  for (let i = 0; i < POST_IMAGE_UPLOADS_PER_HOUR; i++) await uploadImage(cloud);
  const capped = await upload(cloud, TEST_JPEG);
  assert.equal(!capped.ok && capped.code, 'RateLimited');
  assert.equal(!capped.ok && capped.message, `1 小时内最多上传 ${POST_IMAGE_UPLOADS_PER_HOUR} 张图片，请稍后再试`);
  // Someone else is not held back by it.
  assert.equal((await upload(cloud, TEST_JPEG, OTHER_UNIT_PUBLISHER)).ok, true);
  cloud.clock.advance(3600_000 + 1);
  assert.equal((await upload(cloud, TEST_JPEG)).ok, true);
  done(cloud);
});

test('the mini program registers a cloud fileID it uploaded; the first registrant owns it', async () => {
  const cloud = await setup();
  const fileId = 'cloud://zhengwu-demo.7a68/post-images/abc.jpg';
  const mine = okData(
    await cloud.call<{ imageId: string }>('posts', 'posts.registerImage', { fileId }, PUBLISHER),
  ).imageId;
  assert.equal(mine, fileId);
  const theirs = await cloud.call('posts', 'posts.registerImage', { fileId }, OTHER_UNIT_PUBLISHER);
  assert.equal(!theirs.ok && theirs.code, 'Conflict');
  const bad = await cloud.call('posts', 'posts.registerImage', { fileId: 'https://evil.example/x.jpg' }, PUBLISHER);
  assert.equal(!bad.ok && bad.code, 'InvalidParameter');
  const d = await createDraft(cloud, { images: [fileId] });
  assert.deepEqual((await getPost(cloud, d._id)).content.images, [fileId]);
  done(cloud);
});

test('a new version that changes the images shows in what changed; the feed carries no images', async () => {
  const cloud = await setup();
  const [a, b, c] = [await uploadImage(cloud), await uploadImage(cloud), await uploadImage(cloud)];
  const d = await createDraft(cloud, { images: [a, b] });
  const s = await submit(cloud, d._id, d.rev);
  await getPost(cloud, d._id, REVIEWER); // the reviewer reads version 1
  const stepUpId = await cloud.stepUp(REVIEWER, 'post.reject');
  const returned = okData(
    await cloud.call<{ rev: number }>(
      'posts',
      'posts.return',
      { id: d._id, rev: s.rev, reason: '第一张图片与内容无关，请更换', stepUpId },
      REVIEWER,
    ),
  );
  const v2 = okData(
    await cloud.call<{ rev: number }>(
      'posts',
      'posts.update',
      editInput(d._id, returned.rev, { images: [b, c] }),
      PUBLISHER,
    ),
  );
  await submit(cloud, d._id, v2.rev);

  const seen = await getPost(cloud, d._id, REVIEWER);
  assert.equal(seen.diff?.basis, 'seen');
  assert.deepEqual(seen.diff?.images, { added: [c], removed: [a], reordered: false });
  assert.deepEqual(seen.diff?.fields, {}, 'only the images changed');
  // The removed image stays viewable through the post (the diff shows it).
  assert.equal((await imageUrl(cloud, d._id, a, REVIEWER)).ok, true);
  const asked = okData(await cloud.call<VersionDiffView>('posts', 'posts.diff', { id: d._id, from: 1, to: 2 }, LEADER));
  assert.deepEqual(asked.images, { added: [c], removed: [a], reordered: false });
  const same = okData(await cloud.call<VersionDiffView>('posts', 'posts.diff', { id: d._id, from: 2, to: 2 }, LEADER));
  assert.equal(same.images, null);

  const published = await postAt(cloud, 'published', { images: [await uploadImage(cloud)], title: '带图片的信息' });
  const feed = okData(await cloud.call<{ items: FeedItemView[] }>('posts', 'posts.feed', {}, 'anyone'));
  const item = feed.items.find((i) => i.id === published.id);
  assert.ok(item);
  assert.equal('images' in item, false);
  assert.ok(!JSON.stringify(feed).includes('local:'), 'no image id in the public feed');
  const detail: PostDetailView = await getPost(cloud, published.id, PUBLISHER);
  assert.equal(detail.content.images.length, 1);
  done(cloud);
});
