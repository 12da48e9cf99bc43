import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHostProcess, removeDir, type HostProcess } from '../support/host-process';
import { openPhone, type Phone } from './phone';
import { switchPersona } from './flows';

// The foundation's vertical slice on a phone: a citizen writes to 县教育局 and gets a tracking
// number; the same message shows in “我的留言” and in the unit staff member's inbox. Bad input
// is shown beside its field and nothing typed is lost.

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

test('a citizen sends a message, sees it in 我的留言, and the unit sees it in its inbox', async () => {
  const { page } = phone;
  await switchPersona(page, '张大爷');
  await page.getByText('写留言', { exact: true }).first().tap();
  await page.getByText('请选择收信单位').tap();
  await page.getByText('县教育局', { exact: true }).first().tap();
  await page.getByText('咨询', { exact: true }).first().tap();
  await page.getByRole('textbox', { name: /请用一句话概括/ }).fill('孩子转学需要哪些材料');
  await page.locator('textarea').fill('请问从外县转学到县城小学，需要准备哪些材料？在哪里办理？');

  // a wrong phone number is refused beside the field, and nothing typed is lost
  await page.getByRole('textbox', { name: /选填，方便工作人员回电/ }).fill('12345');
  await page.getByText('提交留言').tap();
  await page.getByText('请填写 11 位大陆手机号码，例如 13912345678').waitFor();
  assert.equal(await page.locator('textarea').inputValue(), '请问从外县转学到县城小学，需要准备哪些材料？在哪里办理？');

  await page.getByRole('textbox', { name: /选填，方便工作人员回电/ }).fill('13912345678');
  await page.getByText('提交留言').tap();
  await page.getByText('留言已提交').waitFor();
  const trackingNo = (await page.locator('.compose-result__no').innerText()).trim();
  assert.match(trackingNo, /^YC-\d{8}-\d{4}$/);
  await phone.shot('slice-submitted');

  await page.getByText('查看我的留言').tap();
  await page.getByText(trackingNo).waitFor();
  await page.getByText('孩子转学需要哪些材料').first().waitFor();

  await switchPersona(page, '李明');
  await page.getByText('工作台').first().tap();
  await page.getByText(trackingNo).waitFor();
  await phone.shot('slice-inbox');
});
