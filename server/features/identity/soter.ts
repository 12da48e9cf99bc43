import { getCloud } from '@server/runtime/cloud';

// SOTER biometric step-up exists only in WeChat's cloud (openapi.soter.verifySignature). It sits
// behind this one interface; the local implementation says plainly that it cannot verify, so
// the PIN path is used, and never pretends a fingerprint was checked.

export interface BiometricVerifier {
  readonly available: boolean;
  verify(
    openid: string,
    proof: { resultJSON: string; resultJSONSignature: string },
  ): Promise<{ ok: boolean; message: string }>;
}

export const localBiometricVerifier: BiometricVerifier = {
  available: false,
  async verify() {
    return { ok: false, message: '本地环境无法校验 SOTER 生物认证，请使用 PIN' };
  },
};

export const wechatBiometricVerifier: BiometricVerifier = {
  available: true,
  async verify(openid, proof) {
    try {
      const cloud = getCloud() as unknown as {
        openapi: { soter: { verifySignature(p: object): Promise<{ isOk?: boolean; is_ok?: boolean }> } };
      };
      const res = await cloud.openapi.soter.verifySignature({
        openid,
        jsonString: proof.resultJSON,
        jsonSignature: proof.resultJSONSignature,
      });
      const ok = Boolean(res.isOk ?? res.is_ok);
      return { ok, message: ok ? '已通过生物认证' : '生物认证未通过，请改用 PIN' };
    } catch {
      return { ok: false, message: '生物认证校验失败，请改用 PIN' };
    }
  },
};

let current: BiometricVerifier =
  process.env.TCB_ENV || process.env.SCF_NAMESPACE ? wechatBiometricVerifier : localBiometricVerifier;

export function biometricVerifier(): BiometricVerifier {
  return current;
}

/** Tests and the local host choose the implementation explicitly. */
export function setBiometricVerifier(v: BiometricVerifier): void {
  current = v;
}
