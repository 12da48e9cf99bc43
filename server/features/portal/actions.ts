import { importMessageInput } from '@shared/messages/schemas';
import { createImportKeyInput, listImportKeysInput, revokeImportKeyInput } from '@shared/portal/schemas';
import { defineAction, type ActionMap } from '@server/runtime/action';
import { importMessage } from '@server/features/messages/submit';
import { createImportKey, listImportKeys, revokeImportKey } from './keys';

// The `portal` cloud function: the information center's import keys (from the mini program) and
// the machines' signed import (over HTTP, machine.ts). `portal.import` runs the very handler of
// messages.import, so one ticket model serves every channel; only its caller differs.
export const portalActions: ActionMap = {
  'importKeys.create': defineAction({ input: createImportKeyInput, run: createImportKey }),
  'importKeys.list': defineAction({ input: listImportKeysInput, run: listImportKeys }),
  'importKeys.revoke': defineAction({ input: revokeImportKeyInput, run: revokeImportKey }),
  'portal.import': defineAction({ input: importMessageInput, run: importMessage }),
};
