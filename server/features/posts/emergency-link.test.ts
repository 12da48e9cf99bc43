import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EmergencyEventView } from '@shared/oversight/views';
import type { EmergencyEventOptionView, PostDetailView } from '@shared/posts/views';
import type { Page } from '@shared/messages/schemas';
import { createTestCloud, okData, staffOpenid, type TestCloud } from '../../../test/support/cloud-harness';
import { addStaff, CHECKLIST, draftInput, getPost, PUBLISHER, seedAccount } from './test-support';

// An emergency post answers the event the county government office declared (emergency mode):
// the compose page offers the active events that concern the post's unit; the server refuses a
// link to an event that does not exist, has ended or does not concern the unit, and the field
// on other kinds; once the linked post is published, the event's view shows that the unit has
// spoken, when, and whether within the first-release limit.

const OFFICE = staffOpenid('s-office-leader');
const HMC = {
  publisher: staffOpenid('s-hmc-publisher'),
  reviewer: staffOpenid('s-hmc-reviewer'),
  leader: staffOpenid('s-hmc-leader'),
};
const HMC_ACCOUNT = 'acc-test-hmc-wechat';
const H = 3600_000;
const NOW = Date.UTC(2026, 10, 23, 2);

const person = (staffId: string, name: string) => ({ staffId, name, title: '测试', phone: '13995310009' });

async function setup(): Promise<TestCloud> {
  const cloud = await createTestCloud();
  cloud.clock.set(NOW);
  await seedAccount(cloud); // 盐池教育 (教育局), not concerned by the event below
  await seedAccount(cloud, {
    _id: HMC_ACCOUNT,
    name: '花马池镇发布',
    owningUnitId: 'u-huamachi',
    managingUnitId: 'u-huamachi',
    responsible: {
      leader: person('s-hmc-leader', '杨军'),
      reviewer: person('s-hmc-reviewer', '陈静'),
      publisher: person('s-hmc-publisher', '刘洋'),
    },
  });
  return cloud;
}

async function declare(cloud: TestCloud, unitIds: string[], title = '强降雨引发局部内涝') {
  return okData(
    await cloud.call<EmergencyEventView>(
      'oversight',
      'emergencyEvents.declare',
      { title, description: '持续强降雨，部分路段积水。', level: 'major', occurredAt: NOW - H, unitIds },
      OFFICE,
    ),
  );
}

const emergency = (emergencyEventId: string | null, over = {}) =>
  draftInput({
    accountId: HMC_ACCOUNT,
    kind: 'emergency',
    title: '关于花马池镇部分路段积水的情况通报',
    body: '受强降雨影响，花马池镇部分路段出现积水，镇政府已组织抢排，请群众绕行。',
    occurredAt: NOW - H,
    emergencyEventId,
    ...over,
  });

const offered = async (cloud: TestCloud, accountId: string, as: string) =>
  okData(
    await cloud.call<Page<EmergencyEventOptionView>>('posts', 'posts.emergencyEvents', { accountId }, as),
  ).items.map((e) => e.title);

test('the compose page is offered the active events that concern the account’s unit', async () => {
  const cloud = await setup();
  await declare(cloud, ['u-huamachi'], '强降雨引发局部内涝');
  await declare(cloud, [], '全县寒潮大风预警'); // every unit
  await declare(cloud, ['u-dashuikeng'], '大水坑镇道路塌陷');
  assert.deepEqual(await offered(cloud, HMC_ACCOUNT, HMC.publisher), ['全县寒潮大风预警', '强降雨引发局部内涝']);
  assert.deepEqual(await offered(cloud, 'acc-test-edu-wechat', PUBLISHER), ['全县寒潮大风预警']);
  const foreign = await cloud.call('posts', 'posts.emergencyEvents', { accountId: HMC_ACCOUNT }, PUBLISHER);
  assert.equal(!foreign.ok && foreign.code, 'Forbidden', "another unit's account");
  const missing = await cloud.call('posts', 'posts.emergencyEvents', { accountId: 'acc-none' }, PUBLISHER);
  assert.equal(!missing.ok && missing.code, 'NotFound');
  cloud.close();
});

test('a linked emergency post, once published, shows in the event view: the unit has spoken, on time', async () => {
  const cloud = await setup();
  const event = await declare(cloud, ['u-huamachi', 'u-dashuikeng']);
  assert.deepEqual(
    event.units.map((u) => [u.unitName, u.firstPostAt]),
    [
      ['花马池镇', null],
      ['大水坑镇', null],
    ],
  );
  const d = okData(
    await cloud.call<{ _id: string; rev: number }>('posts', 'posts.create', emergency(event._id), HMC.publisher),
  );
  const detail = await getPost(cloud, d._id, HMC.reviewer);
  assert.equal(detail.content.emergencyEventId, event._id);
  assert.deepEqual(detail.emergencyEvent, {
    _id: event._id,
    title: '强降雨引发局部内涝',
    levelLabel: '重大',
    occurredAt: NOW - H,
    active: true,
  });

  cloud.clock.advance(30 * 60_000);
  const sub = okData(
    await cloud.call<{ rev: number }>('posts', 'posts.submit', { id: d._id, rev: d.rev }, HMC.publisher),
  );
  const rev = okData(
    await cloud.call<{ rev: number }>(
      'posts',
      'posts.review',
      { id: d._id, rev: sub.rev, checklist: CHECKLIST },
      HMC.reviewer,
    ),
  );
  const approved = okData(
    await cloud.call<{ rev: number }>(
      'posts',
      'posts.approve',
      { id: d._id, rev: rev.rev, stepUpId: await cloud.stepUp(HMC.leader, 'post.approve') },
      HMC.leader,
    ),
  );
  // Not yet published: the unit has not spoken.
  const before = okData(
    await cloud.call<EmergencyEventView>('oversight', 'emergencyEvents.get', { id: event._id }, OFFICE),
  );
  assert.equal(before.units[0].firstPostAt, null);

  const publishedAt = cloud.clock.now();
  okData(
    await cloud.call(
      'posts',
      'posts.publish',
      {
        id: d._id,
        rev: approved.rev,
        url: 'https://mp.weixin.qq.com/s/hmc-flood',
        stepUpId: await cloud.stepUp(HMC.publisher, 'post.publish'),
      },
      HMC.publisher,
    ),
  );
  const after = okData(
    await cloud.call<EmergencyEventView>('oversight', 'emergencyEvents.get', { id: event._id }, OFFICE),
  );
  assert.deepEqual(
    after.units.map((u) => [u.unitName, u.firstPostAt, u.onTime]),
    [
      ['花马池镇', publishedAt, true],
      ['大水坑镇', null, null],
    ],
  );
  // Six hours after it happened, the unit that stayed silent is marked late.
  cloud.clock.set(NOW + 5 * H);
  const later = okData(
    await cloud.call<EmergencyEventView>('oversight', 'emergencyEvents.get', { id: event._id }, OFFICE),
  );
  assert.deepEqual(
    later.units.map((u) => u.onTime),
    [true, false],
  );
  cloud.close();
});

test('a link is refused to an event that does not exist, has ended or does not concern the unit, and on other kinds', async () => {
  const cloud = await setup();
  const refusal = async (input: object, as = HMC.publisher) => {
    const res = await cloud.call('posts', 'posts.create', input, as);
    assert.equal(!res.ok && res.code, 'InvalidParameter', JSON.stringify(res));
    return !res.ok ? res.fieldErrors?.emergencyEventId : null;
  };
  assert.equal(await refusal(emergency('ev-nowhere')), '所选突发事件不存在');
  const elsewhere = await declare(cloud, ['u-dashuikeng'], '大水坑镇道路塌陷');
  assert.equal(await refusal(emergency(elsewhere._id)), '所选突发事件不涉及本单位');
  const ours = await declare(cloud, ['u-huamachi']);
  assert.equal(await refusal(emergency(ours._id, { kind: 'original' })), '只有“突发事件”类信息可以关联突发事件');
  // A county-wide event does not concern the information center, which oversees it.
  const all = await declare(cloud, [], '全县寒潮大风预警');
  await seedAccount(cloud, { _id: 'acc-test-info', managingUnitId: 'u-info-center', owningUnitId: 'u-info-center' });
  const infoPublisher = await addStaff(cloud, 's-info-pub', '何静', [{ role: 'publisher', unitId: 'u-info-center' }]);
  assert.deepEqual(await offered(cloud, 'acc-test-info', infoPublisher), []);
  const infoPost = emergency(all._id, { accountId: 'acc-test-info' });
  assert.equal(await refusal(infoPost, infoPublisher), '所选突发事件不涉及本单位');
  assert.equal((await cloud.call('posts', 'posts.create', emergency(all._id), HMC.publisher)).ok, true);

  // A post linked while the event was active keeps its link when edited after the event ended.
  const d = okData(
    await cloud.call<{ _id: string; rev: number }>('posts', 'posts.create', emergency(ours._id), HMC.publisher),
  );
  okData(await cloud.call('oversight', 'emergencyEvents.end', { id: ours._id, note: '积水已排除' }, OFFICE));
  const { accountId: _a, ...content } = emergency(ours._id, { title: '关于花马池镇部分路段积水的情况通报（续）' });
  void _a;
  const edited = await cloud.call('posts', 'posts.update', { ...content, id: d._id, rev: d.rev }, HMC.publisher);
  assert.equal(edited.ok, true, JSON.stringify(edited));
  // …but a new link to an ended event is refused.
  assert.equal(await refusal(emergency(ours._id)), '所选突发事件已结束，不能再关联');
  // An emergency post without a link is still allowed (an event nobody declared).
  assert.equal((await cloud.call('posts', 'posts.create', emergency(null), HMC.publisher)).ok, true);
  const p: PostDetailView = await getPost(cloud, d._id, HMC.publisher);
  assert.equal(p.emergencyEvent?.active, false);
  cloud.close();
});
