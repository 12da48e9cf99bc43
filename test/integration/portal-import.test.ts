import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createTestCloud, okData } from '../support/cloud-harness';
import type { Envelope as Env } from '@shared/core/envelope';
import { createHost } from '@server/local/host/server';
import { IMPORT_HEADERS, signImport } from '@shared/portal/signing';
import { getDoc } from '@server/runtime/trace';
import { MESSAGES, type MessageDoc } from '@server/features/messages/model';

// The local host's POST /api/portal/import: a machine signs the raw bytes it sends, exactly as
// README (导入) tells the portal's developers to, and the host hands the request to the portal
// function as the HTTP access service would.
test('a signed import over the local host files the message; a tampered one is refused', async () => {
  const cloud = await createTestCloud();
  const server = createHost({
    mode: 'local',
    secret: randomBytes(32),
    staticDir: '/nonexistent',
    functions: {},
    now: cloud.clock.now,
    trustDemoBrowser: async () => undefined,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const key = await cloud.importKey('portal', '县政府门户网站');
    const body = JSON.stringify({
      channel: 'portal',
      externalId: 'MB-HTTP-1',
      unitId: 'u-education',
      category: 'consult',
      title: '转学手续咨询',
      content: '请问外县转入县城小学需要准备哪些材料？',
    });
    const post = (text: string, over: { nonce?: string; signBody?: string } = {}) => {
      const proof = {
        method: 'POST',
        path: '/api/portal/import',
        timestamp: String(cloud.clock.now()),
        nonce: over.nonce ?? randomBytes(12).toString('hex'),
      };
      return fetch(`${base}${proof.path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IMPORT_HEADERS.keyId]: key.keyId,
          [IMPORT_HEADERS.timestamp]: proof.timestamp,
          [IMPORT_HEADERS.nonce]: proof.nonce,
          [IMPORT_HEADERS.signature]: signImport(key.secret, proof, over.signBody ?? text),
        },
        body: text,
      });
    };

    const res = await post(body);
    assert.equal(res.status, 200);
    const made = okData((await res.json()) as Env<{ _id: string; trackingNo: string }>);
    const m = (await getDoc<MessageDoc>(cloud.db, MESSAGES, made._id))!;
    assert.equal(m.channel, 'portal');
    assert.equal(m.unitId, 'u-education');

    const tampered = await post(body.replace('u-education', 'u-huamachi'), { signBody: body });
    assert.equal(tampered.status, 401);
    const refusal = (await tampered.json()) as Env<unknown>;
    assert.equal(!refusal.ok && refusal.details?.reason, 'bad-signature');

    const twice = await post(body);
    assert.equal(twice.status, 409);
    const conflict = (await twice.json()) as Env<unknown>;
    assert.equal(!conflict.ok && conflict.code, 'Conflict');

    const unknown = await fetch(`${base}/api/portal/nothing`, { method: 'POST', body: '{}' });
    assert.equal(unknown.status, 404);
    assert.equal((await cloud.db.collection(MESSAGES).count()).total, 1);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    cloud.close();
  }
});
