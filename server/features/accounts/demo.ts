import { PLATFORMS, type Platform } from '@shared/accounts/contract';
import { dueAfter, FILING_DAYS } from '@shared/accounts/deadlines';
import type { AccountStatus } from '@shared/accounts/states';
import type { Database } from '@server/runtime/deps';
import type { TxLike } from '@server/runtime/audit';
import { DEMO_STAFF, DEMO_UNITS } from '@server/local/demo/county';
import { ACCOUNT_SLOTS, ACCOUNTS, slotId, type AccountDoc, type HistoryEntry } from './model';
import { derived } from './support';

// Demo accounts of the demo county, so the directory, the posts feature and the screens have
// something real to show: 盐池教育 (县教育局, 微信公众号) with 张伟/王芳/李明 as its people,
// 花马池镇发布 (微博), 盐池县政府 (微博), and one account whose filing is overdue.

const DAY = 24 * 3600 * 1000;

interface DemoAccount {
  _id: string;
  unitId: string;
  platform: Platform;
  name: string;
  platformAccountId: string;
  link: string;
  purpose: string;
  people: [leader: string, reviewer: string, publisher: string];
  qq: string;
  openedDaysAgo: number;
  status: Extract<AccountStatus, 'active' | 'opened'>;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    _id: 'acc-edu-wechat',
    unitId: 'u-education',
    platform: 'wechat',
    name: '盐池教育',
    platformAccountId: 'yanchijiaoyu',
    link: 'https://mp.weixin.qq.com/',
    purpose: '发布全县教育政策、招生入学、考试信息和教育动态',
    people: ['s-edu-leader', 's-edu-reviewer', 's-edu-publisher'],
    qq: '3195310001',
    openedDaysAgo: 400,
    status: 'active',
  },
  {
    _id: 'acc-hmc-weibo',
    unitId: 'u-huamachi',
    platform: 'weibo',
    name: '花马池镇发布',
    platformAccountId: 'huamachizhen',
    link: 'https://weibo.com/',
    purpose: '发布花马池镇政务信息、便民服务和乡村振兴工作动态',
    people: ['s-hmc-leader', 's-hmc-reviewer', 's-hmc-publisher'],
    qq: '',
    openedDaysAgo: 300,
    status: 'active',
  },
  {
    _id: 'acc-office-weibo',
    unitId: 'u-county-office',
    platform: 'weibo',
    name: '盐池县政府',
    platformAccountId: 'yanchixianzhengfu',
    link: 'https://weibo.com/',
    purpose: '县人民政府权威信息发布、政策解读和回应社会关切',
    people: ['s-office-leader', 's-office-clerk', 's-office-clerk'],
    qq: '',
    openedDaysAgo: 900,
    status: 'active',
  },
  {
    _id: 'acc-hmc-wechat',
    unitId: 'u-huamachi',
    platform: 'wechat',
    name: '花马池镇',
    platformAccountId: 'hmczwx',
    link: '',
    purpose: '花马池镇便民服务和政策通知',
    people: ['s-hmc-leader', 's-hmc-reviewer', 's-hmc-publisher'],
    qq: '',
    openedDaysAgo: 10,
    status: 'opened',
  },
];

function person(id: string) {
  const s = DEMO_STAFF.find((p) => p._id === id)!;
  return { staffId: s._id, name: s.name, title: s.title, phone: s.mobile };
}

/** Seeds the demo accounts once (skipped when any account exists). */
export async function seedDemoAccounts(db: Database, now: number): Promise<boolean> {
  const existing = await db.collection(ACCOUNTS).limit(1).get();
  if (existing.data.length) return false;
  await db.runTransaction(async (t: TxLike) => {
    for (const a of DEMO_ACCOUNTS) {
      const unitOrder = DEMO_UNITS.findIndex((u) => u._id === a.unitId);
      const openedAt = now - a.openedDaysAgo * DAY;
      const [leader, reviewer, publisher] = a.people.map(person);
      const seedEntry = (at: number, to: AccountStatus, note: string): HistoryEntry => ({
        at,
        action: to === 'opened' ? 'open' : 'acceptFiling',
        byId: 'demo',
        byName: '演示数据',
        byTitle: '',
        from: null,
        to,
        note,
      });
      const history =
        a.status === 'active'
          ? [seedEntry(openedAt, 'opened', '补录已开通账号'), seedEntry(openedAt + 3 * DAY, 'active', '已备案')]
          : [seedEntry(openedAt, 'opened', '补录已开通账号')];
      const base = {
        platform: a.platform,
        type: 'institutional' as const,
        owningUnitId: a.unitId,
        managingUnitId: a.unitId,
        unitIds: [a.unitId],
        name: a.name,
        purpose: a.purpose,
        status: a.status,
        responsible: { leader, reviewer, publisher },
        holder: null,
        openedAt,
        platformAccountId: a.platformAccountId,
        link: a.link,
        qq: a.qq,
        applicantId: publisher.staffId,
        filing: {
          dueAt: dueAfter(openedAt, FILING_DAYS),
          submittedAt: a.status === 'active' ? openedAt + 2 * DAY : null,
          acceptedAt: a.status === 'active' ? openedAt + 3 * DAY : null,
          acceptedBy: a.status === 'active' ? 's-infocenter' : null,
          version: a.status === 'active' ? 1 : 0,
          returnedReason: null,
        },
        refiling: null,
        closure: null,
        exceptions: [],
        images: { qr: null, verification: null },
        history,
        dirKey:
          a.status === 'active'
            ? `${String(unitOrder).padStart(5, '0')}|${PLATFORMS.indexOf(a.platform)}|${a._id}`
            : null,
        createdAt: openedAt,
        updatedAt: openedAt + 3 * DAY,
      };
      const doc: Omit<AccountDoc, '_id'> = { ...base, ...derived(base) };
      await t
        .collection(ACCOUNTS)
        .doc(a._id)
        .set({ data: doc as unknown as Record<string, unknown> });
      await t
        .collection(ACCOUNT_SLOTS)
        .doc(slotId(a.unitId, a.platform))
        .set({ data: { accountIds: [a._id] } });
    }
  });
  return true;
}
