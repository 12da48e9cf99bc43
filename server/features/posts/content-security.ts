import type { ContentSecurityStatus } from '@shared/posts/checks/types';
import { getCloud } from '@server/runtime/cloud';

// WeChat's content-security check (msgSecCheck v2) from the cloud function. It exists only in
// WeChat's cloud: locally the check records plainly that it was not available, never "pass".
// In production a failed call is also "unavailable" (with the error), and the reviewer sees it.

export interface ContentSecurityVerdict {
  status: Exclude<ContentSecurityStatus, 'notRun'>;
  message: string;
}

export interface ContentSecurity {
  readonly available: boolean;
  check(text: string, openid: string): Promise<ContentSecurityVerdict>;
}

export const localContentSecurity: ContentSecurity = {
  available: false,
  async check() {
    return {
      status: 'unavailable',
      message: '本地环境无法调用微信内容安全接口，未检测；请审核人员人工把关',
    };
  },
};

/** msgSecCheck takes at most 2,500 characters per call; longer posts are sent in pieces. */
const PIECE = 2500;

type MsgSecResult = { errcode?: number; errCode?: number; result?: { suggest?: string; label?: number } };

export const wechatContentSecurity: ContentSecurity = {
  available: true,
  async check(text, openid) {
    const cloud = getCloud() as unknown as {
      openapi: { security: { msgSecCheck(p: object): Promise<MsgSecResult> } };
    };
    let review = false;
    try {
      for (let i = 0; i < text.length; i += PIECE) {
        const res = await cloud.openapi.security.msgSecCheck({
          content: text.slice(i, i + PIECE),
          version: 2,
          scene: 3, // 3 = forum/social posting
          openid,
        });
        const suggest = res.result?.suggest;
        if (suggest === 'risky') {
          return {
            status: 'risky',
            message: `微信内容安全检测判定存在风险（标签 ${res.result?.label ?? '未知'}），不得发布`,
          };
        }
        if (suggest === 'review') review = true;
      }
    } catch (e) {
      const code = (e as { errCode?: number }).errCode;
      return {
        status: 'unavailable',
        message: `微信内容安全接口调用失败${code ? `（错误码 ${code}）` : ''}，未检测；请人工把关`,
      };
    }
    return review
      ? { status: 'review', message: '微信内容安全检测建议人工复核，请审核人员重点把关' }
      : { status: 'pass', message: '微信内容安全检测未发现风险' };
  },
};

let current: ContentSecurity =
  process.env.TCB_ENV || process.env.SCF_NAMESPACE ? wechatContentSecurity : localContentSecurity;

export function contentSecurity(): ContentSecurity {
  return current;
}

/** Tests choose the implementation explicitly (e.g. a fake that answers "risky"). */
export function setContentSecurity(next: ContentSecurity): void {
  current = next;
}
