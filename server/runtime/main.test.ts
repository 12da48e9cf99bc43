import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { createTestCloud } from '../../test/support/cloud-harness';
import { createFunction } from './main';
import { defineAction } from './action';
import { runAsCaller, LOCAL_APPID } from '../local/wx-context';

test('an unknown action is a clear InvalidParameter, not a crash', async () => {
  const cloud = await createTestCloud();
  const res = await cloud.call('messages', 'messages.explode', {});
  assert.equal(!res.ok && res.code, 'InvalidParameter');
  assert.match(!res.ok ? res.message : '', /不支持操作「messages\.explode」/);
  for (const event of [null, 42, 'x', [], { action: '' }, { action: { $ne: null } }, { data: {} }]) {
    const r = await cloud.raw('messages', event);
    assert.equal(!r.ok && r.code, 'InvalidParameter', JSON.stringify(event));
  }
  cloud.close();
});

test('bad input names the first fault and how many, and every field beside its input', async () => {
  const cloud = await createTestCloud();
  const main = createFunction('identity', {
    'units.list': defineAction({
      input: z.strictObject({
        title: z.string().min(2, { error: '标题至少 2 个字' }),
        phone: z.string().regex(/^1\d{10}$/, { error: '手机号码格式不正确' }),
      }),
      run: async () => 'never',
    }),
  });
  const call = (data: unknown) =>
    runAsCaller({ OPENID: 'x', APPID: LOCAL_APPID }, () => main({ action: 'units.list', data }));
  const both = await call({ title: 'a', phone: '123' });
  assert.deepEqual(both, {
    ok: false,
    code: 'InvalidParameter',
    message: '填写有误：标题至少 2 个字（共 2 处需修改）',
    fieldErrors: { title: '标题至少 2 个字', phone: '手机号码格式不正确' },
  });
  const one = await call({ title: '标题', phone: '123' });
  assert.equal(!one.ok && one.message, '填写有误：手机号码格式不正确');
  cloud.close();
});

test('a thrown bug becomes Internal with a request id and no stack trace', async () => {
  const cloud = await createTestCloud();
  const main = createFunction('identity', {
    'units.list': defineAction({
      input: z.object({}),
      run: async () => {
        throw new Error('secret internals at /srv/app.js:42');
      },
    }),
  });
  const res = await runAsCaller({ OPENID: 'x', APPID: LOCAL_APPID }, () => main({ action: 'units.list', data: {} }));
  assert.equal(res.ok, false);
  if (res.ok) return;
  assert.equal(res.code, 'Internal');
  assert.ok(res.requestId);
  assert.match(res.message, new RegExp(res.requestId!));
  assert.doesNotMatch(JSON.stringify(res), /secret internals|app\.js/);
  cloud.close();
});

test('an action registered without a permission entry is refused by default', async () => {
  const cloud = await createTestCloud();
  const main = createFunction('identity', {
    'units.secret': defineAction({ input: z.object({}), run: async () => 'leaked' }),
  });
  const res = await runAsCaller({ OPENID: 'x', APPID: LOCAL_APPID }, () => main({ action: 'units.secret' }));
  assert.equal(!res.ok && res.code, 'Forbidden');
  cloud.close();
});

test('absurdly nested data is refused as InvalidParameter before anything recursive runs', async () => {
  const cloud = await createTestCloud();
  let deep: unknown = 'x';
  for (let i = 0; i < 100_000; i++) deep = [deep];
  const admin = 'demo-openid-s-edu-admin';
  const event = await cloud.signedEvent(admin, 'staff.list', { unitId: 'u-education' });
  const res = await cloud.raw('identity', { ...event, data: { unitId: 'u-education', extra: deep } }, admin);
  assert.equal(!res.ok && res.code, 'InvalidParameter');
  assert.match(!res.ok ? res.message : '', /嵌套过深/);
  cloud.close();
});
