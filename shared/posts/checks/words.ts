import { AhoCorasick } from './aho-corasick';
import { foldForMatching, foldWord } from './normalize';
import { hitKey, type CheckField, type CheckHit } from './types';

// Word lists (第二十一条: nothing secret or unfit for release; 第二十条: no sensational topics to
// chase followers). Built-in secrecy markers are always blocking; the information center keeps
// the confidential-terms list (blocking) and the sensitive-words list (blocking or warning per
// word) in the database. All of them go into one Aho–Corasick automaton.

export const WORD_CATEGORIES = ['confidential', 'sensitive'] as const;
export type WordCategory = (typeof WORD_CATEGORIES)[number];
export const WORD_CATEGORY_LABELS: Record<WordCategory, string> = {
  confidential: '涉密词语',
  sensitive: '敏感词',
};
export const WORD_LEVELS = ['blocking', 'warning'] as const;
export type WordLevel = (typeof WORD_LEVELS)[number];
export const WORD_LEVEL_LABELS: Record<WordLevel, string> = { blocking: '禁止发布', warning: '提醒' };

/** One configured word. Confidential terms are always blocking. */
export interface WordEntry {
  word: string;
  category: WordCategory;
  level: WordLevel;
  note?: string;
}

/** Classification markings of state secrets and internal documents (GB/T 7156, 保密法). */
export const SECRECY_MARKERS: readonly string[] = [
  '绝密★',
  '机密★',
  '秘密★',
  '★绝密',
  '★机密',
  '★秘密',
  '绝密级',
  '机密级',
  '秘密级',
  '密级:',
  '内部资料',
  '内部文件',
  '内部材料',
  '内部传阅',
  '内部明电',
  '内部★明电',
  '不得外传',
  '严禁外传',
  '禁止外传',
  '注意保密',
  '不宜公开',
  // A title or heading marked with its level in brackets: （机密）, 【秘密】, [绝密], 〔机密〕. Full-width
  // parentheses and brackets fold to ASCII before matching. The bare words are not markers: 「保守
  // 国家秘密」「机密文件管理培训」 are ordinary news of secrecy work.
  ...['绝密', '机密', '秘密'].flatMap((level) =>
    [
      ['(', ')'],
      ['【', '】'],
      ['[', ']'],
      ['〔', '〕'],
    ].map(([open, close]) => `${open}${level}${close}`),
  ),
];

type Kind = { source: 'marker'; word: string } | { source: 'list'; entry: WordEntry };

export interface CompiledWords {
  automaton: AhoCorasick;
  /** kinds[i]: everything folded pattern i stands for (a word may be on both lists). */
  kinds: Kind[][];
  entryCount: number;
}

/** Builds the matcher once per word-list revision (the server caches it). */
export function compileWords(entries: readonly WordEntry[]): CompiledWords {
  const byFolded = new Map<string, Kind[]>();
  const put = (word: string, kind: Kind) => {
    const folded = foldWord(word);
    if (!folded) return;
    const list = byFolded.get(folded) ?? [];
    list.push(kind);
    byFolded.set(folded, list);
  };
  for (const m of SECRECY_MARKERS) put(m, { source: 'marker', word: m });
  for (const e of entries) put(e.word, { source: 'list', entry: e });
  const patterns = [...byFolded.keys()];
  return {
    automaton: new AhoCorasick(patterns),
    kinds: patterns.map((p) => byFolded.get(p)!),
    entryCount: entries.length,
  };
}

function hitFor(kind: Kind, field: CheckField, start: number, end: number, excerpt: string): CheckHit {
  if (kind.source === 'marker') {
    return {
      key: hitKey('secrecyMarker', field, start, end),
      rule: 'secrecyMarker',
      severity: 'blocking',
      overridable: false,
      field,
      start,
      end,
      excerpt,
      message: `出现密级或内部文件标识「${excerpt}」。涉及国家秘密和不宜公开的信息一律不得发布，请撤下相关内容并按保密规定处理。`,
      basis: '第二十一条；保密法',
    };
  }
  const e = kind.entry;
  if (e.category === 'confidential') {
    return {
      key: hitKey('confidentialTerm', field, start, end),
      rule: 'confidentialTerm',
      severity: 'blocking',
      overridable: false,
      field,
      start,
      end,
      excerpt,
      message: `含有涉密词语「${e.word}」${e.note ? `（${e.note}）` : ''}，不得公开发布，请删除或改写。`,
      basis: '第二十一条（信息中心涉密词表）',
    };
  }
  const blocking = e.level === 'blocking';
  return {
    key: hitKey('sensitiveWord', field, start, end),
    rule: 'sensitiveWord',
    severity: blocking ? 'blocking' : 'warning',
    overridable: false,
    field,
    start,
    end,
    excerpt,
    message: blocking
      ? `含有禁止发布的敏感词「${e.word}」${e.note ? `（${e.note}）` : ''}，请删除或改写。`
      : `含有需慎用的词语「${e.word}」${e.note ? `（${e.note}）` : ''}，请审核人员确认用语是否妥当。`,
    basis: blocking ? '第二十一条（信息中心敏感词表）' : '第十二条、第二十条（信息中心敏感词表）',
  };
}

const RANK: Record<CheckHit['rule'], number> = {
  secrecyMarker: 3,
  confidentialTerm: 2,
  sensitiveWord: 1,
} as Record<CheckHit['rule'], number>;

/** Word hits in one field: one hit per span, the most serious reading of it. */
export function findWords(field: CheckField, text: string, compiled: CompiledWords): CheckHit[] {
  if (!text) return [];
  const folded = foldForMatching(text);
  const bySpan = new Map<string, CheckHit>();
  compiled.automaton.scan(folded.text, (pattern, fStart, fEnd) => {
    const start = folded.origin[fStart];
    const end = folded.origin[fEnd - 1] + 1;
    const excerpt = text.slice(start, end);
    for (const kind of compiled.kinds[pattern]) {
      const hit = hitFor(kind, field, start, end, excerpt);
      const span = `${start}-${end}`;
      const prev = bySpan.get(span);
      const better =
        !prev ||
        RANK[hit.rule] > RANK[prev.rule] ||
        (hit.rule === prev.rule && hit.severity === 'blocking' && prev.severity !== 'blocking');
      if (better) bySpan.set(span, hit);
    }
  });
  return [...bySpan.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}
