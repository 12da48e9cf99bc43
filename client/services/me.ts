import { call } from './transport';

export interface StaffRoleView {
  role: string;
  unitId: string;
  unitName: string;
}

export interface MeView {
  openid: string;
  staff: null | { _id: string; name: string; title: string; roles: StaffRoleView[] };
}

/** Who the server thinks the caller is; `staff` is null for citizens. */
export function getMe() {
  return call<MeView>('identity', 'me.get');
}
