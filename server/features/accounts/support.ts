import type { RoleGrant } from '@shared/access/roles';
import type { GuardAccount, GuardActor } from '@shared/accounts/transitions';
import { queueOf } from '@shared/accounts/states';
import type { ActionContext, StaffRecord } from '@server/runtime/action';
import type { Database } from '@server/runtime/deps';
import type { TxLike } from '@server/runtime/audit';
import { getDoc } from '@server/runtime/trace';
import { STAFF } from '@server/runtime/staff';
import { listActiveUnits, UNITS, type UnitDoc } from '@server/features/identity/units';
import { ACCOUNTS, type AccountDoc } from './model';

// Lookups the account actions share: the county office, units, staff, the guard's view of the
// account and of the caller, and which unit an action targets for the permission table.

/** The unit whose role is 'countyOffice' (县政府办公室), or null if the county has none. */
export async function countyOfficeUnitId(db: Database): Promise<string | null> {
  const res = await db.collection(UNITS).where({ role: 'countyOffice', status: 'active' }).limit(1).get();
  return (res.data[0] as UnitDoc | undefined)?._id ?? null;
}

export async function unitMap(db: Database): Promise<Map<string, UnitDoc>> {
  return new Map((await listActiveUnits(db)).map((u) => [u._id, u]));
}

export async function loadAccount(t: TxLike, id: string): Promise<AccountDoc | null> {
  return getDoc<AccountDoc>(t, ACCOUNTS, id);
}

export async function loadStaff(t: TxLike, id: string): Promise<StaffRecord | null> {
  return getDoc<StaffRecord>(t, STAFF, id);
}

export function guardAccount(doc: AccountDoc): GuardAccount {
  return {
    status: doc.status,
    owningUnitId: doc.owningUnitId,
    managingUnitId: doc.managingUnitId,
    holderStaffId: doc.holder?.staffId ?? null,
    refiling: doc.refiling?.state ?? null,
  };
}

export function guardActor(staff: StaffRecord, countyOffice: string | null): GuardActor {
  return { staffId: staff._id, grants: staff.roles, countyOfficeUnitId: countyOffice };
}

/** Fields derived from the state, rewritten on every change so queues and deadlines stay indexed. */
export function derived(doc: Pick<AccountDoc, 'status' | 'refiling' | 'filing'>) {
  const dueAt =
    doc.status === 'opened'
      ? doc.filing.dueAt
      : doc.status === 'active' && doc.refiling && doc.refiling.state !== 'submitted'
        ? doc.refiling.dueAt
        : null;
  return { queue: queueOf(doc.status, doc.refiling?.state ?? null), dueAt };
}

/**
 * The unit an account action targets for the permission table: the managing unit when the
 * caller works only there, the county office for its leader/admin, else the owning unit.
 */
export async function accountTargetUnit(id: string, ctx: ActionContext): Promise<string | null> {
  const doc = await loadAccount(ctx.deps.db, id);
  if (!doc) return null;
  const grants: RoleGrant[] = ctx.caller.staff?.roles ?? [];
  if (grants.some((g) => g.unitId === doc.owningUnitId)) return doc.owningUnitId;
  if (grants.some((g) => g.unitId === doc.managingUnitId)) return doc.managingUnitId;
  const office = await countyOfficeUnitId(ctx.deps.db);
  if (office && grants.some((g) => g.unitId === office)) return office;
  return doc.owningUnitId;
}

/** Active staff of a unit holding one of `roles` (notification recipients). */
export async function staffWithRole(db: Database, unitId: string, roles: readonly string[]): Promise<StaffRecord[]> {
  const res = await db.collection(STAFF).where({ unitIds: unitId, status: 'active' }).limit(100).get();
  return (res.data as StaffRecord[]).filter((s) => s.roles.some((g) => g.unitId === unitId && roles.includes(g.role)));
}

/** Staff of the information center (the unit whose role is 'infoCenter'). */
export async function infoCenterStaff(db: Database): Promise<StaffRecord[]> {
  const res = await db.collection(UNITS).where({ role: 'infoCenter', status: 'active' }).limit(5).get();
  const out: StaffRecord[] = [];
  for (const u of res.data as UnitDoc[]) out.push(...(await staffWithRole(db, u._id, ['infoCenter'])));
  return out;
}
