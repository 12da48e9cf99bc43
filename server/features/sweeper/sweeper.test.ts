import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud } from '../../../test/support/cloud-harness';
import { currentDeps } from '@server/runtime/config';
import { verifyAuditChain } from '@server/runtime/audit';
import { OUTBOX } from '@server/features/notifications/notify';
import type { MyMessageDetail, StaffMessageView } from '@shared/messages/schemas';
import { CITIZEN, HOUR, DAY, P, cst, endOfChinaDay, noticesOf, ok, send, stored } from '../messages/testkit';
import { runSweep } from './index';

// The sweeper through the database: which messages it picks, who hears what, what the audit says.

test('(b) unanswered past the deadline → flagged → the supervision office urges → the unit answers', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(cst(2026, 11, 27, 9)); // Friday
  const { _id } = await send(cloud, { title: '校车停运', content: '高沙窝镇的校车从本周起停运，孩子上学没有着落。' });
  await ok(cloud, 'messages.accept', { id: _id }, P.eduPub);
  await ok(cloud, 'messages.assign', { id: _id, handlerId: 's-edu-publisher' }, P.eduLeader);
  const due = endOfChinaDay(2026, 12, 4);
  assert.equal((await stored(cloud, _id)).dueAt, due);

  // Early: nothing to do.
  cloud.clock.set(cst(2026, 12, 2, 9));
  let report = await runSweep(currentDeps());
  assert.equal(report.reminded + report.escalated, 0);

  // A day before: the handler is reminded.
  cloud.clock.set(cst(2026, 12, 4, 9));
  report = await runSweep(currentDeps());
  assert.equal(report.reminded, 1);
  assert.equal((await noticesOf(cloud, { staffId: 's-edu-publisher' })).at(-1)?.kind, 'message.dueSoon');

  // Past the deadline: escalated to the leader and the supervision office; it shows as overdue.
  cloud.clock.set(cst(2026, 12, 7, 9));
  report = await runSweep(currentDeps());
  assert.equal(report.escalated, 1);
  assert.equal((await noticesOf(cloud, { staffId: 's-edu-leader' })).at(-1)?.kind, 'message.overdue');
  assert.equal((await noticesOf(cloud, { staffId: 's-supervisor' })).at(-1)?.kind, 'message.overdue');
  assert.equal((await runSweep(currentDeps())).escalated, 0, 'a second run changes nothing');
  const overdue = await ok<{ items: Array<{ _id: string; dueAt: number }> }>(
    cloud,
    'messages.supervision',
    { view: 'overdue' },
    P.sup,
  );
  assert.deepEqual(
    overdue.items.map((i) => i._id),
    [_id],
  );
  const unitOverdue = await ok<{ items: Array<{ _id: string }> }>(
    cloud,
    'messages.inbox',
    { unitId: 'u-education', filter: 'overdue' },
    P.eduPub,
  );
  assert.deepEqual(
    unitOverdue.items.map((i) => i._id),
    [_id],
  );

  // The supervision office urges with a deadline; the unit acknowledges and answers.
  await ok(cloud, 'messages.urge', { id: _id, workingDays: 1, note: '已超期，请今天内答复' }, P.sup);
  await ok(cloud, 'messages.acknowledgeUrge', { id: _id, note: '今天答复' }, P.eduPub);
  await ok(cloud, 'messages.draftReply', { id: _id, text: '已协调客运公司自下周一起恢复高沙窝镇校车线路。' }, P.eduPub);
  await ok(
    cloud,
    'messages.approveReply',
    { id: _id, stepUpId: await cloud.stepUp(P.eduRev, 'message.approveReply') },
    P.eduRev,
  );
  const m = await stored(cloud, _id);
  assert.equal(m.state, 'answered');
  assert.equal(m.dueAt, null);
  assert.equal(m.nextCheckAt, m.answeredAt! + 7 * DAY, 'only the auto-close is left');
  const staffStory = (await ok<StaffMessageView>(cloud, 'messages.get', { id: _id }, P.eduLeader)).timeline.map(
    (e) => `${e.who}：${e.text}`,
  );
  assert.ok(staffStory.some((s) => s.startsWith('系统：系统提醒')));
  assert.ok(staffStory.some((s) => s.startsWith('系统：系统督办：已超过期限 2026-12-04 23:59')));
  assert.ok(staffStory.some((s) => s.startsWith('何红：督查室催办')));
  assert.ok(staffStory.some((s) => s.startsWith('李明：签收催办')));
  const citizenStory = (await ok<MyMessageDetail>(cloud, 'messages.mineGet', { id: _id }, CITIZEN)).timeline.map(
    (e) => e.text,
  );
  assert.ok(citizenStory.includes('县政府督查室已督促承办单位加快办理。'));
  assert.ok(!citizenStory.some((s) => s.includes('系统')), "internal reminders are not the citizen's business");

  // Every sweeper step is in the audit trail, with the system as actor, and the chain verifies.
  const audit = (
    await cloud.db
      .collection('audit')
      .where({ action: cloud.db.command.in(['sweeper.remind', 'sweeper.escalate']) })
      .limit(10)
      .get()
  ).data as Array<{
    action: string;
    actor: { openid: string | null; staffId: string | null };
    reason: string;
  }>;
  assert.deepEqual(audit.map((a) => a.action).sort(), ['sweeper.escalate', 'sweeper.remind']);
  for (const a of audit) assert.deepEqual(a.actor, { openid: null, staffId: null });
  assert.equal((await verifyAuditChain(cloud.db)).ok, true);
  cloud.close();
});

test('answered and never rated: closed automatically 7 days later', async () => {
  const cloud = await createTestCloud();
  const { _id } = await send(cloud);
  await ok(cloud, 'messages.accept', { id: _id }, P.eduPub);
  await ok(cloud, 'messages.draftReply', { id: _id, text: '转学需要户口本和原学校学籍证明。' }, P.eduPub);
  await ok(
    cloud,
    'messages.approveReply',
    { id: _id, stepUpId: await cloud.stepUp(P.eduRev, 'message.approveReply') },
    P.eduRev,
  );
  cloud.clock.advance(7 * DAY - HOUR);
  assert.equal((await runSweep(currentDeps())).autoClosed, 0);
  cloud.clock.advance(HOUR);
  assert.equal((await runSweep(currentDeps())).autoClosed, 1);
  const m = await stored(cloud, _id);
  assert.equal(m.state, 'closed');
  assert.equal(m.nextCheckAt, null);
  assert.equal((await noticesOf(cloud, { openid: CITIZEN })).at(-1)?.kind, 'message.closed');
  const story = (await ok<MyMessageDetail>(cloud, 'messages.mineGet', { id: _id }, CITIZEN)).timeline.map(
    (e) => e.text,
  );
  assert.equal(story.at(-1), '答复后 7 天内未评价，已自动办结。');
  cloud.close();
});

test('求助 is urgent: 2 hours to accept, the leader is told at once, escalated after 2 hours', async () => {
  const cloud = await createTestCloud();
  cloud.clock.set(cst(2026, 10, 2, 22, 0)); // a National Day holiday night
  const { _id } = await send(cloud, {
    unitId: 'u-huamachi',
    category: 'help',
    title: '老人走失',
    content: '家中 80 岁老人下午走失，至今未归，请求帮助寻找。',
  });
  const m = await stored(cloud, _id);
  assert.equal(m.urgent, true);
  assert.equal(m.acceptDueAt, cst(2026, 10, 3, 0, 0));
  const leaderNotice = (await noticesOf(cloud, { staffId: 's-hmc-leader' })).at(-1);
  assert.equal(leaderNotice?.kind, 'message.urgent');
  assert.equal(leaderNotice?.urgent, true);
  cloud.clock.set(cst(2026, 10, 3, 0, 5));
  const report = await runSweep(currentDeps());
  assert.equal(report.escalated, 1);
  cloud.close();
});

test('the outbox is drained: locally every entry is marked recorded-local, never "sent"', async () => {
  const cloud = await createTestCloud();
  await send(cloud);
  const report = await runSweep(currentDeps());
  assert.ok(report.delivered['recorded-local'] >= 1);
  assert.equal(report.delivered.sent, 0);
  const entries = (await cloud.db.collection(OUTBOX).limit(100).get()).data as Array<{
    status: string;
    detail: string;
  }>;
  assert.ok(entries.length > 0);
  for (const e of entries) {
    assert.equal(e.status, 'recorded-local');
    assert.match(e.detail, /未发送/);
  }
  cloud.close();
});
