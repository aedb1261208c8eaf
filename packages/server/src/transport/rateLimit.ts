import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { BatonError, ErrorCode } from '@baton/shared';

export interface EventLimiter {
  /** Counts one event for `key`; throws RATE_LIMITED when the budget is spent. */
  consume(key: string): Promise<void>;
}

/** A token budget of `points` events per `durationSeconds` for each key (a socket). */
export function createEventLimiter(points: number, durationSeconds: number): EventLimiter {
  const limiter = new RateLimiterMemory({ points, duration: durationSeconds });
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
      } catch (err) {
        if (err instanceof RateLimiterRes) {
          const retryAfterMs = err.msBeforeNext;
          throw new BatonError(
            ErrorCode.RATE_LIMITED,
            `Too many events; retry in ${Math.ceil(retryAfterMs / 1000)} s`,
            {
              retryAfterMs,
            },
          );
        }
        throw err;
      }
    },
  };
}
