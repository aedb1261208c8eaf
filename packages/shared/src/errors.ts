/** Every error a client can receive in an ack, in one place. */
export const ErrorCode = {
  /** The payload failed schema validation; `details` lists the failing fields. */
  INVALID_PAYLOAD: 'INVALID_PAYLOAD',
  /** The event needs an acknowledgement callback and none was given. */
  ACK_REQUIRED: 'ACK_REQUIRED',
  /** Missing or invalid agent token / credentials. */
  UNAUTHORIZED: 'UNAUTHORIZED',
  /** The site key is not known to this server. */
  UNKNOWN_SITE: 'UNKNOWN_SITE',
  /** A customer event arrived before `session:start` succeeded on this socket. */
  SESSION_REQUIRED: 'SESSION_REQUIRED',
  /** The referenced conversation (or other entity) does not exist. */
  NOT_FOUND: 'NOT_FOUND',
  /** Another agent claimed the conversation first, or it is no longer waiting. */
  ALREADY_CLAIMED: 'ALREADY_CLAIMED',
  /** The agent is not the owner of the conversation. */
  NOT_ASSIGNED: 'NOT_ASSIGNED',
  /** The agent is not a member of the conversation's queue. */
  FORBIDDEN: 'FORBIDDEN',
  /** The agent already owns as many open conversations as their capacity allows. */
  AT_CAPACITY: 'AT_CAPACITY',
  /** The conversation is resolved; start a new one. */
  CONVERSATION_CLOSED: 'CONVERSATION_CLOSED',
  /** The conversation still has pending actions a person must approve or deny first. */
  PENDING_ACTIONS: 'PENDING_ACTIONS',
  /** The action needs the conversation to be waiting in a queue (e.g. leaving an email). */
  NOT_QUEUED: 'NOT_QUEUED',
  /** The offer expired, was declined or was withdrawn (someone claimed it, it left the queue). */
  OFFER_GONE: 'OFFER_GONE',
  /** Too many events in a short time; `details.retryAfterMs` says when to try again. Retryable. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** An upload is larger than the limit (HTTP 413); it was cut off, not stored. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** An upload's bytes are not a kind accepted (PNG, JPEG, GIF, WebP or PDF) (HTTP 415). */
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /** No handler for this event name on this namespace. */
  UNKNOWN_EVENT: 'UNKNOWN_EVENT',
  /** The connection's Origin is not allowed on this namespace (sent as `connect_error`). */
  ORIGIN_NOT_ALLOWED: 'ORIGIN_NOT_ALLOWED',
  /** Storage or Redis is unreachable for now. Retryable: send the same request (same clientId) later. */
  UNAVAILABLE: 'UNAVAILABLE',
  /** Unexpected server error; the server keeps serving. */
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface AckError {
  code: ErrorCode;
  message: string;
  details?: unknown;
  /** True when the same request may succeed later unchanged (outage, rate limit): retry with backoff. */
  retryable?: boolean;
}

/** Codes a client may retry as they are, after a delay. */
export const RETRYABLE_CODES: readonly ErrorCode[] = [
  ErrorCode.RATE_LIMITED,
  ErrorCode.UNAVAILABLE,
];

/** Acks carry results, not exceptions. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };
export type AckFn<T> = (response: Ack<T>) => void;

/** The one error class services throw; the socket edge turns it into an ack. */
export class BatonError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'BatonError';
    this.code = code;
    this.details = details;
  }
}

export function isBatonError(value: unknown): value is BatonError {
  return value instanceof BatonError;
}

/** Converts anything thrown into an ack error; unknown errors become INTERNAL without leaking internals. */
export function toAckError(err: unknown): AckError {
  if (isBatonError(err)) {
    return {
      code: err.code,
      message: err.message,
      ...(err.details !== undefined && { details: err.details }),
      ...(RETRYABLE_CODES.includes(err.code) && { retryable: true }),
    };
  }
  return { code: ErrorCode.INTERNAL, message: 'Internal server error' };
}

export function ok<T>(data: T): Ack<T> {
  return { ok: true, data };
}

export function fail(error: AckError): Ack<never> {
  return { ok: false, error };
}
