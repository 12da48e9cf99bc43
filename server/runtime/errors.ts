import type { ErrorCode, FieldErrors } from '@shared/core/envelope';

/** A refusal the caller should see: a stable code and a Chinese message. */
export class AppError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'Internal'>,
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (message: string, fieldErrors?: FieldErrors) =>
  new AppError('InvalidParameter', message, fieldErrors);
export const forbidden = (message: string) => new AppError('Forbidden', message);
export const notFound = (message: string) => new AppError('NotFound', message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError('Conflict', message, undefined, details);
export const rateLimited = (message: string) => new AppError('RateLimited', message);
export const invalidTransition = (message: string, details?: Record<string, unknown>) =>
  new AppError('InvalidTransition', message, undefined, details);
