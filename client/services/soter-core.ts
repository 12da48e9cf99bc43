import type { Envelope, Fail } from '@shared/core/envelope';

// SOTER step-up on weapp (issue 3 item 5): where the phone has a fingerprint or face enrolled and
// the server can verify SOTER, the step-up sheet offers it instead of the PIN; the PIN stays
// everywhere as the fallback. The flow: a single-use server challenge → the phone signs it in its
// secure element (wx.startSoterAuthentication) → the server checks signature and challenge.
// Pure here (platform and server injected) so it is tested under Node; soter.ts binds Taro.

export type SoterMode = 'fingerPrint' | 'facial';

export const SOTER_MODE_LABELS: Record<SoterMode, string> = { fingerPrint: '指纹', facial: '面容' };

export interface SoterProof {
  resultJSON: string;
  resultJSONSignature: string;
}

export interface SoterPlatform {
  /** The modes the phone supports (wx.checkIsSupportSoterAuthentication's supportMode). */
  supportModes(): Promise<string[]>;
  /** Whether a fingerprint / face is enrolled for the mode. */
  isEnrolled(mode: SoterMode): Promise<boolean>;
  /** Signs the challenge after the person authenticates; rejects when they cancel or it fails. */
  authenticate(mode: SoterMode, challenge: string, authContent: string): Promise<SoterProof>;
}

export interface SoterServer {
  challenge(): Promise<Envelope<{ challenge: string | null; soterAvailable: boolean }>>;
  verify(proof: SoterProof): Promise<Envelope<{ stepUpId: string; expiresAt: number }>>;
}

export type SoterOutcome =
  | { kind: 'ticket'; stepUpId: string }
  /** The server refused (wrong signature, replay…); its envelope for the guard and the message. */
  | { kind: 'refused'; refusal: Fail }
  /** Nothing was checked (cancelled on the phone, server cannot verify): say why, use the PIN. */
  | { kind: 'fallback'; message: string };

/** The mode to offer, fingerprint first; null when the phone has none enrolled (or is not weapp). */
export async function availableSoterMode(platform: SoterPlatform): Promise<SoterMode | null> {
  let modes: string[];
  try {
    modes = await platform.supportModes();
  } catch {
    return null;
  }
  for (const mode of ['fingerPrint', 'facial'] as const) {
    if (!modes.includes(mode)) continue;
    try {
      if (await platform.isEnrolled(mode)) return mode;
    } catch {
      // a phone that cannot answer is treated as not enrolled
    }
  }
  return null;
}

export async function soterStepUp(
  platform: SoterPlatform,
  server: SoterServer,
  mode: SoterMode,
  purposeLabel: string,
): Promise<SoterOutcome> {
  const c = await server.challenge();
  if (!c.ok) return { kind: 'refused', refusal: c };
  if (!c.data.soterAvailable || !c.data.challenge)
    return { kind: 'fallback', message: '当前环境暂不支持生物认证，请输入 PIN' };
  let proof: SoterProof;
  try {
    proof = await platform.authenticate(mode, c.data.challenge, `${purposeLabel}：请验证${SOTER_MODE_LABELS[mode]}`);
  } catch {
    return { kind: 'fallback', message: `${SOTER_MODE_LABELS[mode]}验证未完成，请重试或输入 PIN` };
  }
  const v = await server.verify(proof);
  return v.ok ? { kind: 'ticket', stepUpId: v.data.stepUpId } : { kind: 'refused', refusal: v };
}
