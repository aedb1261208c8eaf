import {
  BatonError,
  ErrorCode,
  isBatonError,
  parsePayload,
  toAckError,
  type Ack,
} from '@baton/shared';
import type { z } from 'zod';

export interface Logger {
  error: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
}

/** Spends one event of the sender's budgets; rejects with RATE_LIMITED when one is spent. */
export type EventGate = () => Promise<void>;

/** Measures the edge (metrics): each event's time to its ack, and outages met. */
export interface EdgeObserver {
  /** Starts timing an event; the result is called when it is acknowledged. */
  time(event: string): () => void;
  outage(err: unknown): void;
}

type Listener = (...args: unknown[]) => void;
interface EventSocket {
  id: string;
  on(event: string, listener: Listener): unknown;
  onAny(listener: (event: string, ...args: unknown[]) => void): unknown;
  listenerCount(event: string): number;
  emit(event: 'baton:error', payload: { event: string; code: string; message: string }): unknown;
}

// Node's socket errors and PostgreSQL's connection-level SQLSTATEs (class 08, shutdown, start-up,
// too many connections): the request may well succeed once the service is back.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const SQLSTATES = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
// node-redis error classes that mean "no connection", not "bad command".
const REDIS_CLASSES = new Set([
  'ClientClosedError',
  'ClientOfflineError',
  'ConnectionTimeoutError',
  'DisconnectsClientError',
  'ReconnectStrategyError',
  'SocketClosedUnexpectedlyError',
  'SocketTimeoutError',
]);
// pg and PGlite report a lost or closed connection only in the message.
const MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /is not queryable/,
  /^PGlite is closed/,
  /^Redis connection is not ready/,
];

/** True when `err` says storage or Redis is unreachable (rather than that the request is wrong). */
export function isOutageError(err: unknown, depth = 0): boolean {
  if (!(err instanceof Error) || depth > 4) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATES.test(code))) return true;
  if (REDIS_CLASSES.has(err.constructor.name)) return true;
  if (MESSAGES.some((re) => re.test(err.message))) return true;
  if (err instanceof AggregateError && err.errors.some((e) => isOutageError(e, depth + 1)))
    return true;
  return err.cause !== undefined && isOutageError(err.cause, depth + 1);
}

/**
 * What a client is told about a failure: BatonErrors as they are, outages as UNAVAILABLE
 * (retryable), anything else as INTERNAL. Only the unexpected is logged as an error.
 */
export function edgeError(err: unknown, log: Logger, context: object) {
  if (isBatonError(err)) return toAckError(err);
  if (isOutageError(err)) {
    log.warn({ err, ...context }, 'storage or Redis unavailable');
    return toAckError(
      new BatonError(ErrorCode.UNAVAILABLE, 'The service is briefly unavailable; try again'),
    );
  }
  log.error({ err, ...context }, 'unhandled error');
  return toAckError(err);
}

/** Splits socket.io's arguments into the payload and the ack callback (when the last is one). */
function ackOf<T>(args: unknown[], onThrow: (err: unknown) => void) {
  const last = args.at(-1);
  const ack = typeof last === 'function' ? (last as (res: Ack<T>) => void) : null;
  const payload = ack ? (args.length > 1 ? args[0] : undefined) : args[0];
  const respond = (res: Ack<T>) => {
    try {
      ack?.(res);
    } catch (err) {
      onThrow(err);
    }
  };
  return { ack, payload, respond };
}

/**
 * The socket edge: rate limit → validate → call a service → ack. Every failure becomes an error
 * ack with a code; unknown errors are logged once here and never crash the process.
 */
export function bindEvent<S extends z.ZodType, T>(
  socket: EventSocket,
  event: string,
  schema: S,
  handler: (payload: z.infer<S>) => Promise<T>,
  log: Logger,
  gate?: EventGate,
  observer?: EdgeObserver,
): void {
  socket.on(event, (...args: unknown[]) => {
    const done = observer?.time(event);
    const { ack, payload, respond } = ackOf<T>(args, (err) =>
      log.warn({ err, event, socket: socket.id }, 'ack callback threw'),
    );
    // Counted before anything else, so events without an ack spend the budget too.
    Promise.resolve()
      .then(() => gate?.())
      .then(() => {
        if (!ack) {
          throw new BatonError(
            ErrorCode.ACK_REQUIRED,
            `"${event}" needs an acknowledgement callback`,
          );
        }
        return handler(parsePayload(schema, payload));
      })
      .then(
        (data) => {
          respond({ ok: true, data });
          done?.();
        },
        (err: unknown) => {
          if (isOutageError(err)) observer?.outage(err);
          const error = edgeError(err, log, { event, socket: socket.id });
          if (ack) respond({ ok: false, error });
          else socket.emit('baton:error', { event, code: error.code, message: error.message });
        },
      );
  });
}

/**
 * Answers events nobody listens to with UNKNOWN_EVENT (by ack, else `baton:error`) instead of
 * silence. They spend the rate-limit budget like any other event.
 */
export function answerUnknownEvents(socket: EventSocket, log: Logger, gate?: EventGate): void {
  socket.onAny((event, ...args) => {
    if (socket.listenerCount(event) > 0) return;
    const { ack, respond } = ackOf<never>(args, (err) =>
      log.warn({ err, event, socket: socket.id }, 'ack callback threw'),
    );
    const name = String(event).slice(0, 64);
    Promise.resolve()
      .then(() => gate?.())
      .then(() => {
        throw new BatonError(ErrorCode.UNKNOWN_EVENT, `Unknown event "${name}"`);
      })
      .catch((err: unknown) => {
        const error = edgeError(err, log, { event: name, socket: socket.id });
        if (ack) respond({ ok: false, error });
        else socket.emit('baton:error', { event: name, code: error.code, message: error.message });
      });
  });
}

export const sessionRequired = () =>
  new BatonError(ErrorCode.SESSION_REQUIRED, 'Send session:start first');
