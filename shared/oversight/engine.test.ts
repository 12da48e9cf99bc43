import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkCalendar } from '../messages/calendar';
import { alertId, evaluate, evaluateEmergency, evaluateFiling, evaluateMessage, messageDeadlines } from './engine';
import type { AccountFacts, EmergencyFacts, MessageFacts } from './facts';
import { defaultSettings, effectiveRules, settingsProblems } from './rules';
import { addMonthsChina, workingHoursBetween } from './time';

const cal = createWorkCalendar();
const rules = effectiveRules(defaultSettings());
const H = 3600_000;
const D = 24 * H;
// Monday 2026-11-02 10:00 China time.
const MON = Date.UTC(2026, 10, 2, 2, 0);

const account = (over: Partial<AccountFacts> = {}): AccountFacts => ({
  id: 'a1',
  name: '盐池教育',
  platformLabel: '微博',
  unitId: 'u1',
  unitName: '县教育局',
  monitored: true,
  openedAt: MON - 100 * D,
  lastPostAt: MON,
  filing: null,
  refiling: null,
  people: { publisher: { staffId: 'p', name: '李明' }, leader: { staffId: 'l', name: '张伟' }, reviewer: null },
  ...over,
});

const message = (over: Partial<MessageFacts> = {}): MessageFacts => ({
  id: 'm1',
  trackingNo: 'YC-20261102-0001',
  title: '转学咨询',
  unitId: 'u1',
  unitName: '县教育局',
  receivedAt: MON,
  open: true,
  awaitingAccept: true,
  acceptedAt: null,
  answeredAt: null,
  urgent: false,
  handlerId: 'h',
  extensionWorkingDays: 0,
  rating: null,
  ...over,
});

test('alert ids are stable per rule and subject, and always short and safe', () => {
  assert.equal(alertId('noUpdate.red', 'acc-1'), 'al-nu3-acc-1');
  assert.notEqual(alertId('noUpdate.red', 'acc-1'), alertId('noUpdate.leader', 'acc-1'));
  const long = alertId('emergency.firstRelease', `${'e'.repeat(40)}-${'u'.repeat(40)}`);
  assert.ok(long.length <= 64 && /^[A-Za-z0-9_-]+$/.test(long));
  assert.equal(long, alertId('emergency.firstRelease', `${'e'.repeat(40)}-${'u'.repeat(40)}`));
});

test('a message is late to accept after 1 working day, counted over the weekend and holidays', () => {
  // Friday 2026-11-06 16:00 China: the next working day is Monday 11-09, due at its end.
  const fri = Date.UTC(2026, 10, 6, 8, 0);
  const d = messageDeadlines(message({ receivedAt: fri }), { rules, calendar: cal });
  assert.equal(d.accept!.due, Date.UTC(2026, 10, 9, 16, 0) - 1);
  assert.equal(d.accept!.rule.key, 'message.accept');
  const ctx = { now: Date.UTC(2026, 10, 9, 15, 0), rules, calendar: cal };
  assert.deepEqual(evaluateMessage(message({ receivedAt: fri }), ctx), [], 'Monday evening is still in time');
  const late = evaluateMessage(message({ receivedAt: fri }), { ...ctx, now: Date.UTC(2026, 10, 9, 16, 1) });
  assert.deepEqual(
    late.map((a) => a.ruleKey),
    ['message.accept'],
  );
  assert.equal(late[0].source.doc, '12345 热线工作规则（默认值）');
  assert.deepEqual(
    late[0].recipients.map((r) => r.kind),
    ['onDuty', 'unitLeaders'],
  );
});

test('an urgent request falls under two accept rules and the stricter (2 hours) wins', () => {
  const m = message({ urgent: true });
  const d = messageDeadlines(m, { rules, calendar: cal });
  assert.equal(d.accept!.rule.key, 'message.acceptUrgent');
  assert.equal(d.accept!.due, MON + 2 * H);
  const alerts = evaluateMessage(m, { now: MON + 2 * H + 1, rules, calendar: cal });
  assert.deepEqual(
    alerts.map((a) => a.ruleKey),
    ['message.acceptUrgent'],
  );
  const off = effectiveRules({ ...defaultSettings(), 'message.acceptUrgent': { value: 2, enabled: false } });
  assert.equal(
    messageDeadlines(m, { rules: off, calendar: cal }).accept!.rule.key,
    'message.accept',
    'switched off, the other applies',
  );
});

test('answer within 5 working days, extended by an approved extension; 3 months unanswered is red', () => {
  const accepted = message({ awaitingAccept: false, acceptedAt: MON + H });
  const due = cal.addWorkingDays(MON, 5);
  assert.deepEqual(evaluateMessage(accepted, { now: due, rules, calendar: cal }), []);
  const late = evaluateMessage(accepted, { now: due + 1, rules, calendar: cal });
  assert.deepEqual(
    late.map((a) => a.ruleKey),
    ['message.answer'],
  );
  assert.equal(late[0].escalation?.ruleKey, 'message.unanswered');
  assert.deepEqual(
    evaluateMessage({ ...accepted, extensionWorkingDays: 3 }, { now: due + 1, rules, calendar: cal }),
    [],
  );
  const months3 = addMonthsChina(MON, 3);
  const red = evaluateMessage(accepted, { now: months3 + 1, rules, calendar: cal });
  assert.deepEqual(red.map((a) => a.ruleKey).sort(), ['message.answer', 'message.unanswered']);
  assert.equal(red.find((a) => a.ruleKey === 'message.unanswered')!.level, 'red');
  assert.deepEqual(
    evaluateMessage({ ...accepted, open: false, answeredAt: MON + D }, { now: months3 + 1, rules, calendar: cal }),
    [],
  );
});

test('filing: 1 week after opening (notice §一); the stored due date wins when it is earlier', () => {
  const opened = Date.UTC(2026, 10, 2, 2, 0);
  const a = account({ openedAt: opened, lastPostAt: opened, filing: { dueAt: null, submitted: false } });
  assert.deepEqual(evaluateFiling(a, { now: opened + 7 * D, rules, calendar: cal }), []);
  const late = evaluateFiling(a, { now: opened + 7 * D + 1, rules, calendar: cal });
  assert.equal(late[0].ruleKey, 'filing.due');
  assert.equal(late[0].source.doc, '盐政公开办发〔2017〕1号');
  const earlier = evaluateFiling(
    { ...a, filing: { dueAt: opened + 3 * D, submitted: false } },
    { now: opened + 4 * D, rules, calendar: cal },
  );
  assert.equal(earlier.length, 1, 'the stricter stored due date applies');
  assert.deepEqual(
    evaluateFiling({ ...a, filing: { dueAt: null, submitted: true } }, { now: opened + 30 * D, rules, calendar: cal }),
    [],
  );
  const refile = evaluateFiling(account({ refiling: { since: opened, dueAt: null, submitted: false } }), {
    now: opened + 8 * D,
    rules,
    calendar: cal,
  });
  assert.deepEqual(
    refile.map((x) => x.ruleKey),
    ['refiling.due'],
  );
});

test('accounts being closed or never opened are not checked for updates', () => {
  const ctx = { now: MON + 30 * D, rules, calendar: cal };
  assert.equal(evaluate({ accounts: [account()], messages: [], emergencies: [] }, ctx).length, 3);
  assert.equal(evaluate({ accounts: [account({ monitored: false })], messages: [], emergencies: [] }, ctx).length, 0);
  assert.equal(
    evaluate({ accounts: [account({ lastPostAt: null, openedAt: null })], messages: [], emergencies: [] }, ctx).length,
    0,
  );
  const disabled = effectiveRules({ ...defaultSettings(), 'noUpdate.publisher': { value: 10, enabled: false } });
  const fired = evaluate({ accounts: [account()], messages: [], emergencies: [] }, { ...ctx, rules: disabled });
  assert.deepEqual(
    fired.map((a) => a.ruleKey),
    ['noUpdate.leader', 'noUpdate.red'],
  );
});

test('emergency: each concerned unit must speak within 5 hours; press conference only for major events', () => {
  const e: EmergencyFacts = {
    id: 'ev1',
    title: '强降雨',
    occurredAt: MON,
    major: false,
    active: true,
    units: [
      { unitId: 'u1', unitName: '花马池镇', firstPostAt: MON + 3 * H },
      { unitId: 'u2', unitName: '大水坑镇', firstPostAt: null },
    ],
    pressConferenceAt: null,
    respondedAt: null,
    countyOfficeUnitId: 'office',
  };
  assert.deepEqual(evaluateEmergency(e, { now: MON + 5 * H, rules, calendar: cal }), []);
  const at6 = evaluateEmergency(e, { now: MON + 6 * H, rules, calendar: cal });
  assert.deepEqual(
    at6.map((a) => [a.ruleKey, a.unitId]),
    [['emergency.firstRelease', 'u2']],
  );
  assert.match(at6[0].text, /大水坑镇尚未发布权威信息/);
  const at49 = evaluateEmergency(e, { now: MON + 49 * H, rules, calendar: cal });
  assert.deepEqual(at49.map((a) => a.ruleKey).sort(), ['emergency.firstRelease', 'emergency.response']);
  const major = evaluateEmergency({ ...e, major: true }, { now: MON + 25 * H, rules, calendar: cal });
  assert.ok(major.some((a) => a.ruleKey === 'emergency.pressConference' && a.unitId === 'office'));
  assert.deepEqual(evaluateEmergency({ ...e, active: false }, { now: MON + 49 * H, rules, calendar: cal }), []);
});

test('the escalation steps must rise; values outside the bounds are refused', () => {
  assert.deepEqual(settingsProblems(defaultSettings()), {});
  const p = settingsProblems({ ...defaultSettings(), 'noUpdate.leader': { value: 10, enabled: true } });
  assert.ok(p['noUpdate.leader']);
  const q = settingsProblems({ ...defaultSettings(), 'message.unanswered': { value: 4, enabled: true } });
  assert.match(q['message.unanswered'], /1–3/);
});

test('office hours between receipt and answer skip nights, weekends and holidays', () => {
  // Friday 16:00 → Monday 10:00 (China): 1 hour Friday + 1 hour Monday.
  const fri = Date.UTC(2026, 10, 6, 8, 0);
  const mon = Date.UTC(2026, 10, 9, 2, 0);
  assert.equal(workingHoursBetween(fri, mon, cal), 2);
  // 2026-10-01 (国庆节) 10:00 → 2026-10-01 12:00: a holiday, no office hours.
  assert.equal(workingHoursBetween(Date.UTC(2026, 9, 1, 2), Date.UTC(2026, 9, 1, 4), cal), 0);
  assert.equal(workingHoursBetween(mon, fri, cal), 0);
});

test('months are China calendar months and clamp to the last day', () => {
  // 2026-11-30 12:00 China + 3 months → 2027-02-28 12:00 China.
  assert.equal(addMonthsChina(Date.UTC(2026, 10, 30, 4), 3), Date.UTC(2027, 1, 28, 4));
  // 2026-01-31 23:30 China (15:30 UTC) + 1 month → 2026-02-28 23:30 China.
  assert.equal(addMonthsChina(Date.UTC(2026, 0, 31, 15, 30), 1), Date.UTC(2026, 1, 28, 15, 30));
});
