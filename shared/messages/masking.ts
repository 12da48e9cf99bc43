// Masking personal data before anything is shown in public (the board, the portal feed).
// RULES.md: no personal data in public answers — a provincial bulletin named a published list
// with unmasked personal data. Pure and deterministic; the public views run every text through
// it at read time, so improving a rule protects what was published before.

const STAR = '*';
const stars = (n: number) => STAR.repeat(Math.max(1, n));

// Digits in a longer run of digits are not a phone or an ID of their own: (?<!\d) / (?!\d).
const ID_CARD =
  /(?<![0-9A-Za-z])([1-9]\d{5})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])|(?<!\d)([1-9]\d{5})(\d{6})(\d{3})(?!\d)/g;
const MOBILE = /(?<!\d)(\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)/g;
const LANDLINE = /(?<!\d)(0\d{2,3})[- ]?(\d{3,4})(\d{4})(?!\d)/g;
const BANK_CARD = /(?<!\d)(\d{4})((?:[ -]?\d){8,11})([ -]?\d{4})(?!\d)/g;
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
const QQ_WECHAT = /((?:QQ|qq|微信号?|VX|vx|wx|WX)\s*[:：号是为]?\s*)([A-Za-z0-9_-]{5,20})/g;
const PLATE =
  /([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z])([A-Z0-9]{4,5}[A-Z0-9挂学警港澳])/g;
// 3号楼2单元501室, 12栋3单元402 — keep the street, hide the door.
// Any other run of 11 or more digits may hide a number someone typed without spaces.
const LONG_DIGITS = /\d{11,}/g;
const DOOR = /(\d{1,4})\s*(号楼|栋|幢)\s*(\d{1,3})\s*(单元)\s*(\d{2,4})\s*(室|号)?/g;

// Names: after the words people use to give one (我叫张三, 姓名：李四, 联系人王五), and
// 张某某先生/女士-style forms keep only the surname.
const NAME_INTRO =
  /(我叫|名叫|姓名\s*[:：]?|联系人\s*[:：]?|户主\s*[:：]?|申请人\s*[:：]?|举报人\s*[:：]?|投诉人\s*[:：]?|患者\s*[:：]?|我是)\s*([\u4e00-\u9fa5])([\u4e00-\u9fa5]{1,2})(?=[，。,.；;、\s（(：:]|$|[0-9*]|的|电话|手机|联系)/g;
const NON_NAMES = new Set([
  '群众',
  '居民',
  '村民',
  '家长',
  '老人',
  '学生',
  '一名',
  '一位',
  '这里',
  '本村',
  '今年',
  '目前',
  '家住',
  '住在',
  '外地人',
  '本地人',
  '党员',
  '教师',
  '老师',
  '农民',
  '退休',
]);

/** Extra names to hide (the person who wrote, known from an imported order). */
export interface MaskOptions {
  names?: readonly string[];
}

function maskName(name: string): string {
  return name.length <= 1 ? name : name[0] + stars(name.length - 1);
}

/** Masks phone numbers, ID and bank card numbers, e-mail, QQ/WeChat ids, plates, door numbers and names. */
export function maskPersonalData(text: string, opts: MaskOptions = {}): string {
  let out = text;
  for (const name of opts.names ?? []) {
    const n = name.trim();
    if (n.length >= 2) out = out.split(n).join(maskName(n));
  }
  out = out.replace(ID_CARD, (_m, a18, _b18, c18, a15, _b15, c15) =>
    a18 ? `${a18[0]}${stars(16)}${c18[3]}` : `${a15[0]}${stars(13)}${c15[2]}`,
  );
  out = out.replace(
    MOBILE,
    (_m, cc: string | undefined, a: string, _b: string, c: string) => `${cc ?? ''}${a}****${c}`,
  );
  out = out.replace(BANK_CARD, (m: string, a: string, _mid: string, c: string) =>
    /[*]/.test(m) ? m : `${a}${stars(m.replace(/\D/g, '').length - 8)}${c.replace(/[ -]/, '')}`,
  );
  out = out.replace(LONG_DIGITS, (m: string) => `${m.slice(0, 3)}${stars(m.length - 5)}${m.slice(-2)}`);
  out = out.replace(LANDLINE, (_m, area: string, _mid: string, last: string) => `${area}-****${last}`);
  out = out.replace(EMAIL, (_m, first: string, domain: string) => `${first}***@${domain}`);
  out = out.replace(QQ_WECHAT, (_m, label: string, id: string) => `${label}${id.slice(0, 2)}${stars(id.length - 2)}`);
  out = out.replace(PLATE, (_m, head: string, tail: string) => `${head}${stars(tail.length - 2)}${tail.slice(-2)}`);
  out = out.replace(
    DOOR,
    (_m, _b: string, kind: string, _u: string, unit: string, _r: string, room: string | undefined) =>
      `*${kind}*${unit}*${room ?? '室'}`,
  );
  out = out.replace(NAME_INTRO, (m: string, intro: string, surname: string, given: string) =>
    NON_NAMES.has(surname + given) ? m : `${intro}${surname}${stars(given.length)}`,
  );
  return out;
}

/** Masks a phone number field for a viewer who may not see it in full (e.g. county supervisors). */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : stars(phone.length);
}
