import { STEP_UP_LABELS, type StepUpPurpose } from '@shared/identity/policy';
import type { Envelope } from '@shared/core/envelope';
import { verifyStepUp } from './identity';
import { phoneSoterMode, soterPlatform, soterServer } from './soter';
import { SOTER_MODE_LABELS, soterStepUp, type SoterOutcome } from './soter-core';

// Step-up (RULES.md Security): approving, returning or publishing a post, closing an account and
// changing devices need a fresh PIN. `requestStepUp(purpose)` shows the PIN prompt of the page
// on screen (components/StepUpPrompt), checks the PIN with the server, and resolves the
// single-use ticket id to pass to the sensitive action, or null if the person cancelled.

export interface StepUpRequest {
  purpose: StepUpPurpose;
  /** 审批通过信息, 变更设备, … */
  label: string;
  /** Checks one PIN with the server; the prompt shows a failure's message and lets them retry. */
  verify(pin: string): Promise<Envelope<{ stepUpId: string; expiresAt: number }>>;
  /** On a weapp phone with a fingerprint or face enrolled: SOTER, offered before the PIN. */
  biometric: { label: string; run(): Promise<SoterOutcome> } | null;
}

/** Shows the prompt and resolves the ticket id, or null when cancelled. */
export type StepUpPresenter = (req: StepUpRequest) => Promise<string | null>;

const presenters: Array<{ id: number; present: StepUpPresenter }> = [];
let nextId = 1;

/** A mounted StepUpPrompt registers itself; the most recently shown page's prompt is used. */
export function registerStepUpPresenter(present: StepUpPresenter): { raise(): void; remove(): void } {
  const entry = { id: nextId++, present };
  presenters.push(entry);
  const remove = () => {
    const i = presenters.indexOf(entry);
    if (i >= 0) presenters.splice(i, 1);
  };
  return {
    raise() {
      remove();
      presenters.push(entry);
    },
    remove,
  };
}

export class NoStepUpPrompt extends Error {
  constructor() {
    super('本页面没有放置 PIN 验证框（StepUpPrompt）');
  }
}

/** A fresh PIN check for `purpose`: the ticket id, or null if the person cancelled. */
export async function requestStepUp(purpose: StepUpPurpose): Promise<string | null> {
  const top = presenters[presenters.length - 1];
  if (!top) throw new NoStepUpPrompt();
  const label = STEP_UP_LABELS[purpose];
  const mode = await phoneSoterMode();
  return top.present({
    purpose,
    label,
    verify: (pin) => verifyStepUp(purpose, pin),
    biometric: mode
      ? {
          label: SOTER_MODE_LABELS[mode],
          run: () => soterStepUp(soterPlatform, soterServer(purpose), mode, label),
        }
      : null,
  });
}

/** True when a refusal says the action needs a (new) fresh PIN: the caller may ask again. */
export function needsStepUp(res: Envelope<unknown>): boolean {
  return !res.ok && res.details?.reason === 'stepup-required';
}
