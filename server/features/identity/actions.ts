import { z } from '@shared/core/zod';
import type { Role } from '@shared/access/roles';
import {
  approveDeviceInput,
  captureReportInput,
  createInviteInput,
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
  unitListInput,
  unlockInput,
} from '@shared/identity/schemas';
import { defineAction, type ActionMap } from '@server/runtime/action';
import { listActiveUnits, toUnitSummary } from './units';
import { registerDevice, myDevices, unitDevices, approveDevice, reportLost, deviceUnit } from './devices';
import {
  createInvite,
  redeemInvite,
  decideStaff,
  disableStaff,
  unlockStaff,
  listUnitStaff,
  pendingUnitOf,
} from './onboarding';
import { setPin, unlock, lockNow } from './pin-actions';
import { verifyStepUp } from './stepup';
import { securityEvents, reportCapture } from './security-log';
import { DEVICES, type DeviceDoc } from './model';

const empty = z.strictObject({});

// The identity cloud function: who am I, units, onboarding, devices, PIN, step-up, security log.
export const identityActions: ActionMap = {
  'units.list': defineAction({
    input: empty,
    run: async (_input, { deps }) => ({ items: (await listActiveUnits(deps.db)).map(toUnitSummary) }),
  }),

  'me.get': defineAction({
    input: empty,
    run: async (_input, { deps, caller }) => {
      if (!caller.staff) return { openid: caller.openid, staff: null };
      const units = new Map((await listActiveUnits(deps.db)).map((u) => [u._id, u.name]));
      const s = caller.staff;
      const grant = (g: { role: string; unitId: string }) => ({
        role: g.role as Role,
        unitId: g.unitId,
        unitName: units.get(g.unitId) ?? '（已撤销单位）',
      });
      const devices = await deps.db.collection(DEVICES).where({ staffId: s._id }).limit(20).get();
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
          trustedDevices: (devices.data as DeviceDoc[]).filter((d) => d.status === 'trusted').length,
        },
      };
    },
  }),

  'invites.redeem': defineAction({ input: redeemInviteInput, run: redeemInvite }),
  'invites.create': defineAction({ input: createInviteInput, targetUnit: (i) => i.unitId, run: createInvite }),
  'staff.list': defineAction({ input: unitListInput, targetUnit: (i) => i.unitId, run: listUnitStaff }),
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
  'devices.mine': defineAction({ input: empty, run: myDevices }),
  'devices.unit': defineAction({ input: unitListInput, targetUnit: (i) => i.unitId, run: unitDevices }),
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

  'security.events': defineAction({
    input: securityEventsInput,
    targetUnit: (i) => i.unitId ?? null,
    run: securityEvents,
  }),
  'security.reportCapture': defineAction({ input: captureReportInput, run: reportCapture }),
};
void deviceIdInput;
