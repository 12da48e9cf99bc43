import type { z } from 'zod';
import {
  createWorkCalendar,
  isValidDate,
  nextDate,
  type CalendarOverride,
  type WorkCalendar,
} from '@shared/messages/calendar';
import type { calendarListInput, calendarSetInput } from '@shared/messages/calendar-schemas';
import type { ActionContext } from '@server/runtime/action';
import type { Database } from '@server/runtime/deps';
import { invalid } from '@server/runtime/errors';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';

// The information center's override table for the working-day calendar: one document per date
// (`_id` = YYYY-MM-DD), entered when the State Council announces a new year's schedule.

export const CALENDAR_OVERRIDES = 'calendarOverrides';

type OverrideDoc = CalendarOverride & { _id: string; by: string; byName: string; at: number };

export async function loadOverrides(db: Database): Promise<CalendarOverride[]> {
  const out: CalendarOverride[] = [];
  for (;;) {
    const res = await db.collection(CALENDAR_OVERRIDES).orderBy('_id', 'asc').skip(out.length).limit(1000).get();
    for (const o of res.data as OverrideDoc[]) out.push({ date: o._id, kind: o.kind, note: o.note });
    if (res.data.length < 1000) return out;
  }
}

/** The calendar with the current overrides (read fresh: the table is small and edits must count at once). */
export async function loadCalendar(db: Database): Promise<WorkCalendar> {
  return createWorkCalendar(await loadOverrides(db));
}

/** Every day of a year with its kind and why, for the information center's calendar screen. */
export async function listCalendar(input: z.output<typeof calendarListInput>, ctx: ActionContext) {
  const overrides = await loadOverrides(ctx.deps.db);
  const cal = createWorkCalendar(overrides);
  const days = [];
  for (let d = `${input.year}-01-01`; d.startsWith(String(input.year)); d = nextDate(d)) {
    const info = cal.day(d);
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    const unusual = (weekday === 0 || weekday === 6) !== (info.kind === 'off');
    if (info.source !== 'weekday' || unusual) days.push(info);
  }
  return {
    year: input.year,
    officialSchedule: cal.hasOfficialSchedule(input.year),
    overrides: overrides.filter((o) => o.date.startsWith(String(input.year))),
    days,
  };
}

export async function setCalendarDay(input: z.output<typeof calendarSetInput>, ctx: ActionContext) {
  if (!isValidDate(input.date)) throw invalid('日期无效', { date: '请填写有效日期，例如 2027-02-20' });
  const staff = ctx.caller.staff!;
  const now = ctx.deps.now();
  return inTransaction(ctx, async (t) => {
    const before = await getDoc<OverrideDoc>(t, CALENDAR_OVERRIDES, input.date);
    if (input.kind === 'clear') {
      if (before) await t.collection(CALENDAR_OVERRIDES).doc(input.date).remove();
    } else {
      await t
        .collection(CALENDAR_OVERRIDES)
        .doc(input.date)
        .set({ data: { kind: input.kind, note: input.note ?? '', by: staff._id, byName: staff.name, at: now } });
    }
    await traceChange(t, ctx, {
      target: { type: 'calendarDay', id: input.date },
      reason: input.note || undefined,
      details: { before: before ? { kind: before.kind, note: before.note } : null, after: input.kind },
    });
    return { date: input.date, kind: input.kind };
  });
}
