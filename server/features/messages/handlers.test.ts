import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from '@shared/messages/schemas';
import { createTestCloud, okData } from '../../../test/support/cloud-harness';
import type { HandlerOption } from './queries';
import { P } from './testkit';

// 指定承办人: the unit's active publishers, reviewers and leaders, searched by name (the paging
// itself: test/budgets/paging.test.ts).

test('messages.handlers: the people who may handle a message here, by name', async () => {
  const cloud = await createTestCloud();
  try {
    const handlers = async (data: Record<string, unknown>) =>
      okData(await cloud.call<Page<HandlerOption>>('messages', 'messages.handlers', data, P.eduLeader)).items;
    const all = await handlers({ unitId: 'u-education' });
    assert.deepEqual(all.map((h) => h.name).sort(), ['李明', '王芳', '张伟'].sort(), 'the unit admin handles none');
    assert.deepEqual(all.find((h) => h.name === '张伟')?.roles, ['分管领导']);
    assert.deepEqual(
      (await handlers({ unitId: 'u-education', q: '王' })).map((h) => h._id),
      ['s-edu-reviewer'],
    );
    assert.deepEqual(await handlers({ unitId: 'u-education', q: '刘洋' }), [], 'another unit’s people are not found');

    await cloud.db
      .collection('staff')
      .doc('s-edu-publisher')
      .update({ data: { status: 'disabled' } });
    assert.ok(!(await handlers({ unitId: 'u-education' })).some((h) => h.name === '李明'), 'disabled: not offered');
  } finally {
    cloud.close();
  }
});
