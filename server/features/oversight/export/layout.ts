import { PROBLEM_LABELS, type BulletinContent } from '@shared/oversight/bulletin';

// The bulletin as printable blocks in the usual layout of a government circular (标题、文号、
// 总体情况、存在问题、工作要求、落款), rendered to Word (docx.ts) and PDF (pdf.ts) alike so the
// two files always say the same thing.

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'docNo'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; widths: number[]; header: string[]; rows: string[][] }
  | { kind: 'signature'; lines: string[] };

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

export function bulletinBlocks(c: BulletinContent, issuedOn: string): Block[] {
  const blocks: Block[] = [
    { kind: 'title', text: c.title },
    { kind: 'docNo', text: c.docNo },
    { kind: 'paragraph', text: '各乡镇人民政府（街道办事处），政府各部门、直属机构：' },
    {
      kind: 'paragraph',
      text: `根据《盐池县政务公开办公室关于加强政务微博、微信管理工作的通知》（盐政公开办发〔2017〕1号）要求，县政府督查室对${c.periodLabel}全县政务新媒体运行情况进行了督查，现将有关情况通报如下。`,
    },
    { kind: 'heading', text: '一、总体情况' },
    { kind: 'paragraph', text: c.overviewText },
    {
      kind: 'table',
      widths: [3, 2],
      header: ['指标', '数值'],
      rows: [
        ['纳入督查单位（个）', String(c.overview.units)],
        ['政务新媒体账号（个）', String(c.overview.accounts)],
        ['发布信息（条）', String(c.overview.posts)],
        ['收到群众留言（件）', String(c.overview.messages)],
        ['按时受理率', pct(c.overview.acceptOnTimeRate)],
        ['按时答复率', pct(c.overview.answerOnTimeRate)],
        ['群众满意率', pct(c.overview.satisfactionRate)],
        ['红色标记单位（个）', String(c.overview.redUnits)],
      ],
    },
    { kind: 'heading', text: '二、存在问题' },
  ];
  if (!c.problems.length) blocks.push({ kind: 'paragraph', text: '本期未发现需要通报的问题。' });
  else {
    blocks.push({
      kind: 'table',
      widths: [1.3, 5.6, 4.2, 8.4, 1.5],
      header: ['序号', '单位', '存在问题', '具体情况', '得分'],
      rows: c.problems.flatMap((p, i) =>
        p.items.map((item, j) => [
          j === 0 ? String(i + 1) : '',
          j === 0 ? `${p.unitName}${p.red ? '（红色标记）' : ''}` : '',
          `${PROBLEM_LABELS[item.kind]} ${item.count} 项`,
          item.cases.map((x) => x.text).join('；'),
          j === 0 ? String(p.score) : '',
        ]),
      ),
    });
    for (const p of c.problems.filter((x) => x.remark.trim()))
      blocks.push({ kind: 'paragraph', text: `${p.unitName}：${p.remark.trim()}` });
  }
  if (c.honour.length)
    blocks.push({
      kind: 'paragraph',
      text: `本期表现较好的单位（红榜）：${c.honour.map((h) => `${h.unitName}（${h.score} 分）`).join('、')}。`,
    });
  blocks.push({ kind: 'heading', text: '三、工作要求' });
  for (const line of c.requirementsText.split('\n').filter((l) => l.trim()))
    blocks.push({ kind: 'paragraph', text: line.trim() });
  blocks.push({ kind: 'paragraph', text: `整改期限：${c.deadline} 前。` });
  blocks.push({ kind: 'signature', lines: ['盐池县人民政府督查室', issuedOn] });
  return blocks;
}

/** `2026年12月1日` */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
