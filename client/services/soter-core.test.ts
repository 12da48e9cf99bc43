import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableSoterMode, soterStepUp, type SoterPlatform, type SoterServer } from './soter-core';

// The client half of SOTER step-up: which mode is offered, and what the sheet does with each answer.

function phone(over: Partial<SoterPlatform> & { signed?: string[] } = {}): SoterPlatform & { signed: string[] } {
  const signed = over.signed ?? [];
  return {
    signed,
    supportModes: over.supportModes ?? (async () => ['fingerPrint', 'facial']),
    isEnrolled: over.isEnrolled ?? (async () => true),
    authenticate:
      over.authenticate ??
      (async (_mode, challenge) => {
        signed.push(challenge);
        return { resultJSON: JSON.stringify({ challenge }), resultJSONSignature: 'sig' };
      }),
  };
}

const server = (over: Partial<SoterServer> = {}): SoterServer => ({
  challenge: over.challenge ?? (async () => ({ ok: true, data: { challenge: 'c-1', soterAvailable: true } })),
  verify: over.verify ?? (async () => ({ ok: true, data: { stepUpId: 't-1', expiresAt: 1 } })),
});

test('fingerprint is offered first, face when only a face is enrolled, nothing when none is', async () => {
  assert.equal(await availableSoterMode(phone()), 'fingerPrint');
  assert.equal(await availableSoterMode(phone({ isEnrolled: async (m) => m === 'facial' })), 'facial');
  assert.equal(await availableSoterMode(phone({ isEnrolled: async () => false })), null);
  assert.equal(await availableSoterMode(phone({ supportModes: async () => ['speech'] })), null);
  assert.equal(
    await availableSoterMode(
      phone({
        supportModes: async () => {
          throw new Error('not weapp');
        },
      }),
    ),
    null,
  );
});

test('the phone signs the server challenge and the ticket comes back', async () => {
  const p = phone();
  const out = await soterStepUp(p, server(), 'fingerPrint', '审批通过信息');
  assert.deepEqual(out, { kind: 'ticket', stepUpId: 't-1' });
  assert.deepEqual(p.signed, ['c-1'], 'exactly the challenge the server issued was signed');
});

test('no challenge from the server (it cannot verify) → PIN, without asking for a fingerprint', async () => {
  const p = phone();
  const out = await soterStepUp(
    p,
    server({ challenge: async () => ({ ok: true, data: { challenge: null, soterAvailable: false } }) }),
    'fingerPrint',
    '审批通过信息',
  );
  assert.equal(out.kind, 'fallback');
  assert.deepEqual(p.signed, []);
});

test('cancelled on the phone → PIN with a message; a server refusal is passed on as is', async () => {
  const cancelled = await soterStepUp(
    phone({
      authenticate: async () => {
        throw new Error('cancel');
      },
    }),
    server(),
    'facial',
    '变更设备',
  );
  assert.deepEqual(cancelled, { kind: 'fallback', message: '面容验证未完成，请重试或输入 PIN' });
  const refused = await soterStepUp(
    phone(),
    server({ verify: async () => ({ ok: false, code: 'Forbidden', message: '生物认证结果已使用过，请重新验证' }) }),
    'fingerPrint',
    '审批通过信息',
  );
  assert.equal(refused.kind, 'refused');
  assert.equal(refused.kind === 'refused' && refused.refusal.message, '生物认证结果已使用过，请重新验证');
});
