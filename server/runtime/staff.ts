import type { Database } from './deps';
import type { StaffRecord } from './action';

export const STAFF = 'staff';

/** The staff record bound to a WeChat identity, or null for a citizen. */
export async function findStaffByOpenid(db: Database, openid: string): Promise<StaffRecord | null> {
  const res = await db.collection(STAFF).where({ openid }).limit(1).get();
  return (res.data[0] as StaffRecord | undefined) ?? null;
}
