import { staffOpenid } from '../../support/cloud-harness';
import { DAY, clearSources, insertAccount, insertPost, refreshNow } from '../../../server/features/oversight/fixtures';
import type { Sample, SampleEnv } from '../lib/sample-env';

// Fuzz samples of the oversight cloud function (issue 7): a county whose education bureau has
// gone quiet (so a bulletin names it), opinion incidents, the duty roster and an emergency.

const SUP = staffOpenid('s-supervisor');
const INFO = staffOpenid('s-infocenter');
const OFFICE = staffOpenid('s-office-leader');
const EDU_LEADER = staffOpenid('s-edu-leader');
const EDU_ADMIN = staffOpenid('s-edu-admin');
const EDU_PUB = staffOpenid('s-edu-publisher');
const HMC_PUB = staffOpenid('s-hmc-publisher');
const HMC_LEADER = staffOpenid('s-hmc-leader');
const edu = 'u-education';
const hmc = 'u-huamachi';
const ok = <T = Record<string, unknown>>(e: SampleEnv, action: string, data: unknown, who: string) =>
  e.ok<T>('oversight', action, data, who);

/** The education bureau's account has not posted for 18 days: the month's bulletin names it. */
async function quietCounty(e: SampleEnv) {
  const now = e.cloud.clock.now();
  await clearSources(e.cloud.db);
  await insertAccount(e.cloud.db, { _id: 'acc-edu', name: '盐池教育', unitId: edu, openedAt: now - 300 * DAY });
  await insertAccount(e.cloud.db, { _id: 'acc-hmc', name: '花马池发布', unitId: hmc, openedAt: now - 300 * DAY });
  await insertPost(e.cloud.db, { accountId: 'acc-edu', unitId: edu, publicAt: now - 18 * DAY });
  await insertPost(e.cloud.db, { accountId: 'acc-hmc', unitId: hmc, publicAt: now - DAY });
  await refreshNow(e.cloud, SUP);
}
const period = { kind: 'month', year: 2026, index: 11 };
async function draft(e: SampleEnv) {
  await quietCounty(e);
  return ok<{ _id: string; rev: number; content: Record<string, string> }>(e, 'bulletins.generate', { period }, SUP);
}
async function issued(e: SampleEnv) {
  const d = await draft(e);
  await ok(e, 'bulletins.issue', { id: d._id, rev: d.rev }, SUP);
  return d._id;
}
const incident = (importance = 'major', type = 'rumour') => ({
  platform: '微博',
  link: 'https://weibo.com/1234567890/abc',
  summary: '网传花马池镇自来水受到污染，评论区情绪较大，需尽快核实回应。',
  importance,
  type,
  unitId: hmc,
});
async function assigned(e: SampleEnv, importance?: string, type?: string) {
  const rec = await ok<{ _id: string }>(e, 'incidents.record', incident(importance, type), EDU_PUB);
  await ok(e, 'incidents.assign', { id: rec._id, handlerId: 's-hmc-publisher' }, HMC_LEADER);
  return rec._id;
}
const roster = {
  unitId: edu,
  shifts: [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
    { weekday, start: '08:30', end: '18:00', staffId: 's-edu-publisher' },
    { weekday, start: '18:00', end: '08:30', staffId: 's-edu-reviewer' },
  ]),
};
async function declared(e: SampleEnv) {
  const event = await ok<{ _id: string }>(
    e,
    'emergencyEvents.declare',
    {
      title: '强降雨引发局部内涝',
      description: '11 月 27 日凌晨起持续强降雨，花马池镇部分路段积水。',
      level: 'major',
      occurredAt: e.cloud.clock.now() - 3600_000,
      unitIds: [hmc],
    },
    OFFICE,
  );
  return event._id;
}

export const OVERSIGHT_SAMPLES: Record<string, Sample> = {
  'oversight.dashboard': { as: () => SUP, payload: () => ({}) },
  'oversight.unit': { unit: edu, as: () => SUP, payload: () => ({ unitId: edu }) },
  'oversight.cases': { unit: edu, as: () => SUP, payload: () => ({ unitId: edu, kind: 'overdueMessages' }) },
  'oversight.trends': { unit: edu, as: () => SUP, payload: () => ({ unitId: edu, months: 3 }) },
  'oversight.alerts': { unit: edu, as: () => SUP, payload: () => ({ unitId: edu }) },
  'oversight.refresh': { as: () => SUP, payload: () => ({}) },
  'oversight.refreshStatus': { as: () => SUP, payload: () => ({}) },
  'oversight.rules': { as: () => INFO, payload: () => ({}) },
  'oversight.rulesUpdate': {
    as: () => INFO,
    payload: async (e) => {
      const rules = await ok<{ rules: Array<{ key: string; configured: number; enabled: boolean }> }>(
        e,
        'oversight.rules',
        {},
        INFO,
      );
      const settings = Object.fromEntries(rules.rules.map((r) => [r.key, { value: r.configured, enabled: r.enabled }]));
      settings['noUpdate.publisher'] = { value: 7, enabled: true };
      return { baseVersion: 0, settings, reason: '县里要求提前提醒' };
    },
  },
  'oversight.rulesHistory': { as: () => SUP, payload: () => ({}) },

  'bulletins.generate': { as: () => SUP, payload: async (e) => (await quietCounty(e), { period }) },
  'bulletins.list': { as: () => SUP, payload: () => ({}) },
  'bulletins.get': { unit: null, as: () => SUP, payload: async (e) => ({ id: (await draft(e))._id }) },
  'bulletins.update': {
    as: () => SUP,
    payload: async (e) => {
      const d = await draft(e);
      return {
        id: d._id,
        rev: d.rev,
        title: d.content.title,
        docNo: d.content.docNo,
        overviewText: `${d.content.overviewText}（经核实）`,
        requirementsText: d.content.requirementsText,
        deadline: '2026-12-10',
        remarks: { [edu]: '该局已于督查后当日恢复更新。' },
      };
    },
  },
  'bulletins.issue': {
    as: () => SUP,
    payload: async (e) => {
      const d = await draft(e);
      return { id: d._id, rev: d.rev };
    },
  },
  'bulletins.export': {
    unit: null,
    as: () => SUP,
    payload: async (e) => ({ id: (await draft(e))._id, format: 'docx' }),
  },
  'bulletins.forUnit': { unit: edu, as: () => EDU_LEADER, payload: async (e) => (await issued(e), { unitId: edu }) },
  'bulletins.acknowledge': {
    unit: edu,
    as: () => EDU_LEADER,
    payload: async (e) => ({ id: await issued(e), unitId: edu }),
  },
  'bulletins.reportCorrection': {
    unit: edu,
    as: () => EDU_LEADER,
    payload: async (e) => {
      const id = await issued(e);
      await ok(e, 'bulletins.acknowledge', { id, unitId: edu }, EDU_LEADER);
      return { id, unitId: edu, text: '已恢复每日更新，并答复全部超期留言。' };
    },
  },

  'incidents.record': { as: () => EDU_PUB, payload: () => incident() },
  'incidents.list': { unit: hmc, as: () => HMC_PUB, payload: () => ({ unitId: hmc }) },
  'incidents.get': {
    unit: hmc,
    as: () => HMC_PUB,
    payload: async (e) => ({ id: (await ok<{ _id: string }>(e, 'incidents.record', incident(), EDU_PUB))._id }),
  },
  'incidents.assign': {
    unit: hmc,
    as: () => HMC_LEADER,
    payload: async (e) => ({
      id: (await ok<{ _id: string }>(e, 'incidents.record', incident(), EDU_PUB))._id,
      handlerId: 's-hmc-publisher',
    }),
  },
  'incidents.handle': {
    unit: hmc,
    as: () => HMC_PUB,
    payload: async (e) => ({ id: await assigned(e, 'normal', 'inquiry'), note: '已电话回复网民，说明情况。' }),
  },
  'incidents.escalate': {
    unit: hmc,
    as: () => HMC_PUB,
    payload: async (e) => ({
      id: await assigned(e),
      report: '监测报告：相关微博转发 320 次，评论 85 条，负面评论占六成；已联系水务部门检测，水质合格，拟发布澄清。',
    }),
  },
  'incidents.linkClarification': {
    unit: hmc,
    as: () => HMC_PUB,
    payload: async (e) => {
      const id = await assigned(e);
      await insertPost(e.cloud.db, {
        _id: 'post-clarify',
        accountId: 'acc-hmc-weibo',
        unitId: hmc,
        publicAt: e.cloud.clock.now(),
        title: '关于自来水水质的情况说明',
      });
      return { id, postId: 'post-clarify' };
    },
  },

  'duty.get': { unit: edu, as: () => EDU_PUB, payload: () => ({ unitId: edu }) },
  'duty.save': { unit: edu, as: () => EDU_ADMIN, payload: () => roster },
  'duty.handover': {
    unit: edu,
    as: () => EDU_PUB,
    payload: async (e) => (
      await ok(e, 'duty.save', roster, EDU_ADMIN),
      { unitId: edu, note: '今日留言已全部受理，舆情平稳。' }
    ),
  },
  'duty.staff': { unit: edu, as: () => EDU_PUB, payload: () => ({ unitId: edu }) },
  'duty.now': {
    as: () => SUP,
    payload: async (e) => (await ok(e, 'duty.save', roster, EDU_ADMIN), { q: '教育' }),
  },

  'emergencyEvents.declare': {
    unit: 'u-county-office',
    as: () => OFFICE,
    payload: (e) => ({
      title: '强降雨引发局部内涝',
      description: '11 月 27 日凌晨起持续强降雨，花马池镇部分路段积水。',
      level: 'major',
      occurredAt: e.cloud.clock.now() - 3600_000,
      unitIds: [hmc],
    }),
  },
  'emergencyEvents.list': { as: () => OFFICE, payload: () => ({}) },
  'emergencyEvents.get': { as: () => OFFICE, payload: async (e) => ({ id: await declared(e) }) },
  'emergencyEvents.record': {
    unit: 'u-county-office',
    as: () => OFFICE,
    payload: async (e) => ({ id: await declared(e), milestone: 'pressConference', note: '县政府新闻办举行发布会' }),
  },
  'emergencyEvents.end': {
    unit: 'u-county-office',
    as: () => OFFICE,
    payload: async (e) => ({ id: await declared(e), note: '积水已排除，恢复正常' }),
  },
};
