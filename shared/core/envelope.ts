// The one response shape every cloud function returns, on weapp and on the local host alike.

/** Stable error codes; clients branch on these, never on message text. */
export const ERROR_CODES = [
  'InvalidParameter',
  'Unauthenticated',
  'Forbidden',
  'DeviceNotTrusted',
  'NotFound',
  'Conflict',
  'InvalidTransition',
  'ContentRisk',
  'RateLimited',
  'Internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Field path (dotted, e.g. `contact.phone`) → Chinese message shown beside the field. */
export type FieldErrors = Record<string, string>;

export type Ok<T> = { ok: true; data: T };
export type Fail = {
  ok: false;
  code: ErrorCode;
  message: string;
  fieldErrors?: FieldErrors;
  /** Present on Internal errors so staff can quote it to the operator; never a stack trace. */
  requestId?: string;
  /** Extra facts a client may act on (e.g. the current state after a Conflict). */
  details?: Record<string, unknown>;
};
export type Envelope<T> = Ok<T> | Fail;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
