import type { z } from 'zod';
import { PLATFORM_LABELS, PLATFORMS } from '@shared/accounts/contract';
import { dueAfter, FILING_DAYS, parseChinaDate, REFILING_DAYS } from '@shared/accounts/deadlines';
import type {
  closeApproveInput,
  deregisterInput,
  editInput,
  idInput,
  informSuperiorInput,
  openInput,
  reasonInput,
  recordNoticeInput,
  requestCloseInput,
  unitApproveInput,
  officeApproveInput,
} from '@shared/accounts/schemas';
import type { ActionContext } from '@server/runtime/action';
import { invalid, AppError } from '@server/runtime/errors';
import type { AccountDoc } from './model';
import { runStep } from './steps';
import { checkName, releaseSlot, resolveResponsible, consumeException } from './rules';
import { countyOfficeUnitId, infoCenterStaff, loadAccount, staffWithRole, unitMap } from './support';
import type { UnitDoc } from '@server/features/identity/units';

// Each step of the lifecycle: what it checks and changes beyond the state (see steps.ts).

type In<S extends z.ZodType> = z.output<S>;

const unitPeople = (doc: AccountDoc) => [
  doc.applicantId,
  doc.responsible.leader.staffId,
  doc.responsible.reviewer.staffId,
  doc.responsible.publisher.staffId,
];

/** A China date a person entered for something that has happened: not after today. */
function pastDate(text: string, field: string, now: number): number {
  const ms = parseChinaDate(text)!;
  if (ms > now) throw invalid('日期不能晚于今天', { [field]: '日期不能晚于今天' });
  return ms;
}

export const withdraw = (i: In<typeof idInput>, ctx: ActionContext) =>
  runStep(ctx, i.id, 'withdraw', {
    change: async (doc, _p, t) => {
      if (doc.type === 'institutional') await releaseSlot(t, doc.owningUnitId, doc.platform, doc._id);
      return {};
    },
  });

export const unitApprove = (i: In<typeof unitApproveInput>, ctx: ActionContext) =>
  runStep(ctx, i.id, 'unitApprove', {
    stepUpId: i.stepUpId,
    note: '已确认经本单位主要领导批准',
    notice: async (doc) => {
      const office = await countyOfficeUnitId(ctx.deps.db);
      const people = office ? await staffWithRole(ctx.deps.db, office, ['leader', 'unitAdmin']) : [];
      return {
        to: [...people.map((p) => p._id), doc.applicantId],
        kind: 'account.officeApprovalNeeded',
        title: '政务账号开设待县政府办公室审批',
        body: `「${doc.name}」（${PLATFORM_LABELS[doc.platform]}）已经单位主要领导批准`,
      };
    },
  });

const returnTo = (doc: AccountDoc, reason: string, who: string) => ({
  to: [doc.applicantId],
  kind: 'account.returned',
  title: '政务账号申请被退回',
  body: `${who}退回了「${doc.name}」：${reason}`,
});

export const unitReturn = (i: In<typeof reasonInput>, ctx: ActionContext) =>
  runStep(ctx, i.id, 'unitReturn', { reason: i.reason, notice: (doc) => returnTo(doc, i.reason, '单位领导') });

export const officeApprove = (i: In<typeof officeApproveInput>, ctx: ActionContext) =>
  runStep(ctx, i.id, 'officeApprove', {
    stepUpId: i.stepUpId,
    notice: (doc) => ({
      to: unitPeople(doc),
      kind: 'account.approved',
      title: '政务账号开设已获批准',
      body: `「${doc.name}」已获县政府办公室批准，开通后请登记开通信息，并在 ${FILING_DAYS} 天内报备`,
    }),
  });

export const officeReturn = (i: In<typeof reasonInput>, ctx: ActionContext) =>
  runStep(ctx, i.id, 'officeReturn', { reason: i.reason, notice: (doc) => returnTo(doc, i.reason, '县政府办公室') });

async function unitOf(ctx: ActionContext, id: string): Promise<UnitDoc> {
  const unit = (await unitMap(ctx.deps.db)).get(id);
  if (!unit) throw new AppError('Conflict', '主管部门已撤销，不能继续办理');
  return unit;
}

export const open = (i: In<typeof openInput>, ctx: ActionContext) => {
  const now = ctx.deps.now();
  const openedAt = pastDate(i.openedOn, 'openedOn', now);
  return runStep(ctx, i.id, 'open', {
    note: `开通日期 ${i.openedOn}`,
    prepare: async (doc) => {
      const unit = await unitOf(ctx, doc.owningUnitId);
      return i.name === doc.name ? null : await checkName(ctx.deps.db, i.name, unit, doc.platform);
    },
    change: async (doc, exception, t) => ({
      name: i.name,
      openedAt,
      platformAccountId: i.platformAccountId,
      link: i.link,
      filing: { ...doc.filing, dueAt: dueAfter(openedAt, FILING_DAYS) },
      exceptions: exception ? [...doc.exceptions, await consumeException(t, exception, doc._id, now)] : doc.exceptions,
    }),
  });
};

const PERSON_LABELS = { leader: '分管领导', reviewer: '审核人员', publisher: '发布人员' } as const;

export const edit = (i: In<typeof editInput>, ctx: ActionContext) => {
  const now = ctx.deps.now();
  return runStep(ctx, i.id, 'edit', {
    note: i.note,
    prepare: async (doc) => {
      const unit = await unitOf(ctx, doc.owningUnitId);
      const exception = i.name && i.name !== doc.name ? await checkName(ctx.deps.db, i.name, unit, doc.platform) : null;
      const responsible = i.responsible ? await resolveResponsible(ctx.deps.db, i.responsible, doc.unitIds) : null;
      return { exception, responsible };
    },
    change: async (doc, p, t) => {
      const changes: string[] = [];
      if (i.name && i.name !== doc.name) changes.push(`名称：${doc.name} → ${i.name}`);
      if (p.responsible) {
        for (const k of ['leader', 'reviewer', 'publisher'] as const) {
          if (p.responsible[k].staffId !== doc.responsible[k].staffId)
            changes.push(`${PERSON_LABELS[k]}：${doc.responsible[k].name} → ${p.responsible[k].name}`);
        }
      }
      const qqChanged = i.qq !== undefined && i.qq !== doc.qq;
      if (!changes.length && !qqChanged) throw invalid('没有任何变更', { _: '没有任何变更' });
      // Only an active (filed) account must re-file; before filing the form simply carries the new facts.
      const refiling =
        doc.status === 'active' && changes.length
          ? {
              state: 'due' as const,
              since: doc.refiling?.since ?? now,
              dueAt: doc.refiling?.dueAt ?? dueAfter(now, REFILING_DAYS),
              changes: [...(doc.refiling?.changes ?? []), ...changes],
              returnedReason: doc.refiling?.returnedReason ?? null,
            }
          : doc.refiling;
      return {
        name: i.name ?? doc.name,
        responsible: p.responsible ?? doc.responsible,
        qq: i.qq ?? doc.qq,
        refiling,
        exceptions: p.exception
          ? [...doc.exceptions, await consumeException(t, p.exception, doc._id, now)]
          : doc.exceptions,
      };
    },
  });
};

const toInfoCenter = async (ctx: ActionContext, title: string, body: string) => ({
  to: (await infoCenterStaff(ctx.deps.db)).map((s) => s._id),
  kind: 'account.filingSubmitted',
  title,
  body,
});

export const submitFiling = (i: In<typeof idInput>, ctx: ActionContext) =>
  runStep(ctx, i.id, 'submitFiling', {
    change: (doc, _p, _t, now) => ({ filing: { ...doc.filing, submittedAt: now, returnedReason: null } }),
    notice: (doc) => toInfoCenter(ctx, '政务账号备案待受理', `「${doc.name}」提交了备案表，请受理`),
  });

function dirKey(unit: UnitDoc, doc: AccountDoc): string {
  return `${String(unit.order).padStart(5, '0')}|${PLATFORMS.indexOf(doc.platform)}|${doc._id}`;
}

export const acceptFiling = (i: In<typeof idInput>, ctx: ActionContext) =>
  runStep(ctx, i.id, 'acceptFiling', {
    prepare: (doc) => unitOf(ctx, doc.owningUnitId),
    change: (doc, unit, _t, now) => ({
      filing: { ...doc.filing, acceptedAt: now, acceptedBy: ctx.caller.staff!._id, version: doc.filing.version + 1 },
      dirKey: dirKey(unit, doc),
    }),
    notice: (doc) => ({
      to: unitPeople(doc),
      kind: 'account.filingAccepted',
      title: '政务账号备案已受理',
      body: `「${doc.name}」已完成备案，已列入全县政务账号名录`,
    }),
  });

export const returnFiling = (i: In<typeof reasonInput>, ctx: ActionContext) =>
  runStep(ctx, i.id, 'returnFiling', {
    reason: i.reason,
    change: (doc) => ({ filing: { ...doc.filing, submittedAt: null, returnedReason: i.reason } }),
    notice: (doc) => ({ ...returnTo(doc, i.reason, '县政府信息中心'), title: '政务账号备案被退回' }),
  });

export const submitRefiling = (i: In<typeof idInput>, ctx: ActionContext) =>
  runStep(ctx, i.id, 'submitRefiling', {
    note: '提交变更后的备案表',
    change: (doc) => ({ refiling: { ...doc.refiling!, state: 'submitted' as const } }),
    notice: (doc) =>
      toInfoCenter(ctx, '政务账号变更备案待受理', `「${doc.name}」提交了变更备案：${doc.refiling?.changes.join('；')}`),
  });

export const acceptRefiling = (i: In<typeof idInput>, ctx: ActionContext) =>
  runStep(ctx, i.id, 'acceptRefiling', {
    note: undefined,
    change: (doc, _p, _t, now) => ({
      refiling: null,
      filing: { ...doc.filing, acceptedAt: now, acceptedBy: ctx.caller.staff!._id, version: doc.filing.version + 1 },
    }),
    notice: (doc) => ({
      to: unitPeople(doc),
      kind: 'account.filingAccepted',
      title: '变更备案已受理',
      body: `「${doc.name}」的变更备案已受理`,
    }),
  });

export const returnRefiling = (i: In<typeof reasonInput>, ctx: ActionContext) =>
  runStep(ctx, i.id, 'returnRefiling', {
    reason: i.reason,
    change: (doc) => ({ refiling: { ...doc.refiling!, state: 'returned' as const, returnedReason: i.reason } }),
    notice: (doc) => ({ ...returnTo(doc, i.reason, '县政府信息中心'), title: '变更备案被退回' }),
  });

export const requestClose = (i: In<typeof requestCloseInput>, ctx: ActionContext) =>
  runStep(ctx, i.id, 'requestClose', {
    reason: i.reason,
    prepare: async (doc) => {
      if (!i.successorId) return null;
      const successor = await loadAccount(ctx.deps.db, i.successorId);
      if (
        !successor ||
        successor._id === doc._id ||
        successor.status !== 'active' ||
        !successor.unitIds.includes(doc.owningUnitId)
      ) {
        throw invalid('请选择本单位正常运行的另一个账号', { successorId: '请选择本单位正常运行的另一个账号' });
      }
      return successor;
    },
    change: (_doc, successor) => ({
      closure: {
        reason: i.reason,
        successorId: successor?._id ?? null,
        successorName: successor ? `${successor.name}（${PLATFORM_LABELS[successor.platform]}）` : null,
        noticePublishedOn: null,
        noticeText: null,
        noticeLink: null,
        superiorUnit: null,
        informedOn: null,
        deregisteredOn: null,
      },
    }),
    notice: async (doc) => ({
      to: (await staffWithRole(ctx.deps.db, doc.owningUnitId, ['leader'])).map((s) => s._id),
      kind: 'account.closeApprovalNeeded',
      title: '政务账号注销待批准',
      body: `申请注销「${doc.name}」：${i.reason}`,
    }),
  });

export const closeApprove = (i: In<typeof closeApproveInput>, ctx: ActionContext) =>
  runStep(ctx, i.id, 'closeApprove', {
    stepUpId: i.stepUpId,
    note: '已确认经本单位主要领导批准',
    notice: (doc) => ({
      to: unitPeople(doc),
      kind: 'account.closeApproved',
      title: '政务账号注销已批准',
      body: `「${doc.name}」注销已批准：请先发布停更公告，抄告上级单位，再到平台注销`,
    }),
  });

export const closeRefuse = (i: In<typeof reasonInput>, ctx: ActionContext) =>
  runStep(ctx, i.id, 'closeRefuse', {
    reason: i.reason,
    change: () => ({ closure: null }),
    notice: (doc) => ({
      to: [doc.applicantId],
      kind: 'account.closeRefused',
      title: '注销申请未获批准',
      body: i.reason,
    }),
  });

export const recordNotice = (i: In<typeof recordNoticeInput>, ctx: ActionContext) => {
  pastDate(i.publishedOn, 'publishedOn', ctx.deps.now());
  return runStep(ctx, i.id, 'recordNotice', {
    note: `停更公告 ${i.publishedOn}`,
    prepare: async (doc) => {
      const successor = doc.closure?.successorId ? await loadAccount(ctx.deps.db, doc.closure.successorId) : null;
      if (successor && !i.noticeText.includes(successor.name)) {
        const msg = `停更公告须告知关注者今后关注本单位的「${successor.name}」`;
        throw invalid(msg, { noticeText: msg });
      }
    },
    change: (doc) => ({
      closure: {
        ...doc.closure!,
        noticePublishedOn: i.publishedOn,
        noticeText: i.noticeText,
        noticeLink: i.link || null,
      },
    }),
  });
};

export const informSuperior = (i: In<typeof informSuperiorInput>, ctx: ActionContext) => {
  pastDate(i.informedOn, 'informedOn', ctx.deps.now());
  return runStep(ctx, i.id, 'informSuperior', {
    note: `已抄告${i.superiorUnit}（${i.informedOn}）`,
    change: (doc) => ({ closure: { ...doc.closure!, superiorUnit: i.superiorUnit, informedOn: i.informedOn } }),
  });
};

export const deregister = (i: In<typeof deregisterInput>, ctx: ActionContext) => {
  pastDate(i.deregisteredOn, 'deregisteredOn', ctx.deps.now());
  return runStep(ctx, i.id, 'deregister', {
    stepUpId: i.stepUpId,
    note: `平台注销日期 ${i.deregisteredOn}`,
    change: async (doc, _p, t) => {
      if (doc.type === 'institutional') await releaseSlot(t, doc.owningUnitId, doc.platform, doc._id);
      return { closure: { ...doc.closure!, deregisteredOn: i.deregisteredOn }, dirKey: null };
    },
    notice: async (doc) => ({
      to: [...unitPeople(doc), ...(await infoCenterStaff(ctx.deps.db)).map((s) => s._id)],
      kind: 'account.closed',
      title: '政务账号已注销',
      body: `「${doc.name}」已于 ${i.deregisteredOn} 在平台注销，已移出全县政务账号名录`,
    }),
  });
};
