import { ACCOUNTS, type AccountCore } from '@shared/accounts/contract';
import type { RoleGrant } from '@shared/access/roles';
import type { PostableAccountView } from '@shared/posts/views';
import type { Database } from '@server/runtime/database';
import type { TxLike } from '@server/runtime/audit';
import { getDoc } from '@server/runtime/trace';
import { UNITS } from '@server/features/identity/units';

// Posts read only the AccountCore fields of an account (shared/accounts/contract.ts); the
// accounts feature owns the rest of the record and its lifecycle.

export async function readAccount(t: TxLike, accountId: string): Promise<AccountCore | null> {
  return getDoc<AccountCore>(t, ACCOUNTS, accountId);
}

export async function unitName(db: Database, unitId: string): Promise<string> {
  const unit = await getDoc<{ name: string }>(db, UNITS, unitId);
  return unit?.name ?? unitId;
}

/** Active accounts managed by the units where the caller is a publisher. */
export async function postableAccounts(db: Database, grants: readonly RoleGrant[]): Promise<PostableAccountView[]> {
  const units = [...new Set(grants.filter((g) => g.role === 'publisher').map((g) => g.unitId))];
  if (!units.length) return [];
  const _ = db.command;
  const rows = (
    await db
      .collection(ACCOUNTS)
      .where({ managingUnitId: _.in(units), status: 'active' })
      .limit(100)
      .get()
  ).data as AccountCore[];
  const names = new Map<string, string>();
  for (const u of units) names.set(u, await unitName(db, u));
  return rows
    .map((a) => ({
      _id: a._id,
      name: a.name,
      platform: a.platform,
      unitId: a.managingUnitId,
      unitName: names.get(a.managingUnitId) ?? a.managingUnitId,
      leaderName: a.responsible?.leader?.name ?? '',
      reviewerName: a.responsible?.reviewer?.name ?? '',
    }))
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh') || a.name.localeCompare(b.name, 'zh'));
}
