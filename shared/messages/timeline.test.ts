import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TIMELINE_KINDS, citizenText, citizenTimeline, staffText, staffTimeline, type TimelineEntry } from './timeline';

const at = Date.UTC(2026, 10, 27, 1);

test('the citizen reads plain words and never a staff name or an internal step', () => {
  const entries: TimelineEntry[] = TIMELINE_KINDS.map((kind) => ({
    at,
    kind,
    actor: 'staff',
    staffName: '李明',
    unitName: '县教育局',
    toUnitName: '花马池镇',
    note: kind === 'redirected' ? '县人社局窗口' : '内部说明',
    until: at + 86400_000,
    rating: 'satisfied',
  }));
  const story = citizenTimeline(entries);
  const text = story.map((s) => s.text).join('\n');
  assert.ok(!text.includes('李明'), 'no staff names');
  for (const internal of [
    'replyDrafted',
    'redirectDrafted',
    'replyReturned',
    'extensionRequested',
    'extensionRejected',
    'urgeAcknowledged',
    'reminded',
    'escalated',
    'urgeLapsed',
  ] as const)
    assert.equal(citizenText({ at, kind: internal, actor: 'staff' }), null, internal);
  assert.match(text, /县教育局已受理您的留言，将在 2026-11-28 09:00 前答复。/);
  assert.match(text, /请通过县人社局窗口反映/);
});

test('staff read every event with who did it; the system is named as such', () => {
  for (const kind of TIMELINE_KINDS) assert.ok(staffText({ at, kind, actor: 'staff' }).length > 0, kind);
  const [sys, person] = staffTimeline([
    { at, kind: 'escalated', actor: 'system', until: at },
    { at, kind: 'urged', actor: 'staff', staffName: '何红', until: at, note: '请今天答复' },
  ]);
  assert.equal(sys.who, '系统');
  assert.equal(person.who, '何红');
  assert.equal(person.text, '督查室催办，限 2026-11-27 09:00 前办理：请今天答复');
});
