import { z } from '../core/zod';
import { textSchema } from '../core/validators';

// The information center's override table for the working-day calendar.
export const calendarListInput = z.strictObject({
  year: z.number({ error: '请选择年份' }).int().min(2000).max(2100),
});

export const calendarSetInput = z.strictObject({
  date: z.string({ error: '请填写日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式为 2027-02-20' }),
  /** off: a day off; work: a make-up working day; clear: back to the package's schedule. */
  kind: z.enum(['off', 'work', 'clear'], { error: '请选择放假、上班或恢复默认' }),
  note: z.union([textSchema('说明', 2, 50), z.literal('')]).optional(),
});
