import { PERMISSIONS } from '@shared/access/permissions';
import type { Envelope, ErrorCode } from '@shared/core/envelope';
import { CHANNEL_LABELS } from '@shared/messages/schemas';
import { SECURITY_POLICY } from '@shared/identity/policy';
import { sameSignature } from '@shared/identity/signing';
import { IMPORT_HEADERS, signImport } from '@shared/portal/signing';
import type { ActionContext, ActionMap } from '@server/runtime/action';
import { appendAudit, auditAlone, serviceActor, type AuditInput } from '@server/runtime/audit';
import { callerOpenid } from '@server/runtime/cloud';
import { currentDeps } from '@server/runtime/config';
import type { Deps } from '@server/runtime/deps';
import { AppError } from '@server/runtime/errors';
import { exceedsDepth, parseInput, toFail } from '@server/runtime/main';
import { getDoc } from '@server/runtime/trace';
import { NONCES } from '@server/features/identity/model';
import { IMPORT_KEYS, type ImportKeyDoc } from './model';

// The signed machine path (issue 6 §6, 第二十五条): the portal's mailbox and the 12345 platform
// post the payload of messages.import over HTTP, signed with their import key. In production the
// `portal` cloud function is exposed by the HTTP access service (云函数 HTTP 访问服务), which hands
// the function an "integration request" event {path, httpMethod, headers, queryStringParameters,
// requestContext, body, isBase64Encoded} with no OPENID, and turns a returned {statusCode, headers,
// body} into the HTTP response (docs.cloudbase.net/service/access-cloud-function). The local host
// builds the very same event (host-route.ts). The caller is the key, never the payload; every
// refusal has a stable code, a reason for the audit trail and a Chinese message.

export interface HttpEvent {
  path: string;
  httpMethod: string;
  headers?: Record<string, string | string[] | undefined>;
  queryStringParameters?: Record<string, string | undefined>;
  body?: string | null;
  isBase64Encoded?: boolean | string;
}

export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** The last path segment a machine may post to, and the action it runs (service audience only). */
export const PORTAL_ROUTES: Record<string, string> = { import: 'portal.import' };

const MAX_BODY_BYTES = 1024 * 1024;

export type MachineReason =
  | 'person-on-machine-path'
  | 'key-missing'
  | 'key-unknown'
  | 'key-revoked'
  | 'stale-timestamp'
  | 'bad-signature'
  | 'replayed-nonce'
  | 'not-allowed'
  | 'channel-mismatch';

const MESSAGES: Record<Exclude<MachineReason, 'channel-mismatch'>, string> = {
  'person-on-machine-path': '该入口只接受外部系统的签名请求；工作人员请在小程序中办理',
  'key-missing': `请求缺少导入密钥签名（${Object.values(IMPORT_HEADERS).join('、')}）或格式不正确`,
  'key-unknown': '导入密钥不存在，请向县政府信息中心申请',
  'key-revoked': '导入密钥已停用，请向县政府信息中心申请新的密钥',
  'stale-timestamp': '请求时间与服务器相差超过 5 分钟，请校准系统时间后重试',
  'bad-signature': '请求签名无效，请检查密钥和签名方法',
  'replayed-nonce': '重复的请求已被拒绝（疑似重放），每次请求请使用新的随机串',
  'not-allowed': '该导入密钥不能调用这个接口',
};

const CODES: Record<MachineReason, 'Unauthenticated' | 'Forbidden'> = {
  'person-on-machine-path': 'Forbidden',
  'key-missing': 'Unauthenticated',
  'key-unknown': 'Unauthenticated',
  'key-revoked': 'Unauthenticated',
  'stale-timestamp': 'Unauthenticated',
  'bad-signature': 'Unauthenticated',
  'replayed-nonce': 'Unauthenticated',
  'not-allowed': 'Forbidden',
  'channel-mismatch': 'Forbidden',
};

const STATUS: Partial<Record<ErrorCode, number>> = {
  InvalidParameter: 400,
  Unauthenticated: 401,
  Forbidden: 403,
  DeviceNotTrusted: 403,
  NotFound: 404,
  Conflict: 409,
  InvalidTransition: 409,
  ContentRisk: 422,
  RateLimited: 429,
  Internal: 500,
};

function reply(statusCode: number, envelope: Envelope<unknown>): HttpResult {
  return {
    statusCode,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body: JSON.stringify(envelope),
  };
}

/** Answers one HTTP event with the same envelope as every cloud function, and a fitting status. */
export async function serveMachine(
  actions: ActionMap,
  event: HttpEvent,
  routes: Record<string, string> = PORTAL_ROUTES,
): Promise<HttpResult> {
  const deps = currentDeps();
  const requestId = deps.newId();
  if ((event.httpMethod || '').toUpperCase() !== 'POST')
    return reply(405, { ok: false, code: 'InvalidParameter', message: '导入接口只接受 POST 请求' });
  try {
    return reply(200, { ok: true, data: await dispatchMachine(actions, event, routes, deps, requestId) });
  } catch (error) {
    const fail = toFail(error, deps, requestId, 'portal');
    return reply(STATUS[fail.code] ?? 400, fail);
  }
}

const header = (event: HttpEvent, name: string): string => {
  const v = Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};

function rawBody(event: HttpEvent): Buffer {
  const b64 = event.isBase64Encoded === true || event.isBase64Encoded === 'true';
  const body = Buffer.from(event.body ?? '', b64 ? 'base64' : 'utf8');
  if (body.length > MAX_BODY_BYTES) throw new AppError('InvalidParameter', '请求内容过大（上限 1 MB）');
  return body;
}

function parseJsonObject(body: Buffer): Record<string, unknown> {
  try {
    const value: unknown = body.length ? JSON.parse(body.toString('utf8')) : {};
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new AppError('InvalidParameter', '请求内容不是有效的 JSON 对象');
}

async function dispatchMachine(
  actions: ActionMap,
  event: HttpEvent,
  routes: Record<string, string>,
  deps: Deps,
  requestId: string,
): Promise<unknown> {
  const path = (event.path || '/').split('?')[0];
  const segment = path.split('/').filter(Boolean).pop() ?? '';
  const action = Object.prototype.hasOwnProperty.call(routes, segment) ? routes[segment] : undefined;
  const def = action && Object.prototype.hasOwnProperty.call(actions, action) ? actions[action] : undefined;
  if (!action || !def) throw new AppError('NotFound', `没有这个导入接口：${path}`);

  const now = deps.now();
  let actor: AuditInput['actor'] = { openid: null, staffId: null };
  const refuse = async (reason: MachineReason, message?: string): Promise<never> => {
    const text = message ?? MESSAGES[reason as Exclude<MachineReason, 'channel-mismatch'>];
    await auditAlone(deps.db, now, {
      action,
      result: 'refused',
      reason: text,
      requestId,
      unitId: null,
      actor,
      details: { code: reason },
    });
    throw new AppError(CODES[reason], text, undefined, { reason });
  };

  // A person reaching this door (a mini program calling the function with an HTTP-shaped event)
  // is not a machine, whatever the event says.
  const openid = callerOpenid();
  if (openid) {
    actor = { openid, staffId: null };
    return refuse('person-on-machine-path');
  }
  const proof = {
    keyId: header(event, IMPORT_HEADERS.keyId),
    timestamp: header(event, IMPORT_HEADERS.timestamp),
    nonce: header(event, IMPORT_HEADERS.nonce),
    signature: header(event, IMPORT_HEADERS.signature).toLowerCase(),
  };
  if (
    !/^ik[A-Za-z0-9_-]{6,62}$/.test(proof.keyId) ||
    !/^\d{1,16}$/.test(proof.timestamp) ||
    !/^[A-Za-z0-9_-]{8,64}$/.test(proof.nonce) ||
    !/^[0-9a-f]{64}$/.test(proof.signature)
  ) {
    return refuse('key-missing');
  }
  const key = await getDoc<ImportKeyDoc>(deps.db, IMPORT_KEYS, proof.keyId);
  actor = serviceActor({ keyId: proof.keyId, name: key?.name ?? '（未登记）' });
  if (!key) return refuse('key-unknown');
  if (key.status !== 'active') return refuse('key-revoked');
  if (Math.abs(Number(proof.timestamp) - now) > SECURITY_POLICY.clockSkewMs) return refuse('stale-timestamp');
  const body = rawBody(event);
  const expected = signImport(
    key.secret,
    { method: 'POST', path, timestamp: proof.timestamp, nonce: proof.nonce },
    body,
  );
  if (!sameSignature(expected, proof.signature)) return refuse('bad-signature');
  const nonceId = `key.${key._id}.${proof.nonce}`;
  if (await getDoc(deps.db, NONCES, nonceId)) return refuse('replayed-nonce');

  const rule = Object.prototype.hasOwnProperty.call(PERMISSIONS, action) ? PERMISSIONS[action] : undefined;
  if (!rule || rule.audience !== 'service' || !rule.channels.includes(key.channel)) return refuse('not-allowed');

  const payload = parseJsonObject(body);
  if (exceedsDepth(payload, 32)) throw new AppError('InvalidParameter', '请求内容嵌套过深（超过 32 层）');
  const input = parseInput(def, payload);
  const named = (input as { channel?: unknown }).channel;
  if (named !== undefined && named !== key.channel) {
    return refuse(
      'channel-mismatch',
      `该导入密钥只能导入「${CHANNEL_LABELS[key.channel]}」的留言，不能导入「${CHANNEL_LABELS[named as ImportKeyDoc['channel']] ?? String(named)}」的留言`,
    );
  }

  // Admitted: the nonce is spent and the decision recorded in one transaction (as for phones).
  await deps.db.runTransaction(async (t) => {
    if (await getDoc(t, NONCES, nonceId)) throw new AppError('Unauthenticated', MESSAGES['replayed-nonce']);
    await t
      .collection(NONCES)
      .doc(nonceId)
      .set({ data: { importKeyId: key._id, at: now } });
    await appendAudit(t, now, {
      action,
      result: 'ok',
      reason: '已通过导入密钥签名校验',
      requestId,
      unitId: null,
      actor,
      details: { decision: 'admitted', channel: key.channel },
    });
  }, 5);

  const ctx: ActionContext = {
    caller: { openid: '', staff: null, service: { keyId: key._id, name: key.name, channel: key.channel } },
    deps,
    requestId,
    action,
    deviceId: null,
  };
  return def.run(input, ctx);
}
