import { randomBytes } from 'node:crypto';

// Document ids shaped like CloudBase's: 32 lowercase hex characters. The first 8 are the
// creation second, so ids made later sort later (handy when browsing, never relied upon).
export function newDocId(): string {
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  return seconds + randomBytes(12).toString('hex');
}

let requestCounter = 0;

/** A request id for every response, as CloudBase returns one; unique within the process. */
export function newRequestId(): string {
  requestCounter = (requestCounter + 1) % 1_000_000_000;
  return `local-${Date.now().toString(36)}-${requestCounter.toString(36)}`;
}
