import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, EMPTY, restore } from './form';

test('an empty form asks to choose, in Chinese, beside each field', () => {
  const r = check({ ...EMPTY });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.fieldErrors.owningUnitId, '请选择主管部门');
  assert.equal(r.fieldErrors.platform, '请选择平台');
  assert.equal(r.fieldErrors.name, '请填写账号名称');
  assert.equal(r.fieldErrors['responsible.leaderId'], '请选择分管领导');
  assert.equal(r.fieldErrors['responsible.publisherId'], '请选择发布人员');
});

test('a complete form becomes the server input; a personal account needs its holder', () => {
  const full = {
    ...EMPTY,
    owningUnitId: 'u-education',
    managingUnitId: '',
    platform: 'douyin' as const,
    name: '盐池教育发布',
    purpose: '发布教育政策解读',
    leaderId: 's-edu-leader',
    reviewerId: 's-edu-reviewer',
    publisherId: 's-edu-publisher',
  };
  const ok = check(full);
  assert.equal(ok.ok, true);
  if (ok.ok) assert.equal(ok.input.managingUnitId, 'u-education', 'managing defaults to owning');
  const personal = check({ ...full, type: 'officialPersonal' });
  assert.equal(!personal.ok && personal.fieldErrors.holderStaffId, '公务人员账号和领导公务账号须选择账号本人');
  const badQq = check({ ...full, qq: '12ab' });
  assert.equal(!badQq.ok && badQq.fieldErrors.qq, 'QQ号为 5～12 位数字');
});

test('a stored draft from a broken store becomes a valid draft', () => {
  assert.deepEqual(restore(null), EMPTY);
  assert.deepEqual(restore({ name: 42, platform: 'weibo' }), { ...EMPTY, platform: 'weibo' });
});
