import { isErrorCode } from '@shared/core/envelope';

// What every answer must look like, whatever was sent: the one envelope, a known error code
// other than Internal with a Chinese message, no stack trace, no secret, and nothing leaking
// into Object.prototype along the way.

const CJK = /[\u4e00-\u9fff]/;
const STACK = /\n\s+at\s|Error:\s|TypeError|RangeError|SyntaxError|node_modules|\.ts:\d+/;
const SECRET_KEYS = new Set(['secret', 'salt', 'sig']);

/**
 * Problems with an answer's shape (empty when it is a proper success or a proper refusal).
 * `reveals`: secret paths a success may carry by design (a key's secret, shown once at creation).
 */
export function envelopeProblems(answer: unknown, reveals: readonly string[] = []): string[] {
  const problems: string[] = [];
  if (!answer || typeof answer !== 'object' || Array.isArray(answer)) return ['the answer is not an object'];
  const env = answer as Record<string, unknown>;
  if (env.ok === true) {
    if (!('data' in env)) problems.push('ok:true without data');
  } else if (env.ok === false) {
    if (!isErrorCode(env.code)) problems.push(`unknown error code ${JSON.stringify(env.code)}`);
    if (env.code === 'Internal') problems.push(`Internal error: ${String(env.message)}`);
    if (typeof env.message !== 'string' || !env.message) problems.push('refusal without a message');
    else {
      if (!CJK.test(env.message)) problems.push(`refusal message is not Chinese: ${env.message.slice(0, 120)}`);
      if (STACK.test(env.message))
        problems.push(`refusal message looks like a stack trace: ${env.message.slice(0, 120)}`);
    }
    if (env.fieldErrors !== undefined) {
      const fe = env.fieldErrors as Record<string, unknown>;
      if (!fe || typeof fe !== 'object' || Object.values(fe).some((m) => typeof m !== 'string'))
        problems.push('fieldErrors is not a map of messages');
    }
  } else problems.push('the answer has no boolean ok');
  try {
    const text = JSON.stringify(answer);
    if (text.length > 2_000_000) problems.push(`the answer is ${text.length} characters long`);
  } catch (e) {
    problems.push(`the answer cannot be serialised: ${(e as Error).message}`);
  }
  // Only what a success returns can leak (a refusal's fieldErrors may name an input called "secret").
  const leaked = env.ok === true ? findKeys(env.data, SECRET_KEYS).filter((p) => !reveals.includes(p)) : [];
  if (leaked.length) problems.push(`the answer carries secret fields: ${leaked.join(', ')}`);
  return problems;
}

function findKeys(value: unknown, keys: Set<string>, path = '', out: string[] = [], depth = 0): string[] {
  if (depth > 50 || !value || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value)) {
    const p = path ? `${path}.${k}` : k;
    if (keys.has(k)) out.push(p);
    findKeys(v, keys, p, out, depth + 1);
  }
  return out;
}

const baselineProto = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
const baselineArrayProto = Object.getOwnPropertyNames(Array.prototype).sort().join(',');

/** Did anything get written onto the shared prototypes (prototype pollution)? */
export function prototypeProblems(): string[] {
  const problems: string[] = [];
  if (Object.getOwnPropertyNames(Object.prototype).sort().join(',') !== baselineProto)
    problems.push('Object.prototype gained or lost properties');
  if (Object.getOwnPropertyNames(Array.prototype).sort().join(',') !== baselineArrayProto)
    problems.push('Array.prototype gained or lost properties');
  const probe = {} as Record<string, unknown>;
  for (const k of ['polluted', 'isAdmin', 'roles', 'status'])
    if (probe[k] !== undefined) problems.push(`({}).${k} is now ${JSON.stringify(probe[k])}`);
  return problems;
}
