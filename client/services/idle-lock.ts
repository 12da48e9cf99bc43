import Taro from '@tarojs/taro';
import { SECURITY_POLICY } from '@shared/identity/policy';
import { IS_WEAPP } from './env';
import { LOCK_PAGE } from './guard-core';
import { currentRoute, openPage } from './navigation';
import { isIdle, LOCK_EXEMPT_ROUTES } from './idle-core';

// The client's copy of the 30-minute idle lock (RULES.md Security). The server enforces it on
// every staff request; the client only spares the person a refused request by showing the lock
// screen itself. It watches only people it knows to be active staff with a PIN.

let lastActive = Date.now();
let locked = false;
let watching = false;
/** True once me.get said: active staff member with a PIN (nobody else is ever locked). */
let staffWithPin = false;

/** Something happened: a tap (H5), a page shown, a reply from the server. */
export function markActive(): void {
  if (!locked) lastActive = Date.now();
}

/** The server or the person locked the app: nothing short of the PIN unlocks it. */
export function markLocked(): void {
  locked = true;
}

/** The PIN was accepted (unlock, new PIN): the idle clock starts again. */
export function markUnlocked(): void {
  locked = false;
  lastActive = Date.now();
}

export function isLockedLocally(): boolean {
  return locked;
}

export function noteStaff(active: boolean): void {
  staffWithPin = active;
}

function check(): void {
  if (!staffWithPin || locked) return;
  if (!isIdle(lastActive, Date.now(), SECURITY_POLICY.idleLockMs)) return;
  const route = currentRoute();
  if (route && LOCK_EXEMPT_ROUTES.includes(route)) return;
  locked = true;
  void openPage(LOCK_PAGE);
}

/** Starts the watch once: a timer, the return from background, and taps on H5. */
export function startIdleWatch(): void {
  if (watching) return;
  watching = true;
  setInterval(check, 15_000);
  try {
    Taro.onAppShow(() => check());
  } catch {
    // not every platform has it
  }
  if (!IS_WEAPP && typeof document !== 'undefined') {
    let last = 0;
    const onInput = () => {
      const now = Date.now();
      if (now - last > 5_000) {
        last = now;
        markActive();
      }
    };
    for (const type of ['touchstart', 'mousedown', 'keydown']) {
      document.addEventListener(type, onInput, { capture: true, passive: true });
    }
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') check();
    });
  }
}
