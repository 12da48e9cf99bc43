import { ACCOUNTS, type AccountCore } from '@shared/accounts/contract';
import type { RoleGrant } from '@shared/access/roles';
import type { Page } from '@shared/messages/schemas';
import type { PostableAccountView } from '@shared/posts/views';
import type { Database } from '@server/runtime/database';
import type { TxLike } from '@server/runtime/audit';
import { pageNewestFirst } from '@server/runtime/paging';
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

/** Active accounts managed by the units where the caller is a publisher, newest first, a page at a time. */
export async function postableAccounts(
  db: Database,
  grants: readonly RoleGrant[],
  pageSize: number,
  cursor: string | undefined,
): Promise<Page<PostableAccountView>> {
  const units = [...new Set(grants.filter((g) => g.role === 'publisher').map((g) => g.unitId))];
  if (!units.length) return { items: [], nextCursor: null };
  const _ = db.command;
  const page = await pageNewestFirst<AccountCore & { createdAt: number }, AccountCore>(
    db,
    ACCOUNTS,
    { managingUnitId: _.in(units), status: 'active' },
    pageSize,
    cursor,
    (a) => a,
  );
  const names = new Map<string, string>();
  for (const u of new Set(page.items.map((a) => a.managingUnitId))) names.set(u, await unitName(db, u));
  return {
    items: page.items.map((a) => ({
      _id: a._id,
      name: a.name,
      platform: a.platform,
      unitId: a.managingUnitId,
      unitName: names.get(a.managingUnitId) ?? a.managingUnitId,
      leaderName: a.responsible?.leader?.name ?? '',
      reviewerName: a.responsible?.reviewer?.name ?? '',
    })),
    nextCursor: page.nextCursor,
  };
}
