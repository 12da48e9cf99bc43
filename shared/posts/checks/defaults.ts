import type { WordEntry } from './words';

// Starting rule settings for a new county. The information center edits the lists (stored in
// the `postRules` collection); these apply until it does. The sensitive words are examples of
// the two levels, not an official list.

export const DEFAULT_PORTAL_DOMAINS: readonly string[] = ['www.yanchi.gov.cn', 'yanchi.gov.cn'];

export const DEFAULT_WORDS: readonly WordEntry[] = [
  { word: '内部讨论稿', category: 'confidential', level: 'blocking', note: '未定稿的内部文件' },
  { word: '仅供内部参考', category: 'confidential', level: 'blocking' },
  { word: '请勿外传', category: 'confidential', level: 'blocking' },
  { word: '代开发票', category: 'sensitive', level: 'blocking', note: '违法广告' },
  { word: '办证刻章', category: 'sensitive', level: 'blocking', note: '违法广告' },
  { word: '六合彩', category: 'sensitive', level: 'blocking', note: '赌博' },
  { word: '史上最', category: 'sensitive', level: 'warning', note: '夸大用语' },
  { word: '震惊', category: 'sensitive', level: 'warning', note: '标题党，第二十条' },
  { word: '转疯了', category: 'sensitive', level: 'warning', note: '标题党，第二十条' },
  { word: '速看', category: 'sensitive', level: 'warning', note: '标题党，第二十条' },
];
