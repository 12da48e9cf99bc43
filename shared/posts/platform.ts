import type { Platform } from '../accounts/contract';

// Per-platform limits and the hosts a published post's link lives on. The figures are the
// platforms' own publishing limits as of 2024 (defaults, not quotations of a county rule):
// a post over them cannot be published as written.

export interface PlatformRule {
  titleMax: number;
  bodyMax: number;
  /** Hosts of a published item's link (the publisher records it after publishing). */
  linkHosts: readonly string[];
  source: string;
}

export const PLATFORM_RULES: Record<Platform, PlatformRule> = {
  wechat: {
    titleMax: 64,
    bodyMax: 20000,
    linkHosts: ['mp.weixin.qq.com'],
    source: '微信公众平台：标题 64 字，正文 2 万字',
  },
  weibo: { titleMax: 64, bodyMax: 2000, linkHosts: ['weibo.com', 'weibo.cn'], source: '新浪微博：单条 2000 字' },
  channels: {
    titleMax: 30,
    bodyMax: 1000,
    linkHosts: ['channels.weixin.qq.com', 'weixin.qq.com'],
    source: '微信视频号：标题 30 字，描述 1000 字',
  },
  douyin: { titleMax: 30, bodyMax: 1000, linkHosts: ['douyin.com'], source: '抖音：标题 30 字，作品描述 1000 字' },
  toutiao: { titleMax: 30, bodyMax: 2000, linkHosts: ['toutiao.com'], source: '今日头条：标题 30 字，微头条 2000 字' },
  kuaishou: { titleMax: 30, bodyMax: 500, linkHosts: ['kuaishou.com'], source: '快手：标题 30 字，作品描述 500 字' },
  other: { titleMax: 64, bodyMax: 20000, linkHosts: [], source: '其他平台：按 2 万字控制' },
};

/** Whether a recorded link belongs to the account's platform ('other' accepts any https link). */
export function isPlatformLink(platform: Platform, url: string): boolean {
  const hosts = PLATFORM_RULES[platform].linkHosts;
  if (!hosts.length) return true;
  const m = /^https?:\/\/([^/?#:]+)/i.exec(url.trim());
  if (!m) return false;
  const host = m[1].toLowerCase();
  return hosts.some((h) => host === h || host.endsWith(`.${h}`));
}
