import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { createTestCloud, okData } from '../../../test/support/cloud-harness';
import { handlePublic } from '../../../cloudfunctions/public/router';
import type { DirectoryEntry } from '@shared/accounts/views';
import type { Page } from '@shared/messages/schemas';
import { configureImageStore, memoryImageStore } from './files';
import type { FileResult } from './documents';
import { P, activeAccount, openAccount } from './test-support';

// The documents: the 备案表 PDF laid out like 附件1 (rendered to PNG and read back as text with
// poppler), the registry workbook, and the public directory feed against its published schema.

const hasPoppler = spawnSync('pdftoppm', ['-v']).status === 0 && spawnSync('pdftotext', ['-v']).status === 0;
const POPPLER_SKIP = hasPoppler ? false : 'pdftoppm/pdftotext 未安装（apt-get install poppler-utils）';

test(
  'the 备案表 PDF shows every field of 附件1 with the right Chinese text, and renders to an image',
  { skip: POPPLER_SKIP },
  async () => {
    const cloud = await createTestCloud();
    const id = await activeAccount(cloud, { qq: '3195310099' });
    const file = okData(await cloud.call<FileResult>('accounts', 'accounts.filingForm', { id }, P.publisher));
    assert.equal(file.mime, 'application/pdf');
    assert.equal(file.filename, '备案表-盐池教育发布-2026-11-27.pdf');
    const dir = mkdtempSync(join(tmpdir(), 'filing-'));
    const pdf = join(dir, 'form.pdf');
    writeFileSync(pdf, Buffer.from(file.dataBase64, 'base64'));
    assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');

    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/[ \t]+/g, ' ');
    for (const expected of [
      '盐池县政府系统政务微博、微信备案表',
      '单位名称',
      '县教育局',
      '微博、微信名称',
      '盐池教育发布',
      '开通时间',
      '2026-11-27',
      '分管领导',
      '张伟',
      '副局长',
      '13995310003',
      '审核人员',
      '王芳',
      '办公室主任',
      '13995310002',
      '发布人员',
      '李明',
      '办公室科员',
      '13995310001',
      'QQ号',
      '3195310099',
      '抖音',
      '机构账号',
    ]) {
      assert.ok(text.includes(expected), `PDF text lacks ${expected}:\n${text}`);
    }
    // the font is embedded, so the page renders with Chinese glyphs anywhere
    const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout;
    assert.match(fonts, /WenQuanYiZenHei/);
    assert.match(fonts, /\byes\s+yes\b/, 'embedded subset');
    const png = spawnSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf, join(dir, 'form')]);
    assert.equal(png.status, 0, png.stderr?.toString());
    const image = readFileSync(join(dir, 'form.png'));
    assert.equal(image.subarray(1, 4).toString(), 'PNG');
    assert.ok(image.length > 20_000, `a real page, not a blank one (${image.length} bytes)`);
    if (process.env.UPDATE_FILING_PNG) {
      mkdirSync('docs', { recursive: true });
      copyFileSync(join(dir, 'form.png'), 'docs/filing-form.png');
    }
    cloud.close();
  },
);

test('the 备案表 is for the unit and the county only, and only once the account is opened', async () => {
  const cloud = await createTestCloud();
  const opened = await openAccount(cloud);
  const other = await cloud.call('accounts', 'accounts.filingForm', { id: opened }, P.hmcPublisher);
  assert.equal(!other.ok && other.code, 'Forbidden');
  const citizen = await cloud.call('accounts', 'accounts.filingForm', { id: opened });
  assert.equal(!citizen.ok && citizen.code, 'Forbidden');
  assert.equal((await cloud.call('accounts', 'accounts.filingForm', { id: opened }, P.info)).ok, true);
  const { apply } = await import('./test-support');
  const applied = await apply(cloud, { platform: 'toutiao', name: '盐池教育头条' });
  const early = await cloud.call('accounts', 'accounts.filingForm', { id: applied }, P.publisher);
  assert.equal(!early.ok && early.message, '账号开通后才能生成备案表（需要开通时间和账号名称）');
  cloud.close();
});

test('the registry exports to Excel: the published 名录 without people, the filing sheet with them', async () => {
  const cloud = await createTestCloud();
  await openAccount(cloud);
  const unit = await cloud.call('accounts', 'accounts.exportRegistry', {}, P.publisher);
  assert.equal(!unit.ok && unit.code, 'Forbidden', "the registry export is the county's");
  const file = okData(await cloud.call<FileResult>('accounts', 'accounts.exportRegistry', {}, P.info));
  assert.match(file.filename, /^盐池县政务新媒体账号名录-2026-11-27\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
  const pub = wb.getWorksheet('名录')!;
  const rows = pub.getSheetValues().slice(2) as unknown[][];
  assert.deepEqual(
    rows.map((r) => [r[2], r[3], r[4]]),
    [
      ['花马池镇', '花马池镇发布', '微博'],
      ['县政府办公室', '盐池县政府', '微博'],
      ['县教育局', '盐池教育', '微信公众号'],
    ],
    'active accounts only, in the county order',
  );
  assert.doesNotMatch(JSON.stringify(pub.getSheetValues()), /1399531/, 'no phone numbers in the published sheet');
  const reg = wb.getWorksheet('备案信息')!;
  const text = JSON.stringify(reg.getSheetValues());
  assert.match(text, /张伟（副局长）13995310003/);
  assert.match(text, /已开通，待备案/);
  assert.match(text, /备案已逾期 3 天/, 'the demo account opened 10 days ago is flagged');
  cloud.close();
});

test('the public directory feed validates against docs/schemas/directory.schema.json and hides the people', async () => {
  const cloud = await createTestCloud();
  configureImageStore(memoryImageStore());
  try {
    const id = await activeAccount(cloud);
    const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), Buffer.alloc(64, 7)]);
    okData(
      await cloud.call(
        'accounts',
        'accounts.setImage',
        { id, kind: 'qr', mime: 'image/png', dataBase64: png.toString('base64') },
        P.publisher,
      ),
    );
    const fake = await cloud.call(
      'accounts',
      'accounts.setImage',
      { id, kind: 'qr', mime: 'image/png', dataBase64: Buffer.from('<script>').toString('base64') },
      P.publisher,
    );
    assert.equal(!fake.ok && fake.message, '图片文件无效，请选择 PNG 或 JPEG 图片');
    // A JPEG sent as a PNG is refused too: the bytes must be the type claimed; as a JPEG it is kept.
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]).toString('base64');
    const mislabelled = await cloud.call(
      'accounts',
      'accounts.setImage',
      { id, kind: 'qr', mime: 'image/png', dataBase64: jpeg },
      P.publisher,
    );
    assert.equal(!mislabelled.ok && mislabelled.code, 'InvalidParameter');
    okData(
      await cloud.call(
        'accounts',
        'accounts.setImage',
        { id, kind: 'verification', mime: 'image/jpeg', dataBase64: jpeg },
        P.publisher,
      ),
    );

    const res = await handlePublic({ path: '/public/directory.json', httpMethod: 'GET' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    const feed = JSON.parse(res.body);
    const schema = JSON.parse(readFileSync('docs/schemas/directory.schema.json', 'utf8'));
    const validator = z.fromJSONSchema(schema);
    const check = validator.safeParse(feed);
    assert.equal(check.success, true, JSON.stringify(check.error?.issues));
    assert.equal(feed.count, 4);
    assert.deepEqual(
      feed.accounts.map((a: DirectoryEntry) => a.name),
      ['花马池镇发布', '盐池县政府', '盐池教育', '盐池教育发布'],
    );
    const mine = feed.accounts.find((a: DirectoryEntry) => a.id === id);
    assert.match(mine.qrUrl, /^\/public\/files\/[0-9a-f]{64}\.png$/);
    assert.doesNotMatch(res.body, /1399531|张伟|responsible|审核/, 'no staff in the public feed');
    // the schema is not a rubber stamp: a feed with a phone field or a bad platform fails it
    assert.equal(validator.safeParse({ ...feed, accounts: [{ ...mine, phone: '13995310001' }] }).success, false);
    assert.equal(validator.safeParse({ ...feed, accounts: [{ ...mine, platform: 'myspace' }] }).success, false);
    assert.equal(validator.safeParse({ ...feed, generatedAt: 'yesterday' }).success, false);

    const image = await handlePublic({ path: mine.qrUrl, httpMethod: 'GET' });
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/png');
    assert.deepEqual(Buffer.from(image.body, 'base64'), png);
    assert.equal((await handlePublic({ path: '/public/files/../../etc/passwd', httpMethod: 'GET' })).statusCode, 404);
    assert.equal((await handlePublic({ path: '/public/directory.json', httpMethod: 'POST' })).statusCode, 405);

    // the mini program's directory: by unit and by platform, page by page
    const byUnit = okData(
      await cloud.call<Page<DirectoryEntry>>('accounts', 'accounts.directory', { unitId: 'u-education' }),
    );
    assert.deepEqual(
      byUnit.items.map((e) => e.name),
      ['盐池教育', '盐池教育发布'],
    );
    const weibo = okData(
      await cloud.call<Page<DirectoryEntry>>('accounts', 'accounts.directory', { platform: 'weibo' }),
    );
    assert.deepEqual(
      weibo.items.map((e) => e.name),
      ['花马池镇发布', '盐池县政府'],
    );
    const p1 = okData(await cloud.call<Page<DirectoryEntry>>('accounts', 'accounts.directory', { pageSize: 3 }));
    const p2 = okData(
      await cloud.call<Page<DirectoryEntry>>('accounts', 'accounts.directory', { pageSize: 3, cursor: p1.nextCursor }),
    );
    assert.deepEqual(
      [...p1.items, ...p2.items].map((e) => e.name),
      feed.accounts.map((a: DirectoryEntry) => a.name),
    );
    assert.equal(p2.nextCursor, null);
    const bad = await cloud.call('accounts', 'accounts.directory', { cursor: '{"$gt":""}' });
    assert.equal(!bad.ok && bad.code, 'InvalidParameter');
  } finally {
    configureImageStore(null);
    cloud.close();
  }
});
