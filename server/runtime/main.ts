import { z } from 'zod';
import type { Envelope, Fail } from '@shared/core/envelope';
import { toFieldErrors } from '@shared/core/zod-errors';
import { PERMISSIONS, SERVICE_ONLY, decide } from '@shared/access/permissions';
import type { ActionContext, ActionMap, Caller } from './action';
import { AppError } from './errors';
import { auditAlone } from './audit';
import { callerOpenid } from './cloud';
import { currentDeps } from './config';
import { findStaffByOpenid } from './staff';
import type { Deps } from './deps';
import { verifyDevice, admitRequest, GuardRefusal } from '@server/features/identity/device-guard';
import type { DeviceDoc } from '@server/features/identity/model';

// The shell every cloud function shares: parse the event, resolve the caller from the WeChat
// context, check the permission table, validate the input with the action's zod schema, run
// the handler, and answer with one envelope. A thrown bug becomes Internal with a request id.

const eventSchema = z.looseObject({
  action: z.string().min(1).max(64),
  data: z.unknown().optional(),
});

const MAX_EVENT_DEPTH = 32;

/** Whether a JSON-like value nests deeper than `max`, measured without recursion. */
export function exceedsDepth(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) return true;
    if (v && typeof v === 'object') for (const child of Object.values(v as object)) stack.push([child, d + 1]);
  }
  return false;
}

export type CloudFunctionMain = (event: unknown, context?: unknown) => Promise<Envelope<unknown>>;

export function createFunction(functionName: string, actions: ActionMap): CloudFunctionMain {
  return async function main(event) {
    const deps = currentDeps();
    const requestId = deps.newId();
    try {
      return { ok: true, data: await dispatch(functionName, actions, event, deps, requestId) };
    } catch (error) {
      return toFail(error, deps, requestId, functionName);
    }
  };
}

async function dispatch(
  functionName: string,
  actions: ActionMap,
  event: unknown,
  deps: Deps,
  requestId: string,
): Promise<unknown> {
  const parsedEvent = eventSchema.safeParse(event);
  if (!parsedEvent.success) {
    throw new AppError('InvalidParameter', '请求格式不正确：缺少 action');
  }
  // No form nests deeper than a few levels; refusing absurd nesting up front keeps every
  // recursive step after this (signature text, validation, storage) far from the stack limit.
  if (exceedsDepth(event, MAX_EVENT_DEPTH)) {
    throw new AppError('InvalidParameter', `请求内容嵌套过深（超过 ${MAX_EVENT_DEPTH} 层）`);
  }
  const name = parsedEvent.data.action;
  const def = Object.prototype.hasOwnProperty.call(actions, name) ? actions[name] : undefined;
  if (!def) {
    throw new AppError('InvalidParameter', `云函数 ${functionName} 不支持操作「${name}」`);
  }

  const openid = callerOpenid();
  if (!openid) throw new AppError('Unauthenticated', '无法识别您的微信身份，请重新进入小程序');
  const staff = await findStaffByOpenid(deps.db, openid);
  const caller: Caller = { openid, staff };
  const ctx: ActionContext = { caller, deps, requestId, action: name, deviceId: null };
  const rawEvent = parsedEvent.data as Record<string, unknown>;

  const rule = Object.prototype.hasOwnProperty.call(PERMISSIONS, name) ? PERMISSIONS[name] : undefined;
  const refuse = async (
    reason: string,
    unitId: string | null,
    code: 'Forbidden' | 'Unauthenticated' | 'DeviceNotTrusted',
    extra: { deviceId?: string | null; reasonCode?: string } = {},
  ): Promise<never> => {
    await auditAlone(deps.db, deps.now(), {
      action: name,
      result: 'refused',
      reason,
      requestId,
      // A refusal belongs to the caller's own unit (their admin reads it); the unit they
      // reached for is kept beside it.
      unitId: staff?.roles[0]?.unitId ?? staff?.pendingRoles?.[0]?.unitId ?? unitId,
      deviceId: extra.deviceId ?? null,
      actor: { openid, staffId: staff?._id ?? null },
      ...(extra.reasonCode || unitId
        ? {
            details: {
              ...(extra.reasonCode ? { code: extra.reasonCode } : {}),
              ...(unitId ? { targetUnitId: unitId } : {}),
            },
          }
        : {}),
    });
    throw new AppError(code, reason, undefined, extra.reasonCode ? { reason: extra.reasonCode } : undefined);
  };

  if (!rule) return refuse('该操作未列入权限表，默认拒绝', null, 'Forbidden');
  // A machine's action is never a person's, whoever they are (portal/machine.ts is its only door).
  if (rule.audience === 'service') return refuse(SERVICE_ONLY, null, 'Forbidden', { reasonCode: 'service-only' });
  if (rule.audience === 'member' && !staff) return refuse('请先使用邀请码登记为工作人员', null, 'Forbidden');
  if (rule.audience === 'member' && staff?.status === 'disabled') {
    return refuse('您的工作人员账号已停用，请联系单位管理员', null, 'Unauthenticated', {
      reasonCode: 'staff-disabled',
    });
  }

  let device: DeviceDoc | null = null;
  if (rule.audience === 'staff') {
    if (!staff) return refuse('该功能仅限已登记的工作人员使用', null, 'Forbidden');
    if (staff.status === 'disabled') {
      return refuse('您的工作人员账号已停用，请联系单位管理员', null, 'Unauthenticated', {
        reasonCode: 'staff-disabled',
      });
    }
    if (staff.status !== 'active')
      return refuse('您的登记还在等待审批', null, 'Forbidden', { reasonCode: 'staff-pending' });
    try {
      device = await verifyDevice({
        event: rawEvent,
        action: name,
        staff,
        openid,
        lockExempt: rule.lockExempt === true,
        now: deps.now(),
        db: deps.db,
      });
    } catch (e) {
      if (!(e instanceof GuardRefusal)) throw e;
      const code = e.reason === 'pin-not-set' || e.reason === 'app-locked' ? 'Unauthenticated' : 'DeviceNotTrusted';
      return refuse(e.message, null, e.reason === 'client-outdated' ? 'Forbidden' : code, {
        deviceId: e.deviceId,
        reasonCode: e.reason,
      });
    }
    ctx.deviceId = device._id;
  }

  const input = { data: parseInput(def, parsedEvent.data.data) };

  if (rule.audience === 'staff' && staff && device) {
    const unitId = def.targetUnit ? await def.targetUnit(input.data, ctx) : null;
    const decision = decide(rule, staff.roles, unitId);
    if (!decision.allowed) return refuse(decision.reason, unitId, 'Forbidden', { deviceId: device._id });
    try {
      await admitRequest(
        deps.db,
        deps.now(),
        device,
        (rawEvent.device as { nonce: string }).nonce,
        { action: name, requestId, unitId, deviceId: device._id, actor: { openid, staffId: staff._id } },
        rule.lockExempt === true,
      );
    } catch (e) {
      if (!(e instanceof GuardRefusal)) throw e;
      return refuse(e.message, unitId, 'DeviceNotTrusted', { deviceId: device._id, reasonCode: e.reason });
    }
  }

  return def.run(input.data, ctx);
}

/** The action's input, validated by its zod schema; a refusal names each field. */
export function parseInput<D extends ActionMap[string]>(def: D, data: unknown): unknown {
  const input = def.input.safeParse(data ?? {});
  if (!input.success) {
    const fieldErrors = toFieldErrors(input.error);
    const faults = Object.values(fieldErrors);
    // The summary names the first fault and how many there are, so a form whose other faults sit
    // below the fold does not look fixed after the first one is.
    const more = faults.length > 1 ? `（共 ${faults.length} 处需修改）` : '';
    throw new AppError('InvalidParameter', faults.length ? `填写有误：${faults[0]}${more}` : '填写有误', fieldErrors);
  }
  return input.data;
}

/** The envelope of a refusal or a bug (logged with its request id, never shown). */
export function toFail(error: unknown, deps: Deps, requestId: string, functionName: string): Fail {
  if (error instanceof AppError) {
    return {
      ok: false,
      code: error.code,
      message: error.message,
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
      ...(error.details ? { details: error.details } : {}),
    };
  }
  deps.log('error', 'unhandled error', {
    fn: functionName,
    requestId,
    error: error instanceof Error ? error.stack : String(error),
  });
  return {
    ok: false,
    code: 'Internal',
    message: `服务器开小差了，请稍后再试（请求编号 ${requestId}）`,
    requestId,
  };
}
