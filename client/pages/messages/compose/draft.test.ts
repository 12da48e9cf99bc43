import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft, EMPTY_DRAFT, isBlank, restoreDraft, contentLength } from './draft';

const good = {
  ...EMPTY_DRAFT,
  unitId: 'unit_gaoshawo',
  unitName: '高沙窝镇',
  category: 'consult' as const,
  title: '路灯不亮',
  content: '  村口路灯坏了一周了，请尽快修理。  ',
};

test('a complete draft passes the shared schema, trimmed', () => {
  const r = checkDraft(good);
  assert.ok(r.ok);
  assert.equal(r.ok && r.input.content, '村口路灯坏了一周了，请尽快修理。');
  assert.equal(r.ok && 'phone' in r.input, false);
});

test('an empty draft reports each field in Chinese', () => {
  const r = checkDraft(EMPTY_DRAFT);
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.fieldErrors.unitId, '请选择收信单位');
  assert.equal(r.fieldErrors.category, '请选择留言类型');
  assert.match(r.fieldErrors.title, /标题/);
  assert.match(r.fieldErrors.content, /留言内容/);
});

test('a bad phone number is reported beside the phone field', () => {
  const r = checkDraft({ ...good, phone: '12345' });
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.fieldErrors.phone : '', /手机号码/);
});

test('over-long content is refused and counted after trimming', () => {
  const d = { ...good, content: ' ' + '字'.repeat(1001) };
  assert.equal(contentLength(d), 1001);
  const r = checkDraft(d);
  assert.match(!r.ok ? r.fieldErrors.content : '', /1000/);
});

test('restoreDraft tolerates junk', () => {
  assert.deepEqual(restoreDraft(null), EMPTY_DRAFT);
  assert.equal(restoreDraft({ category: 'bogus', title: 3 }).category, '');
  assert.equal(restoreDraft({ category: 'help', allowPublish: true }).allowPublish, true);
});

test('photos survive in the draft; junk ids are dropped and at most 6 are kept', () => {
  const ok = 'local:0123456789abcdef0123456789abcdef.jpg';
  const d = restoreDraft({ photos: [ok, 'javascript:alert(1)', 42, ...Array(8).fill(ok)] });
  assert.equal(d.photos.length, 6);
  assert.ok(d.photos.every((p) => p === ok));
  const r = checkDraft({ ...good, photos: [ok] });
  assert.ok(r.ok && r.input.photos?.length === 1);
  assert.equal(isBlank({ ...EMPTY_DRAFT, photos: [ok] }), false, 'a draft with only photos is kept');
});
