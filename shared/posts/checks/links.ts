import { hitKey, type CheckField, type CheckHit } from './types';

// Links (第二十四条): the account publishes the key points and links to the county portal for
// the details, so a link elsewhere is a warning the reviewer sees (a repost's source link is
// fine: it is the attribution 第十二条 asks for). The portal's domain is configurable.

export interface UrlSpan {
  start: number;
  end: number;
  url: string;
  host: string;
}

const URL_RE = /(?:https?:\/\/|www\.)[^\s<>"'，。；！？（）【】《》、“”‘’\u3000]+/gi;
const TRAILING = /[.,;:!?)\]}>'"]+$/;

/** URLs written in a text (with or without a scheme), trailing punctuation left out. */
export function findUrls(text: string): UrlSpan[] {
  const out: UrlSpan[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const url = m[0].replace(TRAILING, '');
    if (!url) continue;
    const start = m.index ?? 0;
    const host = hostOf(url);
    if (host) out.push({ start, end: start + url.length, url, host });
  }
  return out;
}

/** The lower-cased host of a URL written with or without a scheme; '' when there is none. */
export function hostOf(url: string): string {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/?#]*@)?([^/?#:]+)/i.exec(url.trim());
  return m ? m[1].toLowerCase().replace(/\.$/, '') : '';
}

/** Whether `host` is one of the portal domains or a subdomain of one. */
export function isPortalHost(host: string, portalDomains: readonly string[]): boolean {
  const h = host.toLowerCase();
  return portalDomains.some((d) => {
    const dom = d.toLowerCase().replace(/^\.+|\.+$/g, '');
    return dom !== '' && (h === dom || h.endsWith(`.${dom}`));
  });
}

function warning(field: CheckField, start: number, end: number, url: string, portal: string): CheckHit {
  return {
    key: hitKey('externalLink', field, start, end),
    rule: 'externalLink',
    severity: 'warning',
    overridable: false,
    field,
    start,
    end,
    excerpt: url,
    message: `链接不是县政府门户网站（${portal}）的地址。重要信息的详细内容应通过门户网站链接提供，请确认该链接权威、安全。`,
    basis: '第二十四条',
  };
}

/** Warnings for links in free text (title, body) that do not point to the portal. */
export function checkTextLinks(field: CheckField, text: string, portalDomains: readonly string[]): CheckHit[] {
  const portal = portalDomains[0] ?? '门户网站';
  return findUrls(text)
    .filter((u) => !isPortalHost(u.host, portalDomains))
    .map((u) => warning(field, u.start, u.end, u.url, portal));
}

/** A warning for a link given in its own field (the links list, the video link). */
export function checkFieldLink(field: CheckField, url: string, portalDomains: readonly string[]): CheckHit[] {
  const trimmed = url.trim();
  if (!trimmed) return [];
  const host = hostOf(trimmed);
  if (host && isPortalHost(host, portalDomains)) return [];
  return [warning(field, 0, url.length, trimmed, portalDomains[0] ?? '门户网站')];
}
