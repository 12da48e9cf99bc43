import encodeQR from 'qr';
import { getCloud } from '@server/runtime/cloud';

// The picture of an invite (issue 3: "shown as a code and a mini program QR/path"), so a colleague
// standing next to the unit admin scans it instead of typing eight letters.
// A real 小程序码 exists only in WeChat's cloud (openapi.wxacode.getUnlimited: the page receives
// the code as `scene`). It sits behind this one interface; the local implementation draws an
// ordinary QR code of the mini program path and says so — WeChat's scanner would not open the
// mini program from it, and the screen must not pretend otherwise.

export const JOIN_PAGE = 'pages/join/index';

export interface InviteImage {
  /** `data:image/…;base64,…`, small enough for the function's answer (a few KB). */
  dataUrl: string;
  kind: 'wxacode' | 'qr';
  /** What the person holding the phone should know about this picture, in Chinese. */
  note: string;
}

export interface InviteImageMaker {
  make(code: string): Promise<InviteImage | null>;
}

export const localInviteImageMaker: InviteImageMaker = {
  async make(code) {
    const gif = encodeQR(`${JOIN_PAGE}?code=${code}`, 'gif', { ecc: 'medium', scale: 6, border: 2 });
    return {
      dataUrl: `data:image/gif;base64,${Buffer.from(gif).toString('base64')}`,
      kind: 'qr',
      note: '本地环境生成的普通二维码，内容为小程序路径；正式环境这里是微信可直接扫码进入的小程序码',
    };
  },
};

export const wechatInviteImageMaker: InviteImageMaker = {
  async make(code) {
    try {
      const cloud = getCloud() as unknown as {
        openapi: {
          wxacode: {
            getUnlimited(p: object): Promise<{ buffer?: Buffer; contentType?: string; errCode?: number }>;
          };
        };
      };
      const res = await cloud.openapi.wxacode.getUnlimited({
        scene: `code=${code}`, // ≤ 32 characters: "code=" + 8
        page: JOIN_PAGE,
        checkPath: false,
        width: 280,
      });
      if (!res.buffer || (res.errCode ?? 0) !== 0) return null;
      return {
        dataUrl: `data:${res.contentType ?? 'image/jpeg'};base64,${Buffer.from(res.buffer).toString('base64')}`,
        kind: 'wxacode',
        note: '用微信扫一扫进入小程序登记',
      };
    } catch {
      // The invite itself is made; without the picture the code and the path still work.
      return null;
    }
  },
};

let current: InviteImageMaker =
  process.env.TCB_ENV || process.env.SCF_NAMESPACE ? wechatInviteImageMaker : localInviteImageMaker;

export function inviteImageMaker(): InviteImageMaker {
  return current;
}

/** Tests and the local host choose the implementation explicitly. */
export function setInviteImageMaker(m: InviteImageMaker): void {
  current = m;
}
