import type { ApplyInput } from '@shared/accounts/schemas';
import type { AccountDetail } from '@shared/accounts/views';
import { okData, staffOpenid, type TestCloud } from '../../../test/support/cloud-harness';

// Shared steps of the account tests: the demo people, a valid application, and walking an
// account through its lifecycle with the right person at each step.

export const P = {
  publisher: staffOpenid('s-edu-publisher'), // 李明
  reviewer: staffOpenid('s-edu-reviewer'), // 王芳
  leader: staffOpenid('s-edu-leader'), // 张伟
  admin: staffOpenid('s-edu-admin'), // 赵敏
  office: staffOpenid('s-office-leader'), // 孙强
  officeClerk: staffOpenid('s-office-clerk'), // 郭婷
  info: staffOpenid('s-infocenter'), // 马超
  supervisor: staffOpenid('s-supervisor'), // 何红
  hmcPublisher: staffOpenid('s-hmc-publisher'), // 刘洋
  hmcLeader: staffOpenid('s-hmc-leader'), // 杨军
};

export const DAY = 24 * 3600 * 1000;

export function application(over: Partial<ApplyInput> = {}): ApplyInput {
  return {
    platform: 'douyin',
    type: 'institutional',
    owningUnitId: 'u-education',
    managingUnitId: 'u-education',
    name: '盐池教育发布',
    purpose: '发布教育政策解读和校园安全提示短视频',
    responsible: { leaderId: 's-edu-leader', reviewerId: 's-edu-reviewer', publisherId: 's-edu-publisher' },
    qq: '',
    ...over,
  };
}

export async function apply(cloud: TestCloud, over: Partial<ApplyInput> = {}, who = P.publisher): Promise<string> {
  return okData(await cloud.call<{ _id: string }>('accounts', 'accounts.apply', application(over), who))._id;
}

export async function detail(cloud: TestCloud, id: string, who = P.publisher): Promise<AccountDetail> {
  return okData(await cloud.call<AccountDetail>('accounts', 'accounts.get', { id }, who));
}

/** Today's China date as `2026-11-27` from the test clock. */
export function chinaToday(cloud: TestCloud, offsetDays = 0): string {
  const d = new Date(cloud.clock.now() + 8 * 3600 * 1000 + offsetDays * DAY);
  return d.toISOString().slice(0, 10);
}

/** Applied → approved by the unit's principal leader and the county office, each with a fresh PIN. */
export async function approvedAccount(cloud: TestCloud, over: Partial<ApplyInput> = {}): Promise<string> {
  const id = await apply(cloud, over);
  okData(
    await cloud.call(
      'accounts',
      'accounts.unitApprove',
      { id, principalConfirmed: true, stepUpId: await cloud.stepUp(P.leader, 'account.approve') },
      P.leader,
    ),
  );
  okData(
    await cloud.call(
      'accounts',
      'accounts.officeApprove',
      { id, stepUpId: await cloud.stepUp(P.office, 'account.approve') },
      P.office,
    ),
  );
  return id;
}

/** Applied → approved by the unit leader and the county office → opened today. */
export async function openAccount(cloud: TestCloud, over: Partial<ApplyInput> = {}): Promise<string> {
  const id = await approvedAccount(cloud, over);
  okData(
    await cloud.call(
      'accounts',
      'accounts.open',
      { id, name: over.name ?? '盐池教育发布', openedOn: chinaToday(cloud), platformAccountId: 'yanchi_edu', link: '' },
      P.publisher,
    ),
  );
  return id;
}

/** … → filed → accepted by the information center: active and in the directory. */
export async function activeAccount(cloud: TestCloud, over: Partial<ApplyInput> = {}): Promise<string> {
  const id = await openAccount(cloud, over);
  okData(await cloud.call('accounts', 'accounts.submitFiling', { id }, P.publisher));
  okData(await cloud.call('accounts', 'accounts.acceptFiling', { id }, P.info));
  return id;
}
