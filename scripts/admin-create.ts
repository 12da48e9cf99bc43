// `npm run admin:create`: the one way to create the very first 县政府信息中心 account. Prints a
// one-time invite (72 hours) that is approved in advance and trusts the redeemer's first phone;
// everyone after that is invited and approved on the phone.
import { SECURITY_POLICY } from '@shared/identity/policy';
import { formatChinaDateTime } from '@shared/core/china-time';
import { appendAudit } from '@server/runtime/audit';
import { INVITES } from '@server/features/identity/model';
import { UNITS } from '@server/features/identity/units';
import { newInviteCode } from '@server/features/identity/onboarding';
import { openDataDir } from '@server/local/open-data';

async function main() {
  const { store, deps, dir } = openDataDir();
  const db = deps.db;
  const centers = (await db.collection(UNITS).where({ role: 'infoCenter', status: 'active' }).limit(1).get()).data;
  let unitId = centers[0]?._id as string | undefined;
  const now = deps.now();
  const code = newInviteCode();
  await db.runTransaction(async (t) => {
    if (!unitId) {
      unitId = 'u-info-center';
      await t
        .collection(UNITS)
        .doc(unitId)
        .set({
          data: {
            name: '县政府信息中心',
            shortNames: ['信息中心'],
            kind: 'institution',
            role: 'infoCenter',
            status: 'active',
            order: 0,
          },
        });
    }
    await t
      .collection(INVITES)
      .doc(code)
      .set({
        data: {
          unitId,
          role: 'infoCenter',
          createdBy: 'bootstrap',
          createdAt: now,
          expiresAt: now + SECURITY_POLICY.inviteTtlMs,
          preApproved: true,
          trustFirstDevice: true,
        },
      });
    await appendAudit(t, now, {
      action: 'admin.bootstrap',
      result: 'ok',
      requestId: 'cli',
      actor: { openid: null, staffId: null },
      unitId,
      target: { type: 'invite', id: code },
      reason: '命令行创建初始信息中心管理员邀请码',
    });
  });
  store.close();
  console.log(`数据目录：${dir}`);
  console.log(`初始管理员（县政府信息中心）邀请码：${code}`);
  console.log(`有效期至：${formatChinaDateTime(now + SECURITY_POLICY.inviteTtlMs)}（北京时间），只能使用一次。`);
  console.log(`在小程序“我的 → 使用邀请码”中输入，或打开页面 pages/join/index?code=${code}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
