// Error codes the CloudBase database answers with. wx-server-sdk maps these `code` strings to
// its numeric errCode table (TCB_ERR_CODE), and @cloudbase/database's runTransaction retries
// exactly when `code === 'DATABASE_TRANSACTION_CONFLICT'`, so the strings must match.
export type LocalDbErrorCode =
  | 'INVALID_PARAM'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_INVALID_OPERRATOR' // sic: this is the key wx-server-sdk's table uses (-502002)
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'SYS_ERR';

/** A refusal the executor turns into a `{ code, message }` response, never a crash. */
export class LocalDbError extends Error {
  constructor(
    readonly code: LocalDbErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LocalDbError';
  }
}

export const invalidParam = (message: string): LocalDbError => new LocalDbError('INVALID_PARAM', message);

/** Used for every operator or stage the local cloud does not implement: fail loudly, never guess. */
export const unsupported = (what: string): LocalDbError =>
  new LocalDbError('DATABASE_INVALID_OPERRATOR', `local cloud does not support ${what}`);

/** Same wording as MongoDB/CloudBase so callers that look for E11000 keep working. */
export const duplicateKey = (collection: string, index: string, key: string): LocalDbError =>
  new LocalDbError(
    'DATABASE_REQUEST_FAILED',
    `E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${key}`,
  );
