import type { z } from 'zod';
import type { FieldErrors } from './envelope';

// Turns a zod error into one Chinese message per field, so the client can show each beside
// its input and the server can return the same map in an InvalidParameter envelope.
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
