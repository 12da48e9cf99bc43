import type { Database } from '@server/runtime/database';
import { appendAudit } from '@server/runtime/audit';
import { getDoc } from '@server/runtime/trace';
import { SECURITY_POLICY } from '@shared/identity/policy';
import { DEVICES, type DeviceDoc, type DeviceInfo } from '@server/features/identity/model';
import { findStaffByOpenid } from '@server/runtime/staff';

// Demo mode only: when someone picks a seeded demo staff member in the H5 switcher, the browser
// they use is bound as that person's device and pre-approved, so a newcomer is not blocked by
// an approval nobody will give. It starts locked: the real PIN screen still asks for the PIN.
// The binding, approval and PIN screens of real staff are untouched (and tested end to end).

export interface DemoDeviceInput {
  id: string;
  secret: string;
  info?: Partial<DeviceInfo>;
}

export async function trustDemoBrowser(
  db: Database,
  openid: string,
  device: DemoDeviceInput,
  now: number,
): Promise<void> {
  const staff = await findStaffByOpenid(db, openid);
  if (!staff || !(staff as { demo?: boolean }).demo) return;
  const _ = db.command;
  const trusted = (
    await db
      .collection(DEVICES)
      .where({ staffId: staff._id, status: 'trusted' })
      .orderBy('createdAt', 'asc')
      .limit(10)
      .get()
  ).data as DeviceDoc[];
  await db.runTransaction(async (t) => {
    const existing = await getDoc<DeviceDoc>(t, DEVICES, device.id);
    if (existing && existing.staffId === staff._id && existing.status === 'trusted') return;
    if (existing) return; // bound to someone else or revoked: leave it to the real flow
    // keep within the two-device limit by retiring the oldest demo browser
    const excess = trusted.length - (SECURITY_POLICY.maxTrustedDevices - 1);
    for (const old of trusted.slice(0, Math.max(0, excess))) {
      await t
        .collection(DEVICES)
        .doc(old._id)
        .update({
          data: { status: 'revoked', revokedAt: now, revokedBy: 'demo', revokeReason: '演示：换用新的浏览器' },
        });
    }
    const doc: Omit<DeviceDoc, '_id'> = {
      staffId: staff._id,
      openid,
      secret: device.secret,
      info: { brand: '', model: '', system: '', platform: 'h5', sdkVersion: '', ...device.info },
      status: 'trusted',
      createdAt: now,
      approvedAt: now,
      approvedBy: 'demo',
      lastActiveAt: null,
      locked: false,
    };
    await t
      .collection(DEVICES)
      .doc(device.id)
      .set({ data: doc as unknown as Record<string, unknown> });
    await appendAudit(t, now, {
      action: 'session.demo',
      result: 'ok',
      requestId: 'demo',
      actor: { openid, staffId: staff._id },
      unitId: staff.roles[0]?.unitId ?? null,
      deviceId: device.id,
      target: { type: 'device', id: device.id },
      reason: '演示模式：为所选演示身份预先批准当前浏览器',
    });
  });
  void _;
}
