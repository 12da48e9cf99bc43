import type { TestCloud } from '../../support/cloud-harness';
import {
  activeAccount,
  apply,
  application,
  chinaToday,
  openAccount,
  P,
} from '../../../server/features/accounts/test-support';
import type { Sample, SampleEnv } from '../lib/sample-env';

// Fuzz samples of the accounts cloud function (issue 4): each payload first walks an account
// through its lifecycle, with the right person at each step, to the state the action needs.

const unit = 'u-education';
const ok = (e: SampleEnv, action: string, data: unknown, who: string) => e.ok('accounts', action, data, who);

const returned = async (e: SampleEnv) => {
  const id = await apply(e.cloud);
  await ok(e, 'accounts.unitReturn', { id, reason: '功能定位写得太笼统' }, P.leader);
  return id;
};
const unitApproved = async (e: SampleEnv) => {
  const id = await apply(e.cloud);
  await ok(
    e,
    'accounts.unitApprove',
    { id, principalConfirmed: true, stepUpId: await e.stepUp(P.leader, 'account.approve') },
    P.leader,
  );
  return id;
};
const filed = async (e: SampleEnv) => {
  const id = await openAccount(e.cloud);
  await ok(e, 'accounts.submitFiling', { id }, P.publisher);
  return id;
};
const refilingDue = async (e: SampleEnv) => {
  const id = await activeAccount(e.cloud);
  await ok(e, 'accounts.edit', { id, name: '盐池教育视频' }, P.publisher);
  return id;
};
const refiled = async (e: SampleEnv) => {
  const id = await refilingDue(e);
  await ok(e, 'accounts.submitRefiling', { id }, P.publisher);
  return id;
};
const closing = async (e: SampleEnv) => {
  const id = await activeAccount(e.cloud);
  await ok(
    e,
    'accounts.requestClose',
    { id, reason: '与本单位微信公众号功能重复，无力维护', successorId: 'acc-edu-wechat' },
    P.publisher,
  );
  return id;
};
const closeApproved = async (e: SampleEnv) => {
  const id = await closing(e);
  await ok(
    e,
    'accounts.closeApprove',
    { id, principalConfirmed: true, stepUpId: await e.stepUp(P.leader, 'account.close') },
    P.leader,
  );
  return id;
};
const today = (cloud: TestCloud) => chinaToday(cloud);
const NOTICE = '本账号即日起停止更新，请关注微信公众号“盐池教育”获取最新信息。';
const noticed = async (e: SampleEnv) => {
  const id = await closeApproved(e);
  await ok(e, 'accounts.recordNotice', { id, publishedOn: today(e.cloud), noticeText: NOTICE }, P.publisher);
  return id;
};
const informed = async (e: SampleEnv) => {
  const id = await noticed(e);
  await ok(e, 'accounts.informSuperior', { id, superiorUnit: '县政府办公室', informedOn: today(e.cloud) }, P.publisher);
  return id;
};
const PNG = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), Buffer.alloc(16)]).toString('base64');

export const ACCOUNT_SAMPLES: Record<string, Sample> = {
  'accounts.directory': { as: (e) => e.citizen(), payload: () => ({}) },
  'accounts.list': { unit, as: () => P.publisher, payload: () => ({ unitId: unit }) },
  'accounts.get': { unit, as: () => P.publisher, payload: () => ({ id: 'acc-edu-wechat' }) },
  'accounts.people': { unit, as: () => P.publisher, payload: () => ({ unitIds: [unit] }) },
  'accounts.officeQueue': { unit: 'u-county-office', as: () => P.office, payload: () => ({}) },
  'accounts.filingForm': { unit, as: () => P.publisher, payload: () => ({ id: 'acc-edu-wechat' }) },
  'accounts.exportRegistry': { as: () => P.info, payload: () => ({}) },
  'accounts.exceptions': { as: () => P.info, payload: () => ({}) },

  'accounts.apply': { unit, as: () => P.publisher, payload: () => application() },
  'accounts.resubmit': {
    unit,
    as: () => P.publisher,
    payload: async (e) => ({
      id: await returned(e),
      application: application({ purpose: '发布教育政策解读和招生考试提示短视频' }),
    }),
  },
  'accounts.withdraw': { unit, as: () => P.publisher, payload: async (e) => ({ id: await returned(e) }) },
  'accounts.unitApprove': {
    unit,
    as: () => P.leader,
    payload: async (e) => ({
      id: await apply(e.cloud),
      principalConfirmed: true,
      stepUpId: await e.stepUp(P.leader, 'account.approve'),
    }),
  },
  'accounts.unitReturn': {
    unit,
    as: () => P.leader,
    payload: async (e) => ({ id: await apply(e.cloud), reason: '功能定位写得太笼统' }),
  },
  // the county office's steps act in the county office (server/features/accounts/support.ts)
  'accounts.officeApprove': {
    unit: 'u-county-office',
    as: () => P.office,
    payload: async (e) => ({ id: await unitApproved(e), stepUpId: await e.stepUp(P.office, 'account.approve') }),
  },
  'accounts.officeReturn': {
    unit: 'u-county-office',
    as: () => P.office,
    payload: async (e) => ({ id: await unitApproved(e), reason: '请与县融媒体中心统筹' }),
  },
  'accounts.open': {
    unit,
    as: () => P.publisher,
    payload: async (e) => {
      const id = await unitApproved(e);
      await ok(e, 'accounts.officeApprove', { id, stepUpId: await e.stepUp(P.office, 'account.approve') }, P.office);
      return { id, name: '盐池教育发布', openedOn: today(e.cloud), platformAccountId: 'yanchi_edu', link: '' };
    },
  },
  'accounts.setImage': {
    unit,
    as: () => P.publisher,
    payload: async (e) => ({ id: await openAccount(e.cloud), kind: 'qr', mime: 'image/png', dataBase64: PNG }),
  },
  'accounts.edit': {
    unit,
    as: () => P.publisher,
    payload: async (e) => ({ id: await activeAccount(e.cloud), qq: '12345678' }),
  },
  'accounts.submitFiling': { unit, as: () => P.publisher, payload: async (e) => ({ id: await openAccount(e.cloud) }) },
  'accounts.acceptFiling': { unit, as: () => P.info, payload: async (e) => ({ id: await filed(e) }) },
  'accounts.returnFiling': {
    unit,
    as: () => P.info,
    payload: async (e) => ({ id: await filed(e), reason: '请补充平台认证截图' }),
  },
  'accounts.submitRefiling': { unit, as: () => P.publisher, payload: async (e) => ({ id: await refilingDue(e) }) },
  'accounts.acceptRefiling': { unit, as: () => P.info, payload: async (e) => ({ id: await refiled(e) }) },
  'accounts.returnRefiling': {
    unit,
    as: () => P.info,
    payload: async (e) => ({ id: await refiled(e), reason: '请附新名称的平台认证截图' }),
  },
  'accounts.requestClose': {
    unit,
    as: () => P.publisher,
    payload: async (e) => ({
      id: await activeAccount(e.cloud),
      reason: '与本单位微信公众号功能重复，无力维护',
      successorId: 'acc-edu-wechat',
    }),
  },
  'accounts.closeApprove': {
    unit,
    as: () => P.leader,
    payload: async (e) => ({
      id: await closing(e),
      principalConfirmed: true,
      stepUpId: await e.stepUp(P.leader, 'account.close'),
    }),
  },
  'accounts.closeRefuse': {
    unit,
    as: () => P.leader,
    payload: async (e) => ({ id: await closing(e), reason: '账号仍有大量关注者，暂缓注销' }),
  },
  'accounts.recordNotice': {
    unit,
    as: () => P.publisher,
    payload: async (e) => ({ id: await closeApproved(e), publishedOn: today(e.cloud), noticeText: NOTICE }),
  },
  'accounts.informSuperior': {
    unit,
    as: () => P.publisher,
    payload: async (e) => ({ id: await noticed(e), superiorUnit: '县政府办公室', informedOn: today(e.cloud) }),
  },
  'accounts.deregister': {
    unit,
    as: () => P.publisher,
    payload: async (e) => ({
      id: await informed(e),
      deregisteredOn: today(e.cloud),
      stepUpId: await e.stepUp(P.publisher, 'account.close'),
    }),
  },

  'accounts.grantException': {
    as: () => P.info,
    payload: () => ({
      unitId: unit,
      kind: 'name',
      platform: 'douyin',
      name: '塞上书香',
      reason: '全民阅读品牌栏目，沿用已有品牌名',
    }),
  },
  'accounts.revokeException': {
    as: () => P.info,
    payload: async (e) => {
      const granted = await ok(
        e,
        'accounts.grantException',
        { unitId: unit, kind: 'extraAccount', platform: 'wechat', reason: '招生考试服务号需分设' },
        P.info,
      );
      return { id: (granted as { _id: string })._id, reason: '经研究合并到现有公众号' };
    },
  },
};
