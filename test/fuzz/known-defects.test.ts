import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, staffOpenid } from '../support/cloud-harness';
import { deepNest } from './lib/hostile';
import { callAction, ensurePhone } from './lib/prepare';
import { KNOWN_DEFECTS, nestingDepth } from './known-defects';

// Each known defect must still reproduce; once its owner fixes it this test fails, so the entry
// is removed from test/fuzz/known-defects.ts and the fuzzer holds the fix from then on.

/** A minimal case for each entry of KNOWN_DEFECTS, by id (none open now). */
const REPRODUCERS: Record<string, () => Promise<boolean>> = {};

// Fixed (server/runtime/main.ts refuses events nested deeper than 32 levels): kept as a regression.
test('a staff request nested 100 000 levels deep is refused as InvalidParameter, not Internal', async () => {
  const cloud = await createTestCloud();
  try {
    const admin = staffOpenid('s-edu-admin');
    await ensurePhone(cloud, admin);
    const payload = { unitId: 'u-education', extra: deepNest(100_000, 'array') };
    const answer = await callAction(cloud, { fn: 'identity', name: 'staff.list' }, payload, admin);
    assert.equal(answer.ok ? 'ok' : answer.code, 'InvalidParameter', JSON.stringify(answer).slice(0, 200));
  } finally {
    cloud.close();
  }
});

for (const defect of KNOWN_DEFECTS) {
  test(`known defect still reproduces: ${defect.id} (${defect.owner})`, async () => {
    const reproduce = REPRODUCERS[defect.id];
    assert.ok(reproduce, `no reproducer for ${defect.id}`);
    assert.ok(
      await reproduce(),
      `${defect.id} no longer reproduces — it is fixed: remove it from test/fuzz/known-defects.ts`,
    );
  });
}

test('nesting depth is measured without recursion', () => {
  assert.equal(nestingDepth({ a: [1, { b: 2 }] }), 3);
  assert.equal(nestingDepth(deepNest(200_000, 'object')), 200_000);
});
