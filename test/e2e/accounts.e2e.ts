import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startHostProcess, removeDir, type HostProcess } from '../support/host-process';
import { openPhone, type Phone } from './phone';
import { enterPin, switchPersona } from './flows';

// Issue 4 on a phone: one account walks from application to active and then to closed, each
// step by the demo person the county's rules name (李明 applies, 张伟 approves as principal
// leader, 孙强 for the county office, 马超 accepts the filing), and the citizens' directory is
// checked before, while active and after closing. A name refusal is shown with its reason and
// nothing typed is lost.

let host: HostProcess;
let phone: Phone;

before(async () => {
  host = await startHostProcess();
  phone = await openPhone(host.url);
});

after(async () => {
  await phone?.close();
  await host?.stop();
  if (host) removeDir(host.dataDir);
});

const NAME = '盐池教育发布';

async function directoryNames(page: Page): Promise<string[]> {
  await page.goto('/pages/directory/index');
  await page.getByText('盐池县政务新媒体账号名录').waitFor();
  await page.locator('.dir-account__name').first().waitFor();
  return page.locator('.dir-account__name').allInnerTexts();
}

async function openDetail(page: Page, id: string): Promise<void> {
  await page.goto(`/accounts/detail/index?id=${id}`);
  await page.getByText('办理记录').waitFor();
}

/** Taps a step button, answers its sheet and confirms. */
async function step(page: Page, button: string, confirm: string, fill?: () => Promise<void>): Promise<void> {
  await page.locator('.acc-actions').getByText(button, { exact: true }).tap();
  await page.locator('.acc-sheet').waitFor();
  if (fill) await fill();
  await page.locator('.acc-sheet__actions').getByText(confirm, { exact: true }).tap();
}

async function expectStatus(page: Page, label: string): Promise<void> {
  await page.locator('.acc-card__top .zw-tag').getByText(label, { exact: true }).waitFor();
}

test('an account from application to active and to closed, with the directory before and after', async () => {
  const { page } = phone;

  // a citizen's directory before: the demo accounts, not ours
  await switchPersona(page, '张大爷');
  await page.getByText('政务账号名录', { exact: true }).tap();
  await page.getByText('盐池教育', { exact: true }).first().waitFor();
  let names = await directoryNames(page);
  assert.ok(names.includes('盐池教育'));
  assert.ok(!names.includes(NAME));
  assert.equal(await page.getByText('工作人员：账号开设、备案与注销 ›').count(), 0, 'citizens see no staff link');

  // 李明 applies; a name without the unit's name is refused with the reason, input kept
  await switchPersona(page, '李明');
  await page.goto('/pages/directory/index');
  await page.getByText('工作人员：账号开设、备案与注销 ›').tap();
  await page.getByText('申请开设账号', { exact: true }).tap();
  await page.getByText('主管部门（公开认证的单位）').waitFor();
  await page.locator('.acc-chip', { hasText: '抖音' }).tap();
  await page.getByRole('textbox', { name: /平台上的账号名称/ }).fill('塞上书香');
  await page.locator('textarea').first().fill('发布教育政策解读和校园安全提示短视频');
  await page.locator('.acc-chip', { hasText: '张伟' }).waitFor();
  await page.getByText('提交申请', { exact: true }).tap();
  await page
    .getByText(/账号名称须与本单位名称明确关联，应包含「县教育局」、「教育局」、「盐池教育」之一/)
    .first()
    .waitFor();
  assert.equal(await page.locator('textarea').first().inputValue(), '发布教育政策解读和校园安全提示短视频');
  await phone.shot('accounts-name-refused');
  await page.getByRole('textbox', { name: /平台上的账号名称/ }).fill(NAME);
  await page.getByText('提交申请', { exact: true }).tap();
  await page.waitForURL(/\/accounts\/detail\/index\?id=/);
  const id = new URL(page.url()).searchParams.get('id')!;
  await expectStatus(page, '待本单位主要领导审批');

  // 张伟, the unit's leader, confirms the principal leader's approval
  await switchPersona(page, '张伟');
  await openDetail(page, id);
  await step(page, '批准开设', '批准', async () => {
    await page.getByText('我是本单位主要领导，或已经本单位主要领导同意').tap();
  });
  // every approval takes a fresh PIN (RULES.md Security)
  await page.getByText('审批开设账号前，请输入 6 位 PIN').waitFor();
  await enterPin(page, '246810');
  await expectStatus(page, '待县政府办公室审批');

  // 孙强 finds it in the county office's queue
  await switchPersona(page, '孙强');
  await page.goto('/accounts/index/index');
  await page.locator('.acc-tab', { hasText: '县政府办公室待审批' }).waitFor();
  await page.locator('.acc-card', { hasText: NAME }).tap();
  await step(page, '审批同意', '同意');
  await page.getByText('审批开设账号前，请输入 6 位 PIN').waitFor();
  await enterPin(page, '246810');
  await expectStatus(page, '已批准，待开通');

  // 李明 records the opening and submits the filing; the 7-day clock shows
  await switchPersona(page, '李明');
  await openDetail(page, id);
  await step(page, '登记开通', '登记开通', async () => {
    await page.getByRole('textbox', { name: /例如 yanchijiaoyu/ }).fill('yanchi_edu');
  });
  await expectStatus(page, '已开通，待备案');
  await page.getByText(/备案还剩 7 天/).waitFor();
  await phone.shot('accounts-opened');
  // the QR code goes to the local file store under the data directory
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByText('上传二维码', { exact: true }).tap(),
  ]);
  await chooser.setFiles('docs/filing-form.png');
  await page.locator('.acc-detail__qr').waitFor();
  await step(page, '提交备案表', '提交备案');
  await expectStatus(page, '已报备，待信息中心受理');

  // 马超 of the information center accepts it from the filing queue
  await switchPersona(page, '马超');
  await page.goto('/accounts/index/index');
  await page.locator('.acc-tab', { hasText: '待受理备案' }).tap();
  await page.locator('.acc-card', { hasText: NAME }).tap();
  await step(page, '受理备案', '受理');
  await expectStatus(page, '正常运行');

  names = await directoryNames(page);
  assert.ok(names.includes(NAME), 'active: in the directory');
  const qr = page.locator('.dir-account', { hasText: NAME }).locator('img');
  await qr.waitFor();
  await page.waitForFunction(
    (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0,
    await qr.elementHandle(),
  );
  await phone.shot('accounts-directory');

  // closure: 李明 requests it, pointing followers to 盐池教育
  await switchPersona(page, '李明');
  await openDetail(page, id);
  await step(page, '申请注销', '提交注销申请', async () => {
    await page.locator('.acc-sheet textarea').fill('与本单位微信公众号功能重复，无力维护');
    await page.locator('.acc-sheet .acc-chip', { hasText: '盐池教育（微信公众号）' }).tap();
  });
  await expectStatus(page, '注销待主要领导批准');

  // 张伟 approves with a fresh PIN
  await switchPersona(page, '张伟');
  await openDetail(page, id);
  await step(page, '批准注销', '批准注销', async () => {
    await page.getByText('我是本单位主要领导，或已经本单位主要领导同意').tap();
  });
  await page.getByText('注销账号前，请输入 6 位 PIN').waitFor();
  await enterPin(page, '246810');
  await expectStatus(page, '注销已批准，待发布停更公告');

  // 李明: the notice, the superior unit, the deregistration (fresh PIN again)
  await switchPersona(page, '李明');
  await openDetail(page, id);
  await step(page, '登记停更公告', '登记');
  await expectStatus(page, '已发停更公告，待抄告上级单位');
  await step(page, '登记抄告上级', '登记', async () => {
    await page.getByRole('textbox', { name: /例如 县政府办公室/ }).fill('县政府办公室');
  });
  await expectStatus(page, '已抄告上级，待平台注销');
  await step(page, '登记平台注销', '确认已注销');
  await page.getByText('注销账号前，请输入 6 位 PIN').waitFor();
  await enterPin(page, '246810');
  await expectStatus(page, '已注销');
  for (const label of [
    '申请开设',
    '主要领导批准开设',
    '县政府办公室审批同意',
    '信息中心受理备案',
    '主要领导批准注销',
    '登记平台注销',
  ]) {
    await page.locator('.acc-timeline__label', { hasText: label }).first().waitFor();
  }
  await phone.shot('accounts-closed');

  // the citizen's directory after: gone
  await switchPersona(page, '张大爷');
  names = await directoryNames(page);
  assert.ok(names.includes('盐池教育'));
  assert.ok(!names.includes(NAME), 'closed: no longer in the directory');
  // a citizen sent the staff page's link is refused, told why, and offered no 重试 that would
  // only repeat the refusal
  await page.goto(`/accounts/detail/index?id=${id}`);
  await page.getByText('该功能仅限已登记的工作人员使用').waitFor();
  assert.equal(await page.getByText('重试', { exact: true }).count(), 0, 'a refusal offers no retry');
  // opened first from the link, 返回 takes the citizen home rather than leaving a dead end
  await page.locator('.zw-state .nut-button:visible', { hasText: '返回' }).tap();
  await page.waitForURL(/\/pages\/home\/index/);

  // the public feed the portal embeds says the same
  const feed = (await (await fetch(`${host.url}public/directory.json`)).json()) as {
    accounts: Array<{ name: string }>;
  };
  assert.ok(!feed.accounts.some((a) => a.name === NAME));
  assert.ok(feed.accounts.some((a) => a.name === '盐池教育'));
});
