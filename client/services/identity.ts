import type { StepUpPurpose } from '@shared/identity/policy';
import type { StaffRoleView, StaffStatus } from './me';
import type { Page } from '@shared/messages/schemas';
import { cursorArg } from './paging';
import { call } from './transport';
import type { DeviceInfo } from './device-core';

// The identity cloud function's staff-security actions (issue 3): onboarding, devices, PIN,
// step-up and the security log. Shapes follow server/features/identity (the contract).

const FN = 'identity';

export type DeviceStatus = 'pending' | 'trusted' | 'revoked';

export interface DeviceView {
  _id: string;
  staffId: string;
  info: DeviceInfo;
  status: DeviceStatus;
  createdAt: number;
  approvedAt: number | null;
  revokedAt: number | null;
  revokeReason: string | null;
  lastActiveAt: number | null;
}

export interface UnitDeviceView extends DeviceView {
  /** 姓名（职务） of the holder. */
  holder: string;
}

export interface RoleGrantView {
  role: string;
  unitId: string;
}

export interface UnitStaffView {
  _id: string;
  name: string;
  title: string;
  mobile: string;
  status: StaffStatus;
  roles: RoleGrantView[];
  pendingRoles: RoleGrantView[];
  pinLocked: boolean;
  pinSet: boolean;
  /** Their phones that still work (each can be reported lost from 人员). */
  devices: DeviceView[];
}

/** 待审批 (pending grants here), 人员 (a role here, or disabled), or everyone. */
export type StaffListView = 'all' | 'pending' | 'members';

export interface InviteView {
  code: string;
  unitName: string;
  role: string;
  expiresAt: number;
  path: string;
  /** 小程序码 in WeChat's cloud; locally an ordinary QR of the path (its note says which). */
  image: { dataUrl: string; kind: 'wxacode' | 'qr'; note: string } | null;
}

export interface SecurityEventView {
  seq: number;
  at: number;
  action: string;
  label: string;
  result: 'ok' | 'refused' | string;
  reason: string | null;
  actorName: string;
  unitId: string | null;
  deviceId: string | null;
  target: { type: string; id: string } | null;
}

export type { StaffRoleView };

// ---- onboarding ----

export function redeemInvite(input: { code: string; name: string; title: string; mobile: string }) {
  return call<{ staffId: string; status: StaffStatus; role: string }>(FN, 'invites.redeem', input);
}

export function createInvite(input: { unitId: string; role: string }) {
  return call<InviteView>(FN, 'invites.create', input);
}

/** An invite handed out and not used, cancelled or expired yet. */
export interface OpenInviteView {
  code: string;
  role: string;
  createdAt: number;
  expiresAt: number;
  createdByName: string;
}

export function listOpenInvites(args: { unitId: string; cursor?: string | null }) {
  return call<Page<OpenInviteView>>(FN, 'invites.open', { unitId: args.unitId, ...cursorArg(args.cursor) });
}

export function cancelInvite(code: string) {
  return call<{ code: string; cancelled: true }>(FN, 'invites.cancel', { code });
}

export function listUnitStaff(args: { unitId: string; view: StaffListView; cursor?: string | null }) {
  return call<Page<UnitStaffView>>(FN, 'staff.list', {
    unitId: args.unitId,
    view: args.view,
    ...cursorArg(args.cursor),
  });
}

export function decideStaff(input: { staffId: string; approve: boolean; reason?: string }) {
  return call<{ staffId: string; status: StaffStatus }>(FN, 'staff.decide', input);
}

export function disableStaff(input: { staffId: string; reason: string }) {
  return call<{ staffId: string; status: StaffStatus; devicesRevoked: number }>(FN, 'staff.disable', input);
}

export function unlockStaff(staffId: string) {
  return call<{ staffId: string; unlocked: boolean }>(FN, 'staff.unlock', { staffId });
}

// ---- devices ----

export function registerDevice(input: { deviceId: string; secret: string; info: DeviceInfo }) {
  return call<{ deviceId: string; status: DeviceStatus }>(FN, 'devices.register', input);
}

export function myDevices(args: { cursor?: string | null } = {}) {
  return call<Page<DeviceView>>(FN, 'devices.mine', cursorArg(args.cursor));
}

/** A unit's phones that are not revoked, newest first; `status` narrows to pending or trusted. */
export function unitDevices(args: { unitId: string; status?: 'pending' | 'trusted'; cursor?: string | null }) {
  return call<Page<UnitDeviceView>>(FN, 'devices.unit', {
    unitId: args.unitId,
    ...(args.status ? { status: args.status } : {}),
    ...cursorArg(args.cursor),
  });
}

export function approveDevice(input: { deviceId: string; stepUpId: string }) {
  return call<{ deviceId: string; status: DeviceStatus }>(FN, 'devices.approve', input);
}

export function reportDeviceLost(input: { deviceId: string; reason?: string }) {
  return call<{ deviceId: string; status: DeviceStatus }>(FN, 'devices.reportLost', input);
}

// ---- PIN, lock, step-up ----

export function setPin(input: { pin: string; currentPin?: string }) {
  return call<{ pinSet: boolean }>(FN, 'pin.set', input);
}

export function unlockSession(pin: string) {
  return call<{ unlocked: boolean }>(FN, 'session.unlock', { pin });
}

export function lockSession() {
  return call<{ locked: boolean }>(FN, 'session.lock', {});
}

export function verifyStepUp(purpose: StepUpPurpose, pin: string) {
  return call<{ stepUpId: string; expiresAt: number }>(FN, 'stepup.verify', { purpose, pin });
}

// ---- security log ----

export function securityEvents(input: { unitId?: string; cursor?: string | null; pageSize?: number }) {
  return call<{ items: SecurityEventView[]; nextCursor: string | null }>(FN, 'security.events', {
    ...(input.unitId ? { unitId: input.unitId } : {}),
    ...cursorArg(input.cursor),
    pageSize: input.pageSize ?? 20,
  });
}

export function reportCapture(page: string, kind: 'screenshot' | 'recording') {
  return call<{ recorded: boolean }>(FN, 'security.reportCapture', { page: page.slice(0, 100), kind });
}
