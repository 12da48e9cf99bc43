import { z } from 'zod';
import { SECURITY_POLICY, compareVersions } from '@shared/identity/policy';
import { sameSignature, signRequest } from '@shared/identity/signing';
import type { StaffRecord } from '@server/runtime/action';
import type { Deps } from '@server/runtime/deps';
import { appendAudit, type AuditInput, type TxLike } from '@server/runtime/audit';
import { getDoc } from '@server/runtime/trace';
import { DEVICES, NONCES, type DeviceDoc } from './model';

// The trusted-device gate every staff request passes (notice 第二十一条): the request must be
// signed by a device bound to this person and approved by the unit admin, fresh, not replayed,
// from a client new enough, with the app unlocked. Each refusal has its own reason (for the
// audit trail) and its own Chinese message (for the person holding the phone).

export const proofSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  ts: z.number().int(),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  sig: z.string().regex(/^[0-9a-f]{64}$/),
});
const clientSchema = z.object({ platform: z.string().max(32), sdkVersion: z.string().max(32) }).partial();

export type GuardReason =
  | 'device-missing'
  | 'device-unknown'
  | 'device-foreign'
  | 'device-pending'
  | 'device-revoked'
  | 'stale-timestamp'
  | 'bad-signature'
  | 'replayed-nonce'
  | 'client-outdated'
  | 'pin-not-set'
  | 'app-locked';

export const GUARD_MESSAGES: Record<GuardReason, string> = {
  'device-missing': '请先绑定本机：工作人员只能在已绑定并经单位管理员批准的手机上办理业务',
  'device-unknown': '本机未绑定，请在“我的”里绑定本机并等待单位管理员批准',
  'device-foreign': '这台设备绑定在其他人名下，不能用于您的账号',
  'device-pending': '本机正在等待单位管理员批准，批准后即可使用',
  'device-revoked': '本机已挂失或停用，不能再办理业务；如有疑问请联系单位管理员',
  'stale-timestamp': '手机时间与服务器相差超过 5 分钟，请校准手机时间后重试',
  'bad-signature': '请求签名无效，请重新绑定本机',
  'replayed-nonce': '重复的请求已被拒绝（疑似重放）',
  'client-outdated': `微信版本过低，请升级微信（基础库 ${SECURITY_POLICY.minSdkVersion} 以上）后再使用`,
  'pin-not-set': '请先设置 6 位 PIN',
  'app-locked': '已超过 30 分钟未操作或已手动锁定，请输入 PIN 解锁',
};

export class GuardRefusal extends Error {
  constructor(
    readonly reason: GuardReason,
    readonly deviceId: string | null,
  ) {
    super(GUARD_MESSAGES[reason]);
  }
}

export interface GuardInput {
  event: Record<string, unknown>;
  action: string;
  staff: StaffRecord;
  openid: string;
  lockExempt: boolean;
  now: number;
  db: Deps['db'];
}

/** Read-only checks; throws GuardRefusal. Returns the device to admit. */
export async function verifyDevice(input: GuardInput): Promise<DeviceDoc> {
  const client = clientSchema.safeParse(input.event.client ?? {});
  if (
    client.success &&
    client.data.platform === 'weapp' &&
    client.data.sdkVersion &&
    compareVersions(client.data.sdkVersion, SECURITY_POLICY.minSdkVersion) < 0
  ) {
    throw new GuardRefusal('client-outdated', null);
  }
  const proof = proofSchema.safeParse(input.event.device);
  if (!proof.success) throw new GuardRefusal('device-missing', null);
  const p = proof.data;
  const device = await getDoc<DeviceDoc>(input.db, DEVICES, p.id);
  if (!device) throw new GuardRefusal('device-unknown', p.id);
  if (device.staffId !== input.staff._id || device.openid !== input.openid)
    throw new GuardRefusal('device-foreign', p.id);
  if (device.status === 'revoked') throw new GuardRefusal('device-revoked', p.id);
  if (device.status !== 'trusted') throw new GuardRefusal('device-pending', p.id);
  if (Math.abs(p.ts - input.now) > SECURITY_POLICY.clockSkewMs) throw new GuardRefusal('stale-timestamp', p.id);
  const expected = signRequest(device.secret, input.action, input.event.data ?? {}, {
    id: p.id,
    ts: p.ts,
    nonce: p.nonce,
  });
  if (!sameSignature(expected, p.sig)) throw new GuardRefusal('bad-signature', p.id);
  if (await getDoc(input.db, NONCES, nonceId(p.id, p.nonce))) throw new GuardRefusal('replayed-nonce', p.id);
  if (!input.lockExempt) {
    if (!input.staff.pin) throw new GuardRefusal('pin-not-set', p.id);
    const idle = device.lastActiveAt === null || input.now - device.lastActiveAt > SECURITY_POLICY.idleLockMs;
    if (device.locked || idle) throw new GuardRefusal('app-locked', p.id);
  }
  return device;
}

const nonceId = (deviceId: string, nonce: string) => `${deviceId}.${nonce}`;

/**
 * Records the admitted request in one transaction: the nonce (so it cannot be replayed), the
 * device's last activity (the idle clock) and the allowed decision in the audit trail.
 */
export async function admitRequest(
  db: Deps['db'],
  now: number,
  device: DeviceDoc,
  nonce: string,
  audit: Omit<AuditInput, 'result'>,
  lockExempt: boolean,
): Promise<void> {
  await db.runTransaction(async (t: TxLike) => {
    const id = nonceId(device._id, nonce);
    if (await getDoc(t, NONCES, id)) throw new GuardRefusal('replayed-nonce', device._id);
    await t
      .collection(NONCES)
      .doc(id)
      .set({ data: { deviceId: device._id, at: now } });
    // An exempt request (unlocking, first PIN) does not by itself keep a locked app open.
    if (!lockExempt)
      await t
        .collection(DEVICES)
        .doc(device._id)
        .update({ data: { lastActiveAt: now } });
    await appendAudit(t, now, {
      ...audit,
      result: 'ok',
      reason: '已通过设备与权限校验',
      details: { decision: 'admitted' },
    });
  }, 5);
}
