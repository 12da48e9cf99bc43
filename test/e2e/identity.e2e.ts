import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startHostProcess, removeDir } from '../support/host-process';
import { CHROMIUM } from './browser-setup';
import { CHROMIUM_ARGS } from './phone';
import { openLocalStore, installLocalCloud } from '@server/local/cloud';
import { currentDeps } from '@server/runtime/config';
import { auditStory } from '@server/runtime/audit-story';

// Issue 3 on two phones: a new staff member redeems an invite and binds the phone; the unit
// admin (赵敏) approves the person and, with a fresh PIN, the device; the newcomer sets a PIN
// (a simple one refused), reaches the inbox, locks and unlocks; then reports the phone lost and
// the next staff action is refused with a clear message. The audit trail reads as a story.

const OUT = '.tmp/e2e';
const vis = (page: Page, text: string | RegExp, exact = true) =>
  page
    .getByText(text, { exact: typeof text === 'string' ? exact : undefined })
    .locator('visible=true')
    .first();
async function tap(page: Page, text: string | RegExp, exact = true) {
  await vis(page, text, exact).tap();
}
async function btn(page: Page, text: string) {
  await page
    .locator('.nut-button:visible', { hasText: new RegExp(`^\\s*${text}\\s*$`) })
    .first()
    .tap();
}
async function see(page: Page, text: string | RegExp, exact = false, timeout = 30_000) {
  await vis(page, text, exact).waitFor({ state: 'visible', timeout });
}
async function shot(page: Page, name: string) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, `identity-${name}.png`) });
}
async function typePin(page: Page, pin: string) {
  for (const d of pin) {
    await page
      .locator('.zw-pinpad__key:visible', { hasText: new RegExp(`^${d}$`) })
      .first()
      .tap();
  }
}
async function newPhone(browser: Browser, baseURL: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    baseURL,
  });
  ctx.setDefaultTimeout(30_000);
  return { ctx, page: await ctx.newPage() };
}

test(
  'invite → bind → approve person and device → PIN → inbox; lost phone refused; audit story',
  { timeout: 300_000 },
  async () => {
    mkdirSync(OUT, { recursive: true });
    const host = await startHostProcess();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const A = await newPhone(browser, host.url);
      const a = A.page;
      console.log('1. 赵敏 signs in through the demo switcher');
      await a.goto('/');
      await see(a, '切换身份');
      await tap(a, '切换身份');
      await see(a, '演示 PIN：246810');
      await shot(a, '01-switcher');
      await tap(a, '赵敏');
      await see(a, '应用已锁定');
      await see(a, '演示 PIN：246810');
      await shot(a, '02-lock');
      await typePin(a, '111111');
      await see(a, /PIN 不正确/);
      await shot(a, '03-lock-wrong');
      await typePin(a, '246810');
      await see(a, '盐池县政务新媒体');
      await see(a, '工作台');
      await shot(a, '04-home-admin');
      console.log('2. 我的 → 单位管理 → 邀请码');
      await tap(a, '我的');
      await see(a, '信息化专干');
      await shot(a, '05-me-admin');
      await tap(a, '单位管理');
      await see(a, '待批准设备');
      await shot(a, '06-admin');
      await tap(a, '邀请码');
      await see(a, '生成邀请码');
      await btn(a, '生成邀请码');
      const codeEl = a.locator('.admin-invite__code:visible');
      await codeEl.waitFor();
      const code = (await codeEl.innerText()).trim();
      console.log('  invite code', code);
      await see(a, `pages/join/index?code=${code}`);
      // The picture beside the code, honest that locally it is an ordinary QR of the path.
      await a.locator('.admin-invite__qr-image:visible img, img.admin-invite__qr-image:visible').first().waitFor();
      await see(a, '本地环境生成的普通二维码');
      // Listed among the unit's unused codes, where it could be cancelled before anyone uses it.
      await a.locator('.admin-phone__name:visible', { hasText: code }).waitFor();
      await shot(a, '07-invite');

      console.log('3. A guest redeems the invite and binds the phone');
      const B = await newPhone(browser, host.url);
      const b = B.page;
      await b.goto('/');
      await see(b, '我的');
      await tap(b, '我的');
      await see(b, '使用邀请码');
      await shot(b, '08-me-guest');
      await tap(b, '使用邀请码');
      await see(b, '提交登记');
      await b.locator('input[placeholder="8 位字母或数字"]:visible').fill(code.toLowerCase());
      await b.locator('input[placeholder="真实姓名"]:visible').fill('马晓东');
      await b.locator('input[placeholder="例如：办公室科员"]:visible').fill('宣传干事');
      await b.locator('input[placeholder="11 位手机号码"]:visible').fill('1399531');
      await btn(b, '提交登记');
      await see(b, /11 位/);
      await shot(b, '09-join-invalid');
      await b.locator('input[placeholder="11 位手机号码"]:visible').fill('13995310099');
      await btn(b, '提交登记');
      await see(b, '登记已提交');
      await shot(b, '10-join-done');
      await btn(b, '绑定本机');
      await see(b, '申请绑定本机');
      await shot(b, '11-bind');
      await btn(b, '申请绑定本机');
      await see(b, '已提交，等待单位管理员批准');
      await shot(b, '12-bind-pending');
      // A staff action before approval: a clear refusal.
      await b.goto(`/staff/inbox/index`);
      await see(b, '您的登记还在等待单位管理员批准，批准后即可查看本单位的留言。');
      await shot(b, '13-inbox-before-approval');

      console.log('4. 赵敏 approves the person and the device (PIN step-up)');
      await tap(a, '待审批人员');
      await see(a, '马晓东');
      await shot(a, '14-pending-people');
      await btn(a, '批准');
      await see(a, '没有待审批的人员');
      await tap(a, '待批准设备');
      await see(a, '马晓东（宣传干事）');
      await shot(a, '15-pending-devices');
      await btn(a, '批准设备');
      await see(a, '变更设备前，请输入 6 位 PIN');
      await typePin(a, '135790');
      await see(a, /PIN 不正确/);
      await shot(a, '16-stepup-wrong');
      await typePin(a, '246810');
      await see(a, '没有待批准的设备');
      await tap(a, '人员');
      await see(a, '马晓东');
      await shot(a, '17-people');

      console.log('5. The new person sets a PIN and reaches 工作台');
      await b.goto(`/pages/bind/index`);
      await see(b, '本机已受信任');
      await shot(b, '18-bind-trusted');
      await btn(b, '设置 PIN');
      await see(b, '设置新的 6 位 PIN');
      await typePin(b, '123456');
      await see(b, 'PIN 不能是连续的数字');
      await shot(b, '19-pin-simple');
      await typePin(b, '380517');
      await see(b, '再次输入新 PIN');
      await typePin(b, '380571');
      await see(b, '两次输入的 PIN 不一致，请重新设置');
      await typePin(b, '380517');
      await typePin(b, '380517');
      await see(b, 'PIN 已设置');
      await shot(b, '20-pin-done');
      await btn(b, '进入工作台');
      await see(b, '留言收件箱');
      await see(b, '县教育局');
      await shot(b, '21-inbox');

      console.log('6. 立即锁定 and unlock');
      await b.goto(`/pages/me/index`);
      await see(b, '立即锁定');
      await shot(b, '22-me-new-staff');
      await tap(b, '立即锁定');
      await see(b, '应用已锁定');
      await typePin(b, '380517');
      await see(b, '马晓东', false);

      console.log('7. The phone is reported lost; the next staff action is refused');
      await b.goto(`/pages/me/index`);
      await see(b, '挂失');
      await tap(b, '挂失');
      await see(b, '确认挂失');
      await shot(b, '23-lost-dialog');
      await btn(b, '确认挂失');
      await see(b, '已挂失', false);
      await b.goto(`/staff/inbox/index`);
      await see(b, '本机已挂失或停用');
      await shot(b, '24-refused-lost');
    } finally {
      await browser.close();
      await host.stop();
    }
    // The trail of that flow, read back from the stopped host's data directory.
    const store = openLocalStore({ file: join(host.dataDir, 'cloud.sqlite') });
    installLocalCloud(store);
    const lines = await auditStory(currentDeps().db);
    store.close();
    removeDir(host.dataDir);
    console.log(lines.join('\n'));
    const story = lines.join('\n');
    for (const step of [
      '创建邀请码',
      '使用邀请码登记',
      '申请绑定本机',
      '审批人员登记',
      '批准设备',
      '设置 PIN',
      '挂失设备',
    ]) {
      assert.ok(story.includes(step), `the audit story tells: ${step}`);
    }
    assert.match(story, /验证 PIN（敏感操作）——被拒绝（PIN 不正确/);
    assert.match(story, /马晓东（宣传干事） 查看留言收件箱——被拒绝（本机已挂失或停用/);
  },
);
