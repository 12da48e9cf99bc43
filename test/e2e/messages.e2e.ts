import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startHostProcess, removeDir, type HostProcess } from '../support/host-process';
import { openPhone, type Phone } from './phone';
import { DEMO_PIN, enterPin, switchPersona } from './flows';
import { samplePng } from './sample-image';

// Citizen messages end to end on a phone (issue 6):
// (a) a citizen writes to the wrong unit; it is transferred, accepted, answered after review and
//     rated 满意; (b) a message is left unanswered past its deadline (the host's clock is moved
//     with the test-only clock control), the sweeper flags it, the supervision office urges, the
//     unit acknowledges and answers; (c) a 不满意 rating reopens it and puts it in front of the
//     supervision office.

let host: HostProcess;
let phone: Phone;

before(async () => {
  // CLOCK_CONTROL=1 (demo mode only) adds POST /api/_test/clock and /api/_test/sweep; the
  // interval sweeper is off so each sweep happens when the test says.
  host = await startHostProcess({ env: { CLOCK_CONTROL: '1', SWEEP_INTERVAL_MS: '0' } });
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
const shown = (page: Page, text: string) => page.getByText(text, { exact: false }).filter({ visible: true }).first();

/** A picture (for the README and for failures), once the page transition has finished. */
async function snap(name: string) {
  await phone.page.waitForTimeout(700);
  await phone.shot(name);
}

/**
 * Moves time on both sides: the host's runtime clock (test-only control) and the phone's own
 * clock, since staff requests are signed with the phone's time and checked against the host's.
 */
async function moveClocks(offsetMs: number) {
  const res = await host.api<{ ok: boolean }>('_test/clock', { offsetMs });
  assert.equal(res.body.ok, true);
  await phone.context.clock.setSystemTime(Date.now() + offsetMs);
}

async function write(
  page: Page,
  who: string,
  unit: string,
  category: string,
  title: string,
  content: string,
  withPhoto = false,
) {
  await switchPersona(page, who);
  await visible(page, '.home-entry__title', '写留言').tap();
  await page.waitForURL(/\/pages\/messages\/compose\/index/);
  await visible(page, '.compose-select').tap();
  await visible(page, '.unit-picker__item', exact(unit)).tap();
  await visible(page, '.compose-chip', exact(category)).tap();
  await page
    .getByRole('textbox', { name: /请用一句话概括/ })
    .filter({ visible: true })
    .fill(title);
  await page.locator('textarea:visible').first().fill(content);
  if (withPhoto) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page, '.photo-grid__add').tap()]);
    await chooser.setFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: samplePng() });
    await visible(page, '.photo-grid__img').waitFor();
  }
  await visible(page, '.compose-switch .nut-switch').tap();
  await button(page, '提交留言').tap();
  await shown(page, '留言已提交').waitFor();
  return (await visible(page, '.compose-result__no').innerText()).trim();
}

async function openInWorkbench(page: Page, who: string, trackingNo: string, filter?: string) {
  await switchPersona(page, who);
  await visible(page, '.home-entry__title', '工作台').tap();
  await page.waitForURL(/\/staff\/inbox\/index/);
  if (filter) await visible(page, '.inbox-filters__item', exact(filter)).tap();
  await visible(page, '.inbox-card', trackingNo).tap();
  await page.waitForURL(/\/staff\/message\/index/);
  await visible(page, '.msg-top__no', trackingNo).waitFor();
}

/** Taps an action button on the message page (exact label). */
async function action(page: Page, label: string) {
  await visible(page, '.msg-actions__btn', exact(label)).tap();
}

async function state(page: Page, label: string) {
  await visible(page, '.msg-top .zw-tag', exact(label)).waitFor();
}

async function openMine(page: Page, who: string, trackingNo: string) {
  await switchPersona(page, who);
  await visible(page, '.home-entry__title', '我的留言').tap();
  await page.waitForURL(/\/pages\/messages\/mine\/index/);
  await visible(page, '.mine-card', trackingNo).tap();
  await page.waitForURL(/\/pages\/messages\/detail\/index/);
  await visible(page, '.detail-top__no', trackingNo).waitFor();
}

async function draftAndSubmit(page: Page, text: string) {
  await action(page, '起草答复');
  await page.locator('.sheet textarea:visible').fill(text);
  await button(page, '提交审核').tap();
  await state(page, '答复待审核');
}

async function approve(page: Page) {
  await action(page, '审核通过并答复');
  await button(page, '审核通过，答复群众').tap();
  // approving the answer the citizen will read takes a fresh PIN
  await page.getByText('审核通过答复前，请输入 6 位 PIN').waitFor();
  await enterPin(page, DEMO_PIN);
  await state(page, '已答复');
}

test('(a) wrong unit → transferred → accepted → answered after review → rated 满意', async () => {
  const { page } = phone;
  const no = await write(
    page,
    '张大爷',
    '县教育局',
    '投诉',
    '北关村路灯不亮',
    '花马池镇北关村村口的路灯坏了一个月，晚上出行很不方便，电话13912345678。',
    true,
  );
  assert.match(no, /^YC-\d{8}-\d{4}$/);

  // 县教育局 (李明): not our business — transfer to 花马池镇 with a reason.
  await openInWorkbench(page, '李明', no);
  await state(page, '待受理');
  // The citizen's photo reaches the unit (and only those who may read the message).
  assert.match((await visible(page, '.msg-body .photo-grid__img img').getAttribute('src')) ?? '', /^data:image\/jpeg/);
  await snap('messages-a-staff-page');
  await action(page, '转办');
  await visible(page, '.unit-picker__item', '花马池镇').tap();
  await page.locator('.sheet textarea:visible').fill('村内路灯由乡镇负责维护');
  await button(page, '确定').tap();
  await state(page, '转办待接收');
  await snap('messages-a-transferred');

  // 花马池镇 (刘洋) accepts the transfer and drafts the answer.
  await openInWorkbench(page, '刘洋', no);
  await visible(page, '.msg-note__head', '县教育局 转来').waitFor();
  await action(page, '接收转办');
  await state(page, '已受理');
  await draftAndSubmit(page, '已安排电工本周五前修复北关村村口路灯，感谢您的反映。');

  // 陈静 (reviewer) approves it from the 待审核 filter.
  await openInWorkbench(page, '陈静', no, '待审核');
  await approve(page);

  // The citizen reads the answer and rates it with one tap.
  await openMine(page, '张大爷', no);
  await shown(page, '已安排电工本周五前修复').waitFor();
  await shown(page, '县教育局说明此事由花马池镇负责').waitFor();
  await snap('messages-a-answered');
  await visible(page, '.detail-rate__btn--satisfied').tap();
  await shown(page, '您的评价：满意').waitFor();
  await visible(page, '.detail-top .zw-tag', '已办结').waitFor();

  // Published on the board with the phone number masked.
  await page.goto('/pages/board/index');
  await visible(page, '.board-card__title', '北关村路灯不亮').waitFor();
  const card = await visible(page, '.board-card', '北关村路灯不亮').innerText();
  assert.ok(card.includes('139****5678') && !card.includes('13912345678'), card);
});

test('(c) a 不满意 rating reopens it and the supervision office follows it', async () => {
  const { page } = phone;
  const no = await write(
    page,
    '张大爷',
    '县教育局',
    '投诉',
    '学校门口拥堵',
    '实验小学门口放学时段交通拥堵严重，希望增派人员疏导。',
  );
  await openInWorkbench(page, '李明', no);
  await action(page, '受理');
  await state(page, '已受理');
  await draftAndSubmit(page, '已协调交警部门在放学时段增派人员疏导交通。');
  await openInWorkbench(page, '王芳', no, '待审核');
  await approve(page);

  await openMine(page, '张大爷', no);
  await page.locator('.detail-rate textarea:visible').fill('仍然很堵，没看到有人疏导');
  await visible(page, '.detail-rate__btn--unsatisfied').tap();
  await shown(page, '您对答复不满意，留言已重新交办').waitFor();
  await visible(page, '.detail-top .zw-tag', '办理中').waitFor();
  await snap('messages-c-reopened');

  await switchPersona(page, '何红');
  await visible(page, '.home-entry__title', '工作台').tap();
  await visible(page, '.inbox-head__link', '全县督办').tap();
  await page.waitForURL(/\/staff\/overdue\/index/);
  await visible(page, '.inbox-filters__item', '不满意重办').tap();
  await visible(page, '.inbox-card', no).waitFor();

  await openInWorkbench(page, '李明', no, '我承办的');
  await state(page, '办理中');
  await visible(page, '.zw-timeline__text', '群众评价：不满意').waitFor();
});

test('(b) unanswered past the deadline → the sweeper flags it → the supervision office urges → the unit answers', async () => {
  const { page } = phone;
  const no = await write(
    page,
    '李女士',
    '县教育局',
    '咨询',
    '校车什么时候恢复',
    '大水坑镇到县城的校车停运一周了，请问什么时候恢复？',
  );

  // Nobody acts. Eight days later (injected clock on the running host) the sweeper runs.
  // (Last in this file: the phone's clock is left ahead; the host is stopped afterwards.)
  await moveClocks(8 * 86400_000);
  await overdueFlow(page, no);
});

async function overdueFlow(page: Page, no: string) {
  const sweep = await host.api<{ ok: boolean; data: { escalated: number } }>('_test/sweep', {});
  assert.ok(sweep.body.data.escalated >= 1, JSON.stringify(sweep.body));

  // 何红 (督查室) sees it in the county overdue list and urges with a deadline.
  await switchPersona(page, '何红');
  await visible(page, '.home-entry__title', '工作台').tap();
  await page.waitForURL(/\/staff\/inbox\/index/);
  await visible(page, '.inbox-head__link', '全县督办').tap();
  await page.waitForURL(/\/staff\/overdue\/index/);
  const row = visible(page, '.inbox-card', no);
  await row.waitFor();
  assert.match(await row.innerText(), /已超期/);
  await snap('messages-b-overdue');
  await row.tap();
  await page.waitForURL(/\/staff\/message\/index/);
  await action(page, '催办');
  await visible(page, '.sheet-chips__item', '1 个工作日内').tap();
  await page.locator('.sheet textarea:visible').fill('已超期，请于期限内答复群众并签收');
  await button(page, '确定').tap();
  await visible(page, '.msg-note__head', '督查室催办').waitFor();

  // 李明 finds it under 已超期, acknowledges the urging, accepts and answers; 王芳 approves.
  await openInWorkbench(page, '李明', no, '已超期');
  await visible(page, '.msg-note--alert', '单位尚未签收').waitFor();
  await action(page, '签收催办');
  await page.locator('.zw-reason textarea:visible').fill('今天内答复');
  await visible(page, '.zw-reason__btn', '确定').tap();
  await visible(page, '.msg-note', /已于 .* 签收/).waitFor();
  await action(page, '受理');
  await state(page, '已受理');
  await draftAndSubmit(page, '经与客运公司协调，大水坑镇校车自下周一起恢复运行。');
  await openInWorkbench(page, '王芳', no, '待审核');
  await approve(page);
  await visible(page, '.zw-timeline__text', '系统督办').waitFor();

  await openMine(page, '李女士', no);
  await shown(page, '校车自下周一起恢复运行').waitFor();
  await shown(page, '县政府督查室已督促承办单位加快办理').waitFor();
}
