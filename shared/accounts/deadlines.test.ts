import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountFilingFlag, daysOverdue, dueAfter, filingFlag, formatChinaDate, parseChinaDate } from './deadlines';
import { checkAccountName } from './naming';

test('the filing deadline counts China days, whatever the UTC date', () => {
  // opened 2026-11-27 23:30 China time (15:30 UTC): due by the end of 12-04 China time
  const opened = Date.UTC(2026, 10, 27, 15, 30);
  const due = dueAfter(opened, 7);
  assert.equal(formatChinaDate(due), '2026-12-04');
  assert.equal(due, Date.UTC(2026, 11, 4, 16, 0) - 1);
  assert.equal(daysOverdue(due, due), 0);
  assert.equal(daysOverdue(due, due + 1), 1);
  assert.equal(daysOverdue(due, due + 1 + 24 * 3600 * 1000 * 2), 3);
  assert.equal(filingFlag('filing', due, opened)?.text, '备案还剩 7 天（12-04 前）');
  assert.equal(filingFlag('refiling', due, due + 1)?.text, '变更备案已逾期 1 天');
  assert.equal(filingFlag('filing', null, opened), null);
});

test('dates typed as YYYY-MM-DD are China dates; impossible dates are refused', () => {
  assert.equal(parseChinaDate('2026-11-27'), Date.UTC(2026, 10, 26, 16, 0));
  assert.equal(parseChinaDate('2026-02-30'), null);
  assert.equal(parseChinaDate('2026-1-5'), null);
});

test('the name rule matches the full name or a short name, ignoring spaces and full-width forms', () => {
  const unit = { name: '县教育局', shortNames: ['教育局', '盐池教育'] };
  assert.deepEqual(checkAccountName('盐池教育', unit), { ok: true, matched: '盐池教育' });
  assert.equal(checkAccountName('县 教育局发布', unit).ok, true);
  assert.equal(checkAccountName('塞上书香', unit).ok, false);
  assert.equal(checkAccountName('ＹＣ教育局', unit).ok, true);
});

test('the flag any feature can compute from a stored record', () => {
  const due = Date.UTC(2026, 11, 4, 16, 0) - 1;
  const after = due + 2;
  assert.equal(accountFilingFlag({ status: 'opened', filing: { dueAt: due } }, after)?.text, '备案已逾期 1 天');
  assert.equal(accountFilingFlag({ status: 'active', filing: { dueAt: due }, refiling: null }, after), null);
  assert.equal(
    accountFilingFlag({ status: 'active', refiling: { state: 'due', dueAt: due } }, after)?.kind,
    'refiling',
  );
  assert.equal(accountFilingFlag({ status: 'active', refiling: { state: 'submitted', dueAt: due } }, after), null);
});
