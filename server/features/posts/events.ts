import type { Page } from '@shared/messages/schemas';
import { EVENT_LEVEL_LABELS } from '@shared/oversight/emergency';
import type { EmergencyEventOptionView } from '@shared/posts/views';
import type { TxLike } from '@server/runtime/audit';
import type { Database } from '@server/runtime/database';
import { invalid } from '@server/runtime/errors';
import { pageNewestFirst } from '@server/runtime/paging';
import { getDoc } from '@server/runtime/trace';
import { UNITS, type UnitDoc } from '@server/features/identity/units';
import { EVENTS, type EventDoc } from '@server/features/oversight/model';

// The one place posts read emergency events (emergency mode, issue 7): the county government
// office declares an event for some units or for all; a 突发事件 post of a concerned unit links
// to it (posts.emergencyEventId), and the oversight view counts who has spoken and when.
// "Concerned" is oversight's rule (server/features/oversight/emergency.ts concernedUnits): the
// listed units, or — for an event declared for all — every unit but the information center and
// the supervision office, which oversee rather than answer.

const OVERSEERS = new Set(['infoCenter', 'supervision']);

async function overseesOnly(db: TxLike | Database, unitId: string): Promise<boolean> {
  const unit = await getDoc<UnitDoc>(db, UNITS, unitId);
  return Boolean(unit?.role && OVERSEERS.has(unit.role));
}

export function toEventOption(e: EventDoc): EmergencyEventOptionView {
  return {
    _id: e._id,
    title: e.title,
    levelLabel: EVENT_LEVEL_LABELS[e.level] ?? e.level,
    occurredAt: e.occurredAt,
    active: e.status === 'active',
  };
}

/** Active events that concern the unit, newest first. */
export async function activeEventsFor(
  db: Database,
  unitId: string,
  pageSize: number,
  cursor: string | undefined,
): Promise<Page<EmergencyEventOptionView>> {
  const _ = db.command;
  const concerns = (await overseesOnly(db, unitId))
    ? { unitIds: unitId }
    : _.or([{ allUnits: true }, { unitIds: unitId }]);
  return pageNewestFirst<EventDoc, EmergencyEventOptionView>(
    db,
    EVENTS,
    _.and([{ status: 'active' }, concerns]) as unknown as Record<string, unknown>,
    pageSize,
    cursor,
    toEventOption,
  );
}

/** The linked event, or a refusal that says why it cannot be linked (for a new or changed link). */
export async function linkableEvent(db: TxLike | Database, eventId: string, unitId: string): Promise<EventDoc> {
  const field = (why: string) => invalid(why, { emergencyEventId: why });
  const e = await getDoc<EventDoc>(db, EVENTS, eventId);
  if (!e) throw field('所选突发事件不存在');
  if (e.status !== 'active') throw field('所选突发事件已结束，不能再关联');
  const concerned = e.unitIds.includes(unitId) || (e.allUnits && !(await overseesOnly(db, unitId)));
  if (!concerned) throw field('所选突发事件不涉及本单位');
  return e;
}

/** The event a post links to, as its page shows it (null: none, or no longer on record). */
export async function linkedEvent(db: Database, eventId: string | null): Promise<EmergencyEventOptionView | null> {
  if (!eventId) return null;
  const e = await getDoc<EventDoc>(db, EVENTS, eventId);
  return e ? toEventOption(e) : null;
}

/** Names the events among `ids` by title (an event no longer on record keeps its id). */
export async function eventTitles(
  db: Database,
  ids: Array<string | null | undefined>,
): Promise<(id: string | null | undefined) => string> {
  const titles = new Map<string, string>();
  for (const id of new Set(ids.filter((x): x is string => Boolean(x)))) {
    const e = await getDoc<EventDoc>(db, EVENTS, id);
    titles.set(id, e ? e.title : id);
  }
  return (id) => (id ? (titles.get(id) ?? id) : '');
}
