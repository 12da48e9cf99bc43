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
import { cursorArg, searchArg } from './paging';
import { call } from './transport';

// The accounts cloud function (issue 4): the registry, its approval steps, documents and the
// citizens' directory. Shapes come from shared/accounts (the contract).

export type { AccountDetail, AccountExceptionView, AccountListItem, ApplyInput, DirectoryEntry, Page, StaffOption };

const FN = 'accounts';

export function directory(args: { unitId?: string; platform?: string; cursor?: string | null }) {
  return call<Page<DirectoryEntry>>(FN, 'accounts.directory', {
    ...(args.unitId ? { unitId: args.unitId } : {}),
    ...(args.platform ? { platform: args.platform } : {}),
    ...cursorArg(args.cursor),
  });
}

export type ListView = 'all' | 'todo' | 'overdue' | 'ended';

export function listAccounts(args: { unitId?: string; view: ListView; cursor?: string | null }) {
  return call<Page<AccountListItem>>(FN, 'accounts.list', {
    ...(args.unitId ? { unitId: args.unitId } : {}),
    view: args.view,
    ...cursorArg(args.cursor),
  });
}

export function officeQueue(args: { cursor?: string | null }) {
  return call<Page<AccountListItem>>(FN, 'accounts.officeQueue', cursorArg(args.cursor));
}

export function getAccount(id: string) {
  return call<AccountDetail>(FN, 'accounts.get', { id });
}

/** People of the owning and managing units who may be named, by role and name, a page at a time. */
export function people(args: { unitIds: string[]; role?: string; q?: string; cursor?: string | null }) {
  return call<Page<StaffOption>>(FN, 'accounts.people', {
    unitIds: args.unitIds,
    ...(args.role ? { role: args.role } : {}),
    ...searchArg(args.q),
    ...cursorArg(args.cursor),
  });
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

export function listExceptions(args: { cursor?: string | null } = {}) {
  return call<Page<AccountExceptionView>>(FN, 'accounts.exceptions', cursorArg(args.cursor));
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
