// Device and PIN security settings (RULES.md Security; notice 第二十一条). One place, so the
// server enforces and the client explains the same numbers.
export const SECURITY_POLICY = {
  /** A signed request's timestamp may differ from the server clock by at most this. */
  clockSkewMs: 5 * 60 * 1000,
  /** The app locks after this long without a staff request. */
  idleLockMs: 30 * 60 * 1000,
  /** Wrong PINs in a row before PIN entry is locked, and for how long. */
  pinSoftLockFailures: 5,
  pinSoftLockMs: 15 * 60 * 1000,
  /** Wrong PINs within an hour before the person is locked until a unit admin unlocks. */
  pinHourlyCap: 100,
  maxTrustedDevices: 2,
  /** A step-up (fresh PIN) ticket is single-use and valid this long. */
  stepUpTtlMs: 5 * 60 * 1000,
  inviteTtlMs: 72 * 3600 * 1000,
  /** Oldest WeChat base library accepted for staff work (encrypted storage, visual-effect APIs). */
  minSdkVersion: '2.21.3',
} as const;

/** What a fresh PIN is needed for (RULES.md: approval, publication, closure, device change). */
export const STEP_UP_PURPOSES = [
  'post.approve',
  'account.approve',
  'message.approveReply',
  'message.approveExtension',
  'post.reject',
  'post.publish',
  'account.close',
  'device.change',
  'importKey.create',
] as const;
export type StepUpPurpose = (typeof STEP_UP_PURPOSES)[number];
export const STEP_UP_LABELS: Record<StepUpPurpose, string> = {
  'post.approve': '审批通过信息',
  'account.approve': '审批开设账号',
  'message.approveReply': '审核通过答复',
  'message.approveExtension': '批准延期',
  'post.reject': '退回信息',
  'post.publish': '登记发布',
  'account.close': '注销账号',
  'device.change': '变更设备',
  'importKey.create': '创建导入密钥',
};

/** `2.21.3` vs `2.9.0` → 1; non-numeric parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d > 0 ? 1 : -1;
  }
  return 0;
}
