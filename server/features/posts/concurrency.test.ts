import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud } from '../../../test/support/cloud-harness';
import { addStaff, CHECKLIST, LEADER, postAt, PUBLISHER, REVIEWER, seedAccount } from './test-support';

// Two people acting on the same post at once: exactly one wins; the other gets Conflict with
// the post's current state (the rev each of them saw is checked inside the transaction).

test('the leader approves while the reviewer returns: exactly one wins, the other sees the new state', async () => {
  for (let round = 0; round < 5; round++) {
    const cloud = await createTestCloud();
    await seedAccount(cloud);
    const { id, rev } = await postAt(cloud, 'reviewed');
    const approveTicket = await cloud.stepUp(LEADER, 'post.approve');
    const returnTicket = await cloud.stepUp(REVIEWER, 'post.reject');
    const calls = [
      cloud.call('posts', 'posts.approve', { id, rev, stepUpId: approveTicket }, LEADER),
      cloud.call('posts', 'posts.return', { id, rev, reason: '数据需要再核实一遍', stepUpId: returnTicket }, REVIEWER),
    ];
    const results = await Promise.all(round % 2 ? calls.reverse() : calls);
    const wins = results.filter((r) => r.ok);
    const losses = results.filter((r) => !r.ok);
    assert.equal(wins.length, 1, 'exactly one wins');
    assert.equal(losses.length, 1);
    const loss = losses[0];
    assert.equal(!loss.ok && loss.code, 'Conflict');
    const won = (wins[0].ok && (wins[0].data as { state: string }).state) as string;
    const current = !loss.ok ? (loss.details?.current as { state: string; rev: number }) : null;
    assert.equal(current?.state, won, 'the Conflict carries the winner’s state');
    assert.equal(current?.rev, rev + 1);
    assert.match(!loss.ok ? loss.message : '', /刚刚已被他人处理/);
    const stored = (await cloud.db.collection('posts').doc(id).get()).data;
    const doc = Array.isArray(stored) ? stored[0] : stored;
    assert.equal(doc.state, won);
    assert.equal(doc.rev, rev + 1, 'one change only');
    const events = await cloud.db
      .collection('postEvents')
      .where({ postId: id, toState: won === 'approved' ? 'returned' : 'approved' })
      .count();
    assert.equal(events.total, 0, 'the loser left no trace on the timeline');
    // The loser's ticket was not consumed: they can use it on something else.
    cloud.close();
  }
});

test('two reviewers review at once: one signs, the other gets Conflict', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const second = await addStaff(cloud, 's-edu-reviewer2', '冯雪', [{ role: 'reviewer', unitId: 'u-education' }]);
  const { id, rev } = await postAt(cloud, 'submitted');
  const [a, b] = await Promise.all([
    cloud.call('posts', 'posts.review', { id, rev, checklist: CHECKLIST }, REVIEWER),
    cloud.call('posts', 'posts.review', { id, rev, checklist: CHECKLIST }, second),
  ]);
  assert.equal([a, b].filter((r) => r.ok).length, 1);
  const loss = [a, b].find((r) => !r.ok);
  assert.equal(loss && !loss.ok && loss.code, 'Conflict');
  assert.equal(loss && !loss.ok && (loss.details?.current as { state: string }).state, 'reviewed');
  cloud.close();
});

test('the author withdraws while the reviewer reviews: one wins', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const { id, rev } = await postAt(cloud, 'submitted');
  const results = await Promise.all([
    cloud.call('posts', 'posts.withdraw', { id, rev }, PUBLISHER),
    cloud.call('posts', 'posts.review', { id, rev, checklist: CHECKLIST }, REVIEWER),
  ]);
  assert.deepEqual(results.map((r) => (r.ok ? 'ok' : r.code)).sort(), ['Conflict', 'ok']);
  cloud.close();
});

test('a stale rev from an old screen is a Conflict, not a silent overwrite', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const { id, rev } = await postAt(cloud, 'reviewed');
  const stepUpId = await cloud.stepUp(LEADER, 'post.approve');
  const res = await cloud.call('posts', 'posts.approve', { id, rev: rev - 1, stepUpId }, LEADER);
  assert.equal(!res.ok && res.code, 'Conflict');
  assert.deepEqual(!res.ok && res.details?.current, { state: 'reviewed', stateLabel: '待审批', rev, version: 1 });
  cloud.close();
});
