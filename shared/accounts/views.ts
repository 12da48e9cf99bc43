import type { AccountType, Platform, ResponsiblePerson } from './contract';
import type { FilingFlag } from './deadlines';
import type { AccountStatus, RefilingState } from './states';
import type { AccountAction } from './transitions';
import type { ExceptionKind } from './schemas';

// What each screen receives: never the whole record (DESIGN.md), and nothing private in the
// citizens' directory (no staff phones, no internal notes).

export interface AccountListItem {
  _id: string;
  name: string;
  platform: Platform;
  type: AccountType;
  status: AccountStatus;
  owningUnitId: string;
  owningUnitName: string;
  managingUnitName: string;
  openedAt: number | null;
  refiling: RefilingState | null;
  /** Outstanding filing or re-filing, with days left or days overdue. */
  flag: FilingFlag | null;
  createdAt: number;
  updatedAt: number;
}

export interface TimelineEntry {
  at: number;
  action: AccountAction | 'apply';
  label: string;
  byName: string;
  byTitle: string;
  from: AccountStatus | null;
  to: AccountStatus;
  reason?: string;
  note?: string;
}

export interface AccountExceptionView {
  _id: string;
  kind: ExceptionKind;
  unitId: string;
  unitName: string;
  platform: Platform;
  name: string | null;
  reason: string;
  grantedByName: string;
  grantedAt: number;
  usedByAccountId: string | null;
  revokedAt: number | null;
}

export interface AccountDetail extends AccountListItem {
  purpose: string;
  holder: { staffId: string; name: string; title: string } | null;
  platformAccountId: string;
  link: string;
  qq: string;
  responsible: { leader: ResponsiblePerson; reviewer: ResponsiblePerson; publisher: ResponsiblePerson };
  managingUnitId: string;
  /** The filing as the information center holds it. */
  filing: {
    dueAt: number | null;
    submittedAt: number | null;
    acceptedAt: number | null;
    version: number;
    returnedReason: string | null;
  };
  refilingInfo: { dueAt: number; changes: string[]; returnedReason: string | null } | null;
  closure: {
    reason: string;
    successorName: string | null;
    noticePublishedOn: string | null;
    noticeText: string | null;
    superiorUnit: string | null;
    informedOn: string | null;
    deregisteredOn: string | null;
  } | null;
  exceptions: Array<{ kind: ExceptionKind; reason: string; grantedByName: string; grantedAt: number }>;
  images: { qr: string | null; verification: string | null };
  timeline: TimelineEntry[];
  /** The steps the caller may take now (from the shared transition table). */
  allowed: AccountAction[];
}

/** One account in the public directory (第二十三条) and the JSON feed. */
export interface DirectoryEntry {
  id: string;
  name: string;
  platform: Platform;
  platformLabel: string;
  type: AccountType;
  typeLabel: string;
  unitId: string;
  unitName: string;
  managingUnitName: string;
  platformAccountId: string;
  link: string | null;
  openedOn: string | null;
  /** URL of the QR code image, when the unit has uploaded one. */
  qrUrl: string | null;
}

export interface DirectoryFeed {
  title: string;
  generatedAt: string;
  count: number;
  accounts: DirectoryEntry[];
}

/**
 * One person who may be named for an account: `unitId` is the first of the asked units they
 * serve in, `roles` their roles in the asked units (the rule checks the owning or managing unit).
 */
export interface StaffOption {
  staffId: string;
  name: string;
  title: string;
  unitId: string;
  roles: string[];
}
