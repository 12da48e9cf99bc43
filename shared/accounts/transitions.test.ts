import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT_ACTIONS, allowedActions, guard, TRANSITIONS, type GuardAccount, type GuardActor } from './transitions';
import { ACCOUNT_STATUSES, queueOf } from './states';

const account = (over: Partial<GuardAccount> = {}): GuardAccount => ({
  status: 'applied',
  owningUnitId: 'u-edu',
  managingUnitId: 'u-media',
  holderStaffId: null,
  refiling: null,
  ...over,
});
const actor = (grants: GuardActor['grants'], staffId = 's1'): GuardActor => ({
  staffId,
  grants,
  countyOfficeUnitId: 'u-office',
});

test('every state but the ends has a way forward, and every row starts from a real state', () => {
  for (const a of ACCOUNT_ACTIONS)
    for (const s of TRANSITIONS[a].from) assert.ok(ACCOUNT_STATUSES.includes(s), `${a} from ${s}`);
  const stuck = ACCOUNT_STATUSES.filter((s) => !ACCOUNT_ACTIONS.some((a) => TRANSITIONS[a].from.includes(s)));
  assert.deepEqual(stuck, ['closed', 'withdrawn']);
});

test("the unit leader of the owning unit approves; the managing unit's leader and other roles may not", () => {
  assert.deepEqual(guard('unitApprove', account(), actor([{ role: 'leader', unitId: 'u-edu' }])), { ok: true });
  const managing = guard('unitApprove', account(), actor([{ role: 'leader', unitId: 'u-media' }]));
  assert.equal(managing.ok, false);
  assert.match(!managing.ok ? managing.reason : '', /^只有主管单位的主要领导/);
  assert.equal(guard('unitApprove', account(), actor([{ role: 'infoCenter', unitId: 'u-info' }])).ok, false);
});

test("managing-unit staff may take the unit's steps (open, file, close)", () => {
  const staff = actor([{ role: 'publisher', unitId: 'u-media' }]);
  assert.equal(guard('open', account({ status: 'approved' }), staff).ok, true);
  assert.equal(guard('submitFiling', account({ status: 'opened' }), staff).ok, true);
  assert.equal(guard('requestClose', account({ status: 'active' }), staff).ok, true);
});

test('the county office step needs leader or unitAdmin of the county office', () => {
  const a = account({ status: 'unitApproved' });
  assert.equal(guard('officeApprove', a, actor([{ role: 'unitAdmin', unitId: 'u-office' }])).ok, true);
  assert.equal(guard('officeApprove', a, actor([{ role: 'publisher', unitId: 'u-office' }])).ok, false);
  assert.equal(guard('officeApprove', a, actor([{ role: 'leader', unitId: 'u-edu' }])).ok, false);
  const noOffice = {
    staffId: 's',
    grants: [{ role: 'leader' as const, unitId: 'u-office' }],
    countyOfficeUnitId: null,
  };
  assert.equal(guard('officeApprove', a, noOffice).ok, false);
});

test('a wrong state says which state it is in; a wrong re-filing state says why', () => {
  const r = guard('acceptFiling', account({ status: 'opened' }), actor([{ role: 'infoCenter', unitId: 'u-info' }]));
  assert.deepEqual(r, {
    ok: false,
    code: 'InvalidTransition',
    reason: '账号当前状态为「已开通，待备案」，不能信息中心受理备案',
  });
  const busy = guard(
    'edit',
    account({ status: 'active', refiling: 'submitted' }),
    actor([{ role: 'publisher', unitId: 'u-edu' }]),
  );
  assert.equal(!busy.ok && busy.reason, '变更备案正在信息中心受理中，不能变更名称或责任人');
});

test('the buttons a person sees follow the table', () => {
  const leader = actor([{ role: 'leader', unitId: 'u-edu' }]);
  assert.deepEqual(allowedActions(account(), leader), ['withdraw', 'unitApprove', 'unitReturn']);
  assert.deepEqual(allowedActions(account({ status: 'closeRequested' }), leader), ['closeApprove', 'closeRefuse']);
  assert.deepEqual(
    allowedActions(account({ status: 'active' }), actor([{ role: 'infoCenter', unitId: 'u-info' }])),
    [],
  );
  assert.deepEqual(
    allowedActions(account({ status: 'active', refiling: 'submitted' }), actor([{ role: 'infoCenter', unitId: 'x' }])),
    ['acceptRefiling', 'returnRefiling'],
  );
});

test('queues: whose desk each state waits on', () => {
  assert.equal(queueOf('applied', null), 'unitLeader');
  assert.equal(queueOf('unitApproved', null), 'countyOffice');
  assert.equal(queueOf('filed', null), 'infoCenter');
  assert.equal(queueOf('active', null), 'none');
  assert.equal(queueOf('active', 'due'), 'unit');
  assert.equal(queueOf('active', 'submitted'), 'infoCenter');
  assert.equal(queueOf('closed', null), 'none');
});
