import { pinProblem } from '@shared/identity/pin-policy';

// The PIN form as a small state machine (unit-tested): current PIN (when changing) → new PIN
// → the same again. The new PIN is checked with the server's own rule as soon as it is typed.

export type PinStep = 'current' | 'new' | 'confirm';

export interface PinForm {
  step: PinStep;
  currentPin: string;
  newPin: string;
  /** The message under the pad: a refused PIN, a mismatch, a server refusal. */
  error: string | null;
}

export function startForm(changing: boolean): PinForm {
  return { step: changing ? 'current' : 'new', currentPin: '', newPin: '', error: null };
}

export type PinFormResult =
  { form: PinForm; submit: null } | { form: PinForm; submit: { pin: string; currentPin?: string } };

/** A complete 6-digit entry on the current step. */
export function enter(form: PinForm, value: string): PinFormResult {
  if (form.step === 'current') return { form: { ...form, step: 'new', currentPin: value, error: null }, submit: null };
  if (form.step === 'new') {
    const problem = pinProblem(value);
    if (problem) return { form: { ...form, error: problem }, submit: null };
    if (form.currentPin && value === form.currentPin)
      return { form: { ...form, error: '新 PIN 不能与当前 PIN 相同' }, submit: null };
    return { form: { ...form, step: 'confirm', newPin: value, error: null }, submit: null };
  }
  if (value !== form.newPin) {
    return { form: { ...form, step: 'new', newPin: '', error: '两次输入的 PIN 不一致，请重新设置' }, submit: null };
  }
  return {
    form,
    submit: form.currentPin ? { pin: form.newPin, currentPin: form.currentPin } : { pin: form.newPin },
  };
}

/** Where a server refusal sends the form: a wrong current PIN back to the first step. */
export function afterRefusal(form: PinForm, res: { message: string; fieldErrors?: Record<string, string> }): PinForm {
  if (res.fieldErrors?.currentPin)
    return { ...form, step: 'current', currentPin: '', newPin: '', error: res.fieldErrors.currentPin };
  if (res.fieldErrors?.pin) return { ...form, step: 'new', newPin: '', error: res.fieldErrors.pin };
  return { ...form, step: form.currentPin ? 'current' : 'new', currentPin: '', newPin: '', error: res.message };
}

/** While typing the new PIN: the rule it breaks, once all six digits are there. */
export function liveProblem(step: PinStep, typed: string): string | null {
  if (step !== 'new' || typed.length < 6) return null;
  return pinProblem(typed);
}

export const STEP_TITLES: Record<PinStep, string> = {
  current: '输入当前 PIN',
  new: '设置新的 6 位 PIN',
  confirm: '再次输入新 PIN',
};
