import type { Envelope, Fail } from '@shared/core/envelope';
import { routeForRefusal, shouldNavigate, type GuardRoute } from './guard-core';
import { markActive, markLocked, markUnlocked, noteStaff } from './idle-lock';
import { currentRoute, openPage } from './navigation';

// The one place that reacts to security refusals, whichever page made the call: a locked app
// goes to the lock screen, a missing PIN to PIN setup, an unbound phone to 绑定本机, a lost
// phone or a disabled person to a plain refusal page. Pages only show the server's message.

let lastNav = { key: '', at: 0 };

/** Takes the person to the screen for this refusal; true if it did (or just did). */
export function handleRefusal(res: Fail): GuardRoute | null {
  const route = routeForRefusal(res);
  if (!route) return null;
  if (route.screen === 'lock') markLocked();
  if (!shouldNavigate(route, currentRoute())) return route;
  const now = Date.now();
  // Several calls of one page often fail together: navigate once.
  if (lastNav.key === route.url && now - lastNav.at < 2_000) return route;
  lastNav = { key: route.url, at: now };
  void openPage(route.url);
  return route;
}

/** Observes every reply (installed by services/security.ts). */
export function observeResult(fn: string, action: string, res: Envelope<unknown>): void {
  if (res.ok) {
    markActive();
    if (fn === 'identity') noteIdentityReply(action, res.data);
    return;
  }
  handleRefusal(res);
}

function noteIdentityReply(action: string, data: unknown): void {
  if (action === 'session.unlock' || action === 'pin.set') markUnlocked();
  if (action === 'session.lock') markLocked();
  if (action === 'me.get') {
    const staff = (data as { staff?: { status?: string; pinSet?: boolean } | null } | null)?.staff;
    noteStaff(Boolean(staff && staff.status === 'active' && staff.pinSet));
  }
}
