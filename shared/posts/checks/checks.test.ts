import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileWords, runChecks, type CheckInput, type CheckSettings } from './index';
import { findPersonalData, isValidIdNumber, passesLuhn } from './personal-data';
import { findUrls, hostOf, isPortalHost } from './links';
import { DEFAULT_PORTAL_DOMAINS, DEFAULT_WORDS } from './defaults';

const settings: CheckSettings = {
  words: compileWords([
    ...DEFAULT_WORDS,
    { word: '高考试题', category: 'confidential', level: 'blocking' },
    { word: '网红', category: 'sensitive', level: 'warning' },
  ]),
  portalDomains: DEFAULT_PORTAL_DOMAINS,
  rulesRev: 3,
};

const post = (over: Partial<CheckInput> = {}): CheckInput => ({
  kind: 'original',
  platform: 'wechat',
  title: '县教育局召开秋季开学工作会议',
  body: '9月1日，县教育局召开秋季开学工作会议，部署校园安全和食堂管理工作。详情见 https://www.yanchi.gov.cn/xxgk/123.html',
  links: [],
  videoUrl: '',
  sourceName: '',
  sourceUrl: '',
  ...over,
});

const rules = (input: CheckInput) => runChecks(input, settings, 1).hits.map((h) => h.rule);
const only = (input: CheckInput, rule: string) => runChecks(input, settings, 1).hits.filter((h) => h.rule === rule);

test('a clean post has no hits at all', () => {
  const report = runChecks(post(), settings, 42);
  assert.deepEqual(report.hits, []);
  assert.equal(report.blocking + report.overridable + report.warnings, 0);
  assert.equal(report.rulesRev, 3);
  assert.equal(report.checkedAt, 42);
});

test('ID numbers: a valid 18-digit number is blocking but overridable, with its span; a bad checksum is not flagged', () => {
  const id = '64032319900101123X';
  const body = `获奖学生王某（身份证号${id}）将于下周领奖。`;
  const [hit] = only(post({ body }), 'idNumber');
  assert.equal(hit.severity, 'blocking');
  assert.equal(hit.overridable, true);
  assert.equal(body.slice(hit.start, hit.end), id);
  assert.equal(hit.excerpt, '640323********123X');
  assert.match(hit.message, /身份证号码/);
  assert.equal(isValidIdNumber(id), true);
  assert.equal(isValidIdNumber('640323199001011231'), false, 'wrong check digit');
  assert.equal(isValidIdNumber('640323199002301234'), false, 'no 30 February');
  assert.deepEqual(only(post({ body: '编号640323199001011231' }), 'idNumber'), []);
  assert.deepEqual(only(post({ body: '已打码：640323********123X' }), 'idNumber'), []);
  // Full-width digits are the same number.
  const wide = '６４０３２３１９９００１０１１２３X';
  assert.equal(only(post({ body: `身份证${wide}` }), 'idNumber').length, 1);
});

test('mobile numbers: contiguous and grouped are found; landlines and longer runs are not', () => {
  const body = '联系人张老师13912345678，或139-1234-5678，办公电话0953-6019533。';
  const hits = only(post({ body }), 'mobile');
  assert.deepEqual(
    hits.map((h) => body.slice(h.start, h.end)),
    ['13912345678', '139-1234-5678'],
  );
  assert.equal(hits[0].excerpt, '139****5678');
  assert.deepEqual(only(post({ body: '办公电话0953-6019533，编号213912345678' }), 'mobile'), []);
  assert.deepEqual(only(post({ body: '号码12912345678不是手机号' }), 'mobile'), []);
});

test('bank cards: Luhn-valid numbers are found, Luhn-invalid ones and IDs are not', () => {
  assert.equal(passesLuhn('4111111111111111'), true);
  assert.equal(passesLuhn('4111111111111112'), false);
  const body = '请汇款至6222021234567890128，或 4111 1111 1111 1111。';
  const hits = only(post({ body }), 'bankCard');
  assert.deepEqual(
    hits.map((h) => body.slice(h.start, h.end)),
    ['6222021234567890128', '4111 1111 1111 1111'],
  );
  assert.deepEqual(only(post({ body: '卡号4111111111111112' }), 'bankCard'), []);
  assert.deepEqual(only(post({ body: '身份证64032319900101123X' }), 'bankCard'), []);
});

test('numbers inside a link are part of the link, not personal data', () => {
  const body = '原文：https://www.yanchi.gov.cn/art/6222021234567890128.html';
  assert.deepEqual(findPersonalData('body', body, findUrls(body)), []);
});

test('secrecy markers are blocking and never overridable, even with spaces slipped in', () => {
  const body = '根据机 密★1年文件精神，现将有关事项通知如下。';
  const [hit] = only(post({ body }), 'secrecyMarker');
  assert.equal(hit.severity, 'blocking');
  assert.equal(hit.overridable, false);
  assert.equal(body.slice(hit.start, hit.end), '机 密★');
  assert.match(hit.message, /不得发布/);
  assert.deepEqual(only(post({ body: '全县开展保密法宣传月活动。' }), 'secrecyMarker'), []);
  // A level in brackets marks a document, half- or full-width; the bare word is news, not a marking.
  for (const title of ['关于秋季学期放假安排的通知（机密）', '【秘密】会议纪要', '县委文件[绝密]']) {
    const [marked] = only(post({ title }), 'secrecyMarker');
    assert.equal(marked?.severity, 'blocking', title);
  }
  assert.deepEqual(only(post({ title: '全县机关开展保守国家秘密专题培训' }), 'secrecyMarker'), []);
});

test('configured confidential terms are blocking; the list decides, not a guess', () => {
  const [hit] = only(post({ title: '2026年高考试题命制工作部署' }), 'confidentialTerm');
  assert.equal(hit.field, 'title');
  assert.equal(hit.severity, 'blocking');
  assert.deepEqual(only(post({ title: '2026年高考考点巡查' }), 'confidentialTerm'), []);
});

test('sensitive words carry their own level: blocking or warning; case and width folded', () => {
  const blocking = only(post({ body: '有人在校门口张贴代开发票小广告。' }), 'sensitiveWord');
  assert.equal(blocking[0].severity, 'blocking');
  const warning = only(post({ title: '震惊！网红打卡点竟在这里' }), 'sensitiveWord');
  assert.deepEqual(
    warning.map((h) => [h.excerpt, h.severity]),
    [
      ['震惊', 'warning'],
      ['网红', 'warning'],
    ],
  );
  const folded = runChecks(
    post({ body: 'ＡＢＣ' }),
    { ...settings, words: compileWords([{ word: 'abc', category: 'sensitive', level: 'warning' }]) },
    1,
  );
  assert.equal(folded.hits[0].excerpt, 'ＡＢＣ');
  assert.deepEqual(only(post({ body: '教师队伍建设' }), 'sensitiveWord'), []);
});

test('a repost needs a source: the field or a clear mark in the text', () => {
  const repost = post({ kind: 'repost', body: '冬季供暖即将开始，请居民做好准备。' });
  const [hit] = only(repost, 'repostSource');
  assert.equal(hit.severity, 'blocking');
  assert.equal(hit.overridable, false);
  assert.match(hit.basis, /第十二条/);
  assert.deepEqual(only({ ...repost, sourceName: '宁夏日报' }, 'repostSource'), []);
  assert.deepEqual(only({ ...repost, body: `${repost.body}（转自：盐池县融媒体中心）` }, 'repostSource'), []);
  assert.deepEqual(only(post({ body: '冬季供暖即将开始。' }), 'repostSource'), [], 'originals need no source');
});

test('links away from the portal are warnings; the portal and its subdomains are fine', () => {
  const body = '详见 http://example.com/a.html。门户：https://www.yanchi.gov.cn/x 和 https://edu.yanchi.gov.cn/y';
  const hits = only(
    post({ body, links: ['https://news.example.org/1', 'https://www.yanchi.gov.cn/2'] }),
    'externalLink',
  );
  assert.deepEqual(
    hits.map((h) => [h.field, h.excerpt, h.severity]),
    [
      ['body', 'http://example.com/a.html', 'warning'],
      ['links.0', 'https://news.example.org/1', 'warning'],
    ],
  );
  assert.equal(body.slice(hits[0].start, hits[0].end), 'http://example.com/a.html');
  assert.equal(hostOf('HTTPS://WWW.Yanchi.gov.cn:443/a'), 'www.yanchi.gov.cn');
  assert.equal(isPortalHost('yanchi.gov.cn.evil.com', DEFAULT_PORTAL_DOMAINS), false);
});

test('length over the platform limit is blocking, counting characters, with the overflow highlighted', () => {
  const body = '字'.repeat(2001);
  const [hit] = only(post({ platform: 'weibo', body }), 'length');
  assert.equal(hit.severity, 'blocking');
  assert.equal(hit.start, 2000);
  assert.equal(hit.end, 2001);
  assert.deepEqual(only(post({ platform: 'weibo', body: '字'.repeat(2000) }), 'length'), []);
  assert.deepEqual(
    only(post({ platform: 'weibo', body: '𠮷'.repeat(2000) }), 'length'),
    [],
    'a surrogate pair is one character',
  );
  assert.equal(only(post({ platform: 'douyin', title: '标'.repeat(31) }), 'length')[0].field, 'title');
});

test('a correction without an apology gets a warning', () => {
  assert.deepEqual(rules(post({ kind: 'correction', body: '原文中日期有误，应为9月2日。' })), ['correctionApology']);
  assert.deepEqual(rules(post({ kind: 'correction', body: '原文日期有误，现更正为9月2日，特此致歉。' })), []);
});

test('hits are ordered: unoverridable blocking first, then overridable, then warnings', () => {
  const report = runChecks(post({ title: '震惊', body: '电话13912345678，内部资料' }), settings, 1);
  assert.deepEqual(
    report.hits.map((h) => h.rule),
    ['secrecyMarker', 'mobile', 'sensitiveWord'],
  );
  assert.deepEqual([report.blocking, report.overridable, report.warnings], [1, 1, 1]);
});
