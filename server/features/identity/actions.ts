import { z } from '@shared/core/zod';
import type { Role } from '@shared/access/roles';
import {
  approveDeviceInput,
  captureReportInput,
  createInviteInput,
  openInvitesInput,
  cancelInviteInput,
  myDevicesInput,
  deviceIdInput,
  disableStaffInput,
  redeemInviteInput,
  registerDeviceInput,
  reportLostInput,
  securityEventsInput,
  setPinInput,
  staffDecisionInput,
  staffIdInput,
  stepUpInput,
  stepUpChallengeInput,
  staffListInput,
  unitDevicesInput,
  unitsListInput,
  unlockInput,
} from '@shared/identity/schemas';
import { defineAction, type ActionMap } from '@server/runtime/action';
import { UNITS, type UnitDoc } from './units';
import { registerDevice, approveDevice, reportLost, deviceUnit } from './devices';
import { listMyDevices, listUnitDevices, listUnits, listUnitStaff } from './lists';
import { createInvite, redeemInvite, decideStaff, disableStaff, unlockStaff, pendingUnitOf } from './onboarding';
import { cancelInvite, inviteUnitOf, listOpenInvites } from './invites';
import { setPin, unlock, lockNow } from './pin-actions';
import { issueStepUpChallenge, verifyStepUp } from './stepup';
import { securityEvents, reportCapture } from './security-log';
import { DEVICES } from './model';

const empty = z.strictObject({});

// The identity cloud function: who am I, units, onboarding, devices, PIN, step-up, security log.
export const identityActions: ActionMap = {
  'units.list': defineAction({ input: unitsListInput, run: listUnits }),

  'me.get': defineAction({
    input: empty,
    run: async (_input, { deps, caller }) => {
      if (!caller.staff) return { openid: caller.openid, staff: null };
      const s = caller.staff;
      const _ = deps.db.command;
      const unitIds = [...new Set([...s.roles, ...(s.pendingRoles ?? [])].map((g) => g.unitId))];
      const named = unitIds.length
        ? ((
            await deps.db
              .collection(UNITS)
              .where({ _id: _.in(unitIds), status: 'active' })
              .limit(100)
              .get()
          ).data as UnitDoc[])
        : [];
      const units = new Map(named.map((u) => [u._id, u.name]));
      const grant = (g: { role: string; unitId: string }) => ({
        role: g.role as Role,
        unitId: g.unitId,
        unitName: units.get(g.unitId) ?? '（已撤销单位）',
      });
      const trusted = await deps.db.collection(DEVICES).where({ staffId: s._id, status: 'trusted' }).count();
      return {
        openid: caller.openid,
        staff: {
          _id: s._id,
          name: s.name,
          title: s.title,
          status: s.status,
          roles: s.roles.map(grant),
          pendingRoles: (s.pendingRoles ?? []).map(grant),
          pinSet: Boolean(s.pin),
          trustedDevices: trusted.total,
        },
      };
    },
  }),

  'invites.redeem': defineAction({ input: redeemInviteInput, run: redeemInvite }),
  'invites.create': defineAction({ input: createInviteInput, targetUnit: (i) => i.unitId, run: createInvite }),
  'invites.open': defineAction({ input: openInvitesInput, targetUnit: (i) => i.unitId, run: listOpenInvites }),
  'invites.cancel': defineAction({
    input: cancelInviteInput,
    targetUnit: (i, ctx) => inviteUnitOf(i.code, ctx),
    run: cancelInvite,
  }),
  'staff.list': defineAction({ input: staffListInput, targetUnit: (i) => i.unitId, run: listUnitStaff }),
  'staff.decide': defineAction({
    input: staffDecisionInput,
    targetUnit: (i, ctx) => pendingUnitOf(i.staffId, ctx),
    run: decideStaff,
  }),
  'staff.disable': defineAction({
    input: disableStaffInput,
    targetUnit: (i, ctx) => pendingUnitOf(i.staffId, ctx),
    run: disableStaff,
  }),
  'staff.unlock': defineAction({
    input: staffIdInput,
    targetUnit: (i, ctx) => pendingUnitOf(i.staffId, ctx),
    run: unlockStaff,
  }),

  'devices.register': defineAction({ input: registerDeviceInput, run: registerDevice }),
  'devices.mine': defineAction({ input: myDevicesInput, run: listMyDevices }),
  'devices.unit': defineAction({ input: unitDevicesInput, targetUnit: (i) => i.unitId, run: listUnitDevices }),
  'devices.approve': defineAction({
    input: approveDeviceInput,
    targetUnit: (i, ctx) => deviceUnit(i.deviceId, ctx),
    run: approveDevice,
  }),
  'devices.reportLost': defineAction({ input: reportLostInput, run: reportLost }),

  'pin.set': defineAction({ input: setPinInput, run: setPin }),
  'session.unlock': defineAction({ input: unlockInput, run: unlock }),
  'session.lock': defineAction({ input: empty, run: lockNow }),
  'stepup.verify': defineAction({ input: stepUpInput, run: verifyStepUp }),
  'stepup.challenge': defineAction({ input: stepUpChallengeInput, run: issueStepUpChallenge }),

  'security.events': defineAction({
    input: securityEventsInput,
    targetUnit: (i) => i.unitId ?? null,
    run: securityEvents,
  }),
  'security.reportCapture': defineAction({ input: captureReportInput, run: reportCapture }),
};
void deviceIdInput;
