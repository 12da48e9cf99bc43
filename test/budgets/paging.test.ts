import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CITIZEN, createTestCloud, staffOpenid, type TestCloud } from '../support/cloud-harness';
import { ensurePhone } from '../fuzz/lib/prepare';
import { BAD_CURSORS, page, walk, type ListCall } from './lib/page-walk';

// The lists issue 8 found cut at 100 rows (or returning every unit) now page with a cursor. For
// each, through the public entry point: more rows than a page → every row exactly once across
// the pages, also when rows arrive between pages (a stable order on a unique key); a bad or
// forged cursor is refused as InvalidParameter, never Internal; and the caller's scope holds on
// every page — another unit's rows never appear, whatever cursor is sent.

const ROWS = 23; // with pages of 5: five pages, the last one short
const PAGE = 5;
const DAY = 86_400_000;

const EDU = 'u-education';
const HMC = 'u-huamachi';
const edu = (id: string) => staffOpenid(id);

type Doc = Record<string, unknown>;

interface PagedCase {
  list: ListCall;
  key: (item: Doc) => string;
  /** Writes one row the list shows (as the product would store it); returns its key. */
  add: (cloud: TestCloud, i: number) => Promise<string>;
  /** Writes rows just outside the caller's scope (another unit, revoked, someone else's). */
  outside: (cloud: TestCloud) => Promise<Array<{ key: string; cursor: string }>>;
  /** The same list asked for a unit the caller has no say in: refused on a later page too. */
  otherUnit?: Record<string, unknown>;
}

let seq = 0;
const put = async (cloud: TestCloud, collection: string, doc: Doc): Promise<string> => {
  const id = `pg${(++seq).toString().padStart(4, '0')}${collection.slice(0, 3)}`;
  await cloud.db.collection(collection).doc(id).set({ data: doc });
  return id;
};
/** Three rows share each timestamp, so the order's tie-break on _id is exercised. */
const when = (cloud: TestCloud, i: number) => cloud.clock.now() - DAY - Math.floor(i / 3) * 60_000;

const person = (cloud: TestCloud, i: number, over: Doc) => {
  const id = `pgstaff${(++seq).toString().padStart(4, '0')}`;
  const roles = (over.roles as Array<{ role: string; unitId: string }>) ?? [];
  return cloud.db
    .collection('staff')
    .doc(id)
    .set({
      data: {
        name: `测试人员${i}`,
        title: '科员',
        mobile: '13995319999',
        openid: `paging-${id}`,
        status: 'active',
        roles,
        unitIds: [...new Set(roles.map((g) => g.unitId))],
        pendingRoles: [],
        pendingUnitIds: [],
        createdAt: when(cloud, i),
        ...over,
      },
    })
    .then(() => ({ id, createdAt: when(cloud, i) }));
};
const device = (cloud: TestCloud, i: number, staffId: string, status = 'pending') =>
  put(cloud, 'devices', {
    staffId,
    openid: `paging-device-${i}`,
    secret: '0'.repeat(64),
    info: { brand: 'test', model: `P${i}`, system: 'Android', platform: 'android', sdkVersion: '3.0.0' },
    status,
    createdAt: when(cloud, i),
    lastActiveAt: null,
    locked: false,
  });
const cursorAt = (createdAt: number, id: string) => `${createdAt}_${id}`;

const CASES: Record<string, PagedCase> = {
  'units.list': {
    list: { fn: 'identity', action: 'units.list', caller: CITIZEN, payload: {} },
    key: (u) => String(u._id),
    add: (cloud, i) =>
      put(cloud, 'units', {
        name: `测试单位${i}`,
        shortNames: [],
        kind: 'department',
        status: 'active',
        order: 100 + i,
      }),
    outside: async (cloud) => {
      const id = await put(cloud, 'units', {
        name: '已撤销的单位',
        shortNames: [],
        kind: 'department',
        status: 'revoked',
        order: 105,
      });
      return [{ key: id, cursor: `105_${id}` }];
    },
  },
  'staff.list': {
    list: { fn: 'identity', action: 'staff.list', caller: edu('s-edu-admin'), payload: { unitId: EDU } },
    key: (s) => String(s._id),
    add: async (cloud, i) => (await person(cloud, i, { roles: [{ role: 'publisher', unitId: EDU }] })).id,
    outside: async (cloud) => {
      const p = await person(cloud, 5, { roles: [{ role: 'publisher', unitId: HMC }] });
      return [{ key: p.id, cursor: cursorAt(p.createdAt, p.id) }];
    },
    otherUnit: { unitId: HMC },
  },
  'devices.unit': {
    list: { fn: 'identity', action: 'devices.unit', caller: edu('s-edu-admin'), payload: { unitId: EDU } },
    key: (d) => String(d._id),
    add: (cloud, i) => device(cloud, i, i % 2 ? 's-edu-publisher' : 's-edu-reviewer'),
    outside: async (cloud) => {
      const foreign = await device(cloud, 4, 's-hmc-publisher');
      const revoked = await device(cloud, 7, 's-edu-reviewer', 'revoked');
      return [
        { key: foreign, cursor: cursorAt(when(cloud, 4), foreign) },
        { key: revoked, cursor: cursorAt(when(cloud, 7), revoked) },
      ];
    },
    otherUnit: { unitId: HMC },
  },
  'devices.mine': {
    list: { fn: 'identity', action: 'devices.mine', caller: edu('s-edu-publisher'), payload: {} },
    key: (d) => String(d._id),
    add: (cloud, i) => device(cloud, i, 's-edu-publisher', i % 4 ? 'revoked' : 'pending'),
    outside: async (cloud) => {
      const theirs = await device(cloud, 6, 's-edu-reviewer');
      return [{ key: theirs, cursor: cursorAt(when(cloud, 6), theirs) }];
    },
  },
  'accounts.people': {
    list: { fn: 'accounts', action: 'accounts.people', caller: edu('s-edu-publisher'), payload: { unitIds: [EDU] } },
    key: (s) => String(s.staffId),
    add: async (cloud, i) => (await person(cloud, i, { roles: [{ role: 'reviewer', unitId: EDU }] })).id,
    outside: async (cloud) => {
      const other = await person(cloud, 2, { roles: [{ role: 'reviewer', unitId: HMC }] });
      const off = await person(cloud, 8, { roles: [{ role: 'reviewer', unitId: EDU }], status: 'disabled' });
      return [
        { key: other.id, cursor: cursorAt(other.createdAt, other.id) },
        { key: off.id, cursor: cursorAt(off.createdAt, off.id) },
      ];
    },
    otherUnit: { unitIds: [HMC] },
  },
  'accounts.exceptions': {
    list: { fn: 'accounts', action: 'accounts.exceptions', caller: edu('s-infocenter'), payload: { unitId: EDU } },
    key: (e) => String(e._id),
    add: (cloud, i) => exception(cloud, i, EDU),
    outside: async (cloud) => {
      const id = await exception(cloud, 3, HMC);
      return [{ key: id, cursor: cursorAt(when(cloud, 3), id) }];
    },
  },
  'messages.handlers': {
    list: { fn: 'messages', action: 'messages.handlers', caller: edu('s-edu-leader'), payload: { unitId: EDU } },
    key: (s) => String(s._id),
    add: async (cloud, i) => (await person(cloud, i, { roles: [{ role: 'publisher', unitId: EDU }] })).id,
    outside: async (cloud) => {
      const other = await person(cloud, 1, { roles: [{ role: 'publisher', unitId: HMC }] });
      // an admin only is no handler; a pending invitee is not yet one
      const admin = await person(cloud, 4, { roles: [{ role: 'unitAdmin', unitId: EDU }] });
      const pending = await person(cloud, 9, {
        roles: [],
        pendingRoles: [{ role: 'publisher', unitId: EDU }],
        pendingUnitIds: [EDU],
        status: 'pending',
      });
      return [other, admin, pending].map((p) => ({ key: p.id, cursor: cursorAt(p.createdAt, p.id) }));
    },
    otherUnit: { unitId: HMC },
  },
};

function exception(cloud: TestCloud, i: number, unitId: string) {
  return put(cloud, 'accountExceptions', {
    kind: 'platform',
    unitId,
    platform: 'douyin',
    name: null,
    reason: '测试用例：第二个机构账号',
    grantedBy: 's-infocenter',
    grantedByName: '马超',
    grantedAt: when(cloud, i),
    usedByAccountId: null,
    usedAt: null,
    revokedAt: null,
    revokedReason: null,
    state: 'open',
    createdAt: when(cloud, i),
  });
}

for (const [name, c] of Object.entries(CASES)) {
  test(`${name}: pages with a cursor, each row once while rows arrive, in scope on every page`, async () => {
    const cloud = await createTestCloud();
    try {
      await ensurePhone(cloud, c.list.caller);
      for (let i = 0; i < ROWS; i++) await c.add(cloud, i);
      const outside = await c.outside(cloud);
      const before = new Set((await page(cloud, c.list, { pageSize: 100 })).items.map(c.key));
      assert.ok(before.size >= ROWS && before.size < 100, `${before.size} rows to page through`);

      let added = 0;
      const arrived: string[] = [];
      const { keys, pages } = await walk(cloud, c.list, c.key, PAGE, async () => {
        if (added < 3) arrived.push(await c.add(cloud, 100 + added++));
      });
      assert.ok(pages >= Math.ceil(before.size / PAGE), `${pages} pages for ${before.size} rows`);
      assert.equal(new Set(keys).size, keys.length, 'a row shown twice');
      for (const k of before) assert.ok(keys.includes(k), `row ${k} skipped`);
      for (const k of keys) assert.ok(before.has(k) || arrived.includes(k), `unexpected row ${k}`);
      for (const o of outside) assert.ok(!keys.includes(o.key), `out-of-scope row ${o.key} shown`);

      // A cursor pointing at an out-of-scope row continues this caller's list, and nothing else.
      const everything = new Set([...before, ...arrived]);
      for (const o of outside) {
        const p = await page(cloud, c.list, { pageSize: 100, cursor: o.cursor });
        for (const item of p.items) assert.ok(everything.has(c.key(item)), `forged cursor showed ${c.key(item)}`);
      }

      for (const cursor of BAD_CURSORS) {
        const res = await cloud.call(c.list.fn, c.list.action, { ...c.list.payload, cursor }, c.list.caller);
        assert.equal(res.ok ? 'ok' : res.code, 'InvalidParameter', `cursor ${cursor}: ${JSON.stringify(res)}`);
        if (!res.ok) assert.match(res.message, /翻页参数无效|格式/);
      }
      const huge = await cloud.call(c.list.fn, c.list.action, { ...c.list.payload, pageSize: 101 }, c.list.caller);
      assert.equal(huge.ok ? 'ok' : huge.code, 'InvalidParameter', 'a page over 100 rows');

      if (c.otherUnit) {
        const first = await page(cloud, c.list, { pageSize: PAGE });
        assert.ok(first.nextCursor);
        const later = await cloud.call(
          c.list.fn,
          c.list.action,
          { ...c.list.payload, ...c.otherUnit, pageSize: PAGE, cursor: first.nextCursor },
          c.list.caller,
        );
        assert.equal(later.ok ? 'ok' : later.code, 'Forbidden', 'a later page of another unit');
      }
    } finally {
      cloud.close();
    }
  });
}
