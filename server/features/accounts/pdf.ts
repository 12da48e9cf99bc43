import { existsSync } from 'node:fs';
import { ACCOUNT_TYPE_LABELS, PLATFORM_LABELS } from '@shared/accounts/contract';
import { formatChinaDate } from '@shared/accounts/deadlines';
import { ACCOUNT_STATUS_LABELS } from '@shared/accounts/states';
import type { AccountDoc } from './model';

// The 备案表 as a PDF laid out like 附件1 of 盐政公开办发〔2017〕1号: 单位名称, 微博/微信名称,
// 开通时间, then 分管领导/审核人员/发布人员 each with 姓名, 职务, 联系电话, then QQ号; the
// registry's own facts (platform, type, units, link) follow in the same table. A CJK font is
// embedded (subset): Debian's fonts-wqy-zenhei, or CJK_FONT_PATH (+ CJK_FONT_NAME for a .ttc).

export const DEFAULT_CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';

export class MissingFontError extends Error {
  constructor(path: string) {
    super(
      `生成备案表需要中文字体，未找到 ${path}：请安装 fonts-wqy-zenhei（apt-get install fonts-wqy-zenhei）或设置 CJK_FONT_PATH`,
    );
  }
}

function fontSource(): { path: string; name?: string } {
  const path = process.env.CJK_FONT_PATH || DEFAULT_CJK_FONT;
  if (!existsSync(path)) throw new MissingFontError(path);
  const name = process.env.CJK_FONT_NAME || (path.endsWith('.ttc') ? 'WenQuanYiZenHei' : undefined);
  return { path, name };
}

export interface FilingFormInput {
  account: AccountDoc;
  owningUnitName: string;
  managingUnitName: string;
  generatedAt: number;
}

type Cell = { text: string; span?: number; label?: boolean };

const COLS = [92, 78, 58, 90, 66, 91];
const ROW_H = 38;

export async function renderFilingForm(input: FilingFormInput): Promise<Buffer> {
  const font = fontSource();
  // Loaded on use: pdfkit reads its data files from its own folder, so a bundled cloud function
  // must ship it as a dependency (external), and the rest of the function must load without it.
  const { default: PDFDocument } = await import('pdfkit');
  const a = input.account;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 60,
    info: { Title: `政务微博、微信备案表 - ${a.name}`, Author: '盐池县政府信息中心' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.path, font.name);
  doc.font('cjk');

  const left = 60;
  const width = COLS.reduce((s, w) => s + w, 0);
  doc.fontSize(10).text('附件1', left, 50);
  doc.fontSize(18).text('盐池县政府系统政务微博、微信备案表', left, 80, { width, align: 'center' });
  const number = `备案编号：YC-ZH-${a._id.slice(-8).toUpperCase()}    状态：${ACCOUNT_STATUS_LABELS[a.status]}`;
  doc.fontSize(9).fillColor('#444').text(number, left, 112, { width, align: 'right' }).fillColor('#000');

  const r = a.responsible;
  const person = (label: string, p: typeof r.leader): Cell[] => [
    { text: label, label: true },
    { text: p.name },
    { text: '职 务', label: true },
    { text: p.title },
    { text: '联系电话', label: true },
    { text: p.phone },
  ];
  const rows: Cell[][] = [
    [
      { text: '单位名称', label: true },
      { text: input.owningUnitName, span: 5 },
    ],
    [
      { text: '微博、微信名称', label: true },
      { text: a.name, span: 3 },
      { text: '开通时间', label: true },
      { text: a.openedAt !== null ? formatChinaDate(a.openedAt) : '（未开通）' },
    ],
    person('分管领导', r.leader),
    person('审核人员', r.reviewer),
    person('发布人员', r.publisher),
    [
      { text: 'QQ号', label: true },
      { text: a.qq || '无', span: 5 },
    ],
    [
      { text: '平 台', label: true },
      { text: PLATFORM_LABELS[a.platform] },
      { text: '类 型', label: true },
      { text: ACCOUNT_TYPE_LABELS[a.type] },
      { text: '平台账号', label: true },
      { text: a.platformAccountId || '—' },
    ],
    [
      { text: '主管部门', label: true },
      { text: input.owningUnitName, span: 2 },
      { text: '管理部门', label: true },
      { text: input.managingUnitName, span: 2 },
    ],
    [
      { text: '账号链接', label: true },
      { text: a.link || '—', span: 5 },
    ],
    [
      { text: '功能定位', label: true },
      { text: a.purpose, span: 5 },
    ],
  ];
  if (a.holder)
    rows.push([
      { text: '账号本人', label: true },
      { text: `${a.holder.name}（${a.holder.title}）`, span: 5 },
    ]);

  let y = 130;
  doc.lineWidth(0.8);
  for (const row of rows) {
    let x = left;
    let col = 0;
    for (const cell of row) {
      const span = cell.span ?? 1;
      const w = COLS.slice(col, col + span).reduce((s, v) => s + v, 0);
      if (cell.label) doc.rect(x, y, w, ROW_H).fillAndStroke('#f3f3f3', '#000').fillColor('#000');
      else doc.rect(x, y, w, ROW_H).stroke();
      const size = cell.text.length > 40 ? 9 : 11;
      doc.fontSize(size);
      const h = doc.heightOfString(cell.text, { width: w - 8 });
      doc.text(cell.text, x + 4, y + Math.max(3, (ROW_H - h) / 2), {
        width: w - 8,
        align: 'center',
        height: ROW_H - 4,
      });
      x += w;
      col += span;
    }
    y += ROW_H;
  }

  doc.fontSize(10).text('填报单位（盖章）：', left, y + 24);
  doc.text('填报日期：        年    月    日', left + width / 2, y + 24);
  doc
    .fontSize(8.5)
    .fillColor('#555')
    .text(
      `说明：开通政务微博、微信 1 周内填报本表，报县政府信息中心备案（盐政公开办发〔2017〕1号）；分管领导、审核人员、发布人员或账号名称变更的，应在 1 周内重新备案。本表由政务新媒体管理系统于 ${formatChinaDate(input.generatedAt)} 生成。`,
      left,
      y + 60,
      { width },
    );
  doc.end();
  return done;
}
