import { ACCOUNT_TYPE_LABELS, PLATFORM_LABELS } from '@shared/accounts/contract';
import { accountFilingFlag, formatChinaDate } from '@shared/accounts/deadlines';
import { allowedActions, type GuardActor } from '@shared/accounts/transitions';
import type { AccountDetail, AccountListItem, DirectoryEntry } from '@shared/accounts/views';
import type { UnitDoc } from '@server/features/identity/units';
import { actionLabel } from './history';
import type { AccountDoc } from './model';
import { guardAccount } from './support';

// Each view picks its fields: staff lists, the staff detail (with phones, for the unit and the
// county), and the citizens' directory entry (no people, no phones, no notes).

const unitName = (units: Map<string, UnitDoc>, id: string) => units.get(id)?.name ?? '（已撤销单位）';

export function flagOf(doc: AccountDoc, now: number) {
  return accountFilingFlag(doc, now);
}

export function toListItem(doc: AccountDoc, units: Map<string, UnitDoc>, now: number): AccountListItem {
  return {
    _id: doc._id,
    name: doc.name,
    platform: doc.platform,
    type: doc.type,
    status: doc.status,
    owningUnitId: doc.owningUnitId,
    owningUnitName: unitName(units, doc.owningUnitId),
    managingUnitName: unitName(units, doc.managingUnitId),
    openedAt: doc.openedAt,
    refiling: doc.refiling?.state ?? null,
    flag: flagOf(doc, now),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function toDetail(
  doc: AccountDoc,
  units: Map<string, UnitDoc>,
  now: number,
  actor: GuardActor,
  imageUrl: (ref: string | null) => string | null,
): AccountDetail {
  return {
    ...toListItem(doc, units, now),
    purpose: doc.purpose,
    holder: doc.holder,
    platformAccountId: doc.platformAccountId,
    link: doc.link,
    qq: doc.qq,
    responsible: doc.responsible,
    managingUnitId: doc.managingUnitId,
    filing: {
      dueAt: doc.filing.dueAt,
      submittedAt: doc.filing.submittedAt,
      acceptedAt: doc.filing.acceptedAt,
      version: doc.filing.version,
      returnedReason: doc.filing.returnedReason,
    },
    refilingInfo: doc.refiling
      ? { dueAt: doc.refiling.dueAt, changes: doc.refiling.changes, returnedReason: doc.refiling.returnedReason }
      : null,
    closure: doc.closure
      ? {
          reason: doc.closure.reason,
          successorName: doc.closure.successorName,
          noticePublishedOn: doc.closure.noticePublishedOn,
          noticeText: doc.closure.noticeText,
          superiorUnit: doc.closure.superiorUnit,
          informedOn: doc.closure.informedOn,
          deregisteredOn: doc.closure.deregisteredOn,
        }
      : null,
    exceptions: doc.exceptions.map((e) => ({
      kind: e.kind,
      reason: e.reason,
      grantedByName: e.grantedByName,
      grantedAt: e.grantedAt,
    })),
    images: { qr: imageUrl(doc.images.qr), verification: imageUrl(doc.images.verification) },
    timeline: doc.history.map((h) => ({
      at: h.at,
      action: h.action,
      label: actionLabel(h.action),
      byName: h.byName,
      byTitle: h.byTitle,
      from: h.from,
      to: h.to,
      ...(h.reason ? { reason: h.reason } : {}),
      ...(h.note ? { note: h.note } : {}),
    })),
    allowed: allowedActions(guardAccount(doc), actor),
  };
}

export function toDirectoryEntry(
  doc: AccountDoc,
  units: Map<string, UnitDoc>,
  imageUrl: (ref: string | null) => string | null,
): DirectoryEntry {
  return {
    id: doc._id,
    name: doc.name,
    platform: doc.platform,
    platformLabel: PLATFORM_LABELS[doc.platform],
    type: doc.type,
    typeLabel: ACCOUNT_TYPE_LABELS[doc.type],
    unitId: doc.owningUnitId,
    unitName: unitName(units, doc.owningUnitId),
    managingUnitName: unitName(units, doc.managingUnitId),
    platformAccountId: doc.platformAccountId,
    link: doc.link || null,
    openedOn: doc.openedAt !== null ? formatChinaDate(doc.openedAt) : null,
    qrUrl: imageUrl(doc.images.qr),
  };
}
