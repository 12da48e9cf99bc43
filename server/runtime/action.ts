import type { z } from 'zod';
import type { RoleGrant } from '@shared/access/roles';
import type { Deps } from './deps';

/** A staff member as the server knows them (never taken from the payload). */
export interface StaffRecord {
  _id: string;
  openid: string;
  name: string;
  title: string;
  mobile: string;
  roles: RoleGrant[];
  /** Roles asked for through an invite, waiting for approval. */
  pendingRoles?: RoleGrant[];
  status: 'pending' | 'active' | 'disabled';
  pin?: { hash: string; salt: string; setAt: number } | null;
  /** PIN failures: consecutive count, soft lock end, failures in the last hour, hard lock. */
  pinGuard?: { consecutive: number; lockedUntil: number; recent: number[]; hardLocked: boolean };
}

/** A machine holding an import key (the portal's mailbox, the 12345 platform): no person. */
export interface ServiceCaller {
  keyId: string;
  name: string;
  channel: 'portal' | 'hotline12345';
}

/**
 * Who is calling, resolved from cloud.getWXContext() and the staff collection — or, on the
 * signed machine path, from the import key (then `openid` is empty and `service` names the key).
 */
export interface Caller {
  openid: string;
  staff: StaffRecord | null;
  service?: ServiceCaller;
}

export interface ActionContext {
  caller: Caller;
  deps: Deps;
  requestId: string;
  action: string;
  /** The trusted device the request was signed with (staff actions only). */
  deviceId: string | null;
}

/**
 * One action of a cloud function: its input schema (from shared/), how to find the unit it
 * targets (for the permission table's ownUnit scope) and what it does.
 */
export interface ActionDef<S extends z.ZodType = z.ZodType, R = unknown> {
  input: S;
  targetUnit?: (input: z.output<S>, ctx: ActionContext) => Promise<string | null> | string | null;
  run: (input: z.output<S>, ctx: ActionContext) => Promise<R>;
}

export function defineAction<S extends z.ZodType, R>(def: ActionDef<S, R>): ActionDef<S, R> {
  return def;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ActionMap = Record<string, ActionDef<any, any>>;
