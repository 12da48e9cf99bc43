import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatChinaDateTime } from '../core/china-time';
import { chinaDate, createWorkCalendar } from './calendar';
import { MESSAGE_POLICY } from './policy';

// China time → epoch ms (the county's wall clock).
const cst = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);
const endOf = (y: number, mo: number, d: number) => cst(y, mo, d + 1) - 1;

const cal = createWorkCalendar();

test("the 2026 National Day schedule matches the State Council General Office's 2026 holiday notice", () => {
  // 中秋节 9月25日至27日放假；国庆节 10月1日至7日放假调休，9月20日（周日）、10月10日（周六）上班.
  assert.equal(cal.day('2026-09-20').kind, 'work', 'Sunday 20 Sep is a make-up working day');
  assert.match(cal.day('2026-09-20').reason, /调休上班/);
  for (const d of ['2026-09-25', '2026-09-26', '2026-09-27']) assert.equal(cal.day(d).kind, 'off', d);
  for (let d = 1; d <= 7; d++) assert.equal(cal.day(`2026-10-0${d}`).kind, 'off', `10-0${d}`);
  assert.equal(cal.day('2026-10-01').reason, '国庆节');
  assert.equal(cal.day('2026-10-08').kind, 'work');
  assert.equal(cal.day('2026-10-10').kind, 'work', 'Saturday 10 Oct is a make-up working day');
  assert.equal(cal.day('2026-10-11').kind, 'off', 'an ordinary Sunday');
  assert.equal(cal.day('2026-10-17').kind, 'off', 'an ordinary Saturday');
  assert.equal(cal.hasOfficialSchedule(2026), true);
});

test('the 2025 National Day week: make-up Sunday 28 Sep and Saturday 11 Oct', () => {
  assert.equal(cal.day('2025-09-28').kind, 'work');
  for (let d = 1; d <= 8; d++) assert.equal(cal.day(`2025-10-0${d}`).kind, 'off');
  assert.equal(cal.day('2025-10-11').kind, 'work');
  // Received Tuesday 30 Sep 2025: the 8-day break is skipped, Thu 9, Fri 10, Sat 11 (make-up), Mon 13, Tue 14.
  assert.equal(cal.addWorkingDays(cst(2025, 9, 30, 9), 1), endOf(2025, 10, 9));
  assert.equal(cal.addWorkingDays(cst(2025, 9, 30, 9), 5), endOf(2025, 10, 14));
});

test('deadlines across the 2026 National Day week count the make-up Saturday', () => {
  const received = cst(2026, 9, 30, 10); // Wednesday, the eve of the holiday
  assert.equal(cal.deadline(received, MESSAGE_POLICY.deadlines.consult.accept), endOf(2026, 10, 8));
  // Thu 8 (1), Fri 9 (2), Sat 10 make-up (3), Mon 12 (4), Tue 13 (5).
  assert.equal(cal.deadline(received, MESSAGE_POLICY.deadlines.consult.answer), endOf(2026, 10, 13));
  // Received Thursday 24 Sep: 中秋 25–27 skipped, Mon 28, Tue 29, Wed 30, then 8 and 9 October.
  assert.equal(cal.addWorkingDays(cst(2026, 9, 24, 16), 5), endOf(2026, 10, 9));
  // Received Saturday 19 Sep: the next day is the make-up Sunday.
  assert.equal(cal.addWorkingDays(cst(2026, 9, 19, 11), 1), endOf(2026, 9, 20));
  // Received on a holiday: the count starts with the first working day after it.
  assert.equal(cal.addWorkingDays(cst(2026, 10, 3, 11), 1), endOf(2026, 10, 8));
});

test('the day of receipt never counts, even on a working day (民法典 第二百零一条)', () => {
  assert.equal(cal.addWorkingDays(cst(2026, 11, 23, 8, 30), 1), endOf(2026, 11, 24)); // Mon → Tue
  assert.equal(cal.addWorkingDays(cst(2026, 11, 27, 23, 59), 1), endOf(2026, 11, 30)); // Fri → Mon
  assert.equal(cal.addWorkingDays(cst(2026, 11, 27, 12), 0), endOf(2026, 11, 27));
});

test('the China date decides, not the server clock: 01:00 in the county is still the previous UTC day', () => {
  const at = Date.UTC(2026, 8, 30, 17, 0); // 2026-09-30 17:00 UTC = 2026-10-01 01:00 China
  assert.equal(chinaDate(at), '2026-10-01');
  assert.equal(cal.addWorkingDays(at, 1), endOf(2026, 10, 8));
});

test('across the 2025→2026 year boundary: 元旦 1–3 January off, Sunday 4 January worked', () => {
  const received = cst(2025, 12, 31, 10);
  assert.equal(cal.addWorkingDays(received, 1), endOf(2026, 1, 4));
  assert.equal(cal.addWorkingDays(received, 5), endOf(2026, 1, 8));
  assert.equal(formatChinaDateTime(endOf(2026, 1, 4)), '2026-01-04 23:59');
});

test('across the 2026→2027 year boundary, and any year without a published schedule, statutory days still count', () => {
  // 2027 is not published yet: 1 January (元旦, fixed by law) is off, the weekend follows.
  const received = cst(2026, 12, 31, 10);
  assert.equal(cal.day('2027-01-01').kind, 'off');
  assert.equal(cal.addWorkingDays(received, 1), endOf(2027, 1, 4));
  assert.equal(cal.addWorkingDays(received, 5), endOf(2027, 1, 8));
  // 2035: no schedule in the package; 春节 is 除夕 + 初一–初三 by the lunar calendar (8 Feb 2035).
  const far = createWorkCalendar();
  assert.equal(far.hasOfficialSchedule(2035), false);
  for (const d of ['2035-02-07', '2035-02-08', '2035-02-09']) {
    assert.equal(far.day(d).kind, 'off', d);
    assert.equal(far.day(d).source, 'statutory');
  }
  assert.equal(far.day('2035-02-06').kind, 'work');
  assert.equal(far.day('2035-04-05').kind, 'off', '清明 by the solar term');
  assert.equal(far.day('2035-10-03').kind, 'off');
  assert.equal(far.day('2035-10-04').kind, 'work', 'only 3 statutory National Day days before the 调休 is announced');
});

test("the information center's overrides win over the package and the weekend", () => {
  const announced = createWorkCalendar([
    { date: '2027-02-20', kind: 'work', note: '春节调休上班' }, // a Saturday
    { date: '2027-01-04', kind: 'off', note: '元旦调休' }, // a Monday
  ]);
  assert.equal(announced.day('2027-02-20').kind, 'work');
  assert.equal(announced.day('2027-02-20').reason, '春节调休上班');
  assert.equal(announced.day('2027-01-04').source, 'override');
  assert.equal(announced.addWorkingDays(cst(2026, 12, 31, 10), 1), endOf(2027, 1, 5));
  // Saturday 20 Feb now counts: received Friday 19, the next working day is that Saturday.
  assert.equal(announced.addWorkingDays(cst(2027, 2, 19, 10), 1), endOf(2027, 2, 20));
  assert.equal(createWorkCalendar().addWorkingDays(cst(2027, 2, 19, 10), 1), endOf(2027, 2, 22));
});

test('hour spans are wall-clock time, holidays included (求助: 2 hours)', () => {
  const at = cst(2026, 10, 2, 22, 30);
  assert.equal(cal.deadline(at, MESSAGE_POLICY.deadlines.help.accept), at + 2 * 3600_000);
  assert.throws(() => cal.addWorkingDays(at, -1));
});
