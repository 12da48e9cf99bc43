import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MESSAGE_ACTIONS,
  MESSAGE_STATES,
  PUBLIC_STATUS_OF,
  STATE_LABELS,
  TRANSITIONS,
  allowedActions,
  checkTransition,
  rateOutcome,
  type Actor,
  type MessageAction,
  type MessageState,
  type TransitionSubject,
  type Who,
} from './transitions';
import { PUBLIC_STATUSES } from './schemas';

const NOW = Date.UTC(2026, 10, 27, 1);

function subject(state: MessageState, over: Partial<TransitionSubject> = {}): TransitionSubject {
  return {
    state,
    unitId: 'u-a',
    atCountyOffice: false,
    citizenOpenid: 'citizen-1',
    handlerId: null,
    replyDraft: { by: 's-drafter' },
    extension: { status: 'requested' },
    extensionsApproved: 0,
    urge: { deadline: NOW - 1, acknowledgedAt: null },
    transferCount: 0,
    reopenCount: 0,
    answeredAt: NOW - 8 * 24 * 3600_000,
    ...over,
  };
}

const staff = (staffId: string, ...roles: Array<[string, string]>): Who => ({
  kind: 'staff',
  staffId,
  roles: roles.map(([role, unitId]) => ({ role: role as 'publisher', unitId })),
});

/** A person who is exactly the actor a rule names, for the subject above. */
const ACTORS: Record<Actor, Who> = {
  unitStaff: staff('s-pub', ['publisher', 'u-a']),
  unitReviewer: staff('s-rev', ['reviewer', 'u-a']),
  countyOffice: staff('s-office', ['publisher', 'u-a']),
  supervisor: staff('s-sup', ['supervisor', 'u-sup']),
  citizen: { kind: 'citizen', openid: 'citizen-1' },
  system: { kind: 'system' },
};

test('every action is allowed from exactly the states the table lists, for its actor', () => {
  for (const action of MESSAGE_ACTIONS) {
    const rule = TRANSITIONS[action];
    const who = ACTORS[rule.by as Actor];
    for (const state of MESSAGE_STATES) {
      const m = subject(state, {
        atCountyOffice: rule.by === 'countyOffice',
        ...(action === 'requestExtension' ? { extension: null } : {}),
      });
      const r = checkTransition(action, m, who, NOW);
      const listed = (rule.from as readonly MessageState[]).includes(state);
      assert.equal(r.ok, listed, `${action} from ${state}: ${r.ok ? 'ok' : r.reason}`);
      if (!listed && !r.ok) {
        assert.equal(r.code, 'InvalidTransition');
        assert.equal(r.reason, `留言当前为「${STATE_LABELS[state]}」，不能${rule.label}`);
      }
    }
  }
});

test('the wrong person is refused before the state is even looked at', () => {
  const other = staff('s-other', ['publisher', 'u-b'], ['reviewer', 'u-b'], ['leader', 'u-b']);
  for (const action of MESSAGE_ACTIONS) {
    const rule = TRANSITIONS[action];
    const r = checkTransition(action, subject(rule.from[0] as MessageState), other, NOW);
    assert.equal(r.ok, false, action);
    assert.equal(!r.ok && r.code, 'Forbidden', action);
  }
  // A publisher cannot approve; a unit admin handles nothing; a stranger cannot rate.
  assert.match(
    (checkTransition('approveReply', subject('replyPending'), ACTORS.unitStaff, NOW) as { reason: string }).reason,
    /审核人员或分管领导/,
  );
  const admin = staff('s-admin', ['unitAdmin', 'u-a']);
  assert.deepEqual(allowedActions(subject('submitted'), admin, NOW), []);
  const stranger: Who = { kind: 'citizen', openid: 'someone' };
  assert.equal(checkTransition('rate', subject('answered'), stranger, NOW).ok, false);
  // Imported messages have no WeChat citizen: nobody can rate them in the app.
  assert.equal(checkTransition('rate', subject('answered', { citizenOpenid: null }), stranger, NOW).ok, false);
  // Routing is only for the county office holding the message.
  assert.equal(checkTransition('route', subject('submitted'), ACTORS.unitStaff, NOW).ok, false);
});

test('guards: four eyes, one extension, one open urge, transfer cap, 7 days before auto-close', () => {
  const rev = staff('s-drafter', ['reviewer', 'u-a']);
  const own = checkTransition('approveReply', subject('replyPending'), rev, NOW);
  assert.equal(!own.ok && own.reason, '答复须由起草人以外的审核人员审核通过（四眼原则）');
  assert.equal(checkTransition('returnReply', subject('replyPending'), rev, NOW).ok, true, 'returning is fine');

  const u = ACTORS.unitStaff;
  assert.match((checkTransition('requestExtension', subject('handling'), u, NOW) as { reason: string }).reason, /等待/);
  const once = subject('handling', { extension: { status: 'approved' }, extensionsApproved: 1 });
  assert.match((checkTransition('requestExtension', once, u, NOW) as { reason: string }).reason, /最多延期 1 次/);
  assert.equal(checkTransition('requestExtension', subject('handling', { extension: null }), u, NOW).ok, true);
  assert.equal(
    checkTransition('decideExtension', subject('handling', { extension: null }), ACTORS.supervisor, NOW).ok,
    false,
  );

  const sup = ACTORS.supervisor;
  const openUrge = subject('handling', { urge: { deadline: NOW + 1, acknowledgedAt: null } });
  assert.equal(checkTransition('urge', openUrge, sup, NOW).ok, false);
  assert.equal(checkTransition('urge', subject('handling'), sup, NOW).ok, true, 'the open urge has lapsed');
  assert.equal(checkTransition('urge', subject('handling', { urge: null }), sup, NOW).ok, true);
  assert.equal(checkTransition('acknowledgeUrge', subject('handling', { urge: null }), u, NOW).ok, false);

  assert.equal(checkTransition('transfer', subject('accepted', { transferCount: 5 }), u, NOW).ok, false);
  assert.equal(checkTransition('transfer', subject('accepted', { transferCount: 4 }), u, NOW).ok, true);

  const sys = ACTORS.system;
  assert.equal(
    checkTransition('autoClose', subject('answered', { answeredAt: NOW - 7 * 24 * 3600_000 }), sys, NOW).ok,
    true,
  );
  assert.equal(
    checkTransition('autoClose', subject('answered', { answeredAt: NOW - 7 * 24 * 3600_000 + 1 }), sys, NOW).ok,
    false,
  );
});

test('the screens are offered only what the table allows', () => {
  const pub = ACTORS.unitStaff;
  const fresh = subject('submitted', { extension: null, urge: null });
  assert.deepEqual(allowedActions(fresh, pub, NOW).sort(), ['accept', 'draftRedirect', 'transfer']);
  assert.deepEqual(
    allowedActions(
      subject('replyPending', { extension: null, urge: null }),
      staff('s-rev', ['reviewer', 'u-a']),
      NOW,
    ).sort(),
    ['approveReply', 'draftReply', 'returnReply'],
  );
  const both = staff('s-both', ['publisher', 'u-a'], ['supervisor', 'u-sup']);
  assert.ok(allowedActions(subject('handling', { extension: null, urge: null }), both, NOW).includes('urge'));
  for (const a of allowedActions(subject('answered'), pub, NOW))
    assert.ok(!['rate', 'autoClose'].includes(a as MessageAction));
});

test('the public status is coarse and kept apart from the internal state', () => {
  for (const s of MESSAGE_STATES) assert.ok(PUBLIC_STATUSES.includes(PUBLIC_STATUS_OF[s]), s);
  assert.equal(PUBLIC_STATUS_OF.transferring, 'accepted');
  assert.equal(PUBLIC_STATUS_OF.replyPending, 'inProgress', 'a draft under review is not an answer yet');
  assert.equal(PUBLIC_STATUS_OF.answered, 'answered');
});

test('不满意 reopens once; 满意 and 基本满意 close', () => {
  assert.equal(rateOutcome({ reopenCount: 0 }, 'unsatisfied'), 'handling');
  assert.equal(rateOutcome({ reopenCount: 1 }, 'unsatisfied'), 'closed');
  assert.equal(rateOutcome({ reopenCount: 0 }, 'satisfied'), 'closed');
  assert.equal(rateOutcome({ reopenCount: 0 }, 'basic'), 'closed');
});
