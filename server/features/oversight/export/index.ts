import type { BulletinDoc } from '../model';
import type { ExportView } from '@shared/oversight/views';
import { chinaDate } from '@shared/messages/calendar';
import { bulletinBlocks, chineseDate } from './layout';
import { renderDocx } from './docx';
import { renderPdf } from './pdf';

/** The bulletin as a Word or PDF file, base64 in the reply (a bulletin is tens of kilobytes). */
export async function exportBulletin(b: BulletinDoc, format: 'docx' | 'pdf'): Promise<ExportView> {
  const blocks = bulletinBlocks(b.content, chineseDate(chinaDate(b.issuedAt ?? b.updatedAt)));
  const buf = format === 'docx' ? await renderDocx(blocks) : await renderPdf(blocks);
  const safe = `${b.content.docNo}${b.content.title}`.replace(/[\\/:*?"<>|\s]/g, '');
  return {
    fileName: `${safe}.${format}`,
    mime:
      format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf',
    base64: buf.toString('base64'),
    bytes: buf.length,
  };
}
