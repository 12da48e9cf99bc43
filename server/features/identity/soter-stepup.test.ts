import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData, staffOpenid, type TestCloud } from '../../../test/support/cloud-harness';
import { localBiometricVerifier, setBiometricVerifier, type BiometricVerifier } from './soter';
import { STEP_UPS } from './model';

// SOTER step-up (RULES.md Security, issue 3 item 5): the phone signs a server challenge in its
// secure element; the server checks the signature (WeChat's openapi in production, a stand-in
// here that accepts exactly one signature per resultJSON) AND that the challenge is this
// person's, this phone's, for this purpose, fresh and unused. A signature alone never expires,
// so these tests are mostly about replay.

const LEADER = staffOpenid('s-edu-leader');
const PUBLISHER = staffOpenid('s-edu-publisher');

/** Accepts a proof whose signature is `signed:<openid>:<resultJSON>` — what a phone would make. */
const standIn: BiometricVerifier = {
  available: true,
  async verify(openid, proof) {
    const ok = proof.resultJSONSignature === `signed:${openid}:${proof.resultJSON}`;
    return { ok, message: ok ? '已通过生物认证' : '生物认证未通过，请改用 PIN' };
  },
};

const sign = (openid: string, challenge: string, extra: Record<string, unknown> = {}) => {
  const resultJSON = JSON.stringify({ raw: 'fp', fid: '1', counter: 7, challenge, ...extra });
  return { resultJSON, resultJSONSignature: `signed:${openid}:${resultJSON}` };
};

async function challenge(cloud: TestCloud, openid: string, purpose = 'post.approve') {
  return okData(
    await cloud.call<{ challenge: string | null; soterAvailable: boolean; expiresAt: number | null }>(
      'identity',
      'stepup.challenge',
      { purpose },
      openid,
    ),
  );
}

async function withStandIn(fn: (cloud: TestCloud) => Promise<void>) {
  setBiometricVerifier(standIn);
  const cloud = await createTestCloud();
  try {
    await fn(cloud);
  } finally {
    cloud.close();
    setBiometricVerifier(localBiometricVerifier);
  }
}

test('a signed fresh challenge gives a single-use SOTER ticket; the same proof again is refused', () =>
  withStandIn(async (cloud) => {
    const c = await challenge(cloud, LEADER);
    assert.equal(c.soterAvailable, true);
    assert.equal(c.expiresAt, cloud.clock.now() + 5 * 60_000);
    const proof = sign(LEADER, c.challenge!);
    const ok = okData(
      await cloud.call<{ stepUpId: string }>(
        'identity',
        'stepup.verify',
        { purpose: 'post.approve', soter: proof },
        LEADER,
      ),
    );
    const ticket = (await cloud.db.collection(STEP_UPS).doc(ok.stepUpId).get()).data as unknown as
      { method: string; purpose: string } | Array<{ method: string; purpose: string }>;
    const doc = Array.isArray(ticket) ? ticket[0] : ticket;
    assert.equal(doc.method, 'soter');
    assert.equal(doc.purpose, 'post.approve');

    const replay = await cloud.call('identity', 'stepup.verify', { purpose: 'post.approve', soter: proof }, LEADER);
    assert.equal(!replay.ok && replay.code, 'Forbidden');
    assert.match(!replay.ok ? replay.message : '', /已使用过/);
  }));

test('a challenge is refused for another purpose, after 5 minutes, or from another person', () =>
  withStandIn(async (cloud) => {
    const forDevice = await challenge(cloud, LEADER, 'device.change');
    const wrongPurpose = await cloud.call(
      'identity',
      'stepup.verify',
      { purpose: 'post.approve', soter: sign(LEADER, forDevice.challenge!) },
      LEADER,
    );
    assert.match(!wrongPurpose.ok ? wrongPurpose.message : '', /不是为这项操作申请的/);

    const late = await challenge(cloud, LEADER);
    cloud.clock.advance(5 * 60_000);
    const expired = await cloud.call(
      'identity',
      'stepup.verify',
      { purpose: 'post.approve', soter: sign(LEADER, late.challenge!) },
      LEADER,
    );
    assert.match(!expired.ok ? expired.message : '', /超过 5 分钟/);

    // The publisher's challenge, signed by the leader's own phone, is not the leader's to use.
    const theirs = await challenge(cloud, PUBLISHER);
    const borrowed = await cloud.call(
      'identity',
      'stepup.verify',
      { purpose: 'post.approve', soter: sign(LEADER, theirs.challenge!) },
      LEADER,
    );
    assert.match(!borrowed.ok ? borrowed.message : '', /挑战码无效/);
    // …and the attempt did not spend it for its owner.
    okData(
      await cloud.call(
        'identity',
        'stepup.verify',
        { purpose: 'post.approve', soter: sign(PUBLISHER, theirs.challenge!) },
        PUBLISHER,
      ),
    );
  }));

test('a bad signature is refused and spends the challenge; a proof with no challenge is refused', () =>
  withStandIn(async (cloud) => {
    const c = await challenge(cloud, LEADER);
    const forged = { ...sign(LEADER, c.challenge!), resultJSONSignature: 'forged' };
    const bad = await cloud.call('identity', 'stepup.verify', { purpose: 'post.approve', soter: forged }, LEADER);
    assert.equal(!bad.ok && bad.code, 'Forbidden');
    assert.match(!bad.ok ? bad.message : '', /生物认证未通过/);
    const retry = await cloud.call(
      'identity',
      'stepup.verify',
      { purpose: 'post.approve', soter: sign(LEADER, c.challenge!) },
      LEADER,
    );
    assert.match(!retry.ok ? retry.message : '', /已使用过/);

    const bare = JSON.stringify({ raw: 'fp', counter: 8 });
    const none = await cloud.call(
      'identity',
      'stepup.verify',
      { purpose: 'post.approve', soter: { resultJSON: bare, resultJSONSignature: `signed:${LEADER}:${bare}` } },
      LEADER,
    );
    assert.match(!none.ok ? none.message : '', /缺少挑战码/);

    const refusals = (await cloud.db.collection('audit').where({ result: 'refused' }).limit(100).get()).data as Array<{
      details?: { outcome?: string };
    }>;
    assert.equal(refusals.filter((r) => r.details?.outcome === 'soter-failed').length, 3, 'each refusal is audited');
  }));

test('locally SOTER cannot be verified: no challenge is issued and a proof is refused, so the PIN is used', async () => {
  setBiometricVerifier(localBiometricVerifier);
  const cloud = await createTestCloud();
  const c = await challenge(cloud, LEADER);
  assert.deepEqual(c, { challenge: null, expiresAt: null, soterAvailable: false });
  const r = await cloud.call(
    'identity',
    'stepup.verify',
    { purpose: 'post.approve', soter: sign(LEADER, 'made-up') },
    LEADER,
  );
  assert.match(!r.ok ? r.message : '', /本地环境无法校验/);
  okData(await cloud.call('identity', 'stepup.verify', { purpose: 'post.approve', pin: '246810' }, LEADER));
  cloud.close();
});
