import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextCheckAt, planSweep, planSweeps, type SweepSubject } from './sweep';

const H = 3600_000;
const DUE = Date.UTC(2026, 11, 4, 15, 59, 59, 999); // 2026-12-04 23:59:59.999 China

function msg(over: Partial<SweepSubject> = {}): SweepSubject {
  return {
    _id: 'm1',
    trackingNo: 'YC-20261127-0001',
    title: '路灯不亮',
    state: 'handling',
    unitId: 'u-a',
    handlerId: 's-handler',
    citizenOpenid: 'c1',
    urgent: false,
    dueAt: DUE,
    answeredAt: null,
    urge: null,
    sweep: null,
    ...over,
  };
}

test('nothing is due more than a day before the deadline', () => {
  assert.equal(planSweep(msg(), DUE - 25 * H), null);
  assert.equal(nextCheckAt(msg()), DUE - 24 * H, 'the sweeper looks again a day before');
});

test('a day before: the handler is reminded, once', () => {
  const c = planSweep(msg(), DUE - 23 * H)!;
  assert.deepEqual(c.events, ['remind']);
  assert.deepEqual(c.notices[0].to, [{ kind: 'staff', staffId: 's-handler' }]);
  assert.equal(c.notices[0].kind, 'message.dueSoon');
  assert.equal(c.timeline[0].kind, 'reminded');
  assert.deepEqual(c.set.sweep, { remindedFor: DUE, escalatedFor: null });
  assert.equal(c.set.nextCheckAt, DUE, 'next look: the deadline itself');
  assert.equal(planSweep(msg({ sweep: c.set.sweep! }), DUE - 22 * H), null, 'idempotent');
});

test('no handler yet: the unit publishers are reminded; a draft under review: the reviewers', () => {
  assert.deepEqual(planSweep(msg({ handlerId: null, state: 'submitted' }), DUE - H)!.notices[0].to, [
    { kind: 'unitRoles', unitId: 'u-a', roles: ['publisher'] },
  ]);
  assert.deepEqual(planSweep(msg({ state: 'replyPending' }), DUE - H)!.notices[0].to, [
    { kind: 'unitRoles', unitId: 'u-a', roles: ['reviewer'] },
  ]);
});

test('past the deadline: escalated to the unit leader, the handler and the supervision office, once', () => {
  const c = planSweep(msg({ sweep: { remindedFor: DUE, escalatedFor: null } }), DUE + 1)!;
  assert.deepEqual(c.events, ['escalate']);
  assert.deepEqual(c.notices[0].to, [
    { kind: 'unitRoles', unitId: 'u-a', roles: ['leader'] },
    { kind: 'staff', staffId: 's-handler' },
    { kind: 'supervisors' },
  ]);
  assert.equal(c.notices[0].urgent, true);
  assert.equal(c.audit[0].action, 'sweeper.escalate');
  assert.equal(c.set.nextCheckAt, null);
  assert.equal(planSweep(msg({ sweep: c.set.sweep! }), DUE + 10 * H), null, 'escalated once per deadline');
  // Straight past the deadline without a reminder (the sweeper was down): escalate, no late reminder.
  const late = planSweep(msg(), DUE + 5 * H)!;
  assert.deepEqual(late.events, ['escalate']);
});

test('a new deadline (extension, reopening) starts the reminders afresh', () => {
  const marks = { remindedFor: DUE, escalatedFor: DUE };
  const NEW = DUE + 3 * 24 * H;
  assert.equal(nextCheckAt(msg({ dueAt: NEW, sweep: marks })), NEW - 24 * H);
  assert.deepEqual(planSweep(msg({ dueAt: NEW, sweep: marks }), NEW - H)!.events, ['remind']);
});

test('an unacknowledged urge past its deadline is reported once', () => {
  const urge = { deadline: DUE - 48 * H, acknowledgedAt: null };
  const c = planSweep(msg({ urge, sweep: null }), DUE - 47 * H)!;
  assert.deepEqual(c.events, ['urgeLapsed']);
  assert.equal(c.set.urge?.lapsedNotified, true);
  assert.equal(planSweep(msg({ urge: c.set.urge! }), DUE - 46 * H), null);
  assert.equal(planSweep(msg({ urge: { ...urge, acknowledgedAt: DUE - 50 * H } }), DUE - 47 * H), null);
});

test('an answer nobody rates is closed after 7 days, and the citizen is told', () => {
  const answeredAt = Date.UTC(2026, 11, 1, 2);
  const m = msg({ state: 'answered', dueAt: null, answeredAt });
  assert.equal(nextCheckAt(m), answeredAt + 7 * 24 * H);
  assert.equal(planSweep(m, answeredAt + 7 * 24 * H - 1), null);
  const c = planSweep(m, answeredAt + 7 * 24 * H)!;
  assert.deepEqual(c.events, ['autoClose']);
  assert.equal(c.set.state, 'closed');
  assert.equal(c.set.publicStatus, 'closed');
  assert.deepEqual(c.notices[0].to, [{ kind: 'citizen', openid: 'c1' }]);
});

test('closed messages and open ones without a deadline are left alone', () => {
  assert.equal(planSweep(msg({ state: 'closed' }), DUE + 100 * H), null);
  assert.equal(nextCheckAt(msg({ state: 'closed' })), null);
  assert.equal(nextCheckAt(msg({ dueAt: null })), null);
  assert.deepEqual(
    planSweeps([msg(), msg({ _id: 'm2', state: 'closed' })], DUE + 1).map((c) => c.id),
    ['m1'],
  );
});
