import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, type TestCloud } from '../../../test/support/cloud-harness';
import { currentDeps } from '@server/runtime/config';
import { NOTIFICATIONS, type NoticeDoc } from '@server/features/notifications/notify';
import { runSweep } from '@server/features/sweeper';
import { cst, ok, P, send } from '@server/features/messages/testkit';
import { runOversightSweep } from './refresh';
import { ALERTS, type AlertDoc } from './model';
import { clearSources } from './fixtures';

// One late message, one notice per person per step. The deadline sweeper and the rule engine
// both see a message pass its accept and answer deadlines; the sweeper is the one that tells
// people (server/features/oversight/alerts.ts says why), the engine keeps the alert as the
// dashboard's record. The 3-month rule has no sweeper step, so the engine tells people of it.

/** One tick of the timer: the deadline sweep, then the rule engine — as the host and production run them. */
async function tick(cloud: TestCloud, at: number): Promise<Record<string, string[]>> {
  cloud.clock.set(at);
  await runSweep(currentDeps());
  await runOversightSweep(currentDeps());
  const res = await cloud.db.collection(NOTIFICATIONS).where({ createdAt: at }).limit(100).get();
  const byPerson: Record<string, string[]> = {};
  for (const n of res.data as NoticeDoc[]) if (n.staffId) (byPerson[n.staffId] ??= []).push(n.kind);
  return byPerson;
}

async function alertsOf(cloud: TestCloud, messageId: string): Promise<AlertDoc[]> {
  return (await cloud.db.collection(ALERTS).where({ 'subject.id': messageId }).limit(20).get()).data as AlertDoc[];
}

test('a late message: each person hears once per step, from the deadline sweeper; the alerts stay on record', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(cst(2026, 11, 27, 9)); // Friday
  await clearSources(cloud.db);
  const { _id } = await send(cloud, { title: '校车停运', content: '高沙窝镇的校车从本周起停运，孩子上学没有着落。' });

  // Monday 10:00: the message's accept deadline (1 working day: end of Monday) is a day away —
  // the publisher is reminded, once; the engine has nothing yet.
  assert.deepEqual(await tick(cloud, cst(2026, 11, 30, 10)), { 's-edu-publisher': ['message.dueSoon'] });
  assert.deepEqual(await alertsOf(cloud, _id), []);

  // Tuesday: past the deadline — escalated: the leader, the publisher, the supervision office,
  // once each. The engine's accept alert (it would tell the person on duty and the leader) is
  // recorded and tells nobody.
  assert.deepEqual(await tick(cloud, cst(2026, 12, 1, 9)), {
    's-edu-leader': ['message.overdue'],
    's-edu-publisher': ['message.overdue'],
    's-supervisor': ['message.overdue'],
  });
  const accept = (await alertsOf(cloud, _id)).find((a) => a.ruleKey === 'message.accept');
  assert.equal(accept?.state, 'open', 'the engine records the late acceptance');
  assert.deepEqual(accept?.notified, [], 'and tells nobody itself');
  assert.deepEqual(accept?.notifiedNames, ['按留言办理期限提醒（承办人、分管领导、县政府督查室）']);
  assert.deepEqual(await tick(cloud, cst(2026, 12, 1, 9, 30)), {}, 'the next tick tells nobody again');

  // Accepted late; the answer deadline (5 working days from receipt: end of Friday 12-04) comes next.
  cloud.clock.set(cst(2026, 12, 1, 10));
  await ok(cloud, 'messages.accept', { id: _id }, P.eduPub);
  assert.deepEqual(await tick(cloud, cst(2026, 12, 4, 9)), { 's-edu-publisher': ['message.dueSoon'] });
  assert.deepEqual(await tick(cloud, cst(2026, 12, 7, 9)), {
    's-edu-leader': ['message.overdue'],
    's-edu-publisher': ['message.overdue'],
    's-supervisor': ['message.overdue'],
  });
  const answer = (await alertsOf(cloud, _id)).find((a) => a.ruleKey === 'message.answer');
  assert.equal(answer?.state, 'open', 'the late answer is on record for the dashboard and bulletins');
  assert.deepEqual(answer?.notified, []);
  assert.deepEqual(await tick(cloud, cst(2026, 12, 8, 9)), {});

  // Three months unanswered: no sweeper step — the engine's red mark tells the office and the leader.
  assert.deepEqual(await tick(cloud, cst(2027, 3, 1, 9)), {
    's-edu-leader': ['oversight.message.unanswered'],
    's-supervisor': ['oversight.message.unanswered'],
  });
  assert.deepEqual(await tick(cloud, cst(2027, 3, 1, 10)), {});
  cloud.close();
});
