import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData } from '../../../test/support/cloud-harness';
import { verifyAuditChain } from '@server/runtime/audit';
import type { AccountListItem, DirectoryEntry } from '@shared/accounts/views';
import type { Page } from '@shared/messages/schemas';
import { P, apply, application, chinaToday, detail, activeAccount } from './test-support';

// The whole lifecycle through the public entry point, each step by the person the county's
// rules name, and each refusal with its reason.

const inDirectory = async (cloud: Awaited<ReturnType<typeof createTestCloud>>, id: string) =>
  okData(await cloud.call<Page<DirectoryEntry>>('accounts', 'accounts.directory', { pageSize: 100 })).items.some(
    (e) => e.id === id,
  );

test('application → leader → county office → opened → filed → active → closed, with the directory before and after', async () => {
  const cloud = await createTestCloud();
  const id = await apply(cloud);
  let d = await detail(cloud, id);
  assert.equal(d.status, 'applied');
  assert.deepEqual(d.responsible.leader, {
    staffId: 's-edu-leader',
    name: '张伟',
    title: '副局长',
    phone: '13995310003',
  });
  assert.ok(!d.allowed.includes('unitApprove'), 'the publisher cannot approve');
  assert.ok((await detail(cloud, id, P.leader)).allowed.includes('unitApprove'));

  // the leader must confirm the principal leader's approval
  const unconfirmed = await cloud.call('accounts', 'accounts.unitApprove', { id }, P.leader);
  assert.equal(!unconfirmed.ok && unconfirmed.fieldErrors?.principalConfirmed, '请确认已经本单位主要领导批准');
  // the county office cannot act before the unit's leader
  const early = await cloud.call('accounts', 'accounts.officeApprove', { id }, P.office);
  assert.equal(!early.ok && early.code, 'InvalidTransition');
  assert.equal(!early.ok && early.message, '账号当前状态为「待本单位主要领导审批」，不能县政府办公室审批同意');

  okData(
    await cloud.call(
      'accounts',
      'accounts.unitApprove',
      { id, principalConfirmed: true, stepUpId: await cloud.stepUp(P.leader, 'account.approve') },
      P.leader,
    ),
  );
  // the office's queue shows it; an education leader cannot see that queue
  const queue = okData(await cloud.call<Page<AccountListItem>>('accounts', 'accounts.officeQueue', {}, P.office));
  assert.deepEqual(
    queue.items.map((i) => i._id),
    [id],
  );
  const notOffice = await cloud.call('accounts', 'accounts.officeQueue', {}, P.leader);
  assert.equal(!notOffice.ok && notOffice.code, 'Forbidden');
  // a county office clerk (publisher/reviewer) is not the office's approver
  const clerk = await cloud.call('accounts', 'accounts.officeApprove', { id }, P.officeClerk);
  assert.equal(!clerk.ok && clerk.code, 'Forbidden');
  okData(
    await cloud.call(
      'accounts',
      'accounts.officeApprove',
      { id, stepUpId: await cloud.stepUp(P.office, 'account.approve') },
      P.office,
    ),
  );
  assert.equal((await detail(cloud, id)).status, 'approved');

  okData(
    await cloud.call(
      'accounts',
      'accounts.open',
      {
        id,
        name: '盐池教育发布',
        openedOn: chinaToday(cloud),
        platformAccountId: 'yanchi_edu',
        link: 'https://www.douyin.com/user/yanchi',
      },
      P.publisher,
    ),
  );
  d = await detail(cloud, id);
  assert.equal(d.status, 'opened');
  assert.equal(d.flag?.kind, 'filing');
  assert.equal(d.flag?.daysLeft, 7);
  assert.equal(await inDirectory(cloud, id), false, 'not in the directory before it is filed and accepted');

  okData(await cloud.call('accounts', 'accounts.submitFiling', { id }, P.publisher));
  const notInfo = await cloud.call('accounts', 'accounts.acceptFiling', { id }, P.leader);
  assert.equal(!notInfo.ok && notInfo.code, 'Forbidden');
  const todo = okData(await cloud.call<Page<AccountListItem>>('accounts', 'accounts.list', { view: 'todo' }, P.info));
  assert.ok(
    todo.items.some((i) => i._id === id),
    "the information center's queue has the filing",
  );
  okData(await cloud.call('accounts', 'accounts.acceptFiling', { id }, P.info));
  d = await detail(cloud, id);
  assert.equal(d.status, 'active');
  assert.equal(d.flag, null);
  assert.equal(await inDirectory(cloud, id), true);

  // closure: request → principal leader (fresh PIN) → notice → superior informed → deregistered
  okData(
    await cloud.call(
      'accounts',
      'accounts.requestClose',
      { id, reason: '与本单位微信公众号功能重复，无力维护', successorId: 'acc-edu-wechat' },
      P.publisher,
    ),
  );
  const noPin = await cloud.call('accounts', 'accounts.closeApprove', { id, principalConfirmed: true }, P.leader);
  assert.equal(!noPin.ok && noPin.code, 'Forbidden');
  assert.match(!noPin.ok ? noPin.message : '', /注销账号前需要重新验证 PIN/);
  const wrongPurpose = await cloud.stepUp(P.leader, 'post.approve');
  const wrong = await cloud.call(
    'accounts',
    'accounts.closeApprove',
    { id, principalConfirmed: true, stepUpId: wrongPurpose },
    P.leader,
  );
  assert.match(!wrong.ok ? wrong.message : '', /验证用途不符/);
  const ticket = await cloud.stepUp(P.leader, 'account.close');
  okData(
    await cloud.call('accounts', 'accounts.closeApprove', { id, principalConfirmed: true, stepUpId: ticket }, P.leader),
  );
  const reused = await cloud.call(
    'accounts',
    'accounts.closeApprove',
    { id, principalConfirmed: true, stepUpId: ticket },
    P.leader,
  );
  assert.equal(!reused.ok && reused.code, 'InvalidTransition');

  // the notice must point followers to the unit's main account
  const vague = await cloud.call(
    'accounts',
    'accounts.recordNotice',
    { id, publishedOn: chinaToday(cloud), noticeText: '本账号即日起停止更新，感谢大家的关注和支持。' },
    P.publisher,
  );
  assert.equal(!vague.ok && vague.fieldErrors?.noticeText, '停更公告须告知关注者今后关注本单位的「盐池教育」');
  const skipped = await cloud.call(
    'accounts',
    'accounts.deregister',
    { id, deregisteredOn: chinaToday(cloud), stepUpId: await cloud.stepUp(P.publisher, 'account.close') },
    P.publisher,
  );
  assert.equal(!skipped.ok && skipped.message, '账号当前状态为「注销已批准，待发布停更公告」，不能登记平台注销');
  okData(
    await cloud.call(
      'accounts',
      'accounts.recordNotice',
      {
        id,
        publishedOn: chinaToday(cloud),
        noticeText: '本账号即日起停止更新，请关注微信公众号“盐池教育”获取最新信息。',
      },
      P.publisher,
    ),
  );
  okData(
    await cloud.call(
      'accounts',
      'accounts.informSuperior',
      { id, superiorUnit: '县政府办公室', informedOn: chinaToday(cloud) },
      P.publisher,
    ),
  );
  assert.equal(await inDirectory(cloud, id), false, 'a closing account has left the directory');
  const noTicket = await cloud.call(
    'accounts',
    'accounts.deregister',
    { id, deregisteredOn: chinaToday(cloud) },
    P.publisher,
  );
  assert.equal(!noTicket.ok && noTicket.code, 'Forbidden');
  okData(
    await cloud.call(
      'accounts',
      'accounts.deregister',
      { id, deregisteredOn: chinaToday(cloud), stepUpId: await cloud.stepUp(P.publisher, 'account.close') },
      P.publisher,
    ),
  );
  d = await detail(cloud, id);
  assert.equal(d.status, 'closed');
  assert.deepEqual(
    d.timeline.map((t) => t.label),
    [
      '申请开设',
      '主要领导批准开设',
      '县政府办公室审批同意',
      '登记开通',
      '提交备案表',
      '信息中心受理备案',
      '申请注销',
      '主要领导批准注销',
      '登记停更公告',
      '登记抄告上级单位',
      '登记平台注销',
    ],
  );
  assert.deepEqual(
    d.timeline.map((t) => t.byName),
    ['李明', '张伟', '孙强', '李明', '李明', '马超', '李明', '张伟', '李明', '李明', '李明'],
  );
  assert.equal(d.closure?.successorName, '盐池教育（微信公众号）');

  // every step left an audit entry, and the chain verifies
  const audit = (
    await cloud.db
      .collection('audit')
      .where({ target: { type: 'account', id } })
      .limit(100)
      .get()
  ).data as Array<{
    action: string;
    result: string;
  }>;
  for (const a of [
    'accounts.apply',
    'accounts.unitApprove',
    'accounts.officeApprove',
    'accounts.acceptFiling',
    'accounts.deregister',
  ]) {
    assert.ok(
      audit.some((e) => e.action === a && e.result === 'ok'),
      a,
    );
  }
  assert.ok(
    audit.some((e) => e.action === 'accounts.officeApprove' && e.result === 'refused'),
    'the early refusal is audited',
  );
  assert.equal((await verifyAuditChain(cloud.db)).ok, true);
  cloud.close();
});

test('returns carry a reason; a returned application is edited and resubmitted, or withdrawn', async () => {
  const cloud = await createTestCloud();
  const id = await apply(cloud);
  const noReason = await cloud.call('accounts', 'accounts.unitReturn', { id, reason: '' }, P.leader);
  assert.equal(!noReason.ok && noReason.fieldErrors?.reason, '请填写理由');
  okData(await cloud.call('accounts', 'accounts.unitReturn', { id, reason: '功能定位写得太笼统' }, P.leader));
  let d = await detail(cloud, id);
  assert.equal(d.status, 'returned');
  assert.equal(d.timeline.at(-1)?.reason, '功能定位写得太笼统');
  const notices = (await cloud.db.collection('notifications').where({ staffId: 's-edu-publisher' }).get()).data;
  assert.ok(
    notices.some(
      (n: { kind: string; body: string }) => n.kind === 'account.returned' && n.body.includes('功能定位写得太笼统'),
    ),
  );

  okData(
    await cloud.call(
      'accounts',
      'accounts.resubmit',
      { id, application: { ...application(), purpose: '发布招生入学政策解读短视频' } },
      P.publisher,
    ),
  );
  d = await detail(cloud, id);
  assert.equal(d.status, 'applied');
  assert.equal(d.purpose, '发布招生入学政策解读短视频');
  okData(
    await cloud.call(
      'accounts',
      'accounts.unitApprove',
      { id, principalConfirmed: true, stepUpId: await cloud.stepUp(P.leader, 'account.approve') },
      P.leader,
    ),
  );
  okData(await cloud.call('accounts', 'accounts.officeReturn', { id, reason: '请与县融媒体中心统筹' }, P.office));
  okData(await cloud.call('accounts', 'accounts.withdraw', { id }, P.publisher));
  assert.equal((await detail(cloud, id)).status, 'withdrawn');
  // a withdrawn application frees the platform: the unit may apply again
  await apply(cloud);
  cloud.close();
});

test('who may see and act: other units, citizens and the wrong roles are refused', async () => {
  const cloud = await createTestCloud();
  const id = await apply(cloud);
  const other = await cloud.call('accounts', 'accounts.get', { id }, P.hmcPublisher);
  assert.equal(!other.ok && other.message, '只能处理本单位的事项');
  const otherLeader = await cloud.call(
    'accounts',
    'accounts.unitApprove',
    { id, principalConfirmed: true },
    P.hmcLeader,
  );
  assert.equal(!otherLeader.ok && otherLeader.code, 'Forbidden');
  const reviewer = await cloud.call('accounts', 'accounts.unitApprove', { id, principalConfirmed: true }, P.reviewer);
  assert.equal(!reviewer.ok && reviewer.code, 'Forbidden');
  const citizen = await cloud.call('accounts', 'accounts.get', { id });
  assert.equal(!citizen.ok && citizen.code, 'Forbidden');
  const forOtherUnit = await cloud.call('accounts', 'accounts.apply', application(), P.hmcPublisher);
  assert.equal(!forOtherUnit.ok && forOtherUnit.code, 'Forbidden');
  const infoApplies = await cloud.call('accounts', 'accounts.apply', application(), P.info);
  assert.equal(!infoApplies.ok && infoApplies.code, 'Forbidden');
  assert.equal((await detail(cloud, id, P.info)).status, 'applied', 'the information center sees every account');
  assert.equal((await detail(cloud, id, P.supervisor)).status, 'applied', 'the supervision office sees every account');
  const unitList = okData(
    await cloud.call<Page<AccountListItem>>('accounts', 'accounts.list', { unitId: 'u-education' }, P.publisher),
  );
  assert.deepEqual(unitList.items.map((i) => i.name).sort(), ['盐池教育', '盐池教育发布']);
  const countyWide = await cloud.call('accounts', 'accounts.list', {}, P.publisher);
  assert.equal(!countyWide.ok && countyWide.message, '无法确定操作所属单位');
  const otherPeople = await cloud.call('accounts', 'accounts.people', { unitIds: ['u-education'] }, P.hmcPublisher);
  assert.equal(!otherPeople.ok && otherPeople.code, 'Forbidden', "another unit's staff list is not for them");
  const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), Buffer.alloc(16)]).toString('base64');
  const early = await cloud.call(
    'accounts',
    'accounts.setImage',
    { id, kind: 'qr', mime: 'image/png', dataBase64: png },
    P.publisher,
  );
  assert.equal(!early.ok && early.message, '账号当前状态为「待本单位主要领导审批」，不能上传图片');
  const notMine = await cloud.call(
    'accounts',
    'accounts.setImage',
    { id, kind: 'qr', mime: 'image/png', dataBase64: png },
    P.hmcPublisher,
  );
  assert.equal(!notMine.ok && notMine.code, 'Forbidden');
  const unknown = await cloud.call('accounts', 'accounts.apply', { ...application(), status: 'active' }, P.publisher);
  assert.equal(!unknown.ok && unknown.code, 'InvalidParameter', 'unknown fields are refused');
  cloud.close();
});

test('personal and leader accounts name their holder, need the unit approval, and the holder cannot approve their own', async () => {
  const cloud = await createTestCloud();
  const noHolder = await cloud.call(
    'accounts',
    'accounts.apply',
    application({ type: 'leader', name: '盐池教育张伟' }),
    P.publisher,
  );
  assert.equal(!noHolder.ok && noHolder.fieldErrors?.holderStaffId, '公务人员账号和领导公务账号须选择账号本人');
  const outsider = await cloud.call(
    'accounts',
    'accounts.apply',
    application({ type: 'leader', name: '盐池教育张伟', holderStaffId: 's-hmc-leader' }),
    P.publisher,
  );
  assert.equal(!outsider.ok && outsider.fieldErrors?.holderStaffId, '账号本人须是主管单位在册的工作人员');
  const id = await apply(cloud, {
    type: 'leader',
    platform: 'weibo',
    name: '盐池教育张伟',
    holderStaffId: 's-edu-leader',
  });
  const self = await cloud.call('accounts', 'accounts.unitApprove', { id, principalConfirmed: true }, P.leader);
  assert.equal(!self.ok && self.message, '本人的公务账号须由单位其他领导审批，不能自己主要领导批准开设');
  // personal accounts do not take the unit's one institutional place on the platform
  await apply(cloud, {
    type: 'officialPersonal',
    platform: 'wechat',
    name: '盐池教育李明',
    holderStaffId: 's-edu-publisher',
  });
  cloud.close();
});

test('the active account can be found by posts: status, people and openedAt', async () => {
  const cloud = await createTestCloud();
  const id = await activeAccount(cloud);
  const doc = (await cloud.db.collection('accounts').doc(id).get()).data;
  const d = Array.isArray(doc) ? doc[0] : doc;
  assert.equal(d.status, 'active');
  assert.equal(d.responsible.publisher.staffId, 's-edu-publisher');
  assert.equal(typeof d.openedAt, 'number');
  cloud.close();
});

test('approving an opening needs a fresh PIN for that purpose, at the unit and at the county office', async () => {
  const cloud = await createTestCloud();
  const id = await apply(cloud);
  const bare = await cloud.call('accounts', 'accounts.unitApprove', { id, principalConfirmed: true }, P.leader);
  assert.equal(!bare.ok && bare.code, 'Forbidden');
  assert.equal(!bare.ok && bare.message, '审批开设账号前需要重新验证 PIN（未验证）');
  assert.equal(!bare.ok && bare.details?.reason, 'stepup-required');
  // a ticket for closing an account does not approve an opening
  const other = await cloud.call(
    'accounts',
    'accounts.unitApprove',
    { id, principalConfirmed: true, stepUpId: await cloud.stepUp(P.leader, 'account.close') },
    P.leader,
  );
  assert.match(!other.ok ? other.message : '', /验证用途不符/);
  assert.equal((await detail(cloud, id)).status, 'applied', 'nothing changed on refusal');

  const ticket = await cloud.stepUp(P.leader, 'account.approve');
  okData(
    await cloud.call('accounts', 'accounts.unitApprove', { id, principalConfirmed: true, stepUpId: ticket }, P.leader),
  );
  const office = await cloud.call('accounts', 'accounts.officeApprove', { id }, P.office);
  assert.equal(!office.ok && office.details?.reason, 'stepup-required');
  // the leader's spent ticket is not the office's
  const borrowed = await cloud.call('accounts', 'accounts.officeApprove', { id, stepUpId: ticket }, P.office);
  assert.match(!borrowed.ok ? borrowed.message : '', /验证凭据无效/);
  okData(
    await cloud.call(
      'accounts',
      'accounts.officeApprove',
      { id, stepUpId: await cloud.stepUp(P.office, 'account.approve') },
      P.office,
    ),
  );
  assert.equal((await detail(cloud, id)).status, 'approved');
  cloud.close();
});
