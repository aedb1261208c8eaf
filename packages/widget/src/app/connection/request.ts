import type { Ack, AckFn, CustomerClientEvents } from '@baton/shared';
import type { CustomerSocket } from './customerSocket';

export type ClientEvent = keyof CustomerClientEvents;
export type PayloadOf<E extends ClientEvent> = Parameters<CustomerClientEvents[E]>[0];
export type ResultOf<E extends ClientEvent> =
  Parameters<CustomerClientEvents[E]>[1] extends AckFn<infer T> ? T : never;

/** No ack arrived: the timeout fired or the socket disconnected while waiting. */
export const NO_ANSWER = null;

/**
 * Emits with an ack and a timeout. Resolves with the server's Ack, or NO_ANSWER when none came
 * (the caller decides whether to retry with the same clientId).
 */
export async function request<E extends ClientEvent>(
  socket: CustomerSocket,
  timeoutMs: number,
  event: E,
  payload: PayloadOf<E>,
): Promise<Ack<ResultOf<E>> | typeof NO_ANSWER> {
  try {
    const emitter = socket.timeout(timeoutMs) as unknown as {
      emitWithAck(event: E, payload: PayloadOf<E>): Promise<Ack<ResultOf<E>>>;
    };
    return await emitter.emitWithAck(event, payload);
  } catch {
    // socket.io rejects only for "operation has timed out" / "socket has been disconnected";
    // both mean "no answer", which every caller handles by retrying.
    return NO_ANSWER;
  }
}
