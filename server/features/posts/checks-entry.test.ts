import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData } from '../../../test/support/cloud-harness';
import type { CheckReport } from '@shared/posts/checks/types';
import type { PostDetailView } from '@shared/posts/views';
import { localContentSecurity, setContentSecurity } from './content-security';
import {
  CHECKLIST,
  createDraft,
  draftInput,
  getPost,
  INFO_CENTER,
  LEADER,
  postAt,
  PUBLISHER,
  REVIEWER,
  seedAccount,
  submit,
} from './test-support';

// The automatic checks through the public entry point: what saving returns, what submitting
// refuses, what the reviewer must override, and the information center's word lists.

const ID = '64032319900101123X';

async function checksOf(cloud: Awaited<ReturnType<typeof createTestCloud>>, over: Parameters<typeof draftInput>[0]) {
  return okData(await cloud.call<CheckReport>('posts', 'posts.check', draftInput(over), PUBLISHER));
}
const rulesIn = (r: CheckReport) => r.hits.map((h) => h.rule);

test('each check, positive and negative, as the compose page sees it', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const cases: Array<[string, Parameters<typeof draftInput>[0], Parameters<typeof draftInput>[0]]> = [
    ['idNumber', { body: `学生身份证号${ID}。` }, { body: '学生身份证号640323********123X。' }],
    ['mobile', { body: '联系电话13912345678。' }, { body: '联系电话0953-6019533。' }],
    ['bankCard', { body: '捐款账号6222021234567890128。' }, { body: '捐款账号6222021234567890129。' }],
    ['secrecyMarker', { body: '本文件为内部资料，请各校学习。' }, { body: '本文件请各校认真学习。' }],
    ['confidentialTerm', { body: '附件为内部讨论稿。' }, { body: '附件为正式文件。' }],
    ['sensitiveWord', { title: '震惊！开学第一天' }, { title: '开学第一天的校园' }],
    [
      'repostSource',
      { kind: 'repost', body: '转发一条关于防溺水的提醒。' },
      { kind: 'repost', body: '转发一条关于防溺水的提醒。', sourceName: '宁夏教育厅' },
    ],
    ['externalLink', { body: '详见 https://example.com/notice' }, { body: '详见 https://www.yanchi.gov.cn/notice' }],
  ];
  for (const [rule, positive, negative] of cases) {
    assert.ok(rulesIn(await checksOf(cloud, positive)).includes(rule as never), `${rule} found`);
    assert.ok(!rulesIn(await checksOf(cloud, negative)).includes(rule as never), `${rule} not found in the clean text`);
  }
  // Length over the platform limit (an account on Weibo: 2,000 characters).
  await seedAccount(cloud, { _id: 'acc-test-edu-weibo', platform: 'weibo', name: '盐池教育微博' });
  const long = okData(
    await cloud.call<CheckReport>(
      'posts',
      'posts.check',
      draftInput({ accountId: 'acc-test-edu-weibo', body: '长'.repeat(2001) }),
      PUBLISHER,
    ),
  );
  assert.deepEqual(rulesIn(long), ['length']);
  const fits = okData(
    await cloud.call<CheckReport>(
      'posts',
      'posts.check',
      draftInput({ accountId: 'acc-test-edu-weibo', body: '长'.repeat(2000) }),
      PUBLISHER,
    ),
  );
  assert.deepEqual(rulesIn(fits), []);
  cloud.close();
});

test('saving keeps the draft whatever the checks say; the span points at the typed text', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const body = `获奖学生身份证号${ID}，请于周五前领取奖状。`;
  const d = await createDraft(cloud, { body });
  const [hit] = d.checks.hits;
  assert.equal(hit.rule, 'idNumber');
  assert.equal(body.slice(hit.start, hit.end), ID);
  assert.equal(d.checks.overridable, 1);
  const post = await getPost(cloud, d._id);
  assert.equal(post.content.body, body, 'nothing typed is lost');
  cloud.close();
});

test('submitting with an unfixable problem is refused with ContentRisk and the report', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const d = await createDraft(cloud, { body: '根据机密★1年文件，现将有关事项通知如下。' });
  const res = await cloud.call('posts', 'posts.submit', { id: d._id, rev: d.rev }, PUBLISHER);
  assert.equal(!res.ok && res.code, 'ContentRisk');
  assert.equal(!res.ok && res.message, '自动检查发现 1 处必须修改的问题，请修改后再提交');
  const report = !res.ok ? (res.details?.checks as CheckReport) : null;
  assert.equal(report?.hits[0].rule, 'secrecyMarker');
  assert.equal((await getPost(cloud, d._id)).state, 'draft');
  cloud.close();
});

test('personal data: submitted, but the reviewer must override each hit with a reason (or return it)', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const d = await createDraft(cloud, { body: `寻人启事：走失老人身份证号${ID}，家属电话13912345678。` });
  const s = await submit(cloud, d._id, d.rev);
  const post = await getPost(cloud, d._id, REVIEWER);
  const keys = post.checks!.hits.filter((h) => h.overridable).map((h) => h.key);
  assert.equal(keys.length, 2);

  const none = await cloud.call('posts', 'posts.review', { id: d._id, rev: s.rev, checklist: CHECKLIST }, REVIEWER);
  assert.equal(!none.ok && none.code, 'ContentRisk');
  assert.equal(!none.ok && none.message, '还有 2 处个人信息未处理：请退回修改，或逐项写明放行理由');
  const one = await cloud.call(
    'posts',
    'posts.review',
    { id: d._id, rev: s.rev, checklist: CHECKLIST, overrides: [{ key: keys[0], reason: '寻人启事需公开身份信息' }] },
    REVIEWER,
  );
  assert.equal(!one.ok && one.message, '还有 1 处个人信息未处理：请退回修改，或逐项写明放行理由');
  const bogus = await cloud.call(
    'posts',
    'posts.review',
    {
      id: d._id,
      rev: s.rev,
      checklist: CHECKLIST,
      overrides: [
        ...keys.map((key) => ({ key, reason: '寻人启事需公开' })),
        { key: 'idNumber@body:0-1', reason: '随便写的理由' },
      ],
    },
    REVIEWER,
  );
  assert.equal(!bogus.ok && bogus.code, 'InvalidParameter');
  const shortReason = await cloud.call(
    'posts',
    'posts.review',
    { id: d._id, rev: s.rev, checklist: CHECKLIST, overrides: keys.map((key) => ({ key, reason: '可以' })) },
    REVIEWER,
  );
  assert.equal(!shortReason.ok && shortReason.fieldErrors?.['overrides.0.reason'], '放行理由至少 5 个字');
  const unticked = await cloud.call(
    'posts',
    'posts.review',
    { id: d._id, rev: s.rev, checklist: { ...CHECKLIST, secrecy: false }, overrides: [] },
    REVIEWER,
  );
  assert.equal(!unticked.ok && unticked.fieldErrors?.['checklist.secrecy'], '请逐项核对后勾选');

  const ok = await cloud.call<{ rev: number }>(
    'posts',
    'posts.review',
    {
      id: d._id,
      rev: s.rev,
      checklist: CHECKLIST,
      overrides: keys.map((key) => ({ key, reason: '寻人启事，经家属同意公开' })),
    },
    REVIEWER,
  );
  assert.equal(ok.ok, true);
  const reviewed = await getPost(cloud, d._id, LEADER);
  assert.deepEqual(
    reviewed.overrides.map((o) => [o.reason, o.byName]),
    [
      ['寻人启事，经家属同意公开', '王芳'],
      ['寻人启事，经家属同意公开', '王芳'],
    ],
  );
  cloud.close();
});

test('WeChat content security: locally recorded as not available (never a pass); a risky verdict blocks', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const { id } = await postAt(cloud, 'submitted');
  const post = okData(await cloud.call<PostDetailView>('posts', 'posts.get', { id }, REVIEWER));
  assert.equal(post.checks?.contentSecurity.status, 'unavailable');
  assert.match(post.checks?.contentSecurity.message ?? '', /本地环境无法调用微信内容安全接口/);
  assert.equal(post.checks?.hits.find((h) => h.rule === 'contentSecurity')?.severity, 'info');

  setContentSecurity({
    available: true,
    check: async () => ({ status: 'risky', message: '微信内容安全检测判定存在风险（标签 20001），不得发布' }),
  });
  try {
    const d = await createDraft(cloud, { title: '另一条信息的标题' });
    const res = await cloud.call('posts', 'posts.submit', { id: d._id, rev: d.rev }, PUBLISHER);
    assert.equal(!res.ok && res.code, 'ContentRisk');
    assert.equal(!res.ok && (res.details?.checks as CheckReport).contentSecurity.status, 'risky');
  } finally {
    setContentSecurity(localContentSecurity);
  }
  cloud.close();
});

test('the information center edits the word lists; checks follow at once; nobody else may', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const text = { body: '本周将公布招生划片方案。' };
  assert.deepEqual(rulesIn(await checksOf(cloud, text)), []);
  const added = okData(
    await cloud.call<{ rev: number; wordCount: number }>(
      'posts',
      'postRules.addWords',
      { words: [{ word: '招生划片方案', category: 'sensitive', level: 'warning', note: '须教育局统一口径' }] },
      INFO_CENTER,
    ),
  );
  assert.equal(added.rev, 1);
  const warned = await checksOf(cloud, text);
  assert.deepEqual(
    warned.hits.map((h) => [h.rule, h.severity]),
    [['sensitiveWord', 'warning']],
  );
  assert.equal(warned.rulesRev, 1);
  okData(
    await cloud.call(
      'posts',
      'postRules.addWords',
      { words: [{ word: '招生划片方案', category: 'sensitive', level: 'blocking' }] },
      INFO_CENTER,
    ),
  );
  assert.equal((await checksOf(cloud, text)).hits[0].severity, 'blocking');
  okData(await cloud.call('posts', 'postRules.removeWords', { words: ['招生划片方案'] }, INFO_CENTER));
  assert.deepEqual(rulesIn(await checksOf(cloud, text)), []);

  // The portal domain is configurable.
  okData(await cloud.call('posts', 'postRules.setDomains', { portalDomains: ['www.nx.gov.cn'] }, INFO_CENTER));
  assert.deepEqual(rulesIn(await checksOf(cloud, { body: '详见 https://www.yanchi.gov.cn/a' })), ['externalLink']);

  const page = okData(
    await cloud.call<{ wordCount: number; items: Array<{ word: string }> }>(
      'posts',
      'postRules.get',
      { category: 'confidential' },
      INFO_CENTER,
    ),
  );
  assert.ok(page.items.every((w) => ['内部讨论稿', '仅供内部参考', '请勿外传'].includes(w.word)));

  for (const who of [PUBLISHER, REVIEWER, LEADER]) {
    const res = await cloud.call(
      'posts',
      'postRules.addWords',
      { words: [{ word: '任意', category: 'sensitive', level: 'warning' }] },
      who,
    );
    assert.equal(!res.ok && res.code, 'Forbidden');
    const read = await cloud.call('posts', 'postRules.get', {}, who);
    assert.equal(!read.ok && read.message, '您没有执行该操作的角色', 'the confidential list is not shown to units');
  }
  const audit = await cloud.db
    .collection('audit')
    .where({ action: 'postRules.addWords', result: 'ok', target: { type: 'postRules', id: 'settings' } })
    .count();
  assert.equal(audit.total, 2, 'each change to the lists is in the audit trail');
  cloud.close();
});

test('confidential terms added by the information center are always blocking', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  okData(
    await cloud.call(
      'posts',
      'postRules.addWords',
      { words: [{ word: '中考试卷', category: 'confidential', level: 'warning' }] },
      INFO_CENTER,
    ),
  );
  const r = await checksOf(cloud, { body: '中考试卷已运抵保密室。' });
  assert.deepEqual(
    r.hits.map((h) => [h.rule, h.severity]),
    [['confidentialTerm', 'blocking']],
  );
  cloud.close();
});

test('a word the information center adds after submission stops the review and the approval', async () => {
  const cloud = await createTestCloud();
  await seedAccount(cloud);
  const body = { body: '本周将公布城区小学招生划片方案。' };
  const s = await postAt(cloud, 'submitted', body);
  const r = await postAt(cloud, 'reviewed', { ...body, title: '第二条：已审核待审批' });
  okData(
    await cloud.call(
      'posts',
      'postRules.addWords',
      { words: [{ word: '招生划片', category: 'confidential', level: 'blocking' }] },
      INFO_CENTER,
    ),
  );

  const review = await cloud.call('posts', 'posts.review', { id: s.id, rev: s.rev, checklist: CHECKLIST }, REVIEWER);
  assert.equal(!review.ok && review.code, 'ContentRisk');
  assert.equal(!review.ok && review.message, '检查词表已更新，发现 1 处必须修改的问题，请退回修改');
  const stepUpId = await cloud.stepUp(LEADER, 'post.approve');
  const approval = await cloud.call('posts', 'posts.approve', { id: r.id, rev: r.rev, stepUpId }, LEADER);
  assert.equal(!approval.ok && approval.code, 'ContentRisk');
  assert.equal(((!approval.ok && approval.details?.checks) as CheckReport).hits[0].rule, 'confidentialTerm');
  // Without the word, the same steps go through.
  okData(await cloud.call('posts', 'postRules.removeWords', { words: ['招生划片'] }, INFO_CENTER));
  assert.equal(
    (await cloud.call('posts', 'posts.review', { id: s.id, rev: s.rev, checklist: CHECKLIST }, REVIEWER)).ok,
    true,
  );
  const again = await cloud.stepUp(LEADER, 'post.approve');
  assert.equal(
    (await cloud.call('posts', 'posts.approve', { id: r.id, rev: r.rev, stepUpId: again }, LEADER)).ok,
    true,
  );
  cloud.close();
});
