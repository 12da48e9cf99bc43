import { FUNCTIONS, type FunctionName } from '@server/functions';
import { PERMISSIONS, type PermissionRule } from '@shared/access/permissions';
import type { ActionDef, ActionMap } from '@server/runtime/action';

// The actions that exist right now, read from the registry the cloud functions are built from
// (server/functions.ts) and the permission table, so every suite covers whatever has landed.

export interface ActionEntry {
  fn: FunctionName;
  name: string;
  def: ActionDef;
  rule: PermissionRule | undefined;
}

export function registeredActions(
  functions: Record<string, ActionMap> = FUNCTIONS,
  permissions: Record<string, PermissionRule> = PERMISSIONS,
): ActionEntry[] {
  const out: ActionEntry[] = [];
  for (const [fn, actions] of Object.entries(functions)) {
    for (const [name, def] of Object.entries(actions)) {
      out.push({
        fn: fn as FunctionName,
        name,
        def,
        rule: Object.prototype.hasOwnProperty.call(permissions, name) ? permissions[name] : undefined,
      });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
