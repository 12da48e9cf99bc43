import type { Platform } from '../../accounts/contract';
import type { PostKind } from '../kinds';

// What the automatic checks look at and what they report. Offsets are UTF-16 code units into
// the named field's text ([start, end)), exactly what String.prototype.slice takes, so the
// client highlights the same characters the server found.

export const CHECK_RULES = [
  'secrecyMarker',
  'confidentialTerm',
  'sensitiveWord',
  'idNumber',
  'mobile',
  'bankCard',
  'repostSource',
  'externalLink',
  'length',
  'correctionApology',
  'contentSecurity',
] as const;
export type CheckRule = (typeof CHECK_RULES)[number];

export const CHECK_RULE_LABELS: Record<CheckRule, string> = {
  secrecyMarker: '密级标识',
  confidentialTerm: '涉密词语',
  sensitiveWord: '敏感词',
  idNumber: '身份证号码',
  mobile: '手机号码',
  bankCard: '银行卡号',
  repostSource: '转载未注明出处',
  externalLink: '非门户网站链接',
  length: '超出平台字数',
  correctionApology: '更正未致歉',
  contentSecurity: '微信内容安全检测',
};

/** blocking: cannot go on until fixed (or, when overridable, a reviewer overrides with a reason). */
export type CheckSeverity = 'blocking' | 'warning' | 'info';

/** 'title' | 'body' | 'sourceName' | 'sourceUrl' | 'videoUrl' | 'links.<i>' */
export type CheckField = string;

export interface CheckHit {
  /** Stable within one version: rule, field and span. Overrides name hits by this key. */
  key: string;
  rule: CheckRule;
  severity: CheckSeverity;
  /** Personal data may be let through by the reviewer with a written reason. */
  overridable: boolean;
  field: CheckField;
  start: number;
  end: number;
  /** The offending text as found (personal numbers masked). */
  excerpt: string;
  /** Why, in Chinese, and what to do about it. */
  message: string;
  /** The rule's source (notice article or national rule). */
  basis: string;
}

export type ContentSecurityStatus = 'pass' | 'review' | 'risky' | 'unavailable' | 'notRun';

export interface CheckReport {
  hits: CheckHit[];
  /** Blocking hits nobody may let through. */
  blocking: number;
  /** Blocking hits a reviewer may override with a reason. */
  overridable: number;
  warnings: number;
  /** WeChat content security (msgSecCheck): production only; locally always 'unavailable'. */
  contentSecurity: { status: ContentSecurityStatus; message: string };
  /** Revision of the word lists the check used. */
  rulesRev: number;
  checkedAt: number;
}

export interface CheckInput {
  kind: PostKind;
  platform: Platform;
  title: string;
  body: string;
  links: string[];
  videoUrl: string;
  sourceName: string;
  sourceUrl: string;
}

export function hitKey(rule: CheckRule, field: CheckField, start: number, end: number): string {
  return `${rule}@${field}:${start}-${end}`;
}

/** Summary counts of a list of hits. */
export function summarize(hits: CheckHit[]): Pick<CheckReport, 'blocking' | 'overridable' | 'warnings'> {
  let blocking = 0;
  let overridable = 0;
  let warnings = 0;
  for (const h of hits) {
    if (h.severity === 'blocking') {
      if (h.overridable) overridable++;
      else blocking++;
    } else if (h.severity === 'warning') warnings++;
  }
  return { blocking, overridable, warnings };
}
