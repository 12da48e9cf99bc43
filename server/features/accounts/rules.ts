import type { z } from 'zod';
import { PLATFORM_LABELS, type Platform, type ResponsiblePerson } from '@shared/accounts/contract';
import { checkAccountName } from '@shared/accounts/naming';
import type { applyInput, responsibleInput } from '@shared/accounts/schemas';
import { ROLE_LABELS, type Role } from '@shared/access/roles';
import type { StaffRecord } from '@server/runtime/action';
import type { Database } from '@server/runtime/deps';
import type { TxLike } from '@server/runtime/audit';
import { AppError, invalid } from '@server/runtime/errors';
import { getDoc } from '@server/runtime/trace';
import { findActiveUnit, type UnitDoc } from '@server/features/identity/units';
import { ACCOUNT_EXCEPTIONS, ACCOUNT_SLOTS, slotId, type ExceptionDoc, type Responsible, type SlotDoc } from './model';
import { loadStaff } from './support';

// The registry's rules, enforced here whatever the client shows:
// - the name contains the unit's name or a registered short name, else an exception (第五条);
// - one live institutional account per platform per unit, else an exception (国办发〔2018〕123号);
// - the three responsible people are active staff holding the matching role in the owning or
//   managing unit; a personal or leader account names its holder, a staff member of the unit (第七条).

type Application = z.output<typeof applyInput>;

export async function requireUnit(db: Database, id: string, field: string, label: string): Promise<UnitDoc> {
  const unit = await findActiveUnit(db, id);
  if (!unit) throw invalid(`${label}不存在或已撤销`, { [field]: `请选择有效的${label}` });
  return unit;
}

const holdsIn = (s: StaffRecord, role: Role, unitIds: string[]) =>
  s.roles.some((g) => g.role === role && unitIds.includes(g.unitId));

/** Reads the three people from the staff records (name, 职务, phone come from there, not the form). */
export async function resolveResponsible(
  db: Database,
  ids: z.output<typeof responsibleInput>,
  unitIds: string[],
): Promise<Responsible> {
  const slots: Array<[keyof Responsible, string, Role]> = [
    ['leader', ids.leaderId, 'leader'],
    ['reviewer', ids.reviewerId, 'reviewer'],
    ['publisher', ids.publisherId, 'publisher'],
  ];
  const out: Partial<Responsible> = {};
  const errors: Record<string, string> = {};
  for (const [key, id, role] of slots) {
    const s = await loadStaff(db, id);
    const field = `responsible.${key}Id`;
    if (!s || s.status !== 'active') {
      errors[field] = '该人员不存在或未启用';
      continue;
    }
    if (!holdsIn(s, role, unitIds)) {
      errors[field] = `${s.name}不是主管或管理单位的${ROLE_LABELS[role]}`;
      continue;
    }
    out[key] = { staffId: s._id, name: s.name, title: s.title, phone: s.mobile } satisfies ResponsiblePerson;
  }
  if (Object.keys(errors).length) throw invalid(`责任人有误：${Object.values(errors)[0]}`, errors);
  return out as Responsible;
}

export async function resolveHolder(db: Database, app: Application, owningUnitId: string) {
  if (app.type === 'institutional' || !app.holderStaffId) return null;
  const s = await loadStaff(db, app.holderStaffId);
  if (!s || s.status !== 'active' || !s.roles.some((g) => g.unitId === owningUnitId)) {
    throw invalid('账号本人须是主管单位在册的工作人员', { holderStaffId: '账号本人须是主管单位在册的工作人员' });
  }
  return { staffId: s._id, name: s.name, title: s.title };
}

/** A usable exception of `kind` for the unit and platform (and name), or null. */
export async function findOpenException(
  db: Database,
  kind: ExceptionDoc['kind'],
  unitId: string,
  platform: Platform,
  name?: string,
): Promise<ExceptionDoc | null> {
  const res = await db.collection(ACCOUNT_EXCEPTIONS).where({ unitId, kind, platform, state: 'open' }).limit(50).get();
  const rows = res.data as ExceptionDoc[];
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  return (
    rows.find((e) => kind !== 'name' || (e.name !== null && name !== undefined && norm(e.name) === norm(name))) ?? null
  );
}

/** The name rule: ok, or the exception that allows it, or a refusal with the reason beside the field. */
export async function checkName(
  db: Database,
  name: string,
  unit: UnitDoc,
  platform: Platform,
): Promise<ExceptionDoc | null> {
  const check = checkAccountName(name, unit);
  if (check.ok) return null;
  const exception = await findOpenException(db, 'name', unit._id, platform, name);
  if (exception) return exception;
  throw new AppError('InvalidParameter', check.reason, { name: check.reason }, { rule: 'name' });
}

/**
 * The one-per-platform rule, inside the opening transaction: reads the (unit, platform) slot and
 * refuses when a live institutional account holds it and no exception was recorded.
 */
export async function claimSlot(
  t: TxLike,
  db: Database,
  unit: UnitDoc,
  platform: Platform,
  accountId: string,
): Promise<ExceptionDoc | null> {
  const slot: Pick<SlotDoc, 'accountIds'> = (await getDoc<SlotDoc>(t, ACCOUNT_SLOTS, slotId(unit._id, platform))) ?? {
    accountIds: [],
  };
  const others = slot.accountIds.filter((x) => x !== accountId);
  let exception: ExceptionDoc | null = null;
  if (others.length > 0) {
    const found = await findOpenException(db, 'extraAccount', unit._id, platform);
    exception = found ? await getDoc<ExceptionDoc>(t, ACCOUNT_EXCEPTIONS, found._id) : null;
    if (!exception || exception.state !== 'open') {
      const msg = `${unit.name}已有一个${PLATFORM_LABELS[platform]}机构账号（同一平台原则上只开设一个，国办发〔2018〕123号）；确需再开设的，请县政府信息中心登记例外并说明理由`;
      throw new AppError('Conflict', msg, { platform: msg }, { rule: 'onePerPlatform', existing: others });
    }
  }
  if (!slot.accountIds.includes(accountId)) {
    await t
      .collection(ACCOUNT_SLOTS)
      .doc(slotId(unit._id, platform))
      .set({ data: { accountIds: [...slot.accountIds, accountId] } });
  }
  return exception;
}

/** Frees the slot when an institutional account is withdrawn or closed. */
export async function releaseSlot(t: TxLike, unitId: string, platform: Platform, accountId: string): Promise<void> {
  const slot = await getDoc<SlotDoc>(t, ACCOUNT_SLOTS, slotId(unitId, platform));
  if (!slot || !slot.accountIds.includes(accountId)) return;
  await t
    .collection(ACCOUNT_SLOTS)
    .doc(slotId(unitId, platform))
    .set({ data: { accountIds: slot.accountIds.filter((x) => x !== accountId) } });
}

/** Marks an exception used by `accountId` inside the transaction (single use). */
export async function consumeException(t: TxLike, exception: ExceptionDoc, accountId: string, now: number) {
  const fresh = await getDoc<ExceptionDoc>(t, ACCOUNT_EXCEPTIONS, exception._id);
  if (!fresh || fresh.state !== 'open') {
    throw new AppError('Conflict', '该例外已被使用或撤销，请刷新后重试');
  }
  await t
    .collection(ACCOUNT_EXCEPTIONS)
    .doc(exception._id)
    .update({ data: { state: 'used', usedByAccountId: accountId, usedAt: now } });
  return {
    exceptionId: fresh._id,
    kind: fresh.kind,
    reason: fresh.reason,
    grantedByName: fresh.grantedByName,
    grantedAt: fresh.grantedAt,
  };
}
