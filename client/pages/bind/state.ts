import type { MeStaffView } from '../../services/me';
import type { DeviceView } from '../../services/identity';

// Where this phone stands in onboarding (unit-tested): not staff yet → not bound → waiting for
// the unit admin → trusted (then the PIN) — or reported lost.

export type BindState =
  | { kind: 'notStaff' }
  | { kind: 'disabled' }
  | { kind: 'unbound' }
  | { kind: 'pending'; device: DeviceView; personPending: boolean }
  | { kind: 'trusted'; device: DeviceView; pinSet: boolean; personPending: boolean }
  | { kind: 'revoked'; device: DeviceView };

export function bindState(staff: MeStaffView | null, devices: DeviceView[], localId: string): BindState {
  if (!staff) return { kind: 'notStaff' };
  if (staff.status === 'disabled') return { kind: 'disabled' };
  const personPending = staff.status === 'pending' || staff.roles.length === 0;
  const mine = devices.find((d) => d._id === localId);
  if (!mine) return { kind: 'unbound' };
  if (mine.status === 'revoked') return { kind: 'revoked', device: mine };
  if (mine.status === 'pending') return { kind: 'pending', device: mine, personPending };
  return { kind: 'trusted', device: mine, pinSet: staff.pinSet, personPending };
}

/** The four steps a new member of staff goes through, and which are done. */
export function onboardingSteps(state: BindState): Array<{ label: string; done: boolean }> {
  const registered = state.kind !== 'notStaff';
  const bound = state.kind === 'pending' || state.kind === 'trusted';
  const approved = state.kind === 'trusted' && !state.personPending;
  const pin = state.kind === 'trusted' && state.pinSet;
  return [
    { label: '使用邀请码登记', done: registered },
    { label: '绑定本机', done: bound },
    { label: '等待单位管理员批准', done: approved },
    { label: '设置 PIN', done: pin },
  ];
}
