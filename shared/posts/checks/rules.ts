import { PLATFORM_LABELS } from '../../accounts/contract';
import { PLATFORM_RULES } from '../platform';
import { charCount } from './normalize';
import { hitKey, type CheckHit, type CheckInput } from './types';

// The small structural checks: attribution of reposts (第十二条), platform length limits, and
// the apology a correction owes (第十八条(四)).

const REPOST_MARKS = /(转自|转载自|转发自|来源[:：]|来源于|信息来源|原标题[:：]|原文链接|据.{1,20}?(报道|消息))/;

/** A repost must name its source, in the source field or with a clear mark in the text. */
export function checkRepostSource(input: CheckInput): CheckHit[] {
  if (input.kind !== 'repost') return [];
  if (input.sourceName.trim() || REPOST_MARKS.test(input.body) || REPOST_MARKS.test(input.title)) return [];
  return [
    {
      key: hitKey('repostSource', 'sourceName', 0, 0),
      rule: 'repostSource',
      severity: 'blocking',
      overridable: false,
      field: 'sourceName',
      start: 0,
      end: 0,
      excerpt: '',
      message: '转发他人原创内容须注明出处或带有明显转载标识：请填写“来源”，或在正文中写明“转自××”。',
      basis: '第十二条',
    },
  ];
}

/** UTF-16 offset of the n-th character (code point). */
function offsetOfChar(text: string, n: number): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (count === n) return i;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
    count++;
  }
  return text.length;
}

/** Title and body within the platform's limits; the overflow is highlighted. */
export function checkLength(input: CheckInput): CheckHit[] {
  const rule = PLATFORM_RULES[input.platform];
  const name = PLATFORM_LABELS[input.platform];
  const out: CheckHit[] = [];
  for (const [field, text, max] of [
    ['title', input.title, rule.titleMax],
    ['body', input.body, rule.bodyMax],
  ] as const) {
    const n = charCount(text);
    if (n <= max) continue;
    const start = offsetOfChar(text, max);
    out.push({
      key: hitKey('length', field, start, text.length),
      rule: 'length',
      severity: 'blocking',
      overridable: false,
      field,
      start,
      end: text.length,
      excerpt: `${n} 字`,
      message: `${field === 'title' ? '标题' : '正文'}共 ${n} 字，超过${name}的上限 ${max} 字，请精简（超出部分已标出）。`,
      basis: `平台规则（${rule.source}）；第十二条（言简意赅）`,
    });
  }
  return out;
}

/** A correction should apologise and state the facts (第十八条(四)). */
export function checkCorrectionApology(input: CheckInput): CheckHit[] {
  if (input.kind !== 'correction') return [];
  if (/(致歉|道歉|歉意|对不起)/.test(input.body) && /(更正|纠正|勘误|订正)/.test(input.title + input.body)) return [];
  return [
    {
      key: hitKey('correctionApology', 'body', 0, 0),
      rule: 'correctionApology',
      severity: 'warning',
      overridable: false,
      field: 'body',
      start: 0,
      end: 0,
      excerpt: '',
      message: '更正信息应写明更正的内容并公开致歉（如“特此更正，并向公众致歉”），同时发布事实真相。',
      basis: '第十八条（四）',
    },
  ];
}
