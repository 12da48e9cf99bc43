import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkForm, EMPTY_FORM, restoreForm, toInput } from './form';

test('the form validates with the shared schema; errors land beside the fields', () => {
  const bad = checkForm({ ...EMPTY_FORM, accountId: 'acc-1', title: '', linksText: 'not a link' });
  assert.equal(bad.ok, false);
  if (bad.ok) return;
  assert.equal(bad.fieldErrors.title, '请填写标题');
  assert.equal(bad.fieldErrors.linksText, '请填写以 http:// 或 https:// 开头的完整链接');
  const ok = checkForm({
    ...EMPTY_FORM,
    accountId: 'acc-1',
    title: '开学通知',
    body: '九月一日开学。',
    linksText: ' https://www.yanchi.gov.cn/a \n\n',
  });
  assert.equal(ok.ok, true);
  assert.deepEqual(ok.ok && ok.input.links, ['https://www.yanchi.gov.cn/a']);
});

test('fields of other kinds are not sent (a source on an original, an event time on a repost)', () => {
  const input = toInput({ ...EMPTY_FORM, kind: 'original', sourceName: '某报', occurredAt: 5, correctsPostId: 'x' });
  assert.deepEqual([input.sourceName, input.occurredAt, input.correctsPostId], ['', null, null]);
  const emergency = checkForm({
    ...EMPTY_FORM,
    accountId: 'a',
    kind: 'emergency',
    title: '突发情况',
    body: '情况说明。',
  });
  assert.equal(!emergency.ok && emergency.fieldErrors.occurredAt, '突发事件须填写事件发生时间');
});

test('a stored copy is restored field by field; junk is not', () => {
  assert.equal(restoreForm(null), null);
  assert.equal(restoreForm('x'), null);
  const r = restoreForm({ title: '标题', kind: 'bogus', occurredAt: 'soon', body: 5, images: ['local:a.jpg', 7] });
  assert.deepEqual(
    [r?.title, r?.kind, r?.occurredAt, r?.body, r?.images],
    ['标题', 'original', null, '', ['local:a.jpg']],
  );
  assert.deepEqual(restoreForm({ images: 'x' })?.images, []);
});

test('images are sent in order; an emergency event only on an emergency post', () => {
  const form = { ...EMPTY_FORM, images: ['local:bbbbbbbb.jpg', 'local:aaaaaaaa.jpg'], emergencyEventId: 'ev1' };
  assert.deepEqual(toInput(form).images, ['local:bbbbbbbb.jpg', 'local:aaaaaaaa.jpg']);
  assert.equal(toInput(form).emergencyEventId, null, 'not an emergency');
  assert.equal(toInput({ ...form, kind: 'emergency' }).emergencyEventId, 'ev1');
  assert.equal(toInput({ ...form, kind: 'emergency', emergencyEventId: '' }).emergencyEventId, null);
  const tooMany = checkForm({
    ...EMPTY_FORM,
    accountId: 'a',
    title: '开学通知',
    body: '九月一日开学。',
    images: Array.from({ length: 10 }, (_, i) => `local:image000${i}.jpg`),
  });
  assert.equal(!tooMany.ok && tooMany.fieldErrors.images, '图片最多 9 张');
});
