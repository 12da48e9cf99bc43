import Taro from '@tarojs/taro';
import type { StepUpPurpose } from '@shared/identity/policy';
import { IS_WEAPP } from './env';
import { call } from './transport';
import { availableSoterMode, type SoterMode, type SoterPlatform, type SoterProof } from './soter-core';

// Taro's SOTER calls (weapp only) and the two server actions, for soter-core's flow.

const weappSoter: SoterPlatform = {
  async supportModes() {
    if (!IS_WEAPP) return [];
    const r = await Taro.checkIsSupportSoterAuthentication();
    return r.supportMode ?? [];
  },
  async isEnrolled(mode) {
    const r = await Taro.checkIsSoterEnrolledInDevice({ checkAuthMode: mode });
    return Boolean(r.isEnrolled);
  },
  async authenticate(mode, challenge, authContent) {
    const r = await Taro.startSoterAuthentication({ requestAuthModes: [mode], challenge, authContent });
    return { resultJSON: r.resultJSON, resultJSONSignature: r.resultJSONSignature };
  },
};

export const soterPlatform = weappSoter;

let cachedMode: Promise<SoterMode | null> | null = null;
/** The biometric mode this phone can offer (checked once per launch); null on H5. */
export function phoneSoterMode(): Promise<SoterMode | null> {
  cachedMode ??= availableSoterMode(weappSoter);
  return cachedMode;
}

export function soterServer(purpose: StepUpPurpose) {
  return {
    challenge: () =>
      call<{ challenge: string | null; soterAvailable: boolean; expiresAt: number | null }>(
        'identity',
        'stepup.challenge',
        { purpose },
      ),
    verify: (soter: SoterProof) =>
      call<{ stepUpId: string; expiresAt: number }>('identity', 'stepup.verify', { purpose, soter }),
  };
}
