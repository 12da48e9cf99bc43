import type { Database } from '@server/runtime/deps';
import { UNITS } from '@server/features/identity/units';
import { STAFF } from '@server/runtime/staff';
import { appendAudit, type TxLike } from '@server/runtime/audit';
import { hashPin } from '@server/features/identity/pin';
import { DEMO_CITIZENS, DEMO_STAFF, DEMO_UNITS, demoOpenid } from './county';
import { seedDemoAccounts } from '@server/features/accounts/demo';

/** Every seeded demo staff member's PIN; the H5 switcher shows it. Real staff set their own. */
export const DEMO_PIN = '246810';
let demoPinHash: Promise<{ hash: string; salt: string }> | null = null;

/** Seeds the demo county once (on the first start with an empty data directory). */
export async function seedDemoCounty(db: Database, now: number): Promise<boolean> {
  const existing = await db.collection(UNITS).limit(1).get();
  if (existing.data.length) return false;
  demoPinHash ??= hashPin(DEMO_PIN);
  const pin = { ...(await demoPinHash), setAt: now };
  await db.runTransaction(async (t: TxLike) => {
    for (const [order, u] of DEMO_UNITS.entries()) {
      const { _id, ...rest } = u;
      await t
        .collection(UNITS)
        .doc(_id)
        .set({ data: { ...rest, status: 'active', order } });
    }
    for (const p of DEMO_STAFF) {
      const { _id, ...rest } = p;
      await t
        .collection(STAFF)
        .doc(_id)
        .set({
          data: {
            ...rest,
            openid: demoOpenid(_id),
            status: 'active',
            unitIds: [...new Set(rest.roles.map((r) => r.unitId))],
            pendingRoles: [],
            pendingUnitIds: [],
            pin,
            createdAt: now,
            demo: true,
          },
        });
    }
    await appendAudit(t, now, {
      action: 'demo.seed',
      result: 'ok',
      requestId: 'seed',
      actor: { openid: null, staffId: null },
      reason: `演示县初始化：${DEMO_UNITS.length} 个单位，${DEMO_STAFF.length} 名工作人员`,
    });
  });
  await seedDemoAccounts(db, now);
  return true;
}

export interface Persona {
  id: string;
  name: string;
  title: string;
  unitName: string;
  roles: string[];
  kind: 'citizen' | 'staff';
  openid: string;
}

/** Who the H5 switcher offers: the demo citizens and every seeded demo staff member. */
export function demoPersonas(): Persona[] {
  const unitName = new Map(DEMO_UNITS.map((u) => [u._id, u.name]));
  return [
    ...DEMO_CITIZENS.map((c) => ({
      id: c.openid,
      name: c.name,
      title: c.title,
      unitName: '',
      roles: [],
      kind: 'citizen' as const,
      openid: c.openid,
    })),
    ...DEMO_STAFF.map((s) => ({
      id: s._id,
      name: s.name,
      title: s.title,
      unitName: [...new Set(s.roles.map((r) => unitName.get(r.unitId) ?? ''))].join('、'),
      roles: s.roles.map((r) => r.role),
      kind: 'staff' as const,
      openid: demoOpenid(s._id),
    })),
  ];
}
