import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData, staffOpenid, type TestCloud } from '../../../test/support/cloud-harness';
import type { DutyNowRow, Page } from '@shared/oversight/views';
import type { UnitSummary } from '@shared/org/units';

// 各单位当前值班 (第十八条(三)): the county offices see, unit by unit, whom to call now — the
// person on duty with their shift and work mobile, or why nobody is on duty.

const SUPERVISOR = staffOpenid('s-supervisor');
const INFO_CENTER = staffOpenid('s-infocenter');
const EDU_ADMIN = staffOpenid('s-edu-admin');
// Monday 2026-11-23 10:00 China time.
const MON10 = Date.UTC(2026, 10, 23, 2);
const HOUR = 3600_000;

const weekdays = {
  unitId: 'u-education',
  shifts: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:30', end: '18:00', staffId: 's-edu-publisher' })),
};

async function cloudWithRoster(): Promise<TestCloud> {
  const cloud = await createTestCloud();
  cloud.clock.set(MON10);
  okData(await cloud.call('oversight', 'duty.save', weekdays, EDU_ADMIN));
  return cloud;
}

async function row(cloud: TestCloud, unitId: string, who = SUPERVISOR): Promise<DutyNowRow | undefined> {
  const page = okData(await cloud.call<Page<DutyNowRow>>('oversight', 'duty.now', { pageSize: 100 }, who));
  return page.items.find((r) => r.unitId === unitId);
}

test('at 10:00 on a weekday the county sees who is on duty, their shift and mobile', async () => {
  const cloud = await cloudWithRoster();
  assert.deepEqual(await row(cloud, 'u-education'), {
    unitId: 'u-education',
    unitName: (await row(cloud, 'u-education'))!.unitName,
    onDuty: [
      {
        staffId: 's-edu-publisher',
        name: '李明',
        title: '办公室科员',
        mobile: '13995310001',
        shift: '周一 08:30–18:00',
      },
    ],
    why: null,
  });
  assert.match((await row(cloud, 'u-education', INFO_CENTER))!.unitName, /教育/, 'the information center too');
});

test('at 22:00 nobody is on duty and the list says why; a unit with no roster says 未排值班表', async () => {
  const cloud = await cloudWithRoster();
  cloud.clock.set(MON10 + 12 * HOUR);
  assert.deepEqual(await row(cloud, 'u-education').then((r) => [r?.onDuty, r?.why]), [[], '此时不在值班时段']);
  assert.deepEqual(await row(cloud, 'u-huamachi').then((r) => [r?.onDuty, r?.why]), [[], '未排值班表']);
});

test('a rostered person who has left is not offered as the one to call', async () => {
  const cloud = await cloudWithRoster();
  await cloud.db
    .collection('staff')
    .doc('s-edu-publisher')
    .update({ data: { status: 'disabled' } });
  assert.deepEqual(await row(cloud, 'u-education').then((r) => [r?.onDuty, r?.why]), [[], '值班人员已不在岗']);
});

test('paging returns every active unit once, in the order units.list gives them; q narrows by name', async () => {
  const cloud = await cloudWithRoster();
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: Page<DutyNowRow> = okData(
      await cloud.call<Page<DutyNowRow>>(
        'oversight',
        'duty.now',
        { pageSize: 3, ...(cursor ? { cursor } : {}) },
        SUPERVISOR,
      ),
    );
    assert.ok(page.items.length <= 3);
    seen.push(...page.items.map((r) => r.unitId));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 50);
  const units = okData(
    await cloud.call<Page<UnitSummary>>('identity', 'units.list', { pageSize: 100 }, SUPERVISOR),
  ).items.map((u) => u._id);
  assert.ok(pages > 1, 'more than one page');
  assert.deepEqual(seen, units);
  assert.equal(new Set(seen).size, seen.length, 'no unit twice');

  const found = okData(await cloud.call<Page<DutyNowRow>>('oversight', 'duty.now', { q: '教育' }, SUPERVISOR));
  assert.deepEqual(
    found.items.map((r) => [r.unitId, r.onDuty[0]?.name]),
    [['u-education', '李明']],
  );
  const bad = await cloud.call('oversight', 'duty.now', { cursor: 'not-a-cursor' }, SUPERVISOR);
  assert.equal(!bad.ok && bad.code, 'InvalidParameter');
});

test('a unit’s own staff are refused: the county list is for the county offices', async () => {
  const cloud = await cloudWithRoster();
  for (const who of ['s-edu-publisher', 's-edu-admin']) {
    const refused = await cloud.call('oversight', 'duty.now', {}, staffOpenid(who));
    assert.equal(!refused.ok && refused.code, 'Forbidden', who);
    assert.equal(!refused.ok && refused.message, '您没有执行该操作的角色');
  }
});
