import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData } from '../../../test/support/cloud-harness';
import type { NoticesPage } from '@shared/messages/notices';
import type { NoticeDoc } from './notify';
import { CITIZEN, P, act, ok, refused, send } from '../messages/testkit';
import { subscribeMessageSender, type SubscribeApi } from './outbox';

// 通知: each person reads and clears only their own notices; the information center sees what the
// outbox did; the production sender is exercised with a fake WeChat API.

test('citizens and staff each read their own notices, newest first, and mark them read', async () => {
  const cloud = await createTestCloud();
  const { _id } = await send(cloud);
  await ok(cloud, 'messages.accept', { id: _id }, P.eduPub);
  const mine = await ok<NoticesPage>(cloud, 'notices.mine', {}, CITIZEN);
  assert.equal(mine.unread, 1);
  assert.equal(mine.items[0].kind, 'message.accepted');
  assert.equal(mine.items[0].page, `/pages/messages/detail/index?id=${_id}`);
  assert.equal(mine.items[0].delivery, 'pending');
  assert.equal((await ok<NoticesPage>(cloud, 'notices.mine', {}, 'someone-else')).items.length, 0);
  const staff = await ok<NoticesPage>(cloud, 'notices.mine', {}, P.eduPub);
  assert.equal(staff.items[0].kind, 'message.new');
  assert.equal(staff.items[0].page, `/staff/message/index?id=${_id}`);

  // Marking someone else's notice does nothing; marking one's own works.
  const other = await act<{ marked: number }>(cloud, 'notices.read', { ids: [mine.items[0]._id] }, 'someone-else');
  assert.equal(okData(other).marked, 0);
  const read = await ok<{ marked: number; unread: number }>(
    cloud,
    'notices.read',
    { ids: [mine.items[0]._id] },
    CITIZEN,
  );
  assert.deepEqual(read, { marked: 1, unread: 0 });
  assert.equal((await ok<NoticesPage>(cloud, 'notices.mine', { unreadOnly: true }, CITIZEN)).items.length, 0);
  await ok(cloud, 'notices.read', { all: true }, P.eduPub);
  assert.equal((await ok<NoticesPage>(cloud, 'notices.mine', {}, P.eduPub)).unread, 0);
  refused(await act(cloud, 'notices.read', { ids: [] }, CITIZEN), 'InvalidParameter');
  refused(await act(cloud, 'notices.read', { all: false }, CITIZEN), 'InvalidParameter');
  cloud.close();
});

test('the information center views the outbox; nobody else does', async () => {
  const cloud = await createTestCloud();
  await send(cloud);
  const view = await ok<{ items: Array<{ status: string; recipient: string; title: string }> }>(
    cloud,
    'notices.outbox',
    {},
    P.info,
  );
  assert.equal(view.items[0].status, 'pending');
  assert.equal(view.items[0].recipient, '李明');
  refused(await act(cloud, 'notices.outbox', {}, P.eduAdmin), 'Forbidden');
  refused(await act(cloud, 'notices.outbox', {}, CITIZEN), 'Forbidden');
  cloud.close();
});

test('the WeChat subscribe-message sender: sent, refused by WeChat, or skipped without a template', async () => {
  const calls: unknown[] = [];
  const api = (errCode = 0): SubscribeApi => ({
    openapi: {
      subscribeMessage: {
        send: async (req) => {
          calls.push(req);
          if (errCode === 43101)
            throw Object.assign(new Error('refused'), { errCode: 43101, errMsg: 'user refuse to accept the msg' });
          return { errCode, errMsg: errCode ? 'bad' : 'ok' };
        },
      },
    },
  });
  const notice: NoticeDoc = {
    _id: 'n1',
    kind: 'message.answered',
    title: '留言已答复',
    body: '县教育局已答复您的留言 YC-20261127-0001，请查看并评价。',
    page: '/pages/messages/detail/index?id=m1',
    urgent: false,
    staffId: null,
    openid: 'o-citizen',
    createdAt: Date.UTC(2026, 10, 27, 1),
    readAt: null,
  };
  const sent = await subscribeMessageSender(api(), { 'message.answered': 'TPL-1' }).send(notice, 'o-citizen');
  assert.deepEqual(sent, { status: 'sent' });
  assert.deepEqual(calls[0], {
    touser: 'o-citizen',
    templateId: 'TPL-1',
    page: 'pages/messages/detail/index?id=m1',
    data: {
      thing1: { value: '留言已答复' },
      thing2: { value: '县教育局已答复您的留言 YC-2026…' },
      time3: { value: '2026-11-27 09:00' },
    },
  });
  const refusedByUser = await subscribeMessageSender(api(43101), { '*': 'TPL-ANY' }).send(notice, 'o-citizen');
  assert.deepEqual(refusedByUser, { status: 'failed', detail: '用户未订阅或订阅次数已用完' });
  const noTemplate = await subscribeMessageSender(api(), {}).send(notice, 'o-citizen');
  assert.equal(noTemplate.status, 'skipped');
});

test('the mini program asks a citizen and a member of staff for their own templates, none when none are set', async () => {
  const cloud = await createTestCloud();
  const saved = process.env.SUBSCRIBE_TEMPLATES;
  try {
    delete process.env.SUBSCRIBE_TEMPLATES;
    assert.deepEqual(await ok(cloud, 'notices.subscribeTemplates', {}, CITIZEN), { tmplIds: [] });
    process.env.SUBSCRIBE_TEMPLATES = JSON.stringify({
      'message.answered': 'T-ANSWER',
      'post.approvalNeeded': 'T-TODO',
    });
    assert.deepEqual(await ok(cloud, 'notices.subscribeTemplates', {}, CITIZEN), { tmplIds: ['T-ANSWER'] });
    // who is asking comes from the cloud context: a staff openid gets the staff templates
    assert.deepEqual(await ok(cloud, 'notices.subscribeTemplates', {}, P.eduPub), { tmplIds: ['T-TODO'] });
  } finally {
    if (saved === undefined) delete process.env.SUBSCRIBE_TEMPLATES;
    else process.env.SUBSCRIBE_TEMPLATES = saved;
    cloud.close();
  }
});
