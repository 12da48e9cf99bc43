import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maskPersonalData, maskPhone } from './masking';

test('mobile numbers keep the first 3 and last 4 digits, in any common spelling', () => {
  assert.equal(maskPersonalData('我的电话13912345678，请回电'), '我的电话139****5678，请回电');
  assert.equal(maskPersonalData('电话：139 1234 5678'), '电话：139****5678');
  assert.equal(maskPersonalData('+86 13912345678'), '+86 139****5678');
  assert.equal(maskPersonalData('手机139-1234-5678。'), '手机139****5678。');
});

test('ID card numbers (18 and 15 digits) keep only the first and last character', () => {
  assert.equal(maskPersonalData('身份证号640323199001011234'), '身份证号6****************4');
  assert.equal(maskPersonalData('身份证64032319900101123X。'), '身份证6****************X。');
  assert.equal(maskPersonalData('老身份证640323900101123'), '老身份证6*************3');
});

test('landlines, bank cards, e-mail, QQ/WeChat ids, plates and door numbers are masked', () => {
  assert.equal(maskPersonalData('座机0953-6019533'), '座机0953-****9533');
  assert.equal(maskPersonalData('卡号6222021234567890123'), '卡号6222***********0123');
  assert.equal(maskPersonalData('邮箱zhang.san@example.com'), '邮箱z***@example.com');
  assert.equal(maskPersonalData('QQ：123456789'), 'QQ：12*******');
  assert.equal(maskPersonalData('微信号zhangsan_88'), '微信号zh*********');
  assert.equal(maskPersonalData('车牌宁A12345被贴条'), '车牌宁A***45被贴条');
  assert.equal(maskPersonalData('住在盐州小区3号楼2单元501室'), '住在盐州小区*号楼*单元*室');
});

test('names given in the usual ways keep only the surname; ordinary words are left alone', () => {
  assert.equal(maskPersonalData('我叫张三，住在花马池镇'), '我叫张*，住在花马池镇');
  assert.equal(maskPersonalData('姓名：王小明 电话13912345678'), '姓名：王** 电话139****5678');
  assert.equal(maskPersonalData('联系人李四13912345678'), '联系人李*139****5678');
  assert.equal(maskPersonalData('我是张三丰的家长'), '我是张**的家长');
  assert.equal(maskPersonalData('我是村民，反映路灯问题'), '我是村民，反映路灯问题');
  assert.equal(maskPersonalData('我是花马池镇居民'), '我是花马池镇居民');
  // The name of the person who wrote, when known (an imported order), is hidden wherever it appears.
  assert.equal(maskPersonalData('刘建国反映：刘建国家门口积水', { names: ['刘建国'] }), '刘**反映：刘**家门口积水');
});

test('tracking numbers, dates, amounts and years are not personal data', () => {
  const text = '查询编号YC-20261128-0001，2026年10月8日反映，补助2000元，2026-01-04办理';
  assert.equal(maskPersonalData(text), text);
});

test('property: no mobile number or 18-digit ID survives, whatever surrounds it', () => {
  const mobile = fc
    .tuple(fc.constantFrom('13', '15', '17', '18', '19'), fc.stringMatching(/^\d{9}$/))
    .map(([a, b]) => a + b);
  const id = fc
    .tuple(fc.integer({ min: 110000, max: 659999 }), fc.stringMatching(/^\d{11}$/), fc.constantFrom('0', '7', 'X'))
    .map(([a, b, c]) => `${a}${b}${c}`);
  const filler = fc.string({ maxLength: 12 }).map((s) => s.replace(/[0-9A-Za-z]/g, '的'));
  fc.assert(
    fc.property(filler, mobile, filler, id, filler, (a, m, b, i, c) => {
      const out = maskPersonalData(`${a}${m}${b}${i}${c}`);
      assert.ok(!out.includes(m), `mobile survived: ${out}`);
      assert.ok(!out.includes(i), `ID survived: ${out}`);
      assert.ok(!/1[3-9]\d{9}/.test(out), `a mobile-like run survived: ${out}`);
    }),
    { numRuns: 500 },
  );
});

test('phone fields are masked for viewers outside the handling unit', () => {
  assert.equal(maskPhone('13912345678'), '139****5678');
  assert.equal(maskPhone(null), null);
});
