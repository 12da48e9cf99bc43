import { P, message } from '../../../server/features/messages/testkit';
import type { Sample, SampleEnv } from '../lib/sample-env';

// Fuzz samples of the messages cloud function (issue 6): each payload sends a citizen's message
// and takes it, with the right person at each step, to the state the action needs.

const unit = 'u-education';
/** The citizen of the samples that act on their own message (mine, rate). */
const WRITER = 'fuzz-citizen-writer';
const ok = <T = unknown>(e: SampleEnv, action: string, data: unknown, who: string) =>
  e.ok<T>('messages', action, data, who);

const sent = async (e: SampleEnv, over: Parameters<typeof message>[0] = {}, who = WRITER) =>
  (await ok<{ _id: string }>(e, 'messages.submit', message(over), who))._id;
const accepted = async (e: SampleEnv) => {
  const id = await sent(e);
  await ok(e, 'messages.accept', { id }, P.eduPub);
  return id;
};
const drafted = async (e: SampleEnv) => {
  const id = await accepted(e);
  await ok(e, 'messages.draftReply', { id, text: '已协调交警部门在放学时段增派人员疏导交通。' }, P.eduPub);
  return id;
};
const transferred = async (e: SampleEnv) => {
  const id = await accepted(e);
  await ok(e, 'messages.transfer', { id, toUnitId: 'u-huamachi', reason: '涉及镇区学校' }, P.eduPub);
  return id;
};
const answered = async (e: SampleEnv) => {
  const id = await drafted(e);
  await ok(e, 'messages.approveReply', { id, stepUpId: await e.stepUp(P.eduRev, 'message.approveReply') }, P.eduRev);
  return id;
};
const extensionAsked = async (e: SampleEnv) => {
  const id = await accepted(e);
  await ok(e, 'messages.requestExtension', { id, workingDays: 3, reason: '需要实地核查' }, P.eduPub);
  return id;
};
const urged = async (e: SampleEnv) => {
  const id = await sent(e);
  await ok(e, 'messages.urge', { id, workingDays: 2, note: '请尽快受理并答复' }, P.sup);
  return id;
};

export const MESSAGE_SAMPLES: Record<string, Sample> = {
  'messages.mineGet': { as: () => WRITER, payload: async (e) => ({ id: await sent(e) }) },
  'messages.rate': { as: () => WRITER, payload: async (e) => ({ id: await answered(e), rating: 'satisfied' }) },
  'messages.board': { as: (e) => e.citizen(), payload: () => ({}) },

  'messages.get': { unit, as: () => P.eduPub, payload: async (e) => ({ id: await sent(e) }) },
  'messages.handlers': { unit, as: () => P.eduLeader, payload: () => ({ unitId: unit }) },
  'messages.accept': { unit, as: () => P.eduPub, payload: async (e) => ({ id: await sent(e) }) },
  'messages.route': {
    unit: 'u-county-office',
    as: () => P.officeClerk,
    payload: async (e) => ({
      id: await sent(e, { unitId: 'unsure', title: '小区门口垃圾没人清理', content: '小区门口垃圾堆了三天没人清理。' }),
      toUnitId: 'u-huamachi',
      note: '属于镇区环境卫生',
    }),
  },
  'messages.transfer': {
    unit,
    as: () => P.eduPub,
    payload: async (e) => ({ id: await accepted(e), toUnitId: 'u-huamachi', reason: '涉及镇区学校' }),
  },
  'messages.acceptTransfer': {
    unit: 'u-huamachi',
    as: () => P.hmcPub,
    payload: async (e) => ({ id: await transferred(e) }),
  },
  'messages.returnTransfer': {
    unit: 'u-huamachi',
    as: () => P.hmcPub,
    payload: async (e) => ({ id: await transferred(e), reason: '学校由教育局直管' }),
  },
  'messages.assign': {
    unit,
    as: () => P.eduLeader,
    payload: async (e) => ({ id: await accepted(e), handlerId: 's-edu-publisher' }),
  },
  'messages.draftReply': {
    unit,
    as: () => P.eduPub,
    payload: async (e) => ({ id: await accepted(e), text: '已协调交警部门在放学时段增派人员疏导交通。' }),
  },
  'messages.draftRedirect': {
    unit,
    as: () => P.eduPub,
    payload: async (e) => ({
      id: await sent(e),
      channel: '县人力资源和社会保障局（电话 0953-6012345）',
      text: '社保卡补办由县人社局负责，请携带身份证到县政务服务中心人社窗口办理。',
    }),
  },
  'messages.approveReply': {
    unit,
    as: () => P.eduRev,
    payload: async (e) => ({ id: await drafted(e), stepUpId: await e.stepUp(P.eduRev, 'message.approveReply') }),
  },
  'messages.returnReply': {
    unit,
    as: () => P.eduRev,
    payload: async (e) => ({ id: await drafted(e), reason: '请写明窗口地址' }),
  },
  'messages.requestExtension': {
    unit,
    as: () => P.eduPub,
    payload: async (e) => ({ id: await accepted(e), workingDays: 3, reason: '需要实地核查' }),
  },
  'messages.acknowledgeUrge': {
    unit,
    as: () => P.eduPub,
    payload: async (e) => ({ id: await urged(e), note: '今天内答复' }),
  },
  'messages.decideExtension': {
    as: () => P.sup,
    payload: async (e) => ({
      id: await extensionAsked(e),
      approve: true,
      note: '同意延期',
      stepUpId: await e.stepUp(P.sup, 'message.approveExtension'),
    }),
  },
  'messages.urge': {
    as: () => P.sup,
    payload: async (e) => ({ id: await sent(e), workingDays: 2, note: '请尽快受理并答复' }),
  },
  'messages.supervision': { as: () => P.sup, payload: () => ({ view: 'overdue' }) },
  'messages.import': {
    as: () => P.info,
    payload: () => ({
      channel: 'hotline12345',
      externalId: '12345-20261127-0088',
      unitId: 'u-huamachi',
      category: 'complaint',
      title: '供暖不热',
      content: '花马池镇东城小区供暖温度不达标，室温只有 14 度。',
      phone: '13811112222',
      allowPublish: true,
    }),
  },

  'calendar.list': { as: () => P.eduPub, payload: () => ({ year: 2026 }) },
  'calendar.set': { as: () => P.info, payload: () => ({ date: '2027-02-20', kind: 'work', note: '春节调休上班' }) },
  'notices.mine': { as: () => P.eduPub, payload: () => ({}) },
  'notices.read': { as: () => P.eduPub, payload: () => ({ all: true }) },
  'notices.subscribeTemplates': { as: () => P.eduPub, payload: () => ({}) },
  'notices.outbox': { as: () => P.info, payload: () => ({}) },
};
