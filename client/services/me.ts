import { call } from './transport';

export interface StaffRoleView {
  role: string;
  unitId: string;
  unitName: string;
}

export type StaffStatus = 'pending' | 'active' | 'disabled';

export interface MeStaffView {
  _id: string;
  name: string;
  title: string;
  status: StaffStatus;
  roles: StaffRoleView[];
  /** Roles asked for through an invite and not yet approved. */
  pendingRoles: StaffRoleView[];
  pinSet: boolean;
  trustedDevices: number;
}

export interface MeView {
  openid: string;
  staff: null | MeStaffView;
}

/** Who the server thinks the caller is; `staff` is null for citizens. */
export function getMe() {
  return call<MeView>('identity', 'me.get');
}
