import type { z } from 'zod';
import type { RoleGrant } from '@shared/access/roles';
import type { UnitSummary } from '@shared/org/units';
import type { myDevicesInput, staffListInput, unitDevicesInput, unitsListInput } from '@shared/identity/schemas';
import type { ActionContext, StaffRecord } from '@server/runtime/action';
import type { Database } from '@server/runtime/deps';
import { containsText, pageByField, pageNewestFirst } from '@server/runtime/paging';
import { UNITS, toUnitSummary, type UnitDoc } from './units';
import { DEVICES, STAFF, deviceView, type DeviceDoc } from './model';

// The identity lists, each a page with a cursor (issue 8): the county's units (the citizen's
// "write to a unit" picker, staff unit choosers), a unit's people and phones for its admin, and
// a person's own phones.

/** Active units in the county's order; a search matches the name or a short name. */
export function listUnits(input: z.output<typeof unitsListInput>, ctx: ActionContext) {
  const db = ctx.deps.db;
  const _ = db.command;
  const parts: Array<Record<string, unknown>> = [{ status: 'active' }];
  if (input.q) parts.push(_.or([{ name: containsText(db, input.q) }, { shortNames: containsText(db, input.q) }]));
  if (input.ids) parts.push({ _id: _.in(input.ids) });
  if (input.role) parts.push({ role: input.role });
  const filter = parts.length === 1 ? parts[0] : (_.and(parts) as Record<string, unknown>);
  return pageByField<UnitDoc, UnitSummary>(
    db,
    UNITS,
    filter,
    'order',
    'asc',
    input.pageSize,
    input.cursor,
    toUnitSummary,
  );
}

type StaffDoc = StaffRecord & { pendingRoles?: RoleGrant[]; unitIds?: string[]; createdAt: number };

/** Which of a unit's people each view of 单位管理 shows (as its client tabs did, now on the server). */
function staffFilter(db: Database, unitId: string, view: z.output<typeof staffListInput>['view']) {
  const _ = db.command;
  if (view === 'pending') return { pendingUnitIds: unitId, status: _.neq('disabled') };
  if (view === 'members') return _.or([{ unitIds: unitId }, { pendingUnitIds: unitId, status: 'disabled' }]);
  return _.or([{ unitIds: unitId }, { pendingUnitIds: unitId }]);
}

/**
 * A unit's people for its admin, newest first, each with their phones that still work (so the
 * 人员 tab can report one lost); no PIN material leaves.
 */
export async function listUnitStaff(input: z.output<typeof staffListInput>, ctx: ActionContext) {
  const db = ctx.deps.db;
  const now = ctx.deps.now();
  const page = await pageNewestFirst<StaffDoc, StaffDoc>(
    db,
    STAFF,
    staffFilter(db, input.unitId, input.view) as Record<string, unknown>,
    input.pageSize,
    input.cursor,
    (s) => s,
  );
  const phones = await devicesOf(
    db,
    page.items.map((s) => s._id),
  );
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((s) => ({
      _id: s._id,
      name: s.name,
      title: s.title,
      mobile: s.mobile,
      status: s.status,
      roles: s.roles.filter((g) => g.unitId === input.unitId),
      pendingRoles: (s.pendingRoles ?? []).filter((g) => g.unitId === input.unitId),
      pinLocked: Boolean(s.pinGuard?.hardLocked || (s.pinGuard?.lockedUntil ?? 0) > now),
      pinSet: Boolean(s.pin),
      devices: phones.filter((d) => d.staffId === s._id).map(deviceView),
    })),
  };
}

/** The phones of a page of people that are not revoked (a person has at most a few). */
async function devicesOf(db: Database, staffIds: string[]): Promise<DeviceDoc[]> {
  if (!staffIds.length) return [];
  const _ = db.command;
  const res = await db
    .collection(DEVICES)
    .where({ staffId: _.in(staffIds), status: _.neq('revoked') })
    .orderBy('createdAt', 'desc')
    .limit(1000)
    .get();
  return res.data as DeviceDoc[];
}

/** Everyone with a role or a pending grant in a unit, as id → 姓名（职务）; read 1 000 at a time. */
async function unitPeople(db: Database, unitId: string): Promise<Map<string, string>> {
  const _ = db.command;
  const names = new Map<string, string>();
  const inUnit = _.or([{ unitIds: unitId }, { pendingUnitIds: unitId }]);
  for (let after = ''; ;) {
    const res = await db
      .collection(STAFF)
      .where(after ? _.and([inUnit, { _id: _.gt(after) }]) : inUnit)
      .field({ name: true, title: true })
      .orderBy('_id', 'asc')
      .limit(1000)
      .get();
    const rows = res.data as StaffRecord[];
    for (const p of rows) names.set(p._id, `${p.name}（${p.title}）`);
    if (rows.length < 1000) return names;
    after = rows[rows.length - 1]._id;
  }
}

/** A unit's phones (by default every one not revoked), newest first, with their holders. */
export async function listUnitDevices(input: z.output<typeof unitDevicesInput>, ctx: ActionContext) {
  const db = ctx.deps.db;
  const _ = db.command;
  const names = await unitPeople(db, input.unitId);
  if (!names.size) return { items: [], nextCursor: null };
  return pageNewestFirst<DeviceDoc, ReturnType<typeof deviceView> & { holder: string }>(
    db,
    DEVICES,
    { staffId: _.in([...names.keys()]), status: input.status ?? _.neq('revoked') },
    input.pageSize,
    input.cursor,
    (d) => ({ ...deviceView(d), holder: names.get(d.staffId) ?? '' }),
  );
}

/** The caller's own phones, newest first. */
export function listMyDevices(input: z.output<typeof myDevicesInput>, ctx: ActionContext) {
  return pageNewestFirst<DeviceDoc, ReturnType<typeof deviceView>>(
    ctx.deps.db,
    DEVICES,
    { staffId: ctx.caller.staff!._id },
    input.pageSize,
    input.cursor,
    deviceView,
  );
}
