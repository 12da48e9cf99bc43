import type { z } from 'zod';
import { ACCOUNT_STATUS_LABELS, ENDED_STATUSES, LIVE_STATUSES } from '@shared/accounts/states';
import type {
  directoryInput,
  idInput,
  listInput,
  peopleInput,
  queueInput,
  setImageInput,
} from '@shared/accounts/schemas';
import type { AccountListItem, DirectoryEntry, StaffOption } from '@shared/accounts/views';
import type { Page } from '@shared/messages/schemas';
import type { ActionContext, StaffRecord } from '@server/runtime/action';
import { AppError, forbidden, invalid, notFound } from '@server/runtime/errors';
import { containsText, pageNewestFirst } from '@server/runtime/paging';
import { inTransaction, traceChange } from '@server/runtime/trace';
import { STAFF } from '@server/runtime/staff';
import type { Database } from '@server/runtime/deps';
import { actorIs } from '@shared/accounts/transitions';
import { ACCOUNTS, type AccountDoc } from './model';
import { countyOfficeUnitId, guardAccount, guardActor, loadAccount, unitMap } from './support';
import { toDetail, toDirectoryEntry, toListItem } from './views';
import { looksLikeImage } from '@server/features/uploads/store';
import { imageStore } from './files';

// Reading the registry: the unit's accounts, the approval queues, one account's detail and
// timeline, the citizens' directory, and the staff who may be named responsible people.

export async function listAccounts(
  input: z.output<typeof listInput>,
  ctx: ActionContext,
): Promise<Page<AccountListItem>> {
  const db = ctx.deps.db;
  const _ = db.command;
  const now = ctx.deps.now();
  const scope: Record<string, unknown> = input.unitId ? { unitIds: input.unitId } : {};
  const byView: Record<typeof input.view, Record<string, unknown>> = {
    all: { status: _.nin([...ENDED_STATUSES]) },
    todo: input.unitId ? { queue: _.in(['unitLeader', 'unit']) } : { queue: 'infoCenter' },
    overdue: { dueAt: _.lt(now) },
    ended: { status: _.in([...ENDED_STATUSES]) },
  };
  const units = await unitMap(db);
  return pageNewestFirst<AccountDoc, AccountListItem>(
    db,
    ACCOUNTS,
    { ...scope, ...byView[input.view] },
    input.pageSize,
    input.cursor,
    (d) => toListItem(d, units, now),
  );
}

/** 县政府办公室's desk: every application the units' leaders have approved. */
export async function officeQueue(input: z.output<typeof queueInput>, ctx: ActionContext) {
  const units = await unitMap(ctx.deps.db);
  const now = ctx.deps.now();
  return pageNewestFirst<AccountDoc, AccountListItem>(
    ctx.deps.db,
    ACCOUNTS,
    { queue: 'countyOffice' },
    input.pageSize,
    input.cursor,
    (d) => toListItem(d, units, now),
  );
}

export async function getAccount(input: z.output<typeof idInput>, ctx: ActionContext) {
  const db = ctx.deps.db;
  const doc = await loadAccount(db, input.id);
  if (!doc) throw notFound('账号不存在或已删除');
  const office = await countyOfficeUnitId(db);
  const actor = guardActor(ctx.caller.staff!, office);
  const staffUnits = new Set(actor.grants.map((g) => g.unitId));
  const county = actor.grants.some((g) => g.role === 'infoCenter' || g.role === 'supervisor');
  const mine = doc.unitIds.some((u) => staffUnits.has(u));
  const isOffice = office !== null && staffUnits.has(office);
  if (!county && !mine && !isOffice) throw forbidden('只能查看本单位的账号');
  const store = imageStore();
  return toDetail(doc, await unitMap(db), ctx.deps.now(), actor, (r) => store.url(r));
}

/** Active accounts for citizens, in the county's order (unit, then platform). */
export async function directoryPage(
  db: Database,
  filter: { unitId?: string; platform?: string },
  pageSize: number,
  cursor: string | undefined,
): Promise<Page<DirectoryEntry>> {
  const _ = db.command;
  if (cursor !== undefined && !/^\d{5}\|\d\|[A-Za-z0-9_-]{1,64}$/.test(cursor)) {
    throw invalid('翻页参数无效，请刷新列表', { cursor: '翻页参数无效' });
  }
  const where: Record<string, unknown> = { status: 'active' };
  if (filter.unitId) where.owningUnitId = filter.unitId;
  if (filter.platform) where.platform = filter.platform;
  if (cursor) where.dirKey = _.gt(cursor);
  const res = await db
    .collection(ACCOUNTS)
    .where(where)
    .orderBy('dirKey', 'asc')
    .limit(pageSize + 1)
    .get();
  const rows = res.data as AccountDoc[];
  const items = rows.slice(0, pageSize);
  const units = await unitMap(db);
  const store = imageStore();
  return {
    items: items.map((d) => toDirectoryEntry(d, units, (r) => store.url(r))),
    nextCursor: rows.length > pageSize && items.length ? items[items.length - 1].dirKey : null,
  };
}

export function directory(input: z.output<typeof directoryInput>, ctx: ActionContext) {
  return directoryPage(ctx.deps.db, input, input.pageSize, input.cursor);
}

/** The whole directory (the public feed): a county has at most a few hundred accounts. */
export async function wholeDirectory(db: Database): Promise<DirectoryEntry[]> {
  const out: DirectoryEntry[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await directoryPage(db, {}, 100, cursor);
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

/**
 * Staff of the owning/managing units, for choosing the three responsible people and the holder:
 * one row per person, by role and by name, newest first, a page at a time.
 */
export async function people(input: z.output<typeof peopleInput>, ctx: ActionContext): Promise<Page<StaffOption>> {
  const caller = ctx.caller.staff!;
  const county = caller.roles.some((g) => g.role === 'infoCenter' || g.role === 'supervisor');
  const mine = new Set(caller.roles.map((g) => g.unitId));
  if (!county && !input.unitIds.some((u) => mine.has(u))) throw forbidden('只能查看本单位的人员');
  const db = ctx.deps.db;
  const _ = db.command;
  const filter: Record<string, unknown> = { status: 'active' };
  if (input.role) filter.roles = _.elemMatch({ unitId: _.in(input.unitIds), role: input.role });
  else filter.unitIds = _.in(input.unitIds);
  if (input.q) filter.name = containsText(db, input.q);
  return pageNewestFirst<StaffRecord & { createdAt: number }, StaffOption>(
    db,
    STAFF,
    filter,
    input.pageSize,
    input.cursor,
    (s) => {
      const here = s.roles.filter((g) => input.unitIds.includes(g.unitId));
      return {
        staffId: s._id,
        name: s.name,
        title: s.title,
        unitId: input.unitIds.find((u) => here.some((g) => g.unitId === u)) ?? input.unitIds[0],
        roles: [...new Set(here.map((g) => g.role))],
      };
    },
  );
}

/** A QR code or verification screenshot for an account (unit staff, while it exists). */
export async function setImage(input: z.output<typeof setImageInput>, ctx: ActionContext) {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  const image = { mime: input.mime, bytes };
  if (!looksLikeImage(bytes, input.mime))
    throw invalid('图片文件无效，请选择 PNG 或 JPEG 图片', { dataBase64: '图片文件无效' });
  const db = ctx.deps.db;
  const before = await loadAccount(db, input.id);
  if (!before) throw notFound('账号不存在或已删除');
  const actor = guardActor(ctx.caller.staff!, await countyOfficeUnitId(db));
  // The unit's staff, from approval until the account is closed.
  if (!actorIs('unitStaff', guardAccount(before), actor)) throw forbidden('只有本单位的工作人员可以上传账号图片');
  if (before.status !== 'approved' && !LIVE_STATUSES.includes(before.status)) {
    throw new AppError('InvalidTransition', `账号当前状态为「${ACCOUNT_STATUS_LABELS[before.status]}」，不能上传图片`);
  }
  const ref = await imageStore().put(image);
  await inTransaction(ctx, async (t) => {
    const doc = await loadAccount(t, input.id);
    if (!doc) throw notFound('账号不存在或已删除');
    await t
      .collection(ACCOUNTS)
      .doc(input.id)
      .update({ data: { [`images.${input.kind}`]: ref, updatedAt: ctx.deps.now() } });
    await traceChange(t, ctx, {
      target: { type: 'account', id: input.id },
      unitId: doc.owningUnitId,
      details: { image: input.kind },
    });
  });
  return { url: imageStore().url(ref) };
}
