import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openLocalStore, installLocalCloud, type LocalStore } from './cloud';
import { currentDeps } from '@server/runtime/config';
import type { Deps } from '@server/runtime/deps';

/** Opens the local host's data directory for a command-line tool (the host may be stopped). */
export function openDataDir(dataDir = process.env.DATA_DIR ?? './data'): {
  store: LocalStore;
  deps: Deps;
  dir: string;
} {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const store = openLocalStore({ file: join(dir, 'cloud.sqlite') });
  installLocalCloud(store);
  return { store, deps: currentDeps(), dir };
}
