import { ACCOUNTS, type AccountCore, type ResponsiblePerson } from '@shared/accounts/contract';
import type { AccountQueue, AccountStatus, RefilingState } from '@shared/accounts/states';
import type { AccountAction } from '@shared/accounts/transitions';
import type { ExceptionKind } from '@shared/accounts/schemas';
import type { Platform } from '@shared/accounts/contract';

// Collections and documents of the account registry.
export { ACCOUNTS };
export const ACCOUNT_EXCEPTIONS = 'accountExceptions';
/** One document per (owning unit, platform): the live institutional accounts, read in each
 * opening transaction so two parallel applications cannot both take the one place. */
export const ACCOUNT_SLOTS = 'accountSlots';

export interface HistoryEntry {
  at: number;
  action: AccountAction | 'apply';
  byId: string;
  byName: string;
  byTitle: string;
  from: AccountStatus | null;
  to: AccountStatus;
  reason?: string;
  note?: string;
}

export interface AccountDoc extends AccountCore {
  status: AccountStatus;
  /** Owning and managing unit (deduplicated): "the unit's accounts" is one indexed query. */
  unitIds: string[];
  purpose: string;
  holder: { staffId: string; name: string; title: string } | null;
  platformAccountId: string;
  link: string;
  qq: string;
  applicantId: string;
  /** Whose desk it waits on, and the outstanding filing deadline (both derived, stored for queries). */
  queue: AccountQueue;
  dueAt: number | null;
  filing: {
    dueAt: number | null;
    submittedAt: number | null;
    acceptedAt: number | null;
    acceptedBy: string | null;
    version: number;
    returnedReason: string | null;
  };
  refiling: {
    state: RefilingState;
    since: number;
    dueAt: number;
    changes: string[];
    returnedReason: string | null;
  } | null;
  closure: {
    reason: string;
    successorId: string | null;
    successorName: string | null;
    noticePublishedOn: string | null;
    noticeText: string | null;
    noticeLink: string | null;
    superiorUnit: string | null;
    informedOn: string | null;
    deregisteredOn: string | null;
  } | null;
  exceptions: Array<{
    exceptionId: string;
    kind: ExceptionKind;
    reason: string;
    grantedByName: string;
    grantedAt: number;
  }>;
  images: { qr: string | null; verification: string | null };
  history: HistoryEntry[];
  /** Sort key of the public directory while active: unit order, platform, id. */
  dirKey: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface ExceptionDoc {
  _id: string;
  kind: ExceptionKind;
  unitId: string;
  platform: Platform;
  name: string | null;
  reason: string;
  grantedBy: string;
  grantedByName: string;
  grantedAt: number;
  usedByAccountId: string | null;
  usedAt: number | null;
  revokedAt: number | null;
  revokedReason: string | null;
  /** 'open' while usable: one indexed query finds a usable exception. */
  state: 'open' | 'used' | 'revoked';
  createdAt: number;
}

export interface SlotDoc {
  _id: string;
  accountIds: string[];
}

export const slotId = (unitId: string, platform: Platform) => `${unitId}__${platform}`;

export type Responsible = { leader: ResponsiblePerson; reviewer: ResponsiblePerson; publisher: ResponsiblePerson };
