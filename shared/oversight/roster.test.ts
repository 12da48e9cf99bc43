import { test } from 'node:test';
import assert from 'node:assert/strict';
import { onDutyAt, rosterProblems, shiftLabel, type Shift } from './roster';
import { allowedIncidentActions, incidentRefusal, type IncidentSubject } from './incidents';

// China time: Monday 2026-11-02 is a Monday.
const at = (day: number, hh: number, mm = 0) => Date.UTC(2026, 10, 2 + day, hh - 8, mm);

const shifts: Shift[] = [
  { weekday: 1, start: '08:30', end: '18:00', staffId: 'a', staffName: '甲' },
  { weekday: 1, start: '18:00', end: '08:30', staffId: 'b', staffName: '乙' },
  { weekday: 7, start: '20:00', end: '08:00', staffId: 'c', staffName: '丙' },
];

test('who is on duty: day shifts, overnight shifts past midnight, and Sunday night into Monday', () => {
  assert.deepEqual(
    onDutyAt(shifts, at(0, 9)).map((s) => s.staffId),
    ['a'],
  );
  assert.deepEqual(
    onDutyAt(shifts, at(0, 18)).map((s) => s.staffId),
    ['b'],
    'the day shift ends at 18:00 sharp',
  );
  assert.deepEqual(
    onDutyAt(shifts, at(1, 7, 59)).map((s) => s.staffId),
    ['b'],
    "Monday's night shift runs into Tuesday",
  );
  assert.deepEqual(
    onDutyAt(shifts, at(1, 8, 30)).map((s) => s.staffId),
    [],
    'and ends at 08:30',
  );
  assert.deepEqual(
    onDutyAt(shifts, at(6, 21)).map((s) => s.staffId),
    ['c'],
  );
  assert.deepEqual(
    onDutyAt(shifts, at(7, 7)).map((s) => s.staffId),
    ['c'],
    'Sunday night runs into Monday',
  );
  assert.deepEqual(
    onDutyAt(shifts, at(7, 8, 30)).map((s) => s.staffId),
    ['a'],
  );
  assert.equal(shiftLabel(shifts[1]), '周一 18:00–次日 08:30');
});

test('a roster with an empty shift or a duplicate is refused, field by field', () => {
  const p = rosterProblems([
    ...shifts,
    { weekday: 2, start: '09:00', end: '09:00', staffId: 'a', staffName: '甲' },
    shifts[0],
  ]);
  assert.equal(p['shifts.3.end'], '结束时间不能与开始时间相同');
  assert.equal(p['shifts.4.staffId'], '同一人同一时段重复排班');
  assert.deepEqual(rosterProblems(shifts), {});
});

const incident = (over: Partial<IncidentSubject> = {}): IncidentSubject => ({
  state: 'reported',
  unitId: 'u1',
  importance: 'normal',
  type: 'complaint',
  handlerId: null,
  escalatedAt: null,
  clarificationPostId: null,
  ...over,
});
const leader = { staffId: 'L', roles: [{ role: 'leader' as const, unitId: 'u1' }] };
const publisher = { staffId: 'P', roles: [{ role: 'publisher' as const, unitId: 'u1' }] };
const outsider = { staffId: 'O', roles: [{ role: 'leader' as const, unitId: 'u2' }] };

test('incidents: the unit leader assigns; the handler closes; others are told why not', () => {
  assert.equal(incidentRefusal('assign', incident(), leader), null);
  assert.equal(incidentRefusal('assign', incident(), publisher), '只有责任单位的分管领导或单位管理员可以指派');
  assert.equal(incidentRefusal('assign', incident(), outsider), '只有责任单位的分管领导或单位管理员可以指派');
  assert.equal(incidentRefusal('handle', incident(), leader), '请先指派处置人');
  const assigned = incident({ state: 'assigned', handlerId: 'P' });
  assert.equal(incidentRefusal('handle', assigned, publisher), null);
  assert.equal(
    incidentRefusal('handle', assigned, { staffId: 'X', roles: publisher.roles }),
    '只有处置人或分管领导可以登记处置结果',
  );
  assert.deepEqual(allowedIncidentActions(assigned, publisher), ['handle']);
});

test('a 重大 incident closes only after its monitoring report; a rumour only once clarified', () => {
  const major = incident({ state: 'assigned', handlerId: 'P', importance: 'major' });
  assert.equal(incidentRefusal('handle', major, publisher), '重大舆情须先形成监测报告上报县政府，才能办结');
  assert.equal(incidentRefusal('escalate', major, publisher), null);
  assert.equal(incidentRefusal('handle', { ...major, escalatedAt: 1 }, publisher), null);
  assert.equal(incidentRefusal('escalate', incident(), publisher), '一般舆情由责任单位处置，无需上报县政府');
  assert.equal(incidentRefusal('escalate', { ...major, escalatedAt: 1 }, publisher), '该舆情已上报县政府');
  const rumour = incident({ state: 'assigned', handlerId: 'P', type: 'rumour' });
  assert.equal(incidentRefusal('handle', rumour, publisher), '谣言须先关联澄清信息，才能办结');
  assert.equal(incidentRefusal('linkClarification', rumour, publisher), null);
  assert.equal(incidentRefusal('linkClarification', incident(), publisher), '只有谣言类舆情需要关联澄清信息');
  assert.equal(incidentRefusal('handle', { ...rumour, clarificationPostId: 'p1' }, publisher), null);
});
