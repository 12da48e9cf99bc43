import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkJoin, inviteCodeFromParams, normaliseCode } from './form';

test('a complete form passes the server schema, the code upper-cased', () => {
  const r = checkJoin({ code: 'ab3cd4ef', name: '马晓东', title: '办公室科员', mobile: '13995310099' });
  assert.ok(r.ok);
  assert.equal(r.ok && r.input.code, 'AB3CD4EF');
});

test('each field gets its Chinese message', () => {
  const r = checkJoin({ code: 'ABC', name: '', title: '员', mobile: '12345' });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.fieldErrors.code, '邀请码为 8 位字母或数字');
  assert.equal(r.fieldErrors.name, '请填写姓名');
  assert.equal(r.fieldErrors.title, '职务至少 2 个字');
  assert.match(r.fieldErrors.mobile, /11 位/);
});

test('codes from links or typed with spaces are normalised', () => {
  assert.equal(normaliseCode(' ab3c-d4ef '), 'AB3CD4EF');
  assert.equal(normaliseCode('AB3CD4EFXYZ'), 'AB3CD4EF');
});

test('the code arrives from a shared path or from a scanned 小程序码 scene', () => {
  assert.equal(inviteCodeFromParams({ code: 'ab3cd4ef' }), 'AB3CD4EF');
  assert.equal(inviteCodeFromParams({ scene: 'code%3DAB3CD4EF' }), 'AB3CD4EF');
  assert.equal(inviteCodeFromParams({ scene: 'other%3D1' }), '');
  assert.equal(inviteCodeFromParams({}), '');
});
