import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData, staffOpenid } from '../support/cloud-harness';
import { checkStore, emptyAcked, type Acked } from './lib/consistency';

// The crash checker must itself catch each kind of damage, or ten green rounds prove nothing:
// a lost acknowledged write, a change without its audit entry, an audit entry without its
// change, and an edited audit entry.

async function county() {
  const cloud = await createTestCloud();
  const acked: Acked = emptyAcked();
  for (let i = 0; i < 3; i++) {
    acked.messages.push(
      okData(
        await cloud.call<{ _id: string; trackingNo: string }>(
          'messages',
          'messages.submit',
          { unitId: 'u-huamachi', category: 'help', title: `求助${i}`, content: '村里的路灯坏了好几天。' },
          `citizen-${i}`,
        ),
      ),
    );
  }
  const invite = okData(
    await cloud.call<{ code: string }>(
      'identity',
      'invites.create',
      { unitId: 'u-education', role: 'publisher' },
      staffOpenid('s-edu-admin'),
    ),
  );
  acked.invites.push(invite.code);
  return { cloud, acked };
}

test('an intact store passes the crash checks', async () => {
  const { cloud, acked } = await county();
  try {
    assert.deepEqual((await checkStore(cloud.store, acked)).problems, []);
  } finally {
    cloud.close();
  }
});

test('a lost acknowledged message is reported, with its orphaned audit entry', async () => {
  const { cloud, acked } = await county();
  try {
    cloud.store.sqlite.prepare(`DELETE FROM c_messages WHERE id = ?`).run(acked.messages[1]._id);
    const { problems } = await checkStore(cloud.store, acked);
    assert.ok(problems.some((p) => p.includes(`acknowledged message ${acked.messages[1].trackingNo}`)));
    assert.ok(problems.some((p) => p.includes('messages.submit names messages/')));
  } finally {
    cloud.close();
  }
});

test('a message written without its audit entry is reported', async () => {
  const { cloud, acked } = await county();
  try {
    await cloud.db
      .collection('messages')
      .doc('sneaky')
      .set({ data: { trackingNo: 'X', unitId: 'u-huamachi', createdAt: 1, updatedAt: 1 } });
    const { problems } = await checkStore(cloud.store, { ...emptyAcked(), messages: acked.messages });
    assert.ok(problems.some((p) => p.includes('messages/sneaky exists without its messages.submit audit entry')));
  } finally {
    cloud.close();
  }
});

test('a change newer than the last audit entry of its document is reported', async () => {
  const { cloud, acked } = await county();
  try {
    const id = acked.messages[0]._id;
    await cloud.db
      .collection('messages')
      .doc(id)
      .update({ data: { state: 'closed', updatedAt: cloud.clock.now() + 60_000 } });
    const { problems } = await checkStore(cloud.store, acked);
    assert.ok(
      problems.some((p) => p.startsWith(`messages/${id} changed at`)),
      problems.join('\n'),
    );
  } finally {
    cloud.close();
  }
});

test('an edited audit entry breaks the chain and is reported', async () => {
  const { cloud, acked } = await county();
  try {
    await cloud.db
      .collection('audit')
      .doc('A000000000002')
      .update({ data: { reason: '改过了' } });
    const { problems } = await checkStore(cloud.store, acked);
    assert.ok(
      problems.some((p) => p.startsWith('audit chain:')),
      problems.join('\n'),
    );
  } finally {
    cloud.close();
  }
});
