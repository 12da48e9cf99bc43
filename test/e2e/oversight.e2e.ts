import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { openLocalStore, installLocalCloud } from '@server/local/cloud';
import { currentDeps, resetRuntime } from '@server/runtime/config';
import { chinaMonthKey } from '@shared/oversight/time';
import { startHostProcess, removeDir, tempDataDir, type HostProcess } from '../support/host-process';
import { openPhone, type Phone } from './phone';
import { expectOutcome, switchPersona, unlockIfLocked } from './flows';

// The supervision office on a phone (issue 7): 何红 (县政府督查室) opens the dashboard, drills from
// the red unit (县教育局: its account silent for 16 days, two messages overdue) to the overdue
// cases, generates this month's bulletin, issues and downloads it (the Word file read back names
// the unit and its numbers); then 张伟, 县教育局's 分管领导, signs for it and reports the correction.

const DAY = 86400_000;
let host: HostProcess;
let phone: Phone;
let dataDir: string;

/** The county's facts, written straight into the stopped host's store in the adapters' shapes. */
async function seedScenario(dir: string) {
  const store = openLocalStore({ file: join(dir, 'cloud.sqlite') });
  installLocalCloud(store);
  resetRuntime();
  const db = currentDeps().db;
  const now = Date.now();
  const accounts = (await db.collection('accounts').limit(100).get()).data as Array<{
    _id: string;
    managingUnitId: string;
  }>;
  let n = 0;
  for (const a of accounts) {
    const publicAt = a._id === 'acc-edu-wechat' ? now - 16 * DAY : now - DAY;
    await db
      .collection('posts')
      .doc(`e2e-post-${++n}`)
      .set({
        data: {
          accountId: a._id,
          unitId: a.managingUnitId,
          title: '工作动态',
          state: 'published',
          kind: 'original',
          publicAt,
          createdAt: publicAt,
        },
      });
  }
  if (!accounts.some((a) => a._id === 'acc-edu-wechat')) {
    await db
      .collection('accounts')
      .doc('acc-edu-wechat')
      .set({
        data: {
          platform: 'wechat',
          type: 'institutional',
          owningUnitId: 'u-education',
          managingUnitId: 'u-education',
          name: '盐池教育',
          status: 'active',
          openedAt: now - 100 * DAY,
          responsible: {
            publisher: { staffId: 's-edu-publisher', name: '李明' },
            reviewer: { staffId: 's-edu-reviewer', name: '王芳' },
            leader: { staffId: 's-edu-leader', name: '张伟' },
          },
        },
      });
    await db
      .collection('posts')
      .doc('e2e-post-edu')
      .set({
        data: { accountId: 'acc-edu-wechat', unitId: 'u-education', state: 'published', publicAt: now - 16 * DAY },
      });
  }
  for (const [i, title] of ['校车接送路线调整', '食堂收费标准咨询'].entries()) {
    const createdAt = now - (12 + i) * DAY;
    await db
      .collection('messages')
      .doc(`e2e-msg-${i}`)
      .set({
        data: {
          trackingNo: `YC-E2E-000${i + 1}`,
          unitId: 'u-education',
          unitName: '县教育局',
          category: 'consult',
          title,
          content: '请尽快答复，谢谢。',
          state: 'handling',
          publicStatus: 'inProgress',
          urgent: false,
          createdAt,
          updatedAt: createdAt,
          acceptedAt: createdAt + 3600_000,
          answeredAt: null,
          handlerId: 's-edu-publisher',
          rating: null,
          nextCheckAt: null,
        },
      });
  }
  store.close();
  resetRuntime();
}

before(async () => {
  dataDir = tempDataDir();
  const first = await startHostProcess({ dataDir }); // seeds the demo county
  await first.stop();
  await seedScenario(dataDir);
  host = await startHostProcess({ dataDir });
  phone = await openPhone(host.url);
});

after(async () => {
  await phone?.close();
  await host?.stop();
  if (dataDir) removeDir(dataDir);
});

test('the supervision office drills from a red unit to its overdue cases, issues the month’s bulletin and downloads it', async () => {
  const { page } = phone;
  await switchPersona(page, '何红');
  await page.getByText('督查与值班', { exact: true }).first().tap();
  await page.getByText('督查看板', { exact: true }).first().tap();
  // The request is answered at once and the host's sweeper runs it: the page follows its status.
  const asked = Date.now();
  await page.getByText('立即刷新').tap();
  await page.getByText(/已提交刷新请求|计算中|已重新计算/).waitFor({ timeout: 5_000 });
  assert.ok(Date.now() - asked < 5_000, 'the tap is answered without waiting for the computation');
  await page.getByText(/已重新计算（完成于 .+，用时 [\d.]+ 秒）/).waitFor({ timeout: 60_000 });
  const card = page.locator('.ov-card', { hasText: '县教育局' }).filter({ hasText: '红色标记' }).first();
  await card.waitFor();
  await phone.shot('oversight-dashboard');

  await card.tap();
  // Taro's H5 router keeps earlier pages in the DOM (hidden): look only at what is on screen.
  await page.waitForURL(/\/oversight\/unit\/index\?unitId=u-education/);
  const overdue = page.locator('.ov-stat:visible', { hasText: '超期未办 ›' });
  await overdue.waitFor();
  assert.match(await overdue.innerText(), /2 件/);
  await overdue.tap();
  const cases = page.locator('.ov-cases:visible');
  await cases.getByText(/YC-E2E-0001「校车接送路线调整」/).waitFor();
  await cases.getByText(/YC-E2E-0002「食堂收费标准咨询」/).waitFor();
  await cases
    .getByText(/超过 5 个工作日未答复/)
    .first()
    .waitFor();
  assert.equal(await cases.locator('.ov-card').count(), 2, 'exactly the two cases behind the number');
  await page
    .getByText(/「盐池教育」（微信公众号）已连续 16 天未更新/)
    .first()
    .waitFor();
  await page
    .getByText(/国办秘函〔2019〕19号/)
    .first()
    .waitFor();
  await phone.shot('oversight-unit-cases');

  await page.goto('/oversight/bulletins/index');
  await unlockIfLocked(page);
  // The list has answered (empty on a fresh county) before the button is used.
  await page.getByText('还没有通报').first().waitFor();
  const month = chinaMonthKey(Date.now());
  const label = `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
  await page.getByText(`生成${label}通报`).tap();
  await expectOutcome(page, page.getByText(`关于${label}全县政务新媒体运行情况的通报`).first());
  await page.getByText('县教育局（红色标记）', { exact: false }).first().waitFor();
  await page.locator('.nut-button:visible', { hasText: '印发通报' }).tap();
  await page.getByText('印发', { exact: true }).last().tap();
  await page.getByText(/已印发 · 点名/).waitFor();
  await phone.shot('oversight-bulletin-issued');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.nut-button:visible', { hasText: '下载 Word' }).tap(),
  ]);
  assert.match(download.suggestedFilename(), /\.docx$/);
  const path = join(dataDir, 'bulletin.docx');
  await download.saveAs(path);
  const zip = await JSZip.loadAsync(readFileSync(path));
  const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  assert.match(text, /县教育局（红色标记）/);
  assert.match(text, /「盐池教育」（微信公众号）已连续 16 天未更新/);
  assert.match(text, /留言超期未办 2 项/);
  assert.match(text, /YC-E2E-0001「校车接送路线调整」/);
});

test('the named unit signs for the bulletin and reports its correction', async () => {
  const { page } = phone;
  await switchPersona(page, '张伟');
  await page.getByText('督查与值班', { exact: true }).first().tap();
  await page.getByText('通报与整改', { exact: true }).first().tap();
  await expectOutcome(page, page.getByText('待签收').first());
  await page.getByText('待签收').first().tap();
  await page.getByText('本单位被通报，请签收').waitFor();
  await page.getByText('签收通报').tap();
  await page.getByText('报送整改情况', { exact: true }).first().waitFor();
  await page.locator('textarea').first().fill('已恢复“盐池教育”每日更新，两件超期留言均已答复并回访。');
  await page.locator('.nut-button', { hasText: '报送整改情况' }).tap();
  await page.getByText('已报送整改').first().waitFor();
  await page.getByText(/整改情况（张伟/).waitFor();
  await phone.shot('oversight-unit-corrected');
});

test('the supervision office opens 值班表 from its hub and chooses the unit to look at', async () => {
  const { page } = phone;
  await switchPersona(page, '何红');
  await page.getByText('督查与值班', { exact: true }).first().tap();
  await page.locator('.ov-card:visible', { hasText: '值班表' }).first().tap();
  await page.waitForURL(/\/oversight\/duty\/index$/);
  await page.getByText('查看哪个单位的值班表').waitFor();
  assert.equal(await page.getByText('编号格式不正确').filter({ visible: true }).count(), 0, 'no empty id sent');
  // Before choosing, every unit's person on duty now — the demo county has no roster yet, so why not.
  await page.getByText('各单位当前值班').waitFor();
  await page.locator('.ov-card--warn:visible', { hasText: '县教育局' }).getByText('未排值班表').waitFor();
  // One unit among many, found by a word of its name; a word no unit has says so.
  const search = page.getByRole('textbox', { name: '输入单位名称查找' });
  await search.fill('卫生');
  await page.locator('.ov-card:visible', { hasText: '县卫生健康局' }).waitFor();
  await page.locator('.ov-card:visible', { hasText: '县教育局' }).waitFor({ state: 'detached' });
  await search.fill('没有这个单位');
  await page.getByText('没有名称含“没有这个单位”的单位').waitFor();
  await search.fill('');
  await page.locator('.ov-card:visible', { hasText: '县教育局' }).waitFor();
  await page.locator('.unit-field:visible', { hasText: '请选择单位' }).tap();
  await page.locator('.nut-popup:visible').locator('input').fill('教育');
  await page.locator('.nut-popup:visible').locator('.unit-picker__item', { hasText: '县教育局' }).tap();
  await page.getByText('县教育局值班表').first().waitFor();
  await page
    .getByText(/现在值班：/)
    .first()
    .waitFor();
  assert.equal(
    await page.locator('.nut-button:visible', { hasText: '提交交接记录' }).count(),
    0,
    'the county office reads the handovers; it does not write them',
  );
  await phone.shot('oversight-duty-county');
});

test('on a wide screen the dashboard lays the units out in columns', async () => {
  // A touch-screen monitor (the switcher taps), not a phone.
  const context = await phone.browser.newContext({
    hasTouch: true,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    baseURL: host.url,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  try {
    await switchPersona(page, '何红');
    await page.goto('/oversight/dashboard/index');
    const cards = page.locator('.ov-cards:visible').last();
    await cards.locator('.ov-card', { hasText: '县教育局' }).first().waitFor();
    const columns = await cards.evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
    assert.equal(columns, 3, 'three columns of unit cards');
    await page.screenshot({ path: '.tmp/e2e/oversight-dashboard-wide.png' });
  } finally {
    await context.close();
  }
});
