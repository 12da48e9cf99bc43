import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block } from './layout';

// Word export of a bulletin (docx package): 仿宋 body at 16 pt (三号), 小标宋-style title at 22 pt
// (二号), tables with single borders. Word substitutes the fonts a machine lacks.

const BODY = '仿宋_GB2312';
const TITLE = '方正小标宋简体';
const HEAD = '黑体';
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

const run = (text: string, font = BODY, size = 32, bold = false) =>
  new TextRun({ text, font: { name: font, eastAsia: font }, size, bold });

function table(b: Extract<Block, { kind: 'table' }>): Table {
  const total = b.widths.reduce((s, w) => s + w, 0);
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      borders,
      width: { size: Math.round((b.widths[i] / total) * 100), type: WidthType.PERCENTAGE },
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, header ? HEAD : BODY, 24)],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: b.header.map((h, i) => cell(h, i, true)) }),
      ...b.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

export async function renderDocx(blocks: Block[]): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        children.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(b.text, TITLE, 44)],
          }),
        );
        break;
      case 'docNo':
        children.push(
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [run(b.text)] }),
        );
        break;
      case 'heading':
        children.push(new Paragraph({ spacing: { before: 240, after: 120 }, children: [run(b.text, HEAD)] }));
        break;
      case 'paragraph':
        children.push(new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [run(b.text)] }));
        break;
      case 'table':
        children.push(table(b));
        children.push(new Paragraph({ children: [] }));
        break;
      case 'signature':
        for (const line of b.lines)
          children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(line)] }));
        break;
    }
  }
  const doc = new Document({
    creator: '盐池县人民政府督查室',
    title: blocks.find((b): b is Extract<Block, { kind: 'title' }> => b.kind === 'title')?.text ?? '通报',
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
