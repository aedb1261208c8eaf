import type { ErrorCode } from '@baton/shared';

/**
 * Errors the console can face: every server `ErrorCode`, plus the two the console detects itself
 * (no ack within the timeout, no HTTP response at all).
 */
export type ClientErrorCode = ErrorCode | 'TIMEOUT' | 'NETWORK';

export interface ClientError {
  code: ClientErrorCode;
  message: string;
  details?: unknown;
}

/** Same shape as the server's `Ack<T>`, widened to client-side error codes. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ClientError };

export function failure(code: ClientErrorCode, message: string): { ok: false; error: ClientError } {
  return { ok: false, error: { code, message } };
}

/** True when a value has the `{ ok, data | error }` shape of an ack. */
export function isAckShape(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'data' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}
