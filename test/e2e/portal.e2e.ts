import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Envelope } from '@shared/core/envelope';
import { IMPORT_HEADERS, signImport } from '@shared/portal/signing';
import { startHostProcess, removeDir, type HostProcess } from '../support/host-process';
import { openPhone, type Phone } from './phone';
import { DEMO_PIN, enterPin, expectOutcome, switchPersona } from './flows';

// Portal linkage on a phone (issue 6 §6, 第二十五条): 马超 of the information center makes an
// import key under 我的 → 留言导入接口 with a fresh PIN and reads its secret off the screen; the
// "portal" then signs an import exactly as README (导入) tells its developers and POSTs it to the
// host; the receiving unit's publisher finds the message in the workbench; 马超 停用 the key with
// a reason and the next signed request is refused. Staff without 信息中心 see no entry, and the
// page itself tells them it is not theirs.

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

// Taro's H5 router keeps earlier pages in the DOM (hidden): every lookup is of visible nodes.
const visible = (page: Page, selector: string, text?: string | RegExp) =>
  (text === undefined
    ? page.locator(`${selector}:visible`)
    : page.locator(`${selector}:visible`, { hasText: text })
  ).first();
const exact = (s: string) => new RegExp(`^\\s*${s}\\s*$`);
const button = (page: Page, text: string) => visible(page, '.nut-button', exact(text));
const shown = (page: Page, text: string | RegExp) => page.getByText(text).filter({ visible: true }).first();

const KEY_NAME = '县政府门户网站信箱';
const PATH = '/api/portal/import';

/** What the portal's developers do with keyId and secret (README 导入; shared/portal/signing.ts). */
async function importSigned(keyId: string, secret: string, externalId: string, title: string) {
  const body = JSON.stringify({
    channel: 'portal',
    externalId,
    unitId: 'u-huamachi',
    category: 'complaint',
    title,
    content: '集贸市场凌晨四点卸货，噪音影响居民休息，希望规定卸货时间。',
    phone: '13800000000',
    allowPublish: true,
  });
  const proof = { method: 'POST', path: PATH, timestamp: String(Date.now()), nonce: randomBytes(12).toString('hex') };
  const res = await fetch(`${host.url}${PATH.slice(1)}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [IMPORT_HEADERS.keyId]: keyId,
      [IMPORT_HEADERS.timestamp]: proof.timestamp,
      [IMPORT_HEADERS.nonce]: proof.nonce,
      [IMPORT_HEADERS.signature]: signImport(secret, proof, body),
    },
    body,
  });
  return { status: res.status, body: (await res.json()) as Envelope<{ trackingNo: string }> };
}

/** From the home page: 我的 → 工作 → 留言导入接口. */
async function openKeys(page: Page) {
  await visible(page, '.home-entry__title', exact('我的')).tap();
  await page.waitForURL(/\/pages\/me\/index/);
  await visible(page, '.me-entry__title', exact('留言导入接口')).tap();
  await page.waitForURL(/\/staff\/keys\/index/);
  await shown(page, '门户网站信箱、12345 热线工单凭导入密钥自动导入为留言').waitFor();
}

test('the information center makes an import key, the portal imports with it, and a revoked key is refused', async () => {
  const { page } = phone;

  // staff without 信息中心 see no entry, and the page says it is not theirs
  await switchPersona(page, '刘洋');
  await page.goto('/pages/me/index');
  await visible(page, '.me-entry__title', exact('工作台')).waitFor();
  assert.equal(await page.locator('.me-entry__title:visible', { hasText: '留言导入接口' }).count(), 0);
  await page.goto('/staff/keys/index');
  await shown(page, '留言导入接口只对县政府信息中心开放').waitFor();

  // 马超: the list starts empty; a name too short is refused under the field
  await switchPersona(page, '马超');
  await openKeys(page);
  await shown(page, '还没有导入密钥').waitFor();
  const name = page.locator('.keys-input input:visible, input.keys-input:visible').first();
  await name.fill('门');
  await button(page, '生成密钥').tap();
  await shown(page, '请填写密钥名称（至少 2 个字）').waitFor();

  // cancelling the PIN keeps what was typed; then the PIN makes the key
  await name.fill(KEY_NAME);
  await button(page, '生成密钥').tap();
  await shown(page, '创建导入密钥前，请输入 6 位 PIN').waitFor();
  await visible(page, '.zw-stepup__cancel .nut-button').tap();
  await shown(page, '创建导入密钥前，请输入 6 位 PIN').waitFor({ state: 'hidden' });
  assert.equal(await name.inputValue(), KEY_NAME);
  await button(page, '生成密钥').tap();
  await shown(page, '创建导入密钥前，请输入 6 位 PIN').waitFor();
  await enterPin(page, DEMO_PIN);
  await expectOutcome(page, visible(page, '.keys-created__secret'));
  await shown(page, '密钥只显示这一次，请立即交给对接系统的管理员保存').waitFor();
  const keyId = (await visible(page, '.keys-created__key-id').innerText()).trim();
  const secret = (await visible(page, '.keys-created__secret').innerText()).trim();
  assert.match(keyId, /^ik[A-Za-z0-9_-]{6,62}$/);
  assert.match(secret, /^[A-Za-z0-9_-]{43}$/, '32 random bytes in base64url');
  assert.equal(await name.inputValue(), '', 'the form is ready for the next key');
  const row = visible(page, '.keys-row', KEY_NAME);
  await row.locator('.zw-tag', { hasText: exact('有效') }).waitFor();
  await row.getByText(/马超 创建于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/).waitFor();
  await row.locator('.zw-tag', { hasText: exact('门户网站信箱') }).waitFor();
  await phone.shot('portal-key-created');

  // the portal signs an import with it, as README says; the unit's publisher finds it
  const title = '集贸市场凌晨卸货噪音扰民';
  const imported = await importSigned(keyId, secret, 'MB-20261127-001', title);
  assert.equal(imported.status, 200, JSON.stringify(imported.body));
  assert.ok(imported.body.ok);
  const trackingNo = imported.body.data.trackingNo;

  await switchPersona(page, '刘洋');
  await visible(page, '.home-entry__title', '工作台').tap();
  await page.waitForURL(/\/staff\/inbox\/index/);
  const card = visible(page, '.inbox-card', trackingNo);
  await card.getByText('门户信箱').waitFor();
  await card.tap();
  await page.waitForURL(/\/staff\/message\/index/);
  await visible(page, '.msg-top__no', trackingNo).waitFor();
  await visible(page, '.msg-title', title).waitFor();

  // 马超 停用 the key: a reason is required; then the list says when and why
  await switchPersona(page, '马超');
  await openKeys(page);
  await visible(page, '.keys-row', KEY_NAME).locator('.nut-button', { hasText: '停用' }).tap();
  await shown(page, /停用后「县政府门户网站信箱」（门户网站信箱）的导入请求立即被拒绝/).waitFor();
  await button(page, '确认停用').tap();
  await shown(page, '请填写理由（至少 2 个字）').waitFor();
  await page.locator('.zw-reason textarea:visible').fill('门户网站改版，旧系统下线');
  await button(page, '确认停用').tap();
  const revoked = visible(page, '.keys-row', KEY_NAME);
  await expectOutcome(page, revoked.locator('.zw-tag', { hasText: exact('已停用') }));
  await revoked.getByText(/\d{2}:\d{2} 停用：门户网站改版，旧系统下线/).waitFor();
  assert.equal(await revoked.locator('.nut-button', { hasText: '停用' }).count(), 0, 'no 停用 on a revoked key');
  await phone.shot('portal-key-revoked');

  // the same kind of signed request is now refused
  const refused = await importSigned(keyId, secret, 'MB-20261127-002', '另一封信件');
  assert.equal(refused.status, 401);
  assert.equal(!refused.body.ok && refused.body.details?.reason, 'key-revoked');
});
