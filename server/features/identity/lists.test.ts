import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Page } from '@shared/messages/schemas';
import type { UnitSummary } from '@shared/org/units';
import { CITIZEN, createTestCloud, okData, staffOpenid, type TestCloud } from '../../../test/support/cloud-harness';

// What the identity lists show (their paging is checked in test/budgets/paging.test.ts): the
// unit search of the citizen's picker, and the 单位管理 views the server now filters.

const ADMIN = staffOpenid('s-edu-admin');
const EDU = 'u-education';

const units = async (cloud: TestCloud, data: Record<string, unknown>) =>
  okData(await cloud.call<Page<UnitSummary>>('identity', 'units.list', data, CITIZEN));
const names = (p: Page<{ name: string }>) => p.items.map((u) => u.name);

test('units.list: the county order a page at a time, a search by name or short name, lookups by id or office', async () => {
  const cloud = await createTestCloud();
  try {
    const first = await units(cloud, { pageSize: 5 });
    assert.deepEqual(names(first), ['花马池镇', '大水坑镇', '惠安堡镇', '高沙窝镇', '王乐井乡']);
    const rest = await units(cloud, { pageSize: 100, cursor: first.nextCursor });
    assert.equal(rest.nextCursor, null);
    assert.equal(first.items.length + rest.items.length, 14);

    assert.deepEqual(names(await units(cloud, { q: '教育' })), ['县教育局'], 'by name');
    assert.deepEqual(names(await units(cloud, { q: '  卫健 ' })), ['县卫生健康局'], 'by short name, trimmed');
    assert.deepEqual(names(await units(cloud, { q: '镇' })), ['花马池镇', '大水坑镇', '惠安堡镇', '高沙窝镇']);
    const page1 = await units(cloud, { q: '县', pageSize: 2 });
    const page2 = await units(cloud, { q: '县', pageSize: 100, cursor: page1.nextCursor });
    assert.deepEqual(
      [...names(page1), ...names(page2)],
      ['县政府办公室', '县政府信息中心', '县政府督查室', '县教育局', '县卫生健康局', '县公安局'],
      'a search pages too',
    );
    // What a person types is text, never a pattern.
    assert.deepEqual(names(await units(cloud, { q: '.*' })), []);
    assert.deepEqual(names(await units(cloud, { q: '县(' })), []);
    assert.deepEqual(names(await units(cloud, { q: '深圳' })), [], 'nothing found is an empty page');

    assert.deepEqual(names(await units(cloud, { ids: ['u-police', 'u-huamachi', 'u-nowhere'] })), [
      '花马池镇',
      '县公安局',
    ]);
    assert.deepEqual(names(await units(cloud, { role: 'countyOffice' })), ['县政府办公室']);

    await cloud.db
      .collection('units')
      .doc('u-police')
      .update({ data: { status: 'revoked' } });
    assert.deepEqual(names(await units(cloud, { q: '公安' })), [], 'a revoked unit is not offered');

    const long = await cloud.call('identity', 'units.list', { q: '县'.repeat(21) }, CITIZEN);
    assert.equal(long.ok ? 'ok' : long.code, 'InvalidParameter');
    assert.match(long.ok ? '' : long.message, /搜索词不超过 20 个字/);
  } finally {
    cloud.close();
  }
});

interface StaffRow {
  _id: string;
  name: string;
  status: string;
  roles: Array<{ role: string }>;
  pendingRoles: Array<{ role: string }>;
  devices: Array<{ _id: string; status: string }>;
}
interface DeviceRow {
  _id: string;
  status: string;
  holder: string;
}

test('单位管理 views: pending people, members (with their working phones), phones by status', async () => {
  const cloud = await createTestCloud();
  try {
    const staff = async (view?: string) =>
      okData(
        await cloud.call<Page<StaffRow>>('identity', 'staff.list', { unitId: EDU, ...(view ? { view } : {}) }, ADMIN),
      ).items;
    const devices = async (status?: string) =>
      okData(
        await cloud.call<Page<DeviceRow>>(
          'identity',
          'devices.unit',
          { unitId: EDU, ...(status ? { status } : {}) },
          ADMIN,
        ),
      ).items;

    // A newcomer redeems an invite and asks to bind a phone.
    const { code } = okData(
      await cloud.call<{ code: string }>('identity', 'invites.create', { unitId: EDU, role: 'publisher' }, ADMIN),
    );
    const joined = okData(
      await cloud.call<{ staffId: string }>(
        'identity',
        'invites.redeem',
        { code, name: '马小兰', title: '办公室科员', mobile: '13995319999' },
        'wx-newcomer',
      ),
    );
    const phone = `dev${randomBytes(10).toString('hex')}`;
    okData(
      await cloud.call(
        'identity',
        'devices.register',
        {
          deviceId: phone,
          secret: randomBytes(32).toString('hex'),
          info: { brand: 'HUAWEI', model: 'Mate 60', system: 'HarmonyOS 4', platform: 'android', sdkVersion: '3.4.0' },
        },
        'wx-newcomer',
      ),
    );
    await cloud.deviceFor(staffOpenid('s-edu-publisher'));

    const pending = await staff('pending');
    assert.deepEqual(
      pending.map((s) => s.name),
      ['马小兰'],
    );
    assert.deepEqual(
      pending[0].pendingRoles.map((g) => g.role),
      ['publisher'],
    );
    const members = await staff('members');
    assert.ok(!members.some((s) => s._id === joined.staffId), 'a pending-only person is not yet a member');
    assert.deepEqual(members.map((s) => s.name).sort(), ['李明', '王芳', '张伟', '赵敏'].sort());
    assert.equal((await staff()).length, 5, 'everyone');
    const liMing = members.find((s) => s.name === '李明')!;
    assert.equal(liMing.devices.length, 1, "the harness phone shows on 李明's card");
    assert.equal(liMing.devices[0].status, 'trusted');
    assert.equal(JSON.stringify(members).includes('secret'), false, 'no device secret leaves');

    assert.deepEqual(
      (await devices('pending')).map((d) => [d._id, d.holder]),
      [[phone, '马小兰（办公室科员）']],
    );
    assert.ok(!(await devices('trusted')).some((d) => d._id === phone));
    assert.ok((await devices()).some((d) => d._id === phone));

    // Disabled: still listed under 人员 (as 已停用), no longer pending, phones revoked and gone.
    okData(await cloud.call('identity', 'staff.disable', { staffId: 's-edu-publisher', reason: '调离本单位' }, ADMIN));
    const after = await staff('members');
    const disabled = after.find((s) => s._id === 's-edu-publisher')!;
    assert.equal(disabled.status, 'disabled');
    assert.deepEqual(disabled.devices, []);
    okData(
      await cloud.call(
        'identity',
        'staff.decide',
        { staffId: joined.staffId, approve: false, reason: '信息有误' },
        ADMIN,
      ),
    );
    assert.deepEqual(await staff('pending'), [], 'refused: no longer pending');

    const bad = await cloud.call('identity', 'staff.list', { unitId: EDU, view: 'everyone' }, ADMIN);
    assert.equal(bad.ok ? 'ok' : bad.code, 'InvalidParameter');
    const revoked = await cloud.call('identity', 'devices.unit', { unitId: EDU, status: 'revoked' }, ADMIN);
    assert.equal(revoked.ok ? 'ok' : revoked.code, 'InvalidParameter');
  } finally {
    cloud.close();
  }
});

test('devices.mine: my phones newest first, 20 a page by default; me.get counts the trusted ones', async () => {
  const cloud = await createTestCloud();
  try {
    const me = staffOpenid('s-edu-reviewer');
    await cloud.deviceFor(me);
    for (let i = 0; i < 24; i++) {
      cloud.clock.advance(1000);
      await cloud.db
        .collection('devices')
        .doc(`devmine${String(i).padStart(2, '0')}`)
        .set({
          data: {
            staffId: 's-edu-reviewer',
            openid: me,
            secret: '0'.repeat(64),
            info: { brand: 'x', model: `M${i}`, system: '', platform: '', sdkVersion: '' },
            status: i === 23 ? 'trusted' : 'revoked',
            createdAt: cloud.clock.now(),
            lastActiveAt: null,
            locked: false,
          },
        });
    }
    const first = okData(await cloud.call<Page<{ _id: string }>>('identity', 'devices.mine', {}, me));
    assert.equal(first.items.length, 20);
    assert.equal(first.items[0]._id, 'devmine23');
    const rest = okData(
      await cloud.call<Page<{ _id: string }>>('identity', 'devices.mine', { cursor: first.nextCursor }, me),
    );
    assert.equal(rest.items.length, 5, 'the other 4 and the harness phone');
    assert.equal(rest.nextCursor, null);
    const who = okData(await cloud.call<{ staff: { trustedDevices: number } }>('identity', 'me.get', {}, me));
    assert.equal(who.staff.trustedDevices, 2);
  } finally {
    cloud.close();
  }
});
