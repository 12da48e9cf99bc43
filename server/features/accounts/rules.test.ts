import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData } from '../../../test/support/cloud-harness';
import type { AccountExceptionView, AccountListItem } from '@shared/accounts/views';
import type { Page } from '@shared/messages/schemas';
import {
  P,
  DAY,
  apply,
  application,
  approvedAccount,
  chinaToday,
  detail,
  openAccount,
  activeAccount,
} from './test-support';

// The registry's rules through the public entry point: the name rule (第五条), one institutional
// account per platform (国办发〔2018〕123号), each with the information center's exception, the
// 7-day filing deadline and the 7-day re-filing after a change of people or name.

test('a name without the unit name or a short name is refused with the reason, until an exception is recorded', async () => {
  const cloud = await createTestCloud();
  const res = await cloud.call('accounts', 'accounts.apply', application({ name: '塞上书香' }), P.publisher);
  assert.equal(res.ok, false);
  if (res.ok) return;
  assert.equal(res.code, 'InvalidParameter');
  const reason =
    '账号名称须与本单位名称明确关联，应包含「县教育局」、「教育局」、「盐池教育」之一（第五条）；确需使用其他名称的，请县政府信息中心登记名称例外并说明理由';
  assert.equal(res.message, reason);
  assert.equal(res.fieldErrors?.name, reason);

  // only the information center records exceptions, with a reason
  const byUnit = await cloud.call(
    'accounts',
    'accounts.grantException',
    {
      unitId: 'u-education',
      kind: 'name',
      platform: 'douyin',
      name: '塞上书香',
      reason: '全民阅读品牌栏目，沿用已有品牌名',
    },
    P.leader,
  );
  assert.equal(!byUnit.ok && byUnit.code, 'Forbidden');
  const noReason = await cloud.call(
    'accounts',
    'accounts.grantException',
    { unitId: 'u-education', kind: 'name', platform: 'douyin', name: '塞上书香', reason: '' },
    P.info,
  );
  assert.equal(!noReason.ok && noReason.fieldErrors?.reason, '请填写例外理由');
  const needless = await cloud.call(
    'accounts',
    'accounts.grantException',
    { unitId: 'u-education', kind: 'name', platform: 'douyin', name: '盐池教育书香', reason: '品牌栏目需要' },
    P.info,
  );
  assert.equal(!needless.ok && needless.fieldErrors?.name, '该名称已包含单位名称或简称，不需要例外');
  okData(
    await cloud.call(
      'accounts',
      'accounts.grantException',
      {
        unitId: 'u-education',
        kind: 'name',
        platform: 'douyin',
        name: '塞上书香',
        reason: '全民阅读品牌栏目，沿用已有品牌名',
      },
      P.info,
    ),
  );
  // the exception is for that name on that platform only
  const otherName = await cloud.call('accounts', 'accounts.apply', application({ name: '塞上书院' }), P.publisher);
  assert.equal(!otherName.ok && otherName.code, 'InvalidParameter');
  const id = await apply(cloud, { name: '塞上书香' });
  const d = await detail(cloud, id);
  assert.deepEqual(
    d.exceptions.map((e) => [e.kind, e.reason, e.grantedByName]),
    [['name', '全民阅读品牌栏目，沿用已有品牌名', '马超']],
  );
  const list = okData(
    await cloud.call<{ items: AccountExceptionView[] }>('accounts', 'accounts.exceptions', {}, P.info),
  );
  assert.equal(list.items[0].usedByAccountId, id, 'single use: consumed by the application');
  // short names and the full name both pass; spaces and full-width forms do not matter
  okData(
    await cloud.call(
      'accounts',
      'accounts.apply',
      application({ platform: 'toutiao', name: '县 教育局 头条' }),
      P.publisher,
    ),
  );
  cloud.close();
});

test('a second institutional account on one platform is refused; the exception allows exactly one more', async () => {
  const cloud = await createTestCloud();
  // the demo county already has 盐池教育 on WeChat
  const second = await cloud.call(
    'accounts',
    'accounts.apply',
    application({ platform: 'wechat', name: '盐池教育服务号' }),
    P.publisher,
  );
  assert.equal(second.ok, false);
  if (second.ok) return;
  assert.equal(second.code, 'Conflict');
  assert.match(second.message, /^县教育局已有一个微信公众号机构账号（同一平台原则上只开设一个，国办发〔2018〕123号）/);
  assert.equal(second.fieldErrors?.platform, second.message);

  okData(
    await cloud.call(
      'accounts',
      'accounts.grantException',
      {
        unitId: 'u-education',
        kind: 'extraAccount',
        platform: 'wechat',
        reason: '招生考试服务号与政务订阅号功能不同，需分设',
      },
      P.info,
    ),
  );
  const id = await apply(cloud, { platform: 'wechat', name: '盐池教育服务号' });
  assert.equal((await detail(cloud, id)).exceptions[0].kind, 'extraAccount');
  const third = await cloud.call(
    'accounts',
    'accounts.apply',
    application({ platform: 'wechat', name: '盐池教育考试' }),
    P.publisher,
  );
  assert.equal(!third.ok && third.code, 'Conflict', 'the exception was used up');

  // two parallel applications on a fresh platform: only one takes the place
  const results = await Promise.all([
    cloud.call('accounts', 'accounts.apply', application({ platform: 'kuaishou', name: '盐池教育快手' }), P.publisher),
    cloud.call('accounts', 'accounts.apply', application({ platform: 'kuaishou', name: '盐池教育快手号' }), P.admin),
  ]);
  assert.equal(results.filter((r) => r.ok).length, 1);
  cloud.close();
});

test('a revoked exception no longer applies; a used one cannot be revoked', async () => {
  const cloud = await createTestCloud();
  const granted = okData(
    await cloud.call<{ _id: string }>(
      'accounts',
      'accounts.grantException',
      { unitId: 'u-education', kind: 'extraAccount', platform: 'wechat', reason: '招生考试服务号需分设' },
      P.info,
    ),
  );
  okData(
    await cloud.call(
      'accounts',
      'accounts.revokeException',
      { id: granted._id, reason: '经研究合并到现有公众号' },
      P.info,
    ),
  );
  const refused = await cloud.call(
    'accounts',
    'accounts.apply',
    application({ platform: 'wechat', name: '盐池教育服务号' }),
    P.publisher,
  );
  assert.equal(!refused.ok && refused.code, 'Conflict');
  const again = await cloud.call(
    'accounts',
    'accounts.revokeException',
    { id: granted._id, reason: '重复撤销' },
    P.info,
  );
  assert.equal(!again.ok && again.message, '该例外已撤销');
  cloud.close();
});

test('the filing is due 7 China days after opening; past that the account is flagged with the days overdue', async () => {
  const cloud = await createTestCloud();
  // 2026-11-27 09:00 in the county
  const id = await openAccount(cloud);
  let d = await detail(cloud, id);
  assert.equal(d.flag?.text, '备案还剩 7 天（12-04 前）');
  // the last evening of the 7th day is still on time
  cloud.clock.set(Date.UTC(2026, 11, 4, 15, 59)); // 12-04 23:59 China
  d = await detail(cloud, id);
  assert.equal(d.flag?.daysOverdue, 0);
  assert.equal(d.flag?.text, '备案还剩 0 天（12-04 前）');
  cloud.clock.set(Date.UTC(2026, 11, 4, 16, 1)); // 12-05 00:01 China
  d = await detail(cloud, id);
  assert.equal(d.flag?.daysOverdue, 1);
  assert.equal(d.flag?.text, '备案已逾期 1 天');
  cloud.clock.advance(2 * DAY);
  const list = okData(
    await cloud.call<Page<AccountListItem>>('accounts', 'accounts.list', { unitId: 'u-education' }, P.publisher),
  );
  assert.equal(list.items.find((i) => i._id === id)?.flag?.text, '备案已逾期 3 天', 'the unit list carries the flag');
  const overdue = okData(
    await cloud.call<Page<AccountListItem>>('accounts', 'accounts.list', { view: 'overdue' }, P.info),
  );
  assert.ok(
    overdue.items.some((i) => i._id === id),
    'the county sees it among overdue filings',
  );
  // a filing accepted late stops the clock
  okData(await cloud.call('accounts', 'accounts.submitFiling', { id }, P.publisher));
  assert.equal(
    (await detail(cloud, id)).flag,
    null,
    'a submitted filing waits on the information center, not the unit',
  );
  okData(await cloud.call('accounts', 'accounts.returnFiling', { id, reason: '发布人员联系电话有误' }, P.info));
  d = await detail(cloud, id);
  assert.equal(d.status, 'opened');
  assert.equal(d.filing.returnedReason, '发布人员联系电话有误');
  assert.equal(d.flag?.text, '备案已逾期 3 天', 'a returned filing keeps the original deadline');
  cloud.close();
});

test('an opening date in the future is refused; a backdated opening is overdue at once', async () => {
  const cloud = await createTestCloud();
  const id = await approvedAccount(cloud);
  const future = await cloud.call(
    'accounts',
    'accounts.open',
    { id, name: '盐池教育发布', openedOn: chinaToday(cloud, 1), platformAccountId: 'yanchi_edu' },
    P.publisher,
  );
  assert.equal(!future.ok && future.fieldErrors?.openedOn, '日期不能晚于今天');
  const badDate = await cloud.call(
    'accounts',
    'accounts.open',
    { id, name: '盐池教育发布', openedOn: '2026-02-30', platformAccountId: 'yanchi_edu' },
    P.publisher,
  );
  assert.equal(!badDate.ok && badDate.fieldErrors?.openedOn, '日期格式应为 2026-11-27');
  okData(
    await cloud.call(
      'accounts',
      'accounts.open',
      { id, name: '盐池教育发布', openedOn: chinaToday(cloud, -10), platformAccountId: 'yanchi_edu' },
      P.publisher,
    ),
  );
  assert.equal((await detail(cloud, id)).flag?.text, '备案已逾期 3 天');
  cloud.close();
});

test('changing one of the three people or the name of an active account must be re-filed within 7 days', async () => {
  const cloud = await createTestCloud();
  const id = await activeAccount(cloud);
  // QQ only: no re-filing
  okData(await cloud.call('accounts', 'accounts.edit', { id, qq: '12345678' }, P.publisher));
  assert.equal((await detail(cloud, id)).refiling, null);
  const nothing = await cloud.call('accounts', 'accounts.edit', { id, qq: '12345678' }, P.publisher);
  assert.equal(!nothing.ok && nothing.message, '没有任何变更');
  // a person without the role cannot be named
  const wrongRole = await cloud.call(
    'accounts',
    'accounts.edit',
    { id, responsible: { leaderId: 's-edu-publisher', reviewerId: 's-edu-reviewer', publisherId: 's-edu-publisher' } },
    P.publisher,
  );
  assert.equal(!wrongRole.ok && wrongRole.fieldErrors?.['responsible.leaderId'], '李明不是主管或管理单位的分管领导');

  cloud.clock.advance(DAY);
  // 赵敏 takes over publishing (the unit admin grants her the publisher role)
  await cloud.db
    .collection('staff')
    .doc('s-edu-admin')
    .update({
      data: {
        roles: [
          { role: 'unitAdmin', unitId: 'u-education' },
          { role: 'publisher', unitId: 'u-education' },
        ],
      },
    });
  okData(
    await cloud.call(
      'accounts',
      'accounts.edit',
      { id, responsible: { leaderId: 's-edu-leader', reviewerId: 's-edu-reviewer', publisherId: 's-edu-admin' } },
      P.publisher,
    ),
  );
  await assert.rejects(async () => {
    // 王芳 is a reviewer, not a publisher
    const r = await cloud.call(
      'accounts',
      'accounts.edit',
      { id, responsible: { leaderId: 's-edu-leader', reviewerId: 's-edu-reviewer', publisherId: 's-edu-reviewer' } },
      P.publisher,
    );
    if (!r.ok) throw new Error(r.fieldErrors?.['responsible.publisherId']);
  }, /王芳不是主管或管理单位的发布人员/);
  let d = await detail(cloud, id);
  assert.equal(d.status, 'active', 'posting goes on while the re-filing is due');
  assert.equal(d.responsible.publisher.name, '赵敏');
  assert.equal(d.flag?.kind, 'refiling');
  assert.equal(d.flag?.text, '变更备案还剩 7 天（12-05 前）');
  // a second change before re-filing joins the first, with the first change's deadline
  cloud.clock.advance(2 * DAY);
  okData(await cloud.call('accounts', 'accounts.edit', { id, name: '盐池教育视频' }, P.publisher));
  d = await detail(cloud, id);
  assert.deepEqual(d.refilingInfo?.changes, ['发布人员：李明 → 赵敏', '名称：盐池教育发布 → 盐池教育视频']);
  assert.equal(d.flag?.text, '变更备案还剩 5 天（12-05 前）');
  cloud.clock.advance(6 * DAY);
  d = await detail(cloud, id);
  assert.equal(d.flag?.text, '变更备案已逾期 1 天');
  const early = await cloud.call('accounts', 'accounts.acceptRefiling', { id }, P.info);
  assert.equal(!early.ok && early.message, '变更备案尚未提交，不能信息中心受理变更备案');
  okData(await cloud.call('accounts', 'accounts.submitRefiling', { id }, P.publisher));
  okData(await cloud.call('accounts', 'accounts.returnRefiling', { id, reason: '请附新名称的平台认证截图' }, P.info));
  d = await detail(cloud, id);
  assert.equal(d.refiling, 'returned');
  assert.equal(d.flag?.text, '变更备案已逾期 1 天');
  okData(await cloud.call('accounts', 'accounts.submitRefiling', { id }, P.publisher));
  okData(await cloud.call('accounts', 'accounts.acceptRefiling', { id }, P.info));
  d = await detail(cloud, id);
  assert.equal(d.refiling, null);
  assert.equal(d.flag, null);
  assert.equal(d.filing.version, 2);
  assert.equal(d.name, '盐池教育视频');
  cloud.close();
});

test('a renamed account still follows the name rule', async () => {
  const cloud = await createTestCloud();
  const id = await activeAccount(cloud);
  const res = await cloud.call('accounts', 'accounts.edit', { id, name: '塞上书香' }, P.publisher);
  assert.equal(!res.ok && res.code, 'InvalidParameter');
  assert.match(!res.ok ? (res.fieldErrors?.name ?? '') : '', /应包含「县教育局」、「教育局」、「盐池教育」之一/);
  cloud.close();
});
