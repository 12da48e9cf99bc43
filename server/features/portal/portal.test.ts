import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData, CITIZEN, type TestCloud } from '../../../test/support/cloud-harness';
import type { Envelope } from '@shared/core/envelope';
import type { ImportMessageInput } from '@shared/messages/schemas';
import type { ImportKeyView } from '@shared/portal/schemas';
import { TRACKING_NO_PATTERN } from '@shared/messages/tracking';
import { AUDIT, type AuditRecord, verifyAuditChain } from '@server/runtime/audit';
import { auditStory } from '@server/runtime/audit-story';
import { getDoc } from '@server/runtime/trace';
import { MESSAGES, type MessageDoc } from '@server/features/messages/model';
import { P, DAY } from '@server/features/messages/testkit';
import { portalActions } from './actions';
import { serveMachine } from './machine';

// The signed machine import (issue 6 §6): the portal's mailbox and the 12345 platform file
// messages as their import key, through the portal function's HTTP access entry.

const order = (over: Partial<ImportMessageInput> = {}): ImportMessageInput => ({
  channel: 'portal',
  externalId: 'MB-2026-1127-001',
  unitId: 'u-huamachi',
  category: 'complaint',
  title: '集贸市场噪音扰民',
  content: '花马池镇集贸市场凌晨四点开始卸货，噪音很大，影响周边居民休息。',
  phone: '13811114444',
  allowPublish: false,
  ...over,
});

const messageCount = async (cloud: TestCloud) => (await cloud.db.collection(MESSAGES).count()).total as number;

async function lastAudit(cloud: TestCloud): Promise<AuditRecord> {
  const res = await cloud.db.collection(AUDIT).orderBy('seq', 'desc').limit(1).get();
  return res.data[0] as AuditRecord;
}

function refused(env: Envelope<unknown>, code: string, reason?: string): string {
  assert.equal(env.ok, false, JSON.stringify(env));
  if (env.ok) return '';
  assert.equal(env.code, code, env.message);
  assert.match(env.message, /[\u4e00-\u9fff]/);
  if (reason) assert.equal(env.details?.reason, reason);
  return env.message;
}

test('a signed import files the message as the key: tracking number, deadlines from receipt, audit names the key', async () => {
  const cloud = await createTestCloud();
  try {
    const key = await cloud.importKey('portal', '县政府门户网站');
    const receivedAt = cloud.clock.now() - 2 * DAY;
    const res = await cloud.http(cloud.machineEvent(key, 'import', order({ receivedAt })));
    assert.equal(res.status, 200);
    const made = okData(res.envelope as Envelope<{ _id: string; trackingNo: string; unitName: string }>);
    assert.match(made.trackingNo, TRACKING_NO_PATTERN);
    const m = (await getDoc<MessageDoc>(cloud.db, MESSAGES, made._id))!;
    assert.equal(m.channel, 'portal');
    assert.equal(m.externalId, 'MB-2026-1127-001');
    assert.equal(m.citizenOpenid, null);
    assert.equal(m.createdAt, receivedAt);

    // The same deadlines the information center's manual import gives an order received then.
    const manual = okData(
      await cloud.call<{ _id: string }>(
        'messages',
        'messages.import',
        order({ channel: 'hotline12345', externalId: 'H-1', receivedAt }),
        P.info,
      ),
    );
    const twin = (await getDoc<MessageDoc>(cloud.db, MESSAGES, manual._id))!;
    assert.equal(m.acceptDueAt, twin.acceptDueAt);
    assert.equal(m.answerDueAt, twin.answerDueAt);
    assert.ok(m.acceptDueAt! < cloud.clock.now() + 2 * DAY, 'deadlines count from receipt, not from import');
    // Staff read who filed each: the key's import as the system, the hand-typed one by name.
    assert.deepEqual(
      [m.timeline[0].kind, m.timeline[0].actor, m.timeline[0].staffName],
      ['imported', 'system', undefined],
    );
    assert.deepEqual([twin.timeline[0].actor, twin.timeline[0].staffName], ['staff', '马超']);

    const rows = (await cloud.db.collection(AUDIT).where({ action: 'portal.import' }).get()).data as AuditRecord[];
    const change = rows.find((r) => r.target?.id === made._id)!;
    assert.equal(change.result, 'ok');
    assert.deepEqual(change.actor, {
      openid: null,
      staffId: null,
      service: { keyId: key.keyId, label: `导入接口 县政府门户网站（${key.keyId}）` },
    });
    assert.ok(rows.some((r) => r.details?.decision === 'admitted'));
    const story = await auditStory(cloud.db);
    assert.ok(story.some((l) => l.includes(`导入接口 县政府门户网站（${key.keyId}）`) && l.includes(made._id)));
    assert.equal((await verifyAuditChain(cloud.db)).ok, true);

    // The body may come base64-encoded, as the HTTP access service delivers binary bodies.
    const b64 = await cloud.http(cloud.machineEvent(key, 'import', order({ externalId: 'MB-2' }), { base64: true }));
    assert.equal(b64.status, 200, JSON.stringify(b64.envelope));
  } finally {
    cloud.close();
  }
});

test('the same external id twice is a Conflict naming the existing tracking number', async () => {
  const cloud = await createTestCloud();
  try {
    const key = await cloud.importKey('hotline12345');
    const first = okData(
      (await cloud.http(cloud.machineEvent(key, 'import', order({ channel: 'hotline12345' })))).envelope as Envelope<{
        trackingNo: string;
      }>,
    );
    const again = await cloud.http(cloud.machineEvent(key, 'import', order({ channel: 'hotline12345' })));
    assert.equal(again.status, 409);
    assert.match(refused(again.envelope, 'Conflict'), new RegExp(first.trackingNo));
    assert.equal(!again.envelope.ok && again.envelope.details?.trackingNo, first.trackingNo);
    assert.equal(await messageCount(cloud), 1);
  } finally {
    cloud.close();
  }
});

test('each broken proof is refused with its code, files nothing and is audited against the key', async () => {
  const cloud = await createTestCloud();
  try {
    const key = await cloud.importKey('portal');
    const now = cloud.clock.now();
    const cases: Array<[string, ReturnType<TestCloud['machineEvent']>, number, string, string]> = [
      [
        'unknown key',
        cloud.machineEvent(key, 'import', order(), { keyId: 'iknobody0000000' }),
        401,
        'Unauthenticated',
        'key-unknown',
      ],
      [
        'wrong secret',
        cloud.machineEvent(key, 'import', order(), { secret: 'guess' }),
        401,
        'Unauthenticated',
        'bad-signature',
      ],
      [
        'signed for another path',
        cloud.machineEvent(key, 'import', order(), { path: '/api/portal/import?x=1' }),
        401,
        'Unauthenticated',
        'bad-signature',
      ],
      [
        '6 minutes late',
        cloud.machineEvent(key, 'import', order(), { ts: now - 6 * 60_000 }),
        401,
        'Unauthenticated',
        'stale-timestamp',
      ],
      [
        '6 minutes ahead',
        cloud.machineEvent(key, 'import', order(), { ts: now + 6 * 60_000 }),
        401,
        'Unauthenticated',
        'stale-timestamp',
      ],
      [
        'another channel in the payload',
        cloud.machineEvent(key, 'import', order({ channel: 'hotline12345' })),
        403,
        'Forbidden',
        'channel-mismatch',
      ],
    ];
    // A body changed after signing: the signature covers sha256 of the exact bytes.
    const tampered = cloud.machineEvent(key, 'import', order());
    tampered.body = JSON.stringify(order({ unitId: 'u-education' }));
    cases.push(['body changed after signing', tampered, 401, 'Unauthenticated', 'bad-signature']);
    const bare = cloud.machineEvent(key, 'import', order());
    bare.headers = { 'content-type': 'application/json' };
    cases.push(['no signature headers', bare, 401, 'Unauthenticated', 'key-missing']);

    for (const [label, event, status, code, reason] of cases) {
      const res = await cloud.http(event);
      assert.equal(res.status, status, label);
      const message = refused(res.envelope, code, reason);
      const entry = await lastAudit(cloud);
      assert.equal(entry.result, 'refused', label);
      assert.equal(entry.action, 'portal.import', label);
      assert.equal(entry.details?.code, reason, label);
      assert.equal(entry.reason, message, label);
      if (reason !== 'key-missing') assert.ok(entry.actor.service?.label.startsWith('导入接口 '), label);
    }
    const mismatch = refused((await cloud.http(cases[5][1])).envelope, 'Forbidden');
    assert.match(mismatch, /门户网站信箱/);
    assert.equal(await messageCount(cloud), 0);
  } finally {
    cloud.close();
  }
});

test('a replayed request is refused; a new nonce is not a replay', async () => {
  const cloud = await createTestCloud();
  try {
    const key = await cloud.importKey('portal');
    const event = cloud.machineEvent(key, 'import', order(), { nonce: 'nonce-0000000001' });
    assert.equal((await cloud.http(event)).status, 200);
    const replay = await cloud.http(event);
    assert.equal(replay.status, 401);
    refused(replay.envelope, 'Unauthenticated', 'replayed-nonce');
    assert.equal((await lastAudit(cloud)).details?.code, 'replayed-nonce');
    // Refused before the handler: a Conflict would mean the replay reached the import.
    const fresh = await cloud.http(cloud.machineEvent(key, 'import', order({ externalId: 'MB-9' })));
    assert.equal(fresh.status, 200);
    assert.equal(await messageCount(cloud), 2);
  } finally {
    cloud.close();
  }
});

test('a revoked key is refused at once, and a portal key cannot file a 12345 order', async () => {
  const cloud = await createTestCloud();
  try {
    const key = await cloud.importKey('portal');
    assert.equal((await cloud.http(cloud.machineEvent(key, 'import', order()))).status, 200);
    const revoked = okData(
      await cloud.call<ImportKeyView>(
        'portal',
        'importKeys.revoke',
        { keyId: key.keyId, reason: '门户网站系统更换' },
        P.info,
      ),
    );
    assert.equal(revoked.status, 'revoked');
    const after = await cloud.http(cloud.machineEvent(key, 'import', order({ externalId: 'MB-2' })));
    assert.equal(after.status, 401);
    refused(after.envelope, 'Unauthenticated', 'key-revoked');
    refused(
      await cloud.call('portal', 'importKeys.revoke', { keyId: key.keyId, reason: '再次停用' }, P.info),
      'Conflict',
    );

    const portal = await cloud.importKey('portal');
    const cross = await cloud.http(
      cloud.machineEvent(portal, 'import', order({ channel: 'hotline12345', externalId: 'H-7' })),
    );
    refused(cross.envelope, 'Forbidden', 'channel-mismatch');
    assert.equal(await messageCount(cloud), 1);
  } finally {
    cloud.close();
  }
});

test('no person can use the machine path, and a key reaches no other action', async () => {
  const cloud = await createTestCloud();
  try {
    const key = await cloud.importKey('hotline12345');
    const data = order({ channel: 'hotline12345' });
    // People, through the mini program: the information center (signed phone) and a citizen.
    refused(await cloud.call('portal', 'portal.import', data, P.info), 'Forbidden', 'service-only');
    refused(await cloud.call('portal', 'portal.import', data, CITIZEN), 'Forbidden', 'service-only');
    // A person forging an HTTP access event with a valid signature is still a person.
    const forged = await cloud.http(cloud.machineEvent(key, 'import', data), P.info);
    assert.equal(forged.status, 403);
    refused(forged.envelope, 'Forbidden', 'person-on-machine-path');

    // The key, reaching for other actions: no route over HTTP, no identity in the mini program.
    const list = await cloud.http(cloud.machineEvent(key, 'importKeys.list', {}));
    assert.equal(list.status, 404);
    refused(list.envelope, 'NotFound');
    refused(await cloud.raw('portal', { action: 'importKeys.list', data: {} }, null), 'Unauthenticated');
    // Even a route wired to a person's action by mistake is refused: the table says service only.
    const wired = await serveMachine(portalActions, cloud.machineEvent(key, 'list', { pageSize: 5 }), {
      list: 'importKeys.list',
    });
    assert.equal(wired.statusCode, 403);
    assert.equal((JSON.parse(wired.body) as { details: { reason: string } }).details.reason, 'not-allowed');
    const get = await cloud.http({ ...cloud.machineEvent(key, 'import', data), httpMethod: 'GET' });
    assert.equal(get.status, 405);
    assert.equal(await messageCount(cloud), 0);
  } finally {
    cloud.close();
  }
});

test('the information center creates keys with a fresh PIN, sees them without secrets, revokes them', async () => {
  const cloud = await createTestCloud();
  try {
    refused(
      await cloud.call('portal', 'importKeys.create', { channel: 'portal', name: '县政府门户网站' }, P.info),
      'Forbidden',
      'stepup-required',
    );
    refused(await cloud.call('portal', 'importKeys.list', {}, P.eduAdmin), 'Forbidden');
    const a = await cloud.importKey('portal', '门户网站信箱');
    cloud.clock.advance(1000);
    const b = await cloud.importKey('hotline12345', '12345 平台');
    assert.match(a.secret, /^[A-Za-z0-9_-]{43}$/, '32 random bytes, base64url');
    assert.notEqual(a.secret, b.secret);
    const page = okData(
      await cloud.call<{ items: ImportKeyView[]; nextCursor: string | null }>(
        'portal',
        'importKeys.list',
        { pageSize: 1 },
        P.info,
      ),
    );
    assert.deepEqual(
      page.items.map((k) => k.keyId),
      [b.keyId],
    );
    assert.ok(page.nextCursor);
    const rest = okData(
      await cloud.call<{ items: ImportKeyView[] }>('portal', 'importKeys.list', { cursor: page.nextCursor }, P.info),
    );
    assert.deepEqual(
      rest.items.map((k) => [k.keyId, k.channel, k.name, k.createdByName]),
      [[a.keyId, 'portal', '门户网站信箱', '马超']],
    );
    assert.ok(!JSON.stringify([page, rest]).includes(a.secret) && !JSON.stringify(page).includes('secret'));
    const created = (
      (await cloud.db.collection(AUDIT).where({ action: 'importKeys.create' }).get()).data as AuditRecord[]
    ).filter((r) => r.target?.type === 'importKey' && r.result === 'ok');
    assert.deepEqual(created.map((r) => r.target!.id).sort(), [a.keyId, b.keyId].sort());
    assert.ok(created.every((r) => typeof r.details?.stepUpId === 'string'));
  } finally {
    cloud.close();
  }
});
