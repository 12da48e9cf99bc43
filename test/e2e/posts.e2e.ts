import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startHostProcess, removeDir, type HostProcess } from '../support/host-process';
import { openPhone, type Phone } from './phone';
import { enterPin, switchPersona } from './flows';
import { samplePng } from './sample-image';

// Post review and approval on a phone (issue 5). 李明 (publisher) drafts a post that trips the
// ID-number check, fixes it, adds an image (a file that is not an image is refused with the
// reason) and submits; 王芳 (reviewer) signs the confidentiality checklist;
// 张伟 (the account's leader) approves with his PIN; 李明 records the published link; the post is
// in the county portal's feed. Second flow: 王芳 returns a post with a reason, 李明 fixes and
// resubmits, and 王芳 sees what changed since the version she returned.

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

const ID_NUMBER = '64032319900101123X';
const PIN = '246810';

// Taro's H5 router keeps earlier pages in the DOM (hidden), so every lookup is of visible nodes.
// A button is looked for on the newest page (the last one in the DOM): while a page slides in,
// the one beneath is still visible, and a 提交审核 found there hides under the tap (the returned
// post's detail page has one too). And it is found once enabled: NutUI ignores a tap on a
// disabled button (提交审核 waits for the save before it), and Playwright cannot tell.
const button = (page: Page, text: string) =>
  page
    .locator('.taro_page:visible')
    .last()
    .locator('.nut-button:visible:not(.nut-button-disabled)')
    .filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) })
    .first();
const visible = (page: Page, selector: string, text: string | RegExp) =>
  page.locator(`${selector}:visible`, { hasText: text }).first();
/** A picture for the README, once the page transition has finished. */
const snap = async (name: string) => {
  await phone.page.waitForTimeout(600);
  await phone.shot(name);
};
const shown = (page: Page, text: string) => page.getByText(text, { exact: false }).filter({ visible: true }).first();

async function openWorkbench(page: Page) {
  await visible(page, '.home-entry__title', '信息发布').tap();
  await page.waitForURL(/\/posts\/home\/index/);
}

async function openFromList(page: Page, tab: string | null, title: string) {
  await openWorkbench(page);
  if (tab) await visible(page, '.posts-chips__item', tab).tap();
  await visible(page, '.posts-card__title', title).tap();
  await page.waitForURL(/\/posts\/detail\/index/);
  await visible(page, '.pd-head__title', title).waitFor();
}

/** Picks files in the compose page's image picker (the H5 file input). */
async function pickImages(page: Page, files: Array<{ name: string; mimeType: string; buffer: Buffer }>) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    visible(page, '.photo-grid__add', '添加图片').tap(),
  ]);
  await chooser.setFiles(files);
}

/** The src of the first image shown in `scope` on the current page. */
const firstImage = async (page: Page, scope: string) =>
  (await page.locator(`${scope} .photo-grid__img img:visible`).first().getAttribute('src')) ?? '';

async function pinPrompt(page: Page) {
  await visible(page, '.zw-stepup__purpose', '请输入 6 位 PIN').waitFor();
  await enterPin(page, PIN);
}

async function compose(page: Page, title: string, body: string) {
  await openWorkbench(page);
  await button(page, '写信息').tap();
  await page.waitForURL(/\/posts\/compose\/index/);
  const account = visible(page, '.posts-chips__item', '盐池教育（微信公众号）');
  await account.waitFor();
  if (!((await account.getAttribute('class')) ?? '').includes('--on')) await account.tap();
  await page.getByRole('textbox', { name: '信息标题' }).fill(title);
  await page.locator('textarea:visible').first().fill(body);
}

test('draft trips the ID check, is fixed and submitted; reviewed, approved with PIN, published, in the feed', async () => {
  const { page } = phone;
  const title = '县教育局表彰2026年优秀学生';
  await switchPersona(page, '李明');
  await compose(page, title, `经评选，王某某（身份证号${ID_NUMBER}）等20名同学获评优秀学生。`);
  await button(page, '保存并检查').tap();
  await shown(page, '含有完整的 18 位身份证号码').waitFor();
  const marked = page.locator('.posts-hl__mark--overridable:visible').first();
  assert.equal((await marked.innerText()).trim(), ID_NUMBER, 'the ID number itself is highlighted');
  await marked.scrollIntoViewIfNeeded();
  await snap('posts-1-id-check');

  // Fix it: nothing else typed is lost.
  await page.locator('textarea:visible').first().fill('经评选，王某某等20名同学获评优秀学生，名单详见县政府门户网站。');
  assert.equal(await page.getByRole('textbox', { name: '信息标题' }).inputValue(), title);
  // An image: a file that is not one is refused with the reason; a picture is shrunk and uploaded.
  await pickImages(page, [{ name: '名单.txt', mimeType: 'text/plain', buffer: Buffer.from('不是图片') }]);
  await shown(page, '所选文件无法作为图片读取：只能上传 JPG、PNG 或 WebP 图片').waitFor();
  await pickImages(page, [{ name: '表彰大会.png', mimeType: 'image/png', buffer: samplePng([30, 90, 200]) }]);
  await page.locator('.photo-grid__img:visible').first().waitFor();
  await button(page, '保存并检查').tap();
  await shown(page, '自动检查未发现问题').waitFor();
  await button(page, '提交审核').tap();
  await page.waitForURL(/\/posts\/detail\/index/);
  await page.locator('.zw-tag:visible', { hasText: '待审核' }).first().waitFor();

  // The reviewer sees the image and signs the checklist.
  await switchPersona(page, '王芳');
  await openFromList(page, null, title);
  await shown(page, '本地环境无法调用微信内容安全接口').waitFor();
  await shown(page, '图片 1 张').waitFor();
  assert.match(await firstImage(page, '.pd-images'), /^data:image\/jpeg;base64,/, 'the reviewer sees the image');
  for (const item of ['政治导向', '法律法规', '政策口径', '保密审查', '文字表述']) {
    // Centred first: at the bottom edge an item sits under the fixed action bar, which takes the tap.
    const box = visible(page, '.pd-check', item);
    await box.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await box.tap();
    await page.locator('.pd-check--on:visible', { hasText: item }).waitFor();
  }
  await snap('posts-2-checklist');
  await button(page, '签署审核意见').tap();
  await shown(page, '保密审查（已签署）').waitFor();
  await page.locator('.zw-tag:visible', { hasText: '待审批' }).first().waitFor();

  // The leader approves with one hand and his PIN.
  await switchPersona(page, '张伟');
  await openFromList(page, null, title);
  assert.match(await firstImage(page, '.pd-images'), /^data:image\/jpeg;base64,/, 'so does the leader');
  await snap('posts-3-approval');
  await button(page, '审批通过').tap();
  await pinPrompt(page);
  await page.locator('.zw-tag:visible', { hasText: '待发布' }).first().waitFor();
  await shown(page, '已审批通过（PIN 验证）').waitFor();

  // The publisher records where it went out.
  await switchPersona(page, '李明');
  await openFromList(page, '待发布', title);
  await page.getByRole('textbox', { name: /发布链接/ }).fill('https://mp.weixin.qq.com/s/yanchi-edu-2026');
  await button(page, '登记发布').tap();
  await pinPrompt(page);
  await page.locator('.zw-tag:visible', { hasText: '已发布' }).first().waitFor();
  await visible(page, '.posts-timeline__label', '登记发布').waitFor();
  await snap('posts-4-published');

  // The post is in the portal's feed (JSON Feed and RSS).
  const json = await fetch(`${host.url}public/posts.json?unit=u-education`);
  assert.equal(json.status, 200);
  const feed = (await json.json()) as { items: Array<{ title: string; url: string }> };
  assert.equal(feed.items[0].title, title);
  assert.equal(feed.items[0].url, 'https://mp.weixin.qq.com/s/yanchi-edu-2026');
  assert.ok(!JSON.stringify(feed).includes('local:'), 'images stay private: the public feed carries none');
  const rss = await (await fetch(`${host.url}public/posts.rss`)).text();
  assert.ok(rss.includes(`<title>${title}</title>`));
});

test('a return with a reason, a fix, and the resubmission shows the reviewer what changed', async () => {
  const { page } = phone;
  const title = '关于秋季学期开学时间的通知';
  await switchPersona(page, '李明');
  await compose(page, title, '全县中小学定于9月1日开学，请家长提前做好准备。');
  await button(page, '提交审核').tap();
  await page.locator('.zw-tag:visible', { hasText: '待审核' }).first().waitFor();

  await switchPersona(page, '王芳');
  await openFromList(page, null, title);
  await button(page, '退回').tap();
  const reason = '开学时间以教育厅最新通知为准，应为9月2日';
  await page.getByRole('textbox', { name: /请写明需要修改的地方/ }).fill(reason);
  await visible(page, '.posts-reason .nut-button', '退回').tap();
  await pinPrompt(page);
  await page.locator('.zw-tag:visible', { hasText: '已退回' }).first().waitFor();

  await switchPersona(page, '李明');
  await openWorkbench(page);
  await shown(page, `退回理由：${reason}`).waitFor();
  await visible(page, '.posts-card__title', title).tap();
  await shown(page, `王芳退回：${reason}`).waitFor();
  await button(page, '修改').tap();
  await page.waitForURL(/\/posts\/compose\/index/);
  await shown(page, `已退回：${reason}`).waitFor();
  const body = page.locator('textarea:visible').first();
  await body.waitFor();
  assert.equal(await body.inputValue(), '全县中小学定于9月1日开学，请家长提前做好准备。');
  await body.fill('全县中小学定于9月2日开学，请家长提前做好准备。');
  await button(page, '提交审核').tap();
  await page.waitForURL(/\/posts\/detail\/index/);
  await page.locator('.zw-tag:visible', { hasText: '待审核' }).first().waitFor();

  await switchPersona(page, '王芳');
  await openFromList(page, null, title);
  await shown(page, '自您上次查看的第 1 版以来的修改').waitFor();
  assert.equal((await page.locator('.posts-diff__seg--delete:visible').first().innerText()).trim(), '1');
  assert.equal((await page.locator('.posts-diff__seg--insert:visible').first().innerText()).trim(), '2');
  await visible(page, '.posts-diff__head', '自您上次查看').scrollIntoViewIfNeeded();
  await snap('posts-5-diff');
  const timeline = await page.locator('.posts-timeline__label:visible').allInnerTexts();
  assert.deepEqual(timeline.slice(0, 4), ['提交审核', '修改内容', '退回修改', '提交审核']);
});

test('the information center adds a word to the list; the next check of a draft flags it', async () => {
  const { page } = phone;
  await switchPersona(page, '马超');
  await openWorkbench(page);
  await visible(page, '.posts-section', '信息检查词表').tap();
  await page.waitForURL(/\/posts\/rules\/index/);
  await page.getByRole('textbox', { name: /每行一个词语/ }).fill('招生划片\n内部摸底数');
  await button(page, '加入词表').tap();
  await shown(page, '已加入 2 个词语').waitFor();
  await visible(page, '.pr-word__text', '招生划片').waitFor();
  await snap('posts-6-rules');

  await switchPersona(page, '李明');
  await compose(page, '关于2026年城区小学招生的说明', '今年城区小学招生划片方案将于下周公布。');
  await button(page, '保存并检查').tap();
  await shown(page, '含有禁止发布的敏感词「招生划片」').waitFor();
  assert.equal((await page.locator('.posts-hl__mark--blocking:visible').first().innerText()).trim(), '招生划片');
  await button(page, '提交审核').tap();
  await shown(page, '自动检查发现 1 处必须修改的问题').waitFor();
  assert.match(page.url(), /\/posts\/compose\/index/, 'refused: the draft stays on the compose page');
});
