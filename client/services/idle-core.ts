// Pure parts of the idle lock (unit-tested).

/** Screens where the idle lock never interrupts: they are part of unlocking or onboarding. */
export const LOCK_EXEMPT_ROUTES = [
  'pages/lock/index',
  'pages/pin/index',
  'pages/bind/index',
  'pages/notice/index',
  'pages/join/index',
  'pages/demo/index',
];

export function isIdle(lastActive: number, now: number, limitMs: number): boolean {
  return now - lastActive > limitMs;
}
