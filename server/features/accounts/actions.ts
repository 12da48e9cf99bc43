import { z } from '@shared/core/zod';
import {
  applyInput,
  closeApproveInput,
  deregisterInput,
  directoryInput,
  editInput,
  grantExceptionInput,
  idInput,
  informSuperiorInput,
  listExceptionsInput,
  listInput,
  openInput,
  peopleInput,
  queueInput,
  reasonInput,
  recordNoticeInput,
  requestCloseInput,
  resubmitInput,
  setImageInput,
  unitApproveInput,
  officeApproveInput,
} from '@shared/accounts/schemas';
import { defineAction, type ActionContext, type ActionMap } from '@server/runtime/action';
import { applyAccount, resubmitAccount } from './apply';
import * as step from './step-actions';
import { directory, getAccount, listAccounts, officeQueue, people, setImage } from './queries';
import { grantException, listExceptions, revokeException } from './exceptions';
import { exportRegistry, filingForm } from './documents';
import { accountTargetUnit, countyOfficeUnitId } from './support';

// The accounts cloud function: the registry of official accounts (issue 4).
const onAccount = (i: { id: string }, ctx: ActionContext) => accountTargetUnit(i.id, ctx);
const onOffice = (_i: unknown, ctx: ActionContext) => countyOfficeUnitId(ctx.deps.db);
const stepAction = <S extends z.ZodType<{ id: string }>>(
  input: S,
  run: (i: z.output<S>, ctx: ActionContext) => Promise<unknown>,
) => defineAction({ input, targetUnit: onAccount, run });

export const accountActions: ActionMap = {
  'accounts.directory': defineAction({ input: directoryInput, run: directory }),
  'accounts.list': defineAction({ input: listInput, targetUnit: (i) => i.unitId ?? null, run: listAccounts }),
  'accounts.get': stepAction(idInput, getAccount),
  'accounts.people': defineAction({ input: peopleInput, targetUnit: (i) => i.unitIds[0], run: people }),
  'accounts.officeQueue': defineAction({ input: queueInput, targetUnit: onOffice, run: officeQueue }),

  'accounts.apply': defineAction({ input: applyInput, targetUnit: (i) => i.owningUnitId, run: applyAccount }),
  'accounts.resubmit': stepAction(resubmitInput, resubmitAccount),
  'accounts.withdraw': stepAction(idInput, step.withdraw),
  'accounts.unitApprove': stepAction(unitApproveInput, step.unitApprove),
  'accounts.unitReturn': stepAction(reasonInput, step.unitReturn),
  'accounts.officeApprove': stepAction(officeApproveInput, step.officeApprove),
  'accounts.officeReturn': stepAction(reasonInput, step.officeReturn),
  'accounts.open': stepAction(openInput, step.open),
  'accounts.setImage': stepAction(setImageInput, setImage),
  'accounts.edit': stepAction(editInput, step.edit),
  'accounts.submitFiling': stepAction(idInput, step.submitFiling),
  'accounts.acceptFiling': stepAction(idInput, step.acceptFiling),
  'accounts.returnFiling': stepAction(reasonInput, step.returnFiling),
  'accounts.submitRefiling': stepAction(idInput, step.submitRefiling),
  'accounts.acceptRefiling': stepAction(idInput, step.acceptRefiling),
  'accounts.returnRefiling': stepAction(reasonInput, step.returnRefiling),
  'accounts.requestClose': stepAction(requestCloseInput, step.requestClose),
  'accounts.closeApprove': stepAction(closeApproveInput, step.closeApprove),
  'accounts.closeRefuse': stepAction(reasonInput, step.closeRefuse),
  'accounts.recordNotice': stepAction(recordNoticeInput, step.recordNotice),
  'accounts.informSuperior': stepAction(informSuperiorInput, step.informSuperior),
  'accounts.deregister': stepAction(deregisterInput, step.deregister),

  'accounts.grantException': defineAction({ input: grantExceptionInput, run: grantException }),
  'accounts.revokeException': defineAction({ input: reasonInput, run: revokeException }),
  'accounts.exceptions': defineAction({ input: listExceptionsInput, run: listExceptions }),

  'accounts.filingForm': stepAction(idInput, filingForm),
  'accounts.exportRegistry': defineAction({ input: z.strictObject({}), run: exportRegistry }),
};
