import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Block } from './layout';

// PDF export of a bulletin (pdfkit) with a CJK font: WenQuanYi Zen Hei from Debian's
// fonts-wqy-zenhei (the test command installs it). Tables are drawn cell by cell, breaking pages
// between rows.

export const CJK_FONT = process.env.CJK_FONT_PATH ?? '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
const FAMILY = 'WenQuanYiZenHei'; // the PostScript name inside the .ttc collection

export async function renderPdf(blocks: Block[]): Promise<Buffer> {
  if (!existsSync(CJK_FONT)) throw new Error(`CJK font missing at ${CJK_FONT} (install fonts-wqy-zenhei)`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 64, left: 64, right: 64 },
    info: { Title: '通报' },
  });
  doc.registerFont('zh', CJK_FONT, FAMILY);
  doc.font('zh');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        doc.fontSize(20).text(b.text, left, undefined, { width, align: 'center' }).moveDown(0.5);
        break;
      case 'docNo':
        doc.fontSize(12).text(b.text, { width, align: 'center' }).moveDown(1);
        break;
      case 'heading':
        doc.fontSize(14).moveDown(0.5).text(b.text, left, undefined, { width }).moveDown(0.3);
        break;
      case 'paragraph':
        doc.fontSize(12).text(b.text, left, undefined, { width, indent: 24, lineGap: 4 }).moveDown(0.3);
        break;
      case 'signature':
        doc.moveDown(1).fontSize(12);
        for (const line of b.lines) doc.text(line, left, undefined, { width, align: 'right' });
        break;
      case 'table': {
        doc.fontSize(10);
        const total = b.widths.reduce((s, w) => s + w, 0);
        const cols = b.widths.map((w) => (w / total) * width);
        const pad = 4;
        const drawRow = (cells: string[], header: boolean) => {
          const h =
            Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: cols[i] - pad * 2 }))) + pad * 2;
          if (doc.y + h > bottom()) doc.addPage();
          const y = doc.y;
          let x = left;
          cells.forEach((c, i) => {
            if (header) doc.rect(x, y, cols[i], h).fillAndStroke('#eeeeee', '#000000').fillColor('#000000');
            else doc.rect(x, y, cols[i], h).stroke();
            doc.text(c, x + pad, y + pad, { width: cols[i] - pad * 2, align: header ? 'center' : 'left' });
            x += cols[i];
          });
          doc.x = left;
          doc.y = y + h;
        };
        drawRow(b.header, true);
        for (const r of b.rows) drawRow(r, false);
        doc.moveDown(0.8);
        break;
      }
    }
  }
  doc.end();
  return done;
}
