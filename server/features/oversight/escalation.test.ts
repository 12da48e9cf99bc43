import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData, staffOpenid, type TestCloud } from '../../../test/support/cloud-harness';
import type { AlertView, DashboardView, Page, RulesView, UnitDetailView } from '@shared/oversight/views';
import { DAY, clearSources, insertAccount, insertPost, refreshNow } from './fixtures';

// Walks one account through 10, 12 and 14 days without a post (RULES.md Supervision: the
// publisher at 10 days, the 分管领导 at 12, the supervision office and a red mark at 14), checking
// who is told at each step and which rule and source every alert names; then the rule's
// threshold is changed and the outcome changes with it.

const SUPERVISOR = staffOpenid('s-supervisor');
const INFO_CENTER = staffOpenid('s-infocenter');
const T0 = Date.UTC(2026, 10, 2, 2, 0); // 2026-11-02 10:00 China time

async function setup(): Promise<TestCloud> {
  const cloud = await createTestCloud();
  cloud.clock.set(T0);
  await clearSources(cloud.db);
  await insertAccount(cloud.db, {
    _id: 'acc-edu-weibo',
    name: '盐池教育',
    unitId: 'u-education',
    openedAt: T0 - 60 * DAY,
  });
  await insertPost(cloud.db, { accountId: 'acc-edu-weibo', unitId: 'u-education', publicAt: T0 });
  return cloud;
}

const sweep = (cloud: TestCloud) => refreshNow(cloud);

async function openAlerts(cloud: TestCloud): Promise<AlertView[]> {
  const page = okData(
    await cloud.call<Page<AlertView>>('oversight', 'oversight.alerts', { unitId: 'u-education' }, SUPERVISOR),
  );
  return page.items;
}

async function noticesTo(cloud: TestCloud, staffId: string) {
  const res = await cloud.db.collection('notifications').where({ staffId }).limit(100).get();
  return (res.data as Array<{ kind: string; title: string; body: string }>).filter((n) =>
    n.kind.startsWith('oversight.'),
  );
}

test('10, 12 and 14 days without a post: publisher, then 分管领导, then the supervision office and a red mark', async () => {
  const cloud = await setup();

  cloud.clock.set(T0 + 10 * DAY - 60_000);
  await sweep(cloud);
  assert.deepEqual(await openAlerts(cloud), [], 'nothing fires a minute before 10 days');

  cloud.clock.set(T0 + 10 * DAY + 60_000);
  const day10 = await sweep(cloud);
  assert.equal(day10.alerts.opened, 1);
  let alerts = await openAlerts(cloud);
  assert.deepEqual(
    alerts.map((a) => a.ruleKey),
    ['noUpdate.publisher'],
  );
  assert.equal(alerts[0].subject.id, 'acc-edu-weibo');
  assert.equal(alerts[0].source.doc, '政务新媒体逐级提醒通行做法（默认值）');
  assert.equal(alerts[0].threshold, '10 天');
  assert.deepEqual(alerts[0].recipients, ['李明（账号发布人员）']);
  assert.match(alerts[0].text, /「盐池教育」（微博）已连续 10 天未更新/);
  assert.equal(alerts[0].escalation?.ruleKey, 'noUpdate.leader');
  assert.equal(alerts[0].escalation?.at, T0 + 12 * DAY);
  assert.equal((await noticesTo(cloud, 's-edu-publisher')).length, 1);
  assert.equal((await noticesTo(cloud, 's-edu-leader')).length, 0, 'the leader is not told at 10 days');
  assert.equal((await noticesTo(cloud, 's-supervisor')).length, 0);

  cloud.clock.advance(3600_000);
  const again = await sweep(cloud);
  assert.equal(again.alerts.opened, 0, 'the same rule on the same account is one alert');
  assert.equal((await noticesTo(cloud, 's-edu-publisher')).length, 1, 'and is not notified twice');

  cloud.clock.set(T0 + 12 * DAY + 60_000);
  await sweep(cloud);
  alerts = await openAlerts(cloud);
  const leader = alerts.find((a) => a.ruleKey === 'noUpdate.leader');
  assert.ok(leader, 'the 12-day step fires');
  assert.equal(leader.level, 'warn');
  assert.deepEqual(leader.recipients, ['张伟（账号分管领导）', '李明（账号发布人员）']);
  assert.equal(leader.escalation?.ruleKey, 'noUpdate.red');
  assert.equal((await noticesTo(cloud, 's-edu-leader')).length, 1);
  assert.equal((await noticesTo(cloud, 's-supervisor')).length, 0, 'the supervision office is not told before 14 days');

  cloud.clock.set(T0 + 14 * DAY + 60_000);
  await sweep(cloud);
  alerts = await openAlerts(cloud);
  const red = alerts.find((a) => a.ruleKey === 'noUpdate.red');
  assert.ok(red, 'the 14-day step fires');
  assert.equal(red.level, 'red');
  assert.equal(red.source.doc, '国办秘函〔2019〕19号');
  assert.match(red.source.clause, /2 周内无更新/);
  assert.equal(red.escalation, null);
  assert.ok(red.recipients.includes('何红（县政府督查室）'));
  const supNotices = await noticesTo(cloud, 's-supervisor');
  assert.equal(supNotices.length, 1);
  assert.match(supNotices[0].title, /红色标记/);
  assert.match(supNotices[0].body, /国办秘函〔2019〕19号/);
  assert.equal(alerts.length, 3, 'all three steps stay open while the account is silent');

  const board = okData(await cloud.call<DashboardView>('oversight', 'oversight.dashboard', {}, SUPERVISOR));
  const edu = board.units.find((u) => u.unitId === 'u-education')!;
  assert.equal(edu.red, true, 'the unit carries a red mark');
  assert.deepEqual(edu.alerts, { remind: 1, warn: 1, red: 1 });
  assert.ok(
    board.ranking.warning.some((u) => u.unitId === 'u-education'),
    'and heads the warning list',
  );
  const detail = okData(
    await cloud.call<UnitDetailView>('oversight', 'oversight.unit', { unitId: 'u-education' }, SUPERVISOR),
  );
  assert.equal(detail.accounts[0].level, 'red');
  assert.equal(detail.accounts[0].daysSilent, 14);

  // A post clears the condition: every step closes.
  await insertPost(cloud.db, { accountId: 'acc-edu-weibo', unitId: 'u-education', publicAt: cloud.clock.now() });
  cloud.clock.advance(60_000);
  const cleared = await sweep(cloud);
  assert.equal(cleared.alerts.closed, 3);
  assert.deepEqual(await openAlerts(cloud), []);
  const closed = okData(
    await cloud.call<Page<AlertView>>(
      'oversight',
      'oversight.alerts',
      { unitId: 'u-education', state: 'closed' },
      SUPERVISOR,
    ),
  );
  assert.equal(closed.items.length, 3);
  assert.ok(closed.items.every((a) => a.closeReason === '条件已消除'));
  cloud.close();
});

test('changing the threshold changes the outcome; a looser value than the binding one is capped', async () => {
  const cloud = await setup();
  cloud.clock.set(T0 + 8 * DAY);
  await sweep(cloud);
  assert.deepEqual(await openAlerts(cloud), [], 'no alert at 8 days under the default 10');

  const rules = okData(await cloud.call<RulesView>('oversight', 'oversight.rules', {}, INFO_CENTER));
  assert.equal(rules.version, 0);
  const settings = Object.fromEntries(rules.rules.map((r) => [r.key, { value: r.configured, enabled: r.enabled }]));
  settings['noUpdate.publisher'] = { value: 7, enabled: true };
  settings['noUpdate.red'] = { value: 20, enabled: true };
  const saved = okData(
    await cloud.call<RulesView>(
      'oversight',
      'oversight.rulesUpdate',
      { baseVersion: 0, settings, reason: '县里要求提前提醒' },
      INFO_CENTER,
    ),
  );
  assert.equal(saved.version, 1);
  const red = saved.rules.find((r) => r.key === 'noUpdate.red')!;
  assert.equal(red.configured, 20);
  assert.equal(red.value, 14, 'the binding 2-week figure is stricter and wins');
  assert.equal(red.cappedByCeiling, true);
  assert.equal(red.source.doc, '国办秘函〔2019〕19号');

  await sweep(cloud);
  const alerts = await openAlerts(cloud);
  assert.deepEqual(
    alerts.map((a) => [a.ruleKey, a.threshold, a.ruleVersion]),
    [['noUpdate.publisher', '7 天', 1]],
  );

  cloud.clock.set(T0 + 14 * DAY + 1000);
  await sweep(cloud);
  assert.ok(
    (await openAlerts(cloud)).some((a) => a.ruleKey === 'noUpdate.red'),
    'the red mark still comes at 14 days although 20 was set',
  );

  // Every edit is a version with its change log and an audit entry.
  const history = okData(
    await cloud.call<Page<{ version: number; changes: Array<{ key: string; from: string; to: string }> }>>(
      'oversight',
      'oversight.rulesHistory',
      {},
      SUPERVISOR,
    ),
  );
  assert.equal(history.items.length, 1);
  assert.deepEqual(
    history.items[0].changes.map((c) => [c.key, c.from, c.to]),
    [
      ['noUpdate.publisher', '10 天', '7 天'],
      ['noUpdate.red', '14 天', '20 天'],
    ],
  );
  const audit = (
    await cloud.db.collection('audit').where({ action: 'oversight.rulesUpdate', 'target.type': 'oversightRules' }).get()
  ).data;
  assert.equal(audit.length, 1);
  assert.equal(audit[0].reason, '县里要求提前提醒');
  cloud.close();
});

test('rule edits are refused for other roles, stale versions and steps out of order', async () => {
  const cloud = await setup();
  const rules = okData(await cloud.call<RulesView>('oversight', 'oversight.rules', {}, staffOpenid('s-edu-publisher')));
  const settings = Object.fromEntries(rules.rules.map((r) => [r.key, { value: r.configured, enabled: r.enabled }]));
  const body = { baseVersion: 0, settings, reason: '调整' };

  for (const who of ['s-edu-publisher', 's-edu-leader', 's-supervisor']) {
    const res = await cloud.call('oversight', 'oversight.rulesUpdate', body, staffOpenid(who));
    assert.equal(!res.ok && res.code, 'Forbidden', who);
  }
  const same = await cloud.call('oversight', 'oversight.rulesUpdate', body, INFO_CENTER);
  assert.equal(!same.ok && same.message, '没有修改任何规则');

  const bad = await cloud.call(
    'oversight',
    'oversight.rulesUpdate',
    { ...body, settings: { ...settings, 'noUpdate.leader': { value: 9, enabled: true } } },
    INFO_CENTER,
  );
  assert.equal(!bad.ok && bad.code, 'InvalidParameter');
  assert.equal(
    !bad.ok && bad.fieldErrors?.['settings.noUpdate.leader.value'],
    '提醒分管领导的天数须大于提醒发布人员的天数',
  );

  const outOfRange = await cloud.call(
    'oversight',
    'oversight.rulesUpdate',
    { ...body, settings: { ...settings, 'message.answer': { value: 0, enabled: true } } },
    INFO_CENTER,
  );
  assert.equal(!outOfRange.ok && outOfRange.code, 'InvalidParameter');

  const partial = await cloud.call(
    'oversight',
    'oversight.rulesUpdate',
    { ...body, settings: { 'noUpdate.publisher': { value: 8, enabled: true } } },
    INFO_CENTER,
  );
  assert.equal(!partial.ok && partial.code, 'InvalidParameter', 'a partial setting set is refused');

  const changed = { ...settings, 'noUpdate.publisher': { value: 9, enabled: true } };
  okData(await cloud.call('oversight', 'oversight.rulesUpdate', { ...body, settings: changed }, INFO_CENTER));
  const stale = await cloud.call(
    'oversight',
    'oversight.rulesUpdate',
    { ...body, settings: { ...settings, 'noUpdate.publisher': { value: 8, enabled: true } } },
    INFO_CENTER,
  );
  assert.equal(!stale.ok && stale.code, 'Conflict');
  assert.deepEqual(!stale.ok && stale.details, { version: 1 });

  const refresh = await cloud.call('oversight', 'oversight.refresh', {}, staffOpenid('s-edu-leader'));
  assert.equal(!refresh.ok && refresh.code, 'Forbidden', 'a unit cannot run the county sweep');
  const board = await cloud.call('oversight', 'oversight.dashboard', {}, staffOpenid('s-edu-leader'));
  assert.equal(!board.ok && board.message, '您没有执行该操作的角色');
  const otherUnit = await cloud.call(
    'oversight',
    'oversight.unit',
    { unitId: 'u-huamachi' },
    staffOpenid('s-edu-leader'),
  );
  assert.equal(!otherUnit.ok && otherUnit.message, '只能处理本单位的事项');
  const ownUnit = await cloud.call(
    'oversight',
    'oversight.unit',
    { unitId: 'u-education' },
    staffOpenid('s-edu-leader'),
  );
  assert.equal(ownUnit.ok, true, 'a unit sees its own numbers');
  cloud.close();
});
