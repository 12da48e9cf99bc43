import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from '@shared/messages/schemas';
import type { StaffOption } from '@shared/accounts/views';
import { createTestCloud, okData } from '../../../test/support/cloud-harness';
import { P } from './test-support';

// The responsible-people pickers (附件1): one row per person of the owning and managing units,
// by role and by name (the paging itself: test/budgets/paging.test.ts).

test('accounts.people: by role across the owning and managing units, by name, one row per person', async () => {
  const cloud = await createTestCloud();
  try {
    const people = async (data: Record<string, unknown>) =>
      okData(await cloud.call<Page<StaffOption>>('accounts', 'accounts.people', data, P.publisher)).items;
    const both = ['u-education', 'u-huamachi'];

    assert.deepEqual(
      (await people({ unitIds: both, role: 'leader' })).map((s) => s.name).sort(),
      ['张伟', '杨军'].sort(),
    );
    assert.deepEqual(
      (await people({ unitIds: ['u-education'] })).map((s) => s.name).sort(),
      ['李明', '王芳', '张伟', '赵敏'].sort(),
      'the holder is chosen among everyone of the owning unit',
    );
    assert.deepEqual(
      (await people({ unitIds: both, q: '李' })).map((s) => s.name),
      ['李明'],
    );
    assert.deepEqual(await people({ unitIds: both, role: 'reviewer', q: '李' }), []);

    // 王芳 also reviews for 花马池镇: one row, her roles in the asked units, the owning unit first.
    await cloud.db
      .collection('staff')
      .doc('s-edu-reviewer')
      .update({
        data: {
          roles: [
            { role: 'reviewer', unitId: 'u-education' },
            { role: 'publisher', unitId: 'u-huamachi' },
            { role: 'leader', unitId: 'u-health' },
          ],
          unitIds: ['u-education', 'u-huamachi', 'u-health'],
        },
      });
    const wang = (await people({ unitIds: both })).filter((s) => s.name === '王芳');
    assert.deepEqual(wang, [
      {
        staffId: 's-edu-reviewer',
        name: '王芳',
        title: '办公室主任',
        unitId: 'u-education',
        roles: ['reviewer', 'publisher'],
      },
    ]);
    assert.ok(
      !(await people({ unitIds: both, role: 'leader' })).some((s) => s.name === '王芳'),
      'a leader elsewhere is no leader here',
    );

    // Disabled people are never offered; other units are refused.
    await cloud.db
      .collection('staff')
      .doc('s-edu-leader')
      .update({ data: { status: 'disabled' } });
    assert.deepEqual(
      (await people({ unitIds: ['u-education'], role: 'leader' })).map((s) => s.name),
      [],
    );
    const other = await cloud.call('accounts', 'accounts.people', { unitIds: ['u-huamachi'] }, P.publisher);
    assert.equal(other.ok ? 'ok' : other.code, 'Forbidden');
    const role = await cloud.call('accounts', 'accounts.people', { unitIds: both, role: 'infoCenter' }, P.publisher);
    assert.equal(role.ok ? 'ok' : role.code, 'InvalidParameter');
  } finally {
    cloud.close();
  }
});
