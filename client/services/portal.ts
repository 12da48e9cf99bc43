import type { Page } from '@shared/messages/schemas';
import type { CreateImportKeyInput, ImportChannel, ImportKeyView } from '@shared/portal/schemas';
import { cursorArg } from './paging';
import { call } from './transport';

// The portal cloud function's key management (issue 6 §6, 第二十五条): the information center
// issues the portal's mailbox and the 12345 platform each an import key, sees them all and
// revokes one at once. The machines' signed POST …/portal/import is not for the mini program.

export type { ImportChannel, ImportKeyView };

const FN = 'portal';

/** A new key and its secret: the only time the secret is ever returned. */
export interface CreatedImportKey {
  key: ImportKeyView;
  secret: string;
}

/** Needs a fresh PIN ticket for `importKey.create` (requestStepUp). */
export function createImportKey(input: CreateImportKeyInput) {
  return call<CreatedImportKey>(FN, 'importKeys.create', input);
}

/** Every key of the county, newest first, without secrets. */
export function listImportKeys(args: { cursor?: string | null } = {}) {
  return call<Page<ImportKeyView>>(FN, 'importKeys.list', cursorArg(args.cursor));
}

export function revokeImportKey(keyId: string, reason: string) {
  return call<ImportKeyView>(FN, 'importKeys.revoke', { keyId, reason });
}
