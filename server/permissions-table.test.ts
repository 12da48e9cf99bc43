import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERMISSIONS, decide } from '@shared/access/permissions';
import { ROLES, isCountyRole } from '@shared/access/roles';
import { FUNCTIONS } from './functions';

// The permission matrix: every registered action × every role × own unit / other unit. The
// expected matrix is committed (permission-matrix.txt), so any change to who may do what is a
// visible, reviewed diff. Regenerate deliberately with UPDATE_PERMISSION_MATRIX=1.

const MATRIX_FILE = join(__dirname, 'permission-matrix.txt');
const OWN = 'u-own';
const OTHER = 'u-other';

function matrix(): string {
  const registered = Object.values(FUNCTIONS)
    .flatMap((actions) => Object.keys(actions))
    .sort();
  const lines = [`# action | audience | ${ROLES.map((r) => `${r}(own/other)`).join(' | ')}`];
  for (const action of registered) {
    const rule = PERMISSIONS[action];
    if (!rule) {
      lines.push(`${action} | MISSING`);
      continue;
    }
    if (rule.audience === 'service') {
      // A machine's action: which import keys may call it; no person, whatever their role.
      const people = ROLES.some((role) => decide(rule, [{ role, unitId: OWN }], OWN).allowed);
      lines.push(`${action} | service:${rule.channels.join(',')}${people ? ' | PEOPLE ALLOWED' : ''}`);
      continue;
    }
    if (rule.audience !== 'staff') {
      lines.push(`${action} | ${rule.audience}`);
      continue;
    }
    const cells = ROLES.map((role) => {
      const grantUnit = isCountyRole(role) ? 'u-county' : OWN;
      const own = decide(rule, [{ role, unitId: grantUnit }], OWN).allowed ? 'Y' : '-';
      const other = decide(rule, [{ role, unitId: grantUnit }], OTHER).allowed ? 'Y' : '-';
      return `${own}/${other}`;
    });
    lines.push(`${action} | staff:${rule.scope}${rule.lockExempt ? ':lockExempt' : ''} | ${cells.join(' | ')}`);
  }
  return `${lines.join('\n')}\n`;
}

test('every registered action has an entry in the permission table, and every entry an action', () => {
  const registered = Object.values(FUNCTIONS).flatMap((actions) => Object.keys(actions));
  const missing = registered.filter((a) => !(a in PERMISSIONS));
  assert.deepEqual(missing, [], `actions without a permission entry: ${missing.join(', ')}`);
  const stale = Object.keys(PERMISSIONS).filter((a) => !registered.includes(a));
  assert.deepEqual(stale, [], `permission entries without an action: ${stale.join(', ')}`);
  assert.equal(new Set(registered).size, registered.length, 'action names are unique across functions');
});

test('the permission matrix (action × role × own/other unit) is exactly the reviewed one', () => {
  const actual = matrix();
  if (process.env.UPDATE_PERMISSION_MATRIX === '1' || !existsSync(MATRIX_FILE)) {
    writeFileSync(MATRIX_FILE, actual);
    if (process.env.UPDATE_PERMISSION_MATRIX !== '1')
      assert.fail('permission-matrix.txt was missing; written now — review and commit it');
  }
  assert.equal(
    actual,
    readFileSync(MATRIX_FILE, 'utf8'),
    'the permission table changed: review, then UPDATE_PERMISSION_MATRIX=1',
  );
});

test('a unit role never reaches another unit; deny is the default', () => {
  for (const [action, rule] of Object.entries(PERMISSIONS)) {
    if (rule.audience === 'service') {
      for (const role of ROLES)
        assert.equal(decide(rule, [{ role, unitId: OWN }], OWN).allowed, false, `${action} × ${role}: a person`);
    }
    if (rule.audience !== 'staff') continue;
    for (const role of ROLES) {
      if (isCountyRole(role) || rule.scope !== 'ownUnit') continue;
      assert.equal(
        decide(rule, [{ role, unitId: OWN }], OTHER).allowed,
        false,
        `${action} × ${role} reaches another unit`,
      );
    }
    assert.equal(decide(rule, [], OWN).allowed, false, `${action} allowed with no role`);
  }
  assert.equal(decide(undefined, [{ role: 'infoCenter', unitId: 'x' }], null).allowed, false);
});
