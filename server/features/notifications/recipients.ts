import type { RoleGrant } from '@shared/access/roles';
import type { Recipient } from '@shared/messages/sweep';
import type { Database } from '@server/runtime/deps';
import { STAFF } from '@server/runtime/staff';
import type { Notice } from './notify';

// Who "the unit's reviewers" or "the supervision office" are, looked up before a transaction
// (CloudBase transactions only read documents by id), then resolved inside it without I/O.

export interface StaffLite {
  _id: string;
  name: string;
  openid: string;
  roles: RoleGrant[];
}

export class Directory {
  constructor(private readonly staff: readonly StaffLite[]) {}

  /** The people behind `recipients`, each once; `exclude` (the actor) is never told about their own act. */
  resolve(recipients: readonly Recipient[], exclude?: string | null): Array<Notice['to']> {
    const out: Array<Notice['to']> = [];
    const seen = new Set<string>();
    const add = (to: Notice['to']) => {
      const key = 'staffId' in to ? `s:${to.staffId}` : `o:${to.openid}`;
      if (seen.has(key) || ('staffId' in to && to.staffId === exclude)) return;
      seen.add(key);
      out.push(to);
    };
    for (const r of recipients) {
      if (r.kind === 'staff') add({ staffId: r.staffId });
      else if (r.kind === 'citizen') add({ openid: r.openid });
      else if (r.kind === 'supervisors') {
        for (const s of this.staff) if (s.roles.some((g) => g.role === 'supervisor')) add({ staffId: s._id });
      } else {
        for (const s of this.staff)
          if (s.roles.some((g) => g.unitId === r.unitId && (r.roles as readonly string[]).includes(g.role)))
            add({ staffId: s._id });
      }
    }
    return out;
  }

  name(staffId: string): string | null {
    return this.staff.find((s) => s._id === staffId)?.name ?? null;
  }

  has(staffId: string): boolean {
    return this.staff.some((s) => s._id === staffId);
  }

  inUnit(unitId: string, roles: readonly string[]): StaffLite[] {
    return this.staff.filter((s) => s.roles.some((g) => g.unitId === unitId && roles.includes(g.role)));
  }
}

const lite = (s: StaffLite): StaffLite => ({ _id: s._id, name: s.name, openid: s.openid, roles: s.roles });

/** Active staff of `unitIds`, plus the supervision office when asked. */
export async function loadDirectory(
  db: Database,
  unitIds: ReadonlyArray<string | null | undefined>,
  opts: { supervisors?: boolean } = {},
): Promise<Directory> {
  const _ = db.command;
  const people = new Map<string, StaffLite>();
  const units = [...new Set(unitIds.filter((u): u is string => Boolean(u)))];
  for (const unitId of units) {
    const res = await db.collection(STAFF).where({ unitIds: unitId, status: 'active' }).limit(100).get();
    for (const s of res.data as StaffLite[]) people.set(s._id, lite(s));
  }
  if (opts.supervisors) {
    const res = await db
      .collection(STAFF)
      .where({ status: 'active', roles: _.elemMatch({ role: 'supervisor' }) })
      .limit(100)
      .get();
    for (const s of res.data as StaffLite[]) people.set(s._id, lite(s));
  }
  return new Directory([...people.values()]);
}
