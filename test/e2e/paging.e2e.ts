import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { installLocalCloud, openLocalStore } from '@server/local/cloud';
import { seedDemoCounty } from '@server/local/demo/seed';
import { configureRuntime, currentDeps, resetRuntime } from '@server/runtime/config';
import { startHostProcess, removeDir, tempDataDir, type HostProcess } from '../support/host-process';
import { openPhone, type Phone } from './phone';
import { expectOutcome, switchPersona } from './flows';

// Issue 8 on a phone, in a county bigger than a page: the citizen's unit picker searches the
// server and loads more at the bottom, with “不确定” still there; the information center finds
// any unit by name to manage it; a unit admin's 人员 list loads the rest at the bottom.

const EXTRA_UNITS = 40; // 14 demo units + 40: three pages of 20
const EXTRA_STAFF = 30; // 县教育局: 4 demo members + 30

let host: HostProcess;
let phone: Phone;

/** The demo county plus enough units and people to need a second page, written before the host starts. */
async function seedBigCounty(dataDir: string) {
  const store = openLocalStore({ file: join(dataDir, 'cloud.sqlite') });
  installLocalCloud(store);
  resetRuntime();
  configureRuntime({ log: () => undefined });
  const { db, now } = currentDeps();
  await seedDemoCounty(db, now());
  for (let i = 1; i <= EXTRA_UNITS; i++) {
    await db
      .collection('units')
      .doc(`u-extra-${i}`)
      .set({ data: { name: `测试第${i}村`, shortNames: [], kind: 'township', status: 'active', order: 100 + i } });
  }
  for (let i = 1; i <= EXTRA_STAFF; i++) {
    await db
      .collection('staff')
      .doc(`s-extra-${i}`)
      .set({
        data: {
          name: `测试员${i}`,
          title: '科员',
          mobile: '13995310099',
          openid: `extra-openid-${i}`,
          status: 'active',
          roles: [{ role: 'publisher', unitId: 'u-education' }],
          unitIds: ['u-education'],
          pendingRoles: [],
          pendingUnitIds: [],
          createdAt: now() - i * 60_000,
        },
      });
  }
  store.close();
  resetRuntime();
}

const sheet = (page: Page) => page.locator('.nut-popup:visible');
const search = async (page: Page, text: string) => {
  await sheet(page).locator('input').fill(text);
};

before(async () => {
  const dataDir = tempDataDir();
  await seedBigCounty(dataDir);
  host = await startHostProcess({ dataDir });
  phone = await openPhone(host.url);
});

after(async () => {
  await phone?.close();
  await host?.stop();
  if (host) removeDir(host.dataDir);
});

test('the citizen finds one unit among many: search, load more, and “不确定” still offered', async () => {
  const { page } = phone;
  await switchPersona(page, '张大爷');
  await page.goto('/pages/messages/compose/index');
  await page.locator('.compose-select').tap();
  const items = sheet(page).locator('.unit-picker__item');
  await items.filter({ hasText: '花马池镇' }).first().waitFor();
  await sheet(page).getByText('不确定该找哪个单位').waitFor();
  assert.equal(await items.filter({ hasText: /^测试第\d+村$/ }).count(), 6, 'the first page: 14 demo units and 6 more');

  // The bottom of the list brings the next page.
  await sheet(page).getByText('加载更多').tap();
  await items.filter({ hasText: /^测试第26村$/ }).waitFor();

  await search(page, '第3');
  await items.filter({ hasText: /^测试第30村$/ }).waitFor();
  assert.deepEqual(
    (await items.allInnerTexts()).map((t) => t.trim()),
    [
      '测试第3村',
      '测试第30村',
      '测试第31村',
      '测试第32村',
      '测试第33村',
      '测试第34村',
      '测试第35村',
      '测试第36村',
      '测试第37村',
      '测试第38村',
      '测试第39村',
    ],
  );
  assert.equal(await sheet(page).getByText('不确定该找哪个单位').count(), 0, 'a search for a name hides it');

  await search(page, '火星');
  await sheet(page).getByText('没有找到匹配的单位').waitFor();
  await search(page, '不知道');
  await sheet(page).getByText('不确定该找哪个单位').waitFor();

  await search(page, '花马池');
  await items.filter({ hasText: /^花马池镇$/ }).waitFor();
  await items.filter({ hasText: /^花马池镇$/ }).tap();
  await page.locator('.compose-select__value', { hasText: '花马池镇' }).waitFor();
  await phone.shot('paging-citizen-picker');
});

test('the information center finds any unit by name to manage it', async () => {
  const { page } = phone;
  await switchPersona(page, '马超');
  await page.goto('/staff/admin/index');
  await page.getByText('其他单位…').tap();
  await search(page, '公安');
  await sheet(page).locator('.unit-picker__item', { hasText: '县公安局' }).tap();
  await page.locator('.admin-unit__name', { hasText: '县公安局' }).waitFor();
  await page.locator('.zw-units__item--active', { hasText: '县公安局' }).waitFor();
  await page.locator('.admin-tabs__item', { hasText: /^人员$/ }).tap();
  await page.getByText('本单位还没有工作人员').waitFor();
});

test("a unit admin's 人员 list loads the rest at the bottom", async () => {
  const { page } = phone;
  await switchPersona(page, '赵敏');
  await page.goto('/staff/admin/index');
  await page.locator('.admin-tabs__item', { hasText: /^人员$/ }).tap();
  const cards = page.locator('.admin-item__name');
  await cards.first().waitFor();
  assert.equal(await cards.count(), 20, 'one page');
  await page.mouse.wheel(0, 20_000);
  await page.getByText(`共 ${4 + EXTRA_STAFF} 条，没有更多了`).waitFor();
  assert.equal(await cards.count(), 4 + EXTRA_STAFF);
  await phone.shot('paging-admin-people');
});

test('the oversight forms pick units by search: 登记舆情 one unit, 宣布突发事件 several', async () => {
  const { page } = phone;
  await switchPersona(page, '何红'); // 县政府督查室: records an incident of any unit and follows it
  await page.goto('/oversight/incidents/index?new=1');
  await page.locator('textarea:visible').first().fill('网传测试第26村饮水管道破裂，评论区询问何时恢复供水。');
  // Without a unit the server says why, beside the field, and the summary is kept.
  await page.locator('.nut-button:visible', { hasText: '提交登记' }).tap();
  await page.locator('.zw-field-error:visible', { hasText: '请选择责任单位' }).waitFor();
  assert.equal(await page.getByText('编号格式不正确').filter({ visible: true }).count(), 0);
  assert.equal(
    await page.locator('textarea:visible').first().inputValue(),
    '网传测试第26村饮水管道破裂，评论区询问何时恢复供水。',
  );
  await page.locator('.unit-field:visible', { hasText: '请选择责任单位' }).tap();
  await search(page, '第26');
  await sheet(page).locator('.unit-picker__item', { hasText: '测试第26村' }).tap();
  await page.locator('.unit-field__value:visible', { hasText: '测试第26村' }).waitFor();
  await page.locator('.nut-button:visible', { hasText: '提交登记' }).tap();
  await page.waitForURL(/\/oversight\/incident\/index\?id=/);
  await expectOutcome(page, page.locator('.ov-card__title:visible', { hasText: '测试第26村' }));

  await switchPersona(page, '孙强'); // 县政府办公室副主任: declares events
  await page.goto('/oversight/emergency/index');
  await page.locator('.nut-button:visible', { hasText: '宣布突发事件' }).tap();
  await page.locator('input:visible').first().fill('测试村供水中断');
  await page.locator('textarea:visible').first().fill('测试第26村、测试第3村供水管道破裂，正在抢修。');
  for (const [q, name] of [
    ['第26', '测试第26村'],
    ['第3村', '测试第3村'],
  ]) {
    await page.locator('.unit-field:visible').last().tap();
    await search(page, q);
    await sheet(page)
      .locator('.unit-picker__item', { hasText: new RegExp(`^${name}`) })
      .first()
      .tap();
    await page.locator('.unit-chips__chip:visible', { hasText: name }).waitFor();
  }
  // The overseers are not asked to speak: the picker does not offer them.
  await page.locator('.unit-field:visible').last().tap();
  await search(page, '信息中心');
  await sheet(page).getByText('没有找到匹配的单位').waitFor();
  await sheet(page).locator('.nut-popup-title-right').tap();
  await phone.shot('paging-declare-form');
  await page.locator('.nut-button:visible', { hasText: '宣布并通知各单位' }).tap();
  await page.waitForURL(/\/oversight\/emergency\/index\?id=/);
  await page.getByText('各单位发声情况（0/2）').waitFor();
  await page.locator('.ov-card__title:visible', { hasText: '测试第3村' }).waitFor();
  await phone.shot('paging-oversight-forms');
});
