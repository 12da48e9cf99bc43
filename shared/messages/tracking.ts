import { chinaDateKey } from '../core/china-time';

// Tracking numbers a citizen can read over the phone: county prefix, China date, daily sequence.
export const TRACKING_PREFIX = 'YC';

export function formatTrackingNo(atMs: number, seq: number): string {
  return `${TRACKING_PREFIX}-${chinaDateKey(atMs)}-${String(seq).padStart(4, '0')}`;
}

export const TRACKING_NO_PATTERN = /^YC-\d{8}-\d{4,}$/;
