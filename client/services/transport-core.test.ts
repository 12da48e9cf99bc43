import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTransport } from './transport-core';
import { fetchEnvelope, NETWORK_FAIL_MESSAGE } from './envelope-io';

test('passes the envelope through and sends { action, data }', async () => {
  const sent: unknown[] = [];
  const t = createTransport({
    send: async (fn, payload) => {
      sent.push({ fn, payload });
      return { ok: true, data: { n: 1 } };
    },
  });
  const res = await t.call<{ n: number }>('messages', 'messages.mine', { cursor: 'c1' });
  assert.deepEqual(res, { ok: true, data: { n: 1 } });
  assert.deepEqual(sent, [{ fn: 'messages', payload: { action: 'messages.mine', data: { cursor: 'c1' } } }]);
});

test('a thrown network error becomes an Internal Fail envelope', async () => {
  const t = createTransport({
    send: async () => {
      throw new Error('offline');
    },
  });
  const res = await t.call('identity', 'me.get');
  assert.deepEqual(res, { ok: false, code: 'Internal', message: NETWORK_FAIL_MESSAGE });
});

test('a malformed reply becomes an Internal Fail envelope', async () => {
  const t = createTransport({ send: async () => '<html>502</html>' });
  const res = await t.call('identity', 'me.get');
  assert.equal(res.ok, false);
  assert.equal(!res.ok && res.code, 'Internal');
});

test('the decorator can add device fields to every request', async () => {
  let seen: unknown;
  const t = createTransport({
    send: async (_fn, payload) => {
      seen = payload;
      return { ok: true, data: null };
    },
  });
  t.setRequestDecorator((req) => ({
    ...req,
    payload: { ...req.payload, device: { id: 'd1', ts: 1, nonce: 'n', sig: 's' } },
  }));
  await t.call('messages', 'messages.inbox', { unitId: 'u1' });
  assert.deepEqual(seen, {
    action: 'messages.inbox',
    data: { unitId: 'u1' },
    device: { id: 'd1', ts: 1, nonce: 'n', sig: 's' },
  });
});

test('Unauthenticated renews the session once and retries', async () => {
  let calls = 0;
  let renewals = 0;
  const t = createTransport({
    send: async () =>
      ++calls === 1 ? { ok: false, code: 'Unauthenticated', message: '请重新登录' } : { ok: true, data: 'x' },
    renewSession: async () => {
      renewals++;
      return true;
    },
  });
  assert.deepEqual(await t.call('identity', 'me.get'), { ok: true, data: 'x' });
  assert.equal(renewals, 1);
  assert.equal(calls, 2);
});

test('fetchEnvelope sends the bearer token and maps fetch failures', async () => {
  let headers: Record<string, string> = {};
  const ok = await fetchEnvelope(
    async (_u, init) => {
      headers = init.headers;
      return { text: async () => '{"ok":true,"data":1}' };
    },
    '/api/x',
    { method: 'POST', token: 't1', body: {} },
  );
  assert.deepEqual(ok, { ok: true, data: 1 });
  assert.equal(headers.Authorization, 'Bearer t1');
  const bad = await fetchEnvelope(
    async () => {
      throw new TypeError('Failed to fetch');
    },
    '/api/x',
    { method: 'GET' },
  );
  assert.equal(!bad.ok && bad.message, NETWORK_FAIL_MESSAGE);
});

test('Unauthenticated with a reason (app locked) does not renew the session', async () => {
  let renewals = 0;
  const t = createTransport({
    send: async () => ({
      ok: false,
      code: 'Unauthenticated',
      message: '请输入 PIN 解锁',
      details: { reason: 'app-locked' },
    }),
    renewSession: async () => {
      renewals++;
      return true;
    },
  });
  const res = await t.call('identity', 'staff.list', { unitId: 'u1' });
  assert.equal(res.ok, false);
  assert.equal(!res.ok && res.details?.reason, 'app-locked');
  assert.equal(renewals, 0);
});
