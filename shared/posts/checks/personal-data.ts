import { asciiDigits } from './normalize';
import { hitKey, type CheckField, type CheckHit } from './types';

// Personal data in a post (RULES.md Security: "no personal data in published posts"; a
// provincial bulletin named a published name list with unmasked personal data). 18-digit ID
// numbers with a valid GB 11643 check digit, mainland mobile numbers, and bank card numbers that
// pass the Luhn check. Each is blocking unless the reviewer overrides it with a reason (a
// wanted-person notice may need a number). Masked numbers (6403**********1234) are not flagged.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A valid 18-digit resident ID: region, real birth date, and the GB 11643 check digit. */
export function isValidIdNumber(id: string): boolean {
  if (!/^[1-8]\d{5}(18|19|20)\d{2}\d{4}\d{3}[\dXx]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && !leap ? 28 : DAYS[month - 1])) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === id[17].toUpperCase();
}

/** The Luhn (mod 10) check used by bank card numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

function mask(digits: string, keepStart: number, keepEnd: number): string {
  return (
    digits.slice(0, keepStart) + '*'.repeat(Math.max(0, digits.length - keepStart - keepEnd)) + digits.slice(-keepEnd)
  );
}

interface Span {
  start: number;
  end: number;
}

const overlaps = (a: Span, spans: Span[]) => spans.some((s) => a.start < s.end && s.start < a.end);

/** Finds ID, mobile and bank card numbers in one field; `skip` spans (links) are left alone. */
export function findPersonalData(field: CheckField, original: string, skip: Span[] = []): CheckHit[] {
  const text = asciiDigits(original);
  const hits: CheckHit[] = [];
  const taken: Span[] = [...skip];
  const add = (rule: 'idNumber' | 'mobile' | 'bankCard', start: number, end: number, digits: string) => {
    taken.push({ start, end });
    const common = { key: hitKey(rule, field, start, end), rule, severity: 'blocking' as const, overridable: true };
    if (rule === 'idNumber') {
      hits.push({
        ...common,
        field,
        start,
        end,
        excerpt: mask(digits, 6, 4),
        message:
          '含有完整的 18 位身份证号码。公开信息不得泄露个人信息，请删除或打码（如 640323********1234）；确需公开的，由审核人员说明理由后放行。',
        basis: '个人信息保护法；政府信息公开条例第十五条（涉及个人隐私的信息不得公开）',
      });
    } else if (rule === 'mobile') {
      hits.push({
        ...common,
        field,
        start,
        end,
        excerpt: mask(digits, 3, 4),
        message:
          '含有个人手机号码。请删除或打码（如 139****5678），对外联系请使用单位办公电话；确需公开的，由审核人员说明理由后放行。',
        basis: '个人信息保护法；政府信息公开条例第十五条（涉及个人隐私的信息不得公开）',
      });
    } else {
      hits.push({
        ...common,
        field,
        start,
        end,
        excerpt: mask(digits, 4, 4),
        message: '含有疑似银行卡号（通过 Luhn 校验）。请删除或打码；若是其他编号，由审核人员说明理由后放行。',
        basis: '个人信息保护法；政府信息公开条例第十五条（涉及个人隐私的信息不得公开）',
      });
    }
  };

  // Contiguous digit runs (an ID may end in X): classified by length and checksum.
  for (const m of text.matchAll(/\d+[Xx]?/g)) {
    const start = m.index ?? 0;
    const run = m[0];
    const end = start + run.length;
    if (overlaps({ start, end }, taken)) continue;
    if (run.length === 18 && isValidIdNumber(run)) add('idNumber', start, end, run);
    else if (/^\d+$/.test(run)) {
      if (run.length === 11 && MOBILE_PATTERN.test(run)) add('mobile', start, end, run);
      else if (run.length >= 16 && run.length <= 19 && passesLuhn(run)) add('bankCard', start, end, run);
    }
  }

  // Numbers written in groups: 139 1234 5678, 139-1234-5678, 6222 0212 3456 7890 123.
  const grouped: Array<[RegExp, 'mobile' | 'bankCard']> = [
    [/1[3-9]\d[ -]\d{4}[ -]\d{4}/g, 'mobile'],
    [/\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?/g, 'bankCard'],
  ];
  for (const [re, rule] of grouped) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (isDigit(text[start - 1]) || isDigit(text[end])) continue;
      if (overlaps({ start, end }, taken)) continue;
      const digits = m[0].replace(/[ -]/g, '');
      if (rule === 'mobile' ? MOBILE_PATTERN.test(digits) : passesLuhn(digits)) add(rule, start, end, digits);
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
