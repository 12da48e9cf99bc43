import type { ApplyInput } from '@shared/accounts/schemas';
import type {
  AccountDetail,
  AccountExceptionView,
  AccountListItem,
  DirectoryEntry,
  StaffOption,
} from '@shared/accounts/views';
import type { AccountAction } from '@shared/accounts/transitions';
import type { Page } from '@shared/messages/schemas';
import { API_ORIGIN, IS_WEAPP } from './env';
import { call } from './transport';

// The accounts cloud function (issue 4): the registry, its approval steps, documents and the
// citizens' directory. Shapes come from shared/accounts (the contract).

export type { AccountDetail, AccountExceptionView, AccountListItem, ApplyInput, DirectoryEntry, Page, StaffOption };

const FN = 'accounts';
const withCursor = (cursor?: string | null) => (cursor ? { cursor } : {});

export function directory(args: { unitId?: string; platform?: string; cursor?: string | null }) {
  return call<Page<DirectoryEntry>>(FN, 'accounts.directory', {
    ...(args.unitId ? { unitId: args.unitId } : {}),
    ...(args.platform ? { platform: args.platform } : {}),
    ...withCursor(args.cursor),
  });
}

export type ListView = 'all' | 'todo' | 'overdue' | 'ended';

export function listAccounts(args: { unitId?: string; view: ListView; cursor?: string | null }) {
  return call<Page<AccountListItem>>(FN, 'accounts.list', {
    ...(args.unitId ? { unitId: args.unitId } : {}),
    view: args.view,
    ...withCursor(args.cursor),
  });
}

export function officeQueue(args: { cursor?: string | null }) {
  return call<Page<AccountListItem>>(FN, 'accounts.officeQueue', withCursor(args.cursor));
}

export function getAccount(id: string) {
  return call<AccountDetail>(FN, 'accounts.get', { id });
}

export function people(unitIds: string[]) {
  return call<{ items: StaffOption[] }>(FN, 'accounts.people', { unitIds });
}

export function applyAccount(input: ApplyInput) {
  return call<{ _id: string; status: string }>(FN, 'accounts.apply', input);
}

export function resubmitAccount(id: string, application: ApplyInput) {
  return call<{ _id: string; status: string }>(FN, 'accounts.resubmit', { id, application });
}

/** One lifecycle step; `data` carries the step's own fields (reason, dates, step-up ticket…). */
export function takeStep(action: AccountAction, id: string, data: Record<string, unknown> = {}) {
  return call<{ _id: string; status: string }>(FN, `accounts.${action}`, { id, ...data });
}

export function setImage(
  id: string,
  kind: 'qr' | 'verification',
  mime: 'image/png' | 'image/jpeg',
  dataBase64: string,
) {
  return call<{ url: string | null }>(FN, 'accounts.setImage', { id, kind, mime, dataBase64 });
}

export interface FileResult {
  filename: string;
  mime: string;
  dataBase64: string;
  bytes: number;
}

export function filingForm(id: string) {
  return call<FileResult>(FN, 'accounts.filingForm', { id });
}

export function exportRegistry() {
  return call<FileResult>(FN, 'accounts.exportRegistry', {});
}

export function listExceptions() {
  return call<{ items: AccountExceptionView[] }>(FN, 'accounts.exceptions', {});
}

export function grantException(input: {
  unitId: string;
  kind: string;
  platform: string;
  name?: string;
  reason: string;
}) {
  return call<{ _id: string; summary: string }>(FN, 'accounts.grantException', input);
}

export function revokeException(id: string, reason: string) {
  return call<{ _id: string }>(FN, 'accounts.revokeException', { id, reason });
}

/** An image path from the server as the page can load it (the local host serves /public/files). */
export function imageSrc(url: string | null): string | null {
  if (!url) return null;
  if (url.startsWith('/') && !IS_WEAPP) return `${API_ORIGIN}${url}`;
  return url;
}
