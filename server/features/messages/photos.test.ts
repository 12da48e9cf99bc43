import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData } from '../../../test/support/cloud-harness';
import type { MyMessageDetail, StaffMessageView } from '@shared/messages/schemas';
import { CITIZEN, P, act, message, ok, refused } from './testkit';
import { configureUploadStore, memoryUploadStore } from '@server/features/uploads/store';
import { PHOTO_UPLOADS_PER_HOUR } from './photos';

// Photos: at most 6, only the writer's own uploads, private to the writer and the staff who may
// read the message — never on the public board.

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]).toString('base64');
const PNG = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), Buffer.alloc(100, 1)]).toString('base64');

async function upload(cloud: Awaited<ReturnType<typeof createTestCloud>>, who = CITIZEN, data = JPEG) {
  return (await ok<{ photoId: string }>(cloud, 'messages.uploadPhoto', { mime: 'image/jpeg', data }, who)).photoId;
}

test('a citizen attaches photos; they see them, the unit sees them, strangers and the board do not', async () => {
  configureUploadStore(memoryUploadStore());
  const cloud = await createTestCloud();
  const a = await upload(cloud);
  const b = (await ok<{ photoId: string }>(cloud, 'messages.uploadPhoto', { mime: 'image/png', data: PNG }, CITIZEN))
    .photoId;
  assert.match(a, /^local:[0-9a-f]{32}\.jpg$/);
  // Before sending, the writer can preview their own upload; nobody else can.
  assert.match(
    (await ok<{ url: string }>(cloud, 'messages.photo', { photoId: a }, CITIZEN)).url,
    /^data:image\/jpeg;base64,/,
  );
  refused(await act(cloud, 'messages.photo', { photoId: a }, 'someone-else'), 'NotFound');

  const sent = okData(
    await cloud.call<{ _id: string }>('messages', 'messages.submit', message({ photos: [a, b] }), CITIZEN),
  );
  const mine = await ok<MyMessageDetail>(cloud, 'messages.mineGet', { id: sent._id }, CITIZEN);
  assert.deepEqual(mine.photos, [a, b]);
  const staff = await ok<StaffMessageView>(cloud, 'messages.get', { id: sent._id }, P.eduPub);
  assert.deepEqual(staff.photos, [a, b]);
  assert.match(
    (await ok<{ url: string }>(cloud, 'messages.staffPhoto', { id: sent._id, photoId: b }, P.eduPub)).url,
    /^data:image\/png/,
  );
  assert.equal(
    (await act(cloud, 'messages.staffPhoto', { id: sent._id, photoId: b }, P.sup)).ok,
    true,
    'county viewers too',
  );
  refused(await act(cloud, 'messages.staffPhoto', { id: sent._id, photoId: b }, P.hmcPub), 'Forbidden');
  refused(await act(cloud, 'messages.staffPhoto', { id: sent._id, photoId: b }, CITIZEN), 'Forbidden');
  // The photo cannot be reused on another message, by its owner or anyone else.
  const reuse = await act(cloud, 'messages.submit', message({ photos: [a] }), CITIZEN);
  assert.equal(!reuse.ok && reuse.fieldErrors?.photos, '请重新添加图片');
  const stolen = await act(cloud, 'messages.submit', message({ photos: [b] }), 'someone-else');
  assert.equal(!stolen.ok && stolen.code, 'InvalidParameter');
  cloud.close();
  configureUploadStore(null);
});

test('uploads are checked: size, real image bytes, 6 per message, hourly cap', async () => {
  configureUploadStore(memoryUploadStore());
  const cloud = await createTestCloud();
  const fake = await act(
    cloud,
    'messages.uploadPhoto',
    { mime: 'image/jpeg', data: Buffer.from('not an image at all').toString('base64') },
    CITIZEN,
  );
  assert.equal(!fake.ok && fake.fieldErrors?.data, '请选择 JPG、PNG 或 WebP 图片');
  const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(600 * 1024)]).toString('base64');
  const tooBig = await act(cloud, 'messages.uploadPhoto', { mime: 'image/jpeg', data: big }, CITIZEN);
  assert.equal(!tooBig.ok && tooBig.code, 'InvalidParameter');
  refused(await act(cloud, 'messages.uploadPhoto', { mime: 'image/gif', data: JPEG }, CITIZEN), 'InvalidParameter');
  const seven = [];
  for (let i = 0; i < 7; i++) seven.push(await upload(cloud));
  const many = await act(cloud, 'messages.submit', message({ photos: seven }), CITIZEN);
  assert.equal(!many.ok && many.fieldErrors?.photos, '最多上传 6 张图片');
  const forged = await act(
    cloud,
    'messages.submit',
    message({ photos: ['local:ffffffffffffffffffffffffffffffff.jpg'] }),
    CITIZEN,
  );
  assert.equal(!forged.ok && forged.fieldErrors?.photos, '请重新添加图片');
  for (let i = 7; i < PHOTO_UPLOADS_PER_HOUR; i++) await upload(cloud);
  refused(await act(cloud, 'messages.uploadPhoto', { mime: 'image/jpeg', data: JPEG }, CITIZEN), 'RateLimited');
  // The mini program registers a cloud fileID it uploaded itself; the first registrant owns it.
  const fileId = 'cloud://zhengwu-demo.7a68/message-photos/abc.jpg';
  assert.equal(
    (await ok<{ photoId: string }>(cloud, 'messages.registerPhoto', { fileId }, 'another-citizen')).photoId,
    fileId,
  );
  refused(await act(cloud, 'messages.registerPhoto', { fileId }, 'third-citizen'), 'Conflict');
  refused(
    await act(cloud, 'messages.registerPhoto', { fileId: 'https://evil.example/x.jpg' }, 'third-citizen'),
    'InvalidParameter',
  );
  cloud.close();
  configureUploadStore(null);
});
