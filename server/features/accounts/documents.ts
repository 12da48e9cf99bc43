import type { z } from 'zod';
import { formatChinaDate } from '@shared/accounts/deadlines';
import type { idInput } from '@shared/accounts/schemas';
import type { ActionContext } from '@server/runtime/action';
import { AppError, forbidden, notFound } from '@server/runtime/errors';
import type { Database } from '@server/runtime/deps';
import { ACCOUNTS, type AccountDoc } from './model';
import { loadAccount, unitMap } from './support';
import { MissingFontError, renderFilingForm } from './pdf';
import { registryWorkbook } from './excel';

// Documents for the information center's records: one account's 备案表 (PDF) and the whole
// registry (Excel). Returned as base64 in the envelope (a form is ~50 KB; a county's registry
// a few dozen KB); the client saves or opens them.

export interface FileResult {
  filename: string;
  mime: string;
  dataBase64: string;
  bytes: number;
}

export async function filingForm(input: z.output<typeof idInput>, ctx: ActionContext): Promise<FileResult> {
  const db = ctx.deps.db;
  const doc = await loadAccount(db, input.id);
  if (!doc) throw notFound('账号不存在或已删除');
  const grants = ctx.caller.staff!.roles;
  const county = grants.some((g) => g.role === 'infoCenter' || g.role === 'supervisor');
  if (!county && !grants.some((g) => doc.unitIds.includes(g.unitId))) throw forbidden('只能生成本单位账号的备案表');
  if (doc.openedAt === null)
    throw new AppError('InvalidTransition', '账号开通后才能生成备案表（需要开通时间和账号名称）');
  const units = await unitMap(db);
  let pdf: Buffer;
  try {
    pdf = await renderFilingForm({
      account: doc,
      owningUnitName: units.get(doc.owningUnitId)?.name ?? '',
      managingUnitName: units.get(doc.managingUnitId)?.name ?? '',
      generatedAt: ctx.deps.now(),
    });
  } catch (e) {
    if (e instanceof MissingFontError) {
      ctx.deps.log('error', e.message);
      throw new AppError('Conflict', '服务器缺少中文字体，暂时不能生成备案表，请联系管理员');
    }
    throw e;
  }
  return {
    filename: `备案表-${doc.name}-${formatChinaDate(ctx.deps.now())}.pdf`,
    mime: 'application/pdf',
    dataBase64: pdf.toString('base64'),
    bytes: pdf.length,
  };
}

export async function allAccounts(db: Database): Promise<AccountDoc[]> {
  const _ = db.command;
  const out: AccountDoc[] = [];
  let after = '';
  for (let i = 0; i < 1000; i++) {
    const res = await db
      .collection(ACCOUNTS)
      .where(after ? { _id: _.gt(after) } : {})
      .orderBy('_id', 'asc')
      .limit(100)
      .get();
    out.push(...(res.data as AccountDoc[]));
    if (res.data.length < 100) break;
    after = out[out.length - 1]._id;
  }
  return out;
}

export async function exportRegistry(_input: unknown, ctx: ActionContext): Promise<FileResult> {
  const db = ctx.deps.db;
  const now = ctx.deps.now();
  const accounts = (await allAccounts(db)).filter((a) => a.status !== 'withdrawn');
  const xlsx = await registryWorkbook(accounts, await unitMap(db), now);
  return {
    filename: `盐池县政务新媒体账号名录-${formatChinaDate(now)}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    dataBase64: xlsx.toString('base64'),
    bytes: xlsx.length,
  };
}
