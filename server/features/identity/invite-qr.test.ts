import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GifReader } from 'omggif';
import decodeQR from 'qr/decode.js';
import { createTestCloud, okData, staffOpenid } from '../../../test/support/cloud-harness';
import { setInviteImageMaker, localInviteImageMaker, type InviteImageMaker } from './invite-qr';

// The invite's picture: a colleague scans it on the admin's phone. The test reads the picture the
// way a scanner would (GIF → pixels → QR decoder) and finds the invite's path in it.

const ADMIN = staffOpenid('s-edu-admin');

function scan(dataUrl: string): string {
  const m = /^data:image\/gif;base64,(.+)$/.exec(dataUrl);
  assert.ok(m, 'a GIF data URL');
  const gif = new GifReader(Buffer.from(m[1], 'base64'));
  const data = new Uint8Array(gif.width * gif.height * 4);
  gif.decodeAndBlitFrameRGBA(0, data);
  return decodeQR({ width: gif.width, height: gif.height, data });
}

test('an invite comes with a picture that scans to its join path, and says it is a local QR', async () => {
  setInviteImageMaker(localInviteImageMaker);
  const cloud = await createTestCloud();
  const invite = okData(
    await cloud.call<{ code: string; path: string; image: { dataUrl: string; kind: string; note: string } | null }>(
      'identity',
      'invites.create',
      { unitId: 'u-education', role: 'publisher' },
      ADMIN,
    ),
  );
  assert.ok(invite.image);
  assert.equal(scan(invite.image.dataUrl), `pages/join/index?code=${invite.code}`);
  assert.equal(invite.path, `pages/join/index?code=${invite.code}`);
  assert.equal(invite.image.kind, 'qr');
  assert.match(invite.image.note, /普通二维码/, 'the local picture does not pass itself off as a 小程序码');
  cloud.close();
});

test('when the picture cannot be drawn the invite is still made and its code still works', async () => {
  const broken: InviteImageMaker = { make: async () => null };
  setInviteImageMaker(broken);
  try {
    const cloud = await createTestCloud();
    const invite = okData(
      await cloud.call<{ code: string; image: unknown }>(
        'identity',
        'invites.create',
        { unitId: 'u-education', role: 'reviewer' },
        ADMIN,
      ),
    );
    assert.equal(invite.image, null);
    const joined = await cloud.call(
      'identity',
      'invites.redeem',
      { code: invite.code, name: '王小明', title: '科员', mobile: '13995318888' },
      'wx-openid-scanner',
    );
    assert.ok(joined.ok, 'the code redeems without the picture');
    cloud.close();
  } finally {
    setInviteImageMaker(localInviteImageMaker);
  }
});
