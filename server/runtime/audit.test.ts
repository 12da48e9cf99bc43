import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData } from '../../test/support/cloud-harness';
import { verifyAuditChain, auditId } from './audit';

const message = (title: string) => ({
  unitId: 'u-education',
  category: 'consult',
  title,
  content: '请问学校的作息时间安排？',
  allowPublish: false,
});

async function cloudWithEntries() {
  const cloud = await createTestCloud();
  for (const t of ['第一条留言', '第二条留言', '第三条留言'])
    okData(await cloud.call('messages', 'messages.submit', message(t)));
  return cloud;
}

test('an untouched chain verifies', async () => {
  const cloud = await cloudWithEntries();
  const report = await verifyAuditChain(cloud.db);
  assert.equal(report.ok, true, report.problems.join('; '));
  assert.equal(report.checked, 4); // the demo seed and three messages
  cloud.close();
});

test('editing an entry is detected', async () => {
  const cloud = await cloudWithEntries();
  await cloud.db
    .collection('audit')
    .doc(auditId(3))
    .update({ data: { actor: { openid: 'someone-else', staffId: null } } });
  const report = await verifyAuditChain(cloud.db);
  assert.equal(report.ok, false);
  assert.ok(
    report.problems.some((p) => p.includes('第 3 条记录内容被篡改')),
    report.problems.join('; '),
  );
  cloud.close();
});

test('deleting an entry in the middle or at the end is detected', async () => {
  const cloud = await cloudWithEntries();
  await cloud.db.collection('audit').doc(auditId(2)).remove();
  let report = await verifyAuditChain(cloud.db);
  assert.ok(
    report.problems.some((p) => p.includes('第 2–2 条记录缺失')),
    report.problems.join('; '),
  );
  const fresh = await cloudWithEntries();
  await fresh.db.collection('audit').doc(auditId(4)).remove();
  report = await verifyAuditChain(fresh.db);
  assert.ok(
    report.problems.some((p) => p.includes('末尾记录被删除')),
    report.problems.join('; '),
  );
  fresh.close();
  cloud.close();
});
