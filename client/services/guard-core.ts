import type { Fail } from '@shared/core/envelope';

// Which screen answers which refusal (pure, unit-tested). The server says *why* in
// `details.reason`; the client shows the server's Chinese message and takes the person to the
// one screen where they can do something about it.

export const LOCK_PAGE = '/pages/lock/index';
export const PIN_PAGE = '/pages/pin/index';
export const BIND_PAGE = '/pages/bind/index';
export const NOTICE_PAGE = '/pages/notice/index';

export type GuardScreen = 'lock' | 'pin' | 'bind' | 'notice';

export interface GuardRoute {
  screen: GuardScreen;
  /** Page path with query, for Taro.navigateTo. */
  url: string;
}

const SCREEN_OF: Record<string, GuardScreen> = {
  'app-locked': 'lock',
  'pin-not-set': 'pin',
  'device-missing': 'bind',
  'device-unknown': 'bind',
  'device-pending': 'bind',
  'device-revoked': 'notice',
  'device-foreign': 'notice',
  'bad-signature': 'notice',
  'client-outdated': 'notice',
  'staff-disabled': 'notice',
  'staff-pending': 'notice',
};

const PAGE_OF: Record<GuardScreen, string> = {
  lock: LOCK_PAGE,
  pin: PIN_PAGE,
  bind: BIND_PAGE,
  notice: NOTICE_PAGE,
};

/** `details.reason` of a refusal, if it carries one. */
export function refusalReason(res: Pick<Fail, 'details'>): string | null {
  const r = res.details?.reason;
  return typeof r === 'string' && r ? r : null;
}

/**
 * The screen for a refusal, or null when the page that made the call should simply show the
 * message (wrong PIN, stale clock, replayed request, step-up needed, ordinary errors).
 */
export function routeForRefusal(res: Pick<Fail, 'details'> & { message?: string }): GuardRoute | null {
  const reason = refusalReason(res);
  if (!reason) return null;
  const screen = SCREEN_OF[reason];
  if (!screen) return null;
  const base = PAGE_OF[screen];
  if (screen === 'lock') return { screen, url: base };
  let url = `${base}?reason=${encodeURIComponent(reason)}`;
  // The refusal page shows the server's own Chinese words.
  if (screen === 'notice' && res.message) url += `&message=${encodeURIComponent(res.message.slice(0, 200))}`;
  return { screen, url };
}

/** `/pages/lock/index?x=1` → `pages/lock/index`, to compare with the current route. */
export function routeKey(url: string): string {
  return url.split('?')[0].replace(/^\/+/, '');
}

/** Screens whose own calls must not bounce the person to themselves or in a loop. */
export function shouldNavigate(route: GuardRoute, currentPath: string | null): boolean {
  if (!currentPath) return true;
  return routeKey(currentPath) !== routeKey(route.url);
}
