import { installDeviceSigning } from './device';
import { observeResult } from './guard';
import { startIdleWatch } from './idle-lock';
import { setResultObserver } from './transport';

// Wires the staff-security client once, at app start: signed requests, the refusal guard, the
// idle lock. Pages import nothing from here.

let installed = false;

export function installSecurity(): void {
  if (installed) return;
  installed = true;
  installDeviceSigning();
  setResultObserver(observeResult);
  startIdleWatch();
}
