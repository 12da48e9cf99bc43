import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterRefusal, enter, liveProblem, startForm } from './steps';

test('first PIN: new then confirm, simple PINs refused with the shared rule', () => {
  let r = enter(startForm(false), '123456');
  assert.equal(r.form.step, 'new');
  assert.equal(r.form.error, 'PIN 不能是连续的数字');
  r = enter(r.form, '380517');
  assert.equal(r.form.step, 'confirm');
  assert.equal(r.form.error, null);
  r = enter(r.form, '380517');
  assert.deepEqual(r.submit, { pin: '380517' });
});

test('a mismatch sends the person back to choose the new PIN again', () => {
  let r = enter(startForm(false), '380517');
  r = enter(r.form, '380518');
  assert.equal(r.submit, null);
  assert.equal(r.form.step, 'new');
  assert.equal(r.form.error, '两次输入的 PIN 不一致，请重新设置');
});

test('changing asks for the current PIN first and sends it along; a wrong one restarts', () => {
  let r = enter(startForm(true), '246810');
  assert.equal(r.form.step, 'new');
  r = enter(r.form, '246810');
  assert.equal(r.form.error, '新 PIN 不能与当前 PIN 相同');
  r = enter(r.form, '902746');
  r = enter(r.form, '902746');
  assert.deepEqual(r.submit, { pin: '902746', currentPin: '246810' });
  const back = afterRefusal(r.form, {
    message: 'PIN 不正确',
    fieldErrors: { currentPin: 'PIN 不正确，再错 4 次将锁定 15 分钟' },
  });
  assert.equal(back.step, 'current');
  assert.equal(back.error, 'PIN 不正确，再错 4 次将锁定 15 分钟');
});

test('the live problem shows only on the new-PIN step once six digits are typed', () => {
  assert.equal(liveProblem('new', '11111'), null);
  assert.equal(liveProblem('new', '111111'), 'PIN 不能是 6 个相同的数字');
  assert.equal(liveProblem('confirm', '111111'), null);
});
