import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestCloud, okData, staffOpenid, DEMO_PIN } from '../../../test/support/cloud-harness';

const LEADER = staffOpenid('s-edu-leader');
const ADMIN = staffOpenid('s-edu-admin');
const WRONG = '975310';

test('five wrong PINs in a row lock PIN entry for 15 minutes, then it is released', async () => {
  const cloud = await createTestCloud();
  for (let i = 1; i <= 4; i++) {
    const r = await cloud.call('identity', 'stepup.verify', { purpose: 'post.approve', pin: WRONG }, LEADER);
    assert.equal(!r.ok && r.message, `PIN 不正确，再错 ${5 - i} 次将锁定 15 分钟`);
  }
  const fifth = await cloud.call('identity', 'stepup.verify', { purpose: 'post.approve', pin: WRONG }, LEADER);
  assert.equal(!fifth.ok && fifth.code, 'RateLimited');
  // even the right PIN is refused while locked
  const locked = await cloud.call('identity', 'stepup.verify', { purpose: 'post.approve', pin: DEMO_PIN }, LEADER);
  assert.match(!locked.ok ? locked.message : '', /请 15 分钟后再试/);
  cloud.clock.advance(14 * 60_000);
  const still = await cloud.call('identity', 'stepup.verify', { purpose: 'post.approve', pin: DEMO_PIN }, LEADER);
  assert.equal(!still.ok && still.code, 'RateLimited');
  cloud.clock.advance(60_000 + 1);
  const released = await cloud.call<{ stepUpId: string }>(
    'identity',
    'stepup.verify',
    { purpose: 'post.approve', pin: DEMO_PIN },
    LEADER,
  );
  assert.ok(okData(released).stepUpId);
  cloud.close();
});

test('100 refused PINs within an hour lock the person until a unit admin unlocks', async () => {
  const cloud = await createTestCloud();
  let last;
  for (let i = 0; i < 100; i++) {
    last = await cloud.call('identity', 'stepup.verify', { purpose: 'post.approve', pin: WRONG }, LEADER);
    cloud.clock.advance(30_000);
  }
  assert.match(!last!.ok ? last!.message : '', /账号已锁定，请联系单位管理员解锁/);
  cloud.clock.advance(2 * 3600_000); // time alone does not release a hard lock
  const after = await cloud.call('identity', 'stepup.verify', { purpose: 'post.approve', pin: DEMO_PIN }, LEADER);
  assert.match(!after.ok ? after.message : '', /请联系单位管理员解锁/);
  okData(await cloud.call('identity', 'staff.unlock', { staffId: 's-edu-leader' }, ADMIN));
  okData(await cloud.call('identity', 'stepup.verify', { purpose: 'post.approve', pin: DEMO_PIN }, LEADER));
  cloud.close();
});

test('a simple PIN is refused; changing a PIN needs the current one', async () => {
  const cloud = await createTestCloud();
  const simple = await cloud.call('identity', 'pin.set', { pin: '123456', currentPin: DEMO_PIN }, LEADER);
  assert.equal(!simple.ok && simple.fieldErrors?.pin, 'PIN 不能是连续的数字');
  const noCurrent = await cloud.call('identity', 'pin.set', { pin: '380517' }, LEADER);
  assert.equal(!noCurrent.ok && noCurrent.fieldErrors?.currentPin, '请输入当前 PIN');
  okData(await cloud.call('identity', 'pin.set', { pin: '380517', currentPin: DEMO_PIN }, LEADER));
  const old = await cloud.call('identity', 'stepup.verify', { purpose: 'post.approve', pin: DEMO_PIN }, LEADER);
  assert.equal(old.ok, false);
  okData(await cloud.call('identity', 'stepup.verify', { purpose: 'post.approve', pin: '380517' }, LEADER));
  const stored = (await cloud.db.collection('staff').doc('s-edu-leader').get()).data;
  const doc = Array.isArray(stored) ? stored[0] : stored;
  assert.doesNotMatch(JSON.stringify(doc), /380517/, 'the PIN is stored only as a slow hash');
  cloud.close();
});

test('a sensitive action needs a fresh PIN ticket: single use, right purpose, within 5 minutes', async () => {
  const cloud = await createTestCloud();
  const PUB = staffOpenid('s-edu-publisher');
  const register = async (id: string) =>
    okData(
      await cloud.raw(
        'identity',
        { action: 'devices.register', data: { deviceId: id, secret: 'c'.repeat(64), info: {} } },
        PUB,
      ),
    );
  await register('devnewphone00000000000001');
  await register('devnewphone00000000000002');

  const without = await cloud.call('identity', 'devices.approve', { deviceId: 'devnewphone00000000000001' }, ADMIN);
  assert.equal(!without.ok && (without.details as { reason?: string }).reason, 'stepup-required');

  const wrongPurpose = await cloud.stepUp(ADMIN, 'post.approve');
  const mismatch = await cloud.call(
    'identity',
    'devices.approve',
    { deviceId: 'devnewphone00000000000001', stepUpId: wrongPurpose },
    ADMIN,
  );
  assert.match(!mismatch.ok ? mismatch.message : '', /验证用途不符/);

  const ticket = await cloud.stepUp(ADMIN, 'device.change');
  okData(
    await cloud.call('identity', 'devices.approve', { deviceId: 'devnewphone00000000000001', stepUpId: ticket }, ADMIN),
  );
  const reuse = await cloud.call(
    'identity',
    'devices.approve',
    { deviceId: 'devnewphone00000000000002', stepUpId: ticket },
    ADMIN,
  );
  assert.match(!reuse.ok ? reuse.message : '', /已使用过/);

  const late = await cloud.stepUp(ADMIN, 'device.change');
  cloud.clock.advance(5 * 60_000);
  const expired = await cloud.call(
    'identity',
    'devices.approve',
    { deviceId: 'devnewphone00000000000002', stepUpId: late },
    ADMIN,
  );
  assert.match(!expired.ok ? expired.message : '', /超过 5 分钟/);
  cloud.close();
});

test('at most two trusted devices: a third is refused at binding and at approval', async () => {
  const cloud = await createTestCloud();
  const PUB = staffOpenid('s-edu-publisher');
  await cloud.deviceFor(PUB); // first trusted phone
  const second = 'devsecondphone00000000001';
  const third = 'devthirdphone000000000001';
  for (const id of [second, third]) {
    okData(
      await cloud.raw(
        'identity',
        { action: 'devices.register', data: { deviceId: id, secret: 'd'.repeat(64), info: {} } },
        PUB,
      ),
    );
  }
  okData(
    await cloud.call(
      'identity',
      'devices.approve',
      { deviceId: second, stepUpId: await cloud.stepUp(ADMIN, 'device.change') },
      ADMIN,
    ),
  );
  const approveThird = await cloud.call(
    'identity',
    'devices.approve',
    { deviceId: third, stepUpId: await cloud.stepUp(ADMIN, 'device.change') },
    ADMIN,
  );
  assert.match(!approveThird.ok ? approveThird.message : '', /不能再批准第三台/);
  const registerFourth = await cloud.raw(
    'identity',
    { action: 'devices.register', data: { deviceId: 'devfourthphone0000000001', secret: 'e'.repeat(64), info: {} } },
    PUB,
  );
  assert.match(!registerFourth.ok ? registerFourth.message : '', /最多绑定 2 台设备/);
  cloud.close();
});
