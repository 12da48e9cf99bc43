import { randomBytes } from 'node:crypto';
import type { Database } from './database';

export type { Database };

/**
 * What a service needs from the outside world, passed in so tests control it: the database
 * (the real wx-server-sdk one, answered locally by the embedded store), the clock and ids.
 */
export interface Deps {
  db: Database;
  /** Milliseconds since the epoch. Tests inject a fixed or moving clock. */
  now: () => number;
  /** A new random id for documents and request ids. */
  newId: () => string;
  /** Server-side log for bugs (stack traces go here, never to the caller). */
  log: (level: 'info' | 'warn' | 'error', message: string, extra?: Record<string, unknown>) => void;
}

export function randomId(bytes = 12): string {
  return randomBytes(bytes).toString('hex');
}

export const consoleLog: Deps['log'] = (level, message, extra) => {
  const line = JSON.stringify({ t: new Date().toISOString(), level, message, ...extra });
  if (level === 'error') console.error(line);
  else if (process.env.LOG_LEVEL !== 'silent') console.log(line);
};
