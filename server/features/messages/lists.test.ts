import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud } from '../../../test/support/cloud-harness';
import type { InboxItemView, Page } from '@shared/messages/schemas';
import { currentDeps } from '@server/runtime/config';
import { runSweep } from '@server/features/sweeper';
import { DAY, HOUR, P, act, cst, endOfChinaDay, ok, refused, send, stored } from './testkit';

// The inbox filters (全部, 我承办的, 待审核, 已超期, 今日到期), the supervision office's lists, and
// the information center's calendar overrides changing the deadlines of new messages.

const ids = (p: Page<InboxItemView>) => p.items.map((i) => i._id);

test('inbox filters: mine, review, overdue (most late first) and due today', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(cst(2026, 11, 23, 9)); // Monday
  const a = await send(cloud); // accept due Tue 24
  cloud.clock.set(cst(2026, 11, 24, 9));
  const b = await send(cloud); // accept due Wed 25
  const c = await send(cloud);
  await ok(cloud, 'messages.accept', { id: c._id }, P.eduPub);
  await ok(cloud, 'messages.assign', { id: c._id, handlerId: 's-edu-publisher' }, P.eduLeader);
  const d = await send(cloud);
  await ok(cloud, 'messages.accept', { id: d._id }, P.eduPub);
  await ok(cloud, 'messages.draftReply', { id: d._id, text: '您好，转学材料请见县教育局网站公告。' }, P.eduRev);

  const list = (filter: string, who: string = P.eduPub) =>
    ok<Page<InboxItemView>>(cloud, 'messages.inbox', { unitId: 'u-education', filter }, who);
  assert.deepEqual(ids(await list('all')), [d._id, c._id, b._id, a._id]);
  assert.deepEqual(ids(await list('mine')), [c._id]);
  assert.deepEqual(ids(await list('mine', P.eduRev)), [d._id], 'the drafter becomes the handler');
  assert.deepEqual(ids(await list('review')), [d._id]);

  cloud.clock.set(cst(2026, 11, 25, 10)); // a is overdue since Tue 24 23:59; b is due tonight
  assert.deepEqual(ids(await list('overdue')), [a._id]);
  assert.deepEqual(ids(await list('dueToday')), [b._id]);
  cloud.clock.set(cst(2026, 11, 26, 10));
  assert.deepEqual(ids(await list('overdue')), [a._id, b._id], 'most late first');
  const page1 = await ok<Page<InboxItemView>>(
    cloud,
    'messages.inbox',
    { unitId: 'u-education', filter: 'overdue', pageSize: 1 },
    P.eduPub,
  );
  const page2 = await ok<Page<InboxItemView>>(
    cloud,
    'messages.inbox',
    { unitId: 'u-education', filter: 'overdue', pageSize: 1, cursor: page1.nextCursor },
    P.eduPub,
  );
  assert.deepEqual([...ids(page1), ...ids(page2)], [a._id, b._id]);
  assert.equal(page2.nextCursor, null);
  const item = (await list('overdue')).items[0];
  assert.equal(item.dueKind, 'accept');
  assert.equal(item.dueAt, endOfChinaDay(2026, 11, 24));
  refused(await act(cloud, 'messages.inbox', { unitId: 'u-education', filter: 'spam' }, P.eduPub), 'InvalidParameter');
  refused(await act(cloud, 'messages.inbox', { unitId: 'u-education', filter: 'overdue' }, P.hmcPub), 'Forbidden');
  cloud.close();
});

test('the supervision office sees overdue messages across every unit; units and citizens are refused', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(cst(2026, 11, 23, 9));
  const edu = await send(cloud);
  const hmc = await send(cloud, { unitId: 'u-huamachi' });
  await ok(cloud, 'messages.urge', { id: hmc._id, workingDays: 3, note: '请按期办理' }, P.sup);
  cloud.clock.advance(3 * DAY);
  // The county list shows what the sweeper has flagged.
  assert.equal(
    (await ok<Page<InboxItemView>>(cloud, 'messages.supervision', { view: 'overdue' }, P.sup)).items.length,
    0,
  );
  assert.equal((await runSweep(currentDeps())).escalated, 2);
  const overdue = await ok<Page<InboxItemView & { unitId: string }>>(
    cloud,
    'messages.supervision',
    { view: 'overdue' },
    P.sup,
  );
  assert.deepEqual(overdue.items.map((i) => i.unitId).sort(), ['u-education', 'u-huamachi']);
  assert.equal(
    (await ok<Page<InboxItemView>>(cloud, 'messages.supervision', { view: 'overdue' }, P.info)).items.length,
    2,
  );
  const urged = await ok<Page<InboxItemView>>(cloud, 'messages.supervision', { view: 'urged' }, P.sup);
  assert.deepEqual(ids(urged), [hmc._id]);
  assert.equal(urged.items[0].urgedOpen, true);
  // Answering clears the flag: the list holds only what is still late.
  await ok(cloud, 'messages.accept', { id: edu._id }, P.eduPub);
  assert.equal((await stored(cloud, edu._id)).overdue, false, 'now in the answer stage, with a new deadline');
  refused(await act(cloud, 'messages.supervision', { view: 'overdue' }, P.eduLeader), 'Forbidden');
  refused(await act(cloud, 'messages.supervision', { view: 'overdue' }, 'a-citizen'), 'Forbidden');
  void HOUR;
  cloud.close();
});

test("the information center's calendar override changes the deadlines of new messages", async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(cst(2026, 12, 31, 10)); // Thursday before New Year 2027 (not yet announced)
  const before = await send(cloud);
  const m0 = (await cloud.db.collection('messages').doc(before._id).get()).data as
    { acceptDueAt: number } | Array<{ acceptDueAt: number }>;
  const first = Array.isArray(m0) ? m0[0] : m0;
  assert.equal(first.acceptDueAt, endOfChinaDay(2027, 1, 4));
  refused(
    await act(cloud, 'calendar.set', { date: '2027-01-04', kind: 'off', note: '元旦调休' }, P.eduAdmin),
    'Forbidden',
  );
  const bad = await act(cloud, 'calendar.set', { date: '2027-02-30', kind: 'off' }, P.info);
  assert.equal(!bad.ok && bad.fieldErrors?.date, '请填写有效日期，例如 2027-02-20');
  await ok(cloud, 'calendar.set', { date: '2027-01-04', kind: 'off', note: '元旦调休' }, P.info);
  const after = await send(cloud);
  const m1 = (await cloud.db.collection('messages').doc(after._id).get()).data;
  assert.equal((Array.isArray(m1) ? m1[0] : m1).acceptDueAt, endOfChinaDay(2027, 1, 5));
  const year = await ok<{
    officialSchedule: boolean;
    overrides: unknown[];
    days: Array<{ date: string; kind: string; reason: string }>;
  }>(cloud, 'calendar.list', { year: 2027 }, P.eduPub);
  assert.equal(year.officialSchedule, false);
  assert.deepEqual(year.overrides, [{ date: '2027-01-04', kind: 'off', note: '元旦调休' }]);
  assert.ok(year.days.some((d) => d.date === '2027-01-01' && d.kind === 'off'));
  await ok(cloud, 'calendar.set', { date: '2027-01-04', kind: 'clear' }, P.info);
  assert.equal(
    (await ok<{ overrides: unknown[] }>(cloud, 'calendar.list', { year: 2027 }, P.info)).overrides.length,
    0,
  );
  const audit = (
    await cloud.db
      .collection('audit')
      .where({ action: 'calendar.set', result: 'ok', 'target.type': 'calendarDay' })
      .limit(10)
      .get()
  ).data;
  assert.equal(audit.length, 2);
  cloud.close();
});
