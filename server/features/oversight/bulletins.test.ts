import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { createTestCloud, okData, staffOpenid, type TestCloud } from '../../../test/support/cloud-harness';
import type { BulletinListItem, BulletinView, ExportView, Page } from '@shared/oversight/views';
import { DAY, clearSources, insertAccount, insertMessage, insertPost, refreshNow } from './fixtures';

// A month's bulletin: generated from the open problems (units and cases named), edited, issued,
// exported to Word and PDF — and the files read back show the right units and numbers — then
// acknowledged and answered by the named unit; every wrong step is refused with its reason.

const SUPERVISOR = staffOpenid('s-supervisor');
const EDU_LEADER = staffOpenid('s-edu-leader');
const china = (m: number, d: number, h: number) => Date.UTC(2026, m - 1, d, h - 8);
const NOW = china(11, 28, 10);

async function county(): Promise<TestCloud> {
  const cloud = await createTestCloud();
  cloud.clock.set(NOW);
  await clearSources(cloud.db);
  await insertAccount(cloud.db, { _id: 'acc-edu', name: '盐池教育', unitId: 'u-education', openedAt: china(1, 1, 10) });
  await insertAccount(cloud.db, {
    _id: 'acc-hmc',
    name: '花马池发布',
    unitId: 'u-huamachi',
    openedAt: china(1, 1, 10),
  });
  await insertPost(cloud.db, { accountId: 'acc-edu', unitId: 'u-education', publicAt: china(11, 10, 9) }); // 18 days silent
  for (const d of [20, 24, 27])
    await insertPost(cloud.db, { accountId: 'acc-hmc', unitId: 'u-huamachi', publicAt: china(11, d, 9) });
  const edu = { unitId: 'u-education', unitName: '县教育局' };
  await insertMessage(cloud.db, {
    _id: 'm1',
    ...edu,
    createdAt: china(11, 2, 10),
    state: 'closed',
    acceptedAt: china(11, 2, 11),
    answeredAt: china(11, 4, 10),
    rating: 'satisfied',
  });
  await insertMessage(cloud.db, {
    _id: 'm2',
    ...edu,
    createdAt: china(11, 16, 10),
    state: 'handling',
    acceptedAt: china(11, 16, 11),
    title: '校车路线',
  });
  await insertMessage(cloud.db, {
    _id: 'm3',
    unitId: 'u-huamachi',
    unitName: '花马池镇',
    createdAt: china(11, 25, 10),
    state: 'closed',
    acceptedAt: china(11, 25, 11),
    answeredAt: china(11, 26, 10),
    rating: 'basic',
  });
  await refreshNow(cloud);
  return cloud;
}

const generate = (cloud: TestCloud) =>
  cloud.call<BulletinView>(
    'oversight',
    'bulletins.generate',
    { period: { kind: 'month', year: 2026, index: 11 } },
    SUPERVISOR,
  );

async function docxText(b64: string): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(b64, 'base64'));
  const xml = await zip.file('word/document.xml')!.async('string');
  // Paragraphs and table cells become line breaks; runs join.
  return xml
    .replace(/<\/w:p><\/w:tc>/g, ' | ')
    .replace(/<\/w:tr>/g, '\n')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

test('the draft names the units and cases with their numbers; the supervisor edits and issues it', async () => {
  const cloud = await county();
  const draft = okData(await generate(cloud));
  assert.equal(draft.status, 'draft');
  assert.equal(draft.content.title, '关于2026年11月全县政务新媒体运行情况的通报');
  assert.equal(draft.content.docNo, '盐政督通〔2026〕1号');
  assert.deepEqual(
    draft.content.problems.map((p) => p.unitName),
    ['县教育局'],
    'only the unit with problems is named',
  );
  const edu = draft.content.problems[0];
  assert.equal(edu.red, true);
  assert.deepEqual(
    edu.items.map((i) => [i.kind, i.count]),
    [
      ['noUpdate', 1],
      ['messageOverdue', 1],
    ],
  );
  assert.match(edu.items[0].cases[0].text, /「盐池教育」（微博）已连续 18 天未更新/);
  assert.match(edu.items[1].cases[0].text, /校车路线/);
  assert.deepEqual(draft.content.overview, {
    units: 2,
    accounts: 2,
    posts: 4,
    messages: 3,
    acceptOnTimeRate: 100,
    answerOnTimeRate: 66.7,
    satisfactionRate: 100,
    redUnits: 1,
  });
  assert.match(draft.content.overviewText, /收到群众留言 3 件/);
  assert.match(draft.content.requirementsText, /县教育局要对照本通报逐项整改，于 2026-12-08 前/);
  assert.deepEqual(
    draft.content.honour.map((h) => h.unitName),
    ['花马池镇'],
  );

  const second = okData(await generate(cloud));
  assert.equal(second.content.docNo, '盐政督通〔2026〕2号', 'each bulletin of the year takes the next number');

  const edit = {
    id: draft._id,
    rev: draft.rev,
    title: draft.content.title,
    docNo: draft.content.docNo,
    overviewText: `${draft.content.overviewText}（经核实）`,
    requirementsText: draft.content.requirementsText,
    deadline: '2026-12-10',
    remarks: { 'u-education': '该局已于督查后当日恢复更新。' },
  };
  const edited = okData(await cloud.call<BulletinView>('oversight', 'bulletins.update', edit, SUPERVISOR));
  assert.equal(edited.rev, draft.rev + 1);
  assert.equal(edited.deadline, '2026-12-10');
  assert.equal(edited.content.problems[0].remark, '该局已于督查后当日恢复更新。');
  const stale = await cloud.call('oversight', 'bulletins.update', edit, SUPERVISOR);
  assert.equal(!stale.ok && stale.code, 'Conflict');
  const past = await cloud.call(
    'oversight',
    'bulletins.update',
    { ...edit, rev: edited.rev, deadline: '2026-11-01' },
    SUPERVISOR,
  );
  assert.equal(!past.ok && past.fieldErrors?.deadline, '整改期限不能早于今天');
  const stranger = await cloud.call(
    'oversight',
    'bulletins.update',
    { ...edit, rev: edited.rev, remarks: { 'u-police': '无' } },
    SUPERVISOR,
  );
  assert.equal(!stranger.ok && stranger.message, '只能为被通报的单位填写说明');
  const byInfoCenter = await cloud.call(
    'oversight',
    'bulletins.update',
    { ...edit, rev: edited.rev },
    staffOpenid('s-infocenter'),
  );
  assert.equal(!byInfoCenter.ok && byInfoCenter.code, 'Forbidden');

  const hidden = await cloud.call('oversight', 'bulletins.get', { id: draft._id, unitId: 'u-education' }, EDU_LEADER);
  assert.equal(!hidden.ok && hidden.code, 'NotFound', 'a unit does not see a draft');

  const issued = okData(
    await cloud.call<BulletinView>('oversight', 'bulletins.issue', { id: draft._id, rev: edited.rev }, SUPERVISOR),
  );
  assert.equal(issued.status, 'issued');
  const notices = (await cloud.db.collection('notifications').where({ kind: 'bulletin.issued' }).get()).data;
  assert.deepEqual(notices.map((n) => n.staffId).sort(), ['s-edu-admin', 's-edu-leader']);
  const again = await cloud.call('oversight', 'bulletins.issue', { id: draft._id, rev: issued.rev }, SUPERVISOR);
  assert.equal(!again.ok && again.code, 'InvalidTransition');
  const locked = await cloud.call('oversight', 'bulletins.update', { ...edit, rev: issued.rev }, SUPERVISOR);
  assert.equal(!locked.ok && locked.message, '通报已印发，不能再修改');

  const list = okData(await cloud.call<Page<BulletinListItem>>('oversight', 'bulletins.list', {}, SUPERVISOR));
  assert.equal(list.items.length, 2);
  cloud.close();
});

test('the exported Word and PDF files read back with the right units and numbers', async () => {
  const cloud = await county();
  const draft = okData(await generate(cloud));
  const docx = okData(
    await cloud.call<ExportView>('oversight', 'bulletins.export', { id: draft._id, format: 'docx' }, SUPERVISOR),
  );
  assert.match(docx.fileName, /^盐政督通〔2026〕1号关于2026年11月.*\.docx$/);
  const text = await docxText(docx.base64);
  assert.match(text, /关于2026年11月全县政务新媒体运行情况的通报/);
  assert.match(text, /一、总体情况/);
  assert.match(text, /二、存在问题/);
  assert.match(text, /三、工作要求/);
  assert.match(text, /^收到群众留言（件） \| 3 \| $/m);
  assert.match(text, /^按时答复率 \| 66\.7% \| $/m);
  assert.match(text, /^红色标记单位（个） \| 1 \| $/m);
  assert.match(
    text,
    /^1 \| 县教育局（红色标记） \| 账号长期未更新 1 项 \| 「盐池教育」（微博）已连续 18 天未更新；已标红，列入通报 \| 61 \| $/m,
  );
  assert.match(text, /^ \| {2}\| 留言超期未办 1 项 \| 留言 YC-TEST-\d+「校车路线」超过 5 个工作日未答复 \| {2}\| $/m);
  assert.doesNotMatch(text, /花马池镇（红色标记）/, 'a unit without problems is not named among them');
  assert.match(text, /红榜）：花马池镇/);
  assert.match(text, /整改期限：2026-12-08 前/);
  assert.match(text, /盐池县人民政府督查室/);

  const pdf = okData(
    await cloud.call<ExportView>('oversight', 'bulletins.export', { id: draft._id, format: 'pdf' }, SUPERVISOR),
  );
  const bytes = Buffer.from(pdf.base64, 'base64');
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  assert.ok(bytes.length < 600_000, `a bulletin PDF stays small (${bytes.length} bytes)`);
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-'));
  writeFileSync(join(dir, 'b.pdf'), bytes);
  const pdfText = execFileSync('pdftotext', ['-layout', join(dir, 'b.pdf'), '-']).toString();
  assert.match(pdfText, /收到群众留言（件）\s+3\n/);
  assert.match(pdfText, /按时答复率\s+66\.7%\n/);
  // Cells wrap inside the table, so the row is checked piece by piece.
  assert.match(pdfText, /\n1\s+县教育局（红色标记）\s+账号长期未更新 1/);
  assert.match(pdfText, /「盐池教育」（微博）已连续 18 天未更/);
  assert.match(pdfText, /「校车路线」超过 5/);
  assert.doesNotMatch(pdfText, /花马池镇（红色标记）/);

  const unitExport = await cloud.call(
    'oversight',
    'bulletins.export',
    { id: draft._id, format: 'docx', unitId: 'u-education' },
    EDU_LEADER,
  );
  assert.equal(!unitExport.ok && unitExport.code, 'NotFound', 'not before it is issued');
  const noUnit = await cloud.call('oversight', 'bulletins.export', { id: draft._id, format: 'docx' }, EDU_LEADER);
  assert.equal(!noUnit.ok && noUnit.code, 'Forbidden');
  cloud.close();
});

test('the named unit acknowledges, then reports its correction; others cannot', async () => {
  const cloud = await county();
  const draft = okData(await generate(cloud));
  okData(await cloud.call('oversight', 'bulletins.issue', { id: draft._id, rev: draft.rev }, SUPERVISOR));
  const mine = okData(
    await cloud.call<{ items: BulletinView[] }>(
      'oversight',
      'bulletins.forUnit',
      { unitId: 'u-education' },
      EDU_LEADER,
    ),
  );
  assert.equal(mine.items.length, 1);
  assert.equal(mine.items[0].canAcknowledge, true);
  assert.equal(mine.items[0].canReportCorrection, false);

  const early = await cloud.call(
    'oversight',
    'bulletins.reportCorrection',
    { id: draft._id, unitId: 'u-education', text: '已恢复每日更新，并答复全部超期留言。' },
    EDU_LEADER,
  );
  assert.equal(!early.ok && early.message, '请先签收通报，再报送整改情况');
  const publisher = await cloud.call(
    'oversight',
    'bulletins.acknowledge',
    { id: draft._id, unitId: 'u-education' },
    staffOpenid('s-edu-publisher'),
  );
  assert.equal(!publisher.ok && publisher.code, 'Forbidden', 'a publisher does not sign for the unit');
  const notNamed = await cloud.call(
    'oversight',
    'bulletins.acknowledge',
    { id: draft._id, unitId: 'u-huamachi' },
    staffOpenid('s-hmc-leader'),
  );
  assert.equal(!notNamed.ok && notNamed.code, 'NotFound');
  const otherUnit = await cloud.call(
    'oversight',
    'bulletins.acknowledge',
    { id: draft._id, unitId: 'u-education' },
    staffOpenid('s-hmc-leader'),
  );
  assert.equal(!otherUnit.ok && otherUnit.message, '只能处理本单位的事项');

  cloud.clock.advance(3600_000);
  const ack = okData(
    await cloud.call<BulletinView>(
      'oversight',
      'bulletins.acknowledge',
      { id: draft._id, unitId: 'u-education' },
      EDU_LEADER,
    ),
  );
  const unit = ack.units.find((u) => u.unitId === 'u-education')!;
  assert.equal(unit.acknowledgedByName, '张伟');
  assert.equal(unit.acknowledgedAt, NOW + 3600_000);
  assert.equal(ack.canReportCorrection, true);
  const twice = await cloud.call(
    'oversight',
    'bulletins.acknowledge',
    { id: draft._id, unitId: 'u-education' },
    EDU_LEADER,
  );
  assert.equal(!twice.ok && twice.message, '本单位已签收该通报');

  cloud.clock.set(Date.UTC(2026, 11, 9, 2));
  const late = okData(await cloud.call<BulletinView>('oversight', 'bulletins.get', { id: draft._id }, SUPERVISOR));
  assert.equal(late.units[0].overdue, true, 'past the deadline without a correction report');
  const done = okData(
    await cloud.call<BulletinView>(
      'oversight',
      'bulletins.reportCorrection',
      { id: draft._id, unitId: 'u-education', text: '已恢复每日更新，并答复全部超期留言。' },
      EDU_LEADER,
    ),
  );
  assert.equal(done.units[0].correction?.byName, '张伟');
  assert.equal(done.corrected, 1);
  const supNotices = (
    await cloud.db.collection('notifications').where({ kind: 'bulletin.unitStep', staffId: 's-supervisor' }).get()
  ).data;
  assert.equal(supNotices.length, 2, 'the supervision office hears of the acknowledgement and the report');

  const view = okData(await cloud.call<BulletinView>('oversight', 'bulletins.get', { id: draft._id }, SUPERVISOR));
  assert.equal(view.units[0].overdue, false, 'a late report still counts as reported');
  const unitView = okData(
    await cloud.call<BulletinView>('oversight', 'bulletins.get', { id: draft._id, unitId: 'u-education' }, EDU_LEADER),
  );
  assert.equal(unitView.canReportCorrection, false);
  cloud.close();
});

test('generation refuses future periods and non-supervisors', async () => {
  const cloud = await county();
  const future = await cloud.call(
    'oversight',
    'bulletins.generate',
    { period: { kind: 'month', year: 2027, index: 1 } },
    SUPERVISOR,
  );
  assert.equal(!future.ok && future.message, '不能为尚未开始的时段生成通报');
  const quarter = await cloud.call(
    'oversight',
    'bulletins.generate',
    { period: { kind: 'quarter', year: 2026, index: 5 } },
    SUPERVISOR,
  );
  assert.equal(!quarter.ok && quarter.code, 'InvalidParameter');
  const q4 = okData(
    await cloud.call<BulletinView>(
      'oversight',
      'bulletins.generate',
      { period: { kind: 'quarter', year: 2026, index: 4 } },
      SUPERVISOR,
    ),
  );
  assert.equal(q4.content.periodLabel, '2026年第四季度');
  const leader = await cloud.call(
    'oversight',
    'bulletins.generate',
    { period: { kind: 'month', year: 2026, index: 11 } },
    EDU_LEADER,
  );
  assert.equal(!leader.ok && leader.code, 'Forbidden');
  void DAY;
  cloud.close();
});

test('generation is refused until a refresh has computed the period, and says what to do', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(NOW);
  await clearSources(cloud.db);
  await insertAccount(cloud.db, { _id: 'acc-edu', name: '盐池教育', unitId: 'u-education', openedAt: china(1, 1, 10) });

  // A fresh county: no refresh has finished, so every number would read 0.
  const fresh = await generate(cloud);
  assert.equal(!fresh.ok && fresh.code, 'InvalidTransition');
  assert.equal(
    !fresh.ok && fresh.message,
    '督查数据尚未计算完成（尚未计算过督查数据；定时计算将在一分钟内自动开始），请在督查看板点“立即刷新”，完成后再生成通报',
  );
  // Asked for and under way: the refusal says so.
  okData(await cloud.call('oversight', 'oversight.refresh', {}, SUPERVISOR));
  const queued = await generate(cloud);
  assert.match(
    !queued.ok ? queued.message : '',
    /（尚未计算过督查数据；已提交刷新请求，排队中.*），请等计算完成后再生成通报$/,
  );
  const none = okData(await cloud.call<Page<BulletinListItem>>('oversight', 'bulletins.list', {}, SUPERVISOR));
  assert.equal(none.items.length, 0, 'nothing written');

  await refreshNow(cloud);
  const draft = okData(await generate(cloud));
  assert.equal(draft.docNo, '盐政督通〔2026〕1号', 'the refusals took no number');
  assert.match(draft.content.overviewText, /共运行政务新媒体账号 1 个/);

  // The first minutes of December: the snapshot (computed in November) does not hold December.
  cloud.clock.set(china(12, 1, 0) + 5 * 60_000);
  const december = await cloud.call(
    'oversight',
    'bulletins.generate',
    { period: { kind: 'month', year: 2026, index: 12 } },
    SUPERVISOR,
  );
  assert.equal(!december.ok && december.code, 'InvalidTransition');
  assert.match(!december.ok ? december.message : '', /现有数据计算于 2026-11-28 10:00，尚不含2026年12月/);
  // November is still held.
  okData(await generate(cloud));
  // Older than the twelve months a snapshot keeps: no refresh would help.
  const old = await cloud.call(
    'oversight',
    'bulletins.generate',
    { period: { kind: 'quarter', year: 2025, index: 3 } },
    SUPERVISOR,
  );
  assert.equal(!old.ok && old.code, 'InvalidParameter');
  assert.match(!old.ok ? old.message : '', /只保留近 12 个月（2025年12月起），不含2025年7月、2025年8月、2025年9月/);
  cloud.close();
});
