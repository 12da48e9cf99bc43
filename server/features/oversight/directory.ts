import type { Role } from '@shared/access/roles';
import type { RecipientKind } from '@shared/oversight/rules';
import type { AlertRecipient } from '@shared/oversight/engine';
import type { Database } from '@server/runtime/database';
import { STAFF } from '@server/runtime/staff';
import { listActiveUnits, type UnitDoc } from '@server/features/identity/units';
import { onDutyAt } from '@shared/oversight/roster';
import { ROSTERS, type RosterDoc } from './model';

// Who is who, loaded once per sweep or request: active staff with their roles, the units, and
// each unit's duty roster — so turning "the unit's leaders" or "the person on duty" into people
// costs no query per alert. A county has a few hundred units and a few thousand staff.

export interface StaffEntry {
  _id: string;
  name: string;
  title: string;
  roles: Array<{ role: Role; unitId: string }>;
}

export interface Person {
  staffId: string;
  name: string;
}

export interface Directory {
  units: UnitDoc[];
  unitName(unitId: string): string;
  countyOfficeUnitId: string;
  staff(staffId: string): StaffEntry | undefined;
  /** Active staff holding `role` in `unitId` (or anywhere, for county roles). */
  holders(role: Role, unitId?: string): Person[];
  /** Who is on duty in the unit at `now` (roster order). */
  onDuty(unitId: string, now: number): Person[];
  /** The people behind one recipient of an alert. */
  resolve(r: AlertRecipient, unitId: string, now: number): Person[];
}

export async function loadStaff(db: Database): Promise<StaffEntry[]> {
  const _ = db.command;
  const out: StaffEntry[] = [];
  let after = '';
  for (;;) {
    const res = await db
      .collection(STAFF)
      .where({ status: 'active', _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .field({ _id: true, name: true, title: true, roles: true })
      .limit(1000)
      .get();
    out.push(...(res.data as StaffEntry[]));
    if (res.data.length < 1000) return out;
    after = out[out.length - 1]._id;
  }
}

async function loadRosters(db: Database): Promise<RosterDoc[]> {
  const out: RosterDoc[] = [];
  for (;;) {
    const res = await db.collection(ROSTERS).orderBy('_id', 'asc').skip(out.length).limit(1000).get();
    out.push(...(res.data as RosterDoc[]));
    if (res.data.length < 1000) return out;
  }
}

export async function loadDirectory(db: Database): Promise<Directory> {
  const [units, staff, rosters] = await Promise.all([listActiveUnits(db), loadStaff(db), loadRosters(db)]);
  return buildDirectory(units, staff, rosters);
}

export function buildDirectory(units: UnitDoc[], staff: StaffEntry[], rosters: RosterDoc[]): Directory {
  const unitNames = new Map(units.map((u) => [u._id, u.name]));
  const byId = new Map(staff.map((s) => [s._id, s]));
  const rosterOf = new Map(rosters.map((r) => [r.unitId, r]));
  const countyOffice = units.find((u) => u.role === 'countyOffice')?._id ?? 'u-county-office';
  const person = (s: StaffEntry): Person => ({ staffId: s._id, name: s.name });

  const holders = (role: Role, unitId?: string) =>
    staff
      .filter((s) => s.roles.some((g) => g.role === role && (unitId === undefined || g.unitId === unitId)))
      .map(person);

  const onDuty = (unitId: string, now: number) => {
    const roster = rosterOf.get(unitId);
    if (!roster) return [];
    return onDutyAt(roster.shifts, now)
      .map((s) => byId.get(s.staffId))
      .filter((s): s is StaffEntry => Boolean(s))
      .map(person);
  };

  const byKind: Record<RecipientKind, (unitId: string, now: number) => Person[]> = {
    accountPublisher: () => [],
    accountLeader: () => [],
    accountReviewer: () => [],
    unitHandler: () => [],
    unitLeaders: (u) => holders('leader', u),
    unitAdmins: (u) => holders('unitAdmin', u),
    onDuty: (u, now) => onDuty(u, now).slice(0, 1),
    supervisor: () => holders('supervisor'),
    infoCenter: () => holders('infoCenter'),
    countyOffice: () => [...holders('leader', countyOffice), ...holders('unitAdmin', countyOffice)],
  };

  return {
    units,
    unitName: (id) => unitNames.get(id) ?? id,
    countyOfficeUnitId: countyOffice,
    staff: (id) => byId.get(id),
    holders,
    onDuty,
    resolve(r, unitId, now) {
      if (r.staffId) {
        const s = byId.get(r.staffId);
        return s ? [person(s)] : [];
      }
      return byKind[r.kind](unitId, now);
    },
  };
}

/** The people behind several recipients, each once, in order, with the capacity they are told in. */
export function resolveAll(
  dir: Directory,
  recipients: AlertRecipient[],
  unitId: string,
  now: number,
): Array<Person & { as: string }> {
  const seen = new Set<string>();
  const out: Array<Person & { as: string }> = [];
  for (const r of recipients)
    for (const p of dir.resolve(r, unitId, now))
      if (!seen.has(p.staffId)) {
        seen.add(p.staffId);
        out.push({ ...p, as: r.label });
      }
  return out;
}
