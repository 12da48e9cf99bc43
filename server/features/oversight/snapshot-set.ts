import type { Database } from '@server/runtime/database';
import { getDoc } from '@server/runtime/trace';
import type { AlertSyncResult } from './alerts';
import { OV_META, SNAPSHOT_SETS, type SetCollections, type SetName } from './model';

// Which of the two snapshot sets the dashboard reads. A refresh is cut into slices that run on
// successive timer calls (refresh.ts), so its units are written minutes apart. Rather than mark
// each unit fresh or stale (a 红黑榜 ranking units computed at different times would compare
// unlike with unlike), a refresh writes the set that is not live and, once every unit is
// written, switches `oversightMeta/snapshot` to it in one transaction: readers see the whole of
// the last finished refresh or the whole of the one before, never a mix.

export const SNAPSHOT = 'snapshot';

/** `oversightMeta/snapshot`: the live set and what the refresh that wrote it found. */
export interface SnapshotMeta {
  /** The instant the numbers were computed for (when the refresh started). */
  computedAt: number;
  /** Bumped by every switch; readers use it to notice a switch during their read. */
  gen: number;
  set: SetName;
  durationMs: number;
  slices: number;
  ruleVersion: number;
  /** The units written, in order: the next refresh closes the alerts of any that are gone. */
  unitIds: string[];
  accounts: number;
  openMessages: number;
  emergencies: number;
  alerts: AlertSyncResult;
  snapshot: { units: number; months: number };
}

export const setOf = (meta: Pick<SnapshotMeta, 'set'> | null): SetName => meta?.set ?? 'a';
export const otherSet = (s: SetName): SetName => (s === 'a' ? 'b' : 'a');
export const collectionsOf = (s: SetName): SetCollections => SNAPSHOT_SETS[s];

export async function readSnapshotMeta(db: Database): Promise<SnapshotMeta | null> {
  return getDoc<SnapshotMeta>(db, OV_META, SNAPSHOT);
}

/**
 * Reads the live set: `read` runs against the set the pointer names, and the pointer is read
 * again afterwards. The set a reader reads is written only by a refresh planned after the next
 * switch, so an unchanged `gen` proves nothing wrote it meanwhile; after a switch, read again.
 */
export async function readLive<T>(
  db: Database,
  read: (c: SetCollections, meta: SnapshotMeta | null) => Promise<T>,
): Promise<{ meta: SnapshotMeta | null; value: T }> {
  let meta = await readSnapshotMeta(db);
  for (let attempt = 0; ; attempt++) {
    const value = await read(collectionsOf(setOf(meta)), meta);
    const after = await readSnapshotMeta(db);
    if ((after?.gen ?? 0) === (meta?.gen ?? 0)) return { meta, value };
    // A switch needs a whole refresh (minutes), so a second one during a read of milliseconds
    // means something is badly wrong: say so rather than answer with a mix.
    if (attempt >= 2) throw new Error('督查数据在读取期间反复切换');
    meta = after;
  }
}
