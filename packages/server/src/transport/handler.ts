import {
  BatonError,
  ErrorCode,
  isBatonError,
  parsePayload,
  toAckError,
  type Ack,
} from '@baton/shared';
import type { z } from 'zod';
import type { EventLimiter } from './rateLimit';

export interface Logger {
  error: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
}

type Listener = (...args: unknown[]) => void;
interface EventSocket {
  id: string;
  on(event: string, listener: Listener): unknown;
  emit(event: 'baton:error', payload: { event: string; code: string; message: string }): unknown;
}

/**
 * The socket edge: validate → call a service → ack. Every failure becomes an error ack with a
 * code; unknown errors are logged once here and never crash the process.
 */
export function bindEvent<S extends z.ZodType, T>(
  socket: EventSocket,
  event: string,
  schema: S,
  handler: (payload: z.infer<S>) => Promise<T>,
  log: Logger,
  limiter?: EventLimiter,
): void {
  socket.on(event, (...args: unknown[]) => {
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (last as (res: Ack<T>) => void) : null;
    const payload = ack ? (args.length > 1 ? args[0] : undefined) : args[0];
    const respond = (res: Ack<T>) => {
      try {
        ack?.(res);
      } catch (err) {
        log.warn({ err, event, socket: socket.id }, 'ack callback threw');
      }
    };
    // Counted before anything else, so events without an ack spend the budget too.
    Promise.resolve()
      .then(() => limiter?.consume(socket.id))
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
        (data) => respond({ ok: true, data }),
        (err: unknown) => {
          if (!isBatonError(err))
            log.error({ err, event, socket: socket.id }, 'unhandled error in socket handler');
          const error = toAckError(err);
          if (ack) respond({ ok: false, error });
          else socket.emit('baton:error', { event, code: error.code, message: error.message });
        },
      );
  });
}

export const sessionRequired = () =>
  new BatonError(ErrorCode.SESSION_REQUIRED, 'Send session:start first');
