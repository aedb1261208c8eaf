import type { AckFn, AgentClientEvents, AgentServerEvents } from '@baton/shared';
import type { Result } from './result';

/** Every request the console can make on `/agent`, and what each one resolves to. */
export type AgentRequest = keyof AgentClientEvents;
export type RequestPayload<E extends AgentRequest> = Parameters<AgentClientEvents[E]>[0];
export type ResponseData<E extends AgentRequest> =
  Parameters<AgentClientEvents[E]>[1] extends AckFn<infer T> ? T : never;

export type ServerEventName = keyof AgentServerEvents;

/**
 * - `connecting`: first attempt in flight
 * - `connected`: live
 * - `reconnecting`: the link dropped; the client retries by itself
 * - `offline`: the client gave up (or the server closed the socket); needs `reconnect()`
 * - `unauthorized`: the server refused the token; the agent must sign in again
 */
export type ConnectionStatus =
  'connecting' | 'connected' | 'reconnecting' | 'offline' | 'unauthorized';

/** What the console needs from the agent socket. The store depends on this, not on socket.io. */
export interface AgentTransport {
  request<E extends AgentRequest>(
    event: E,
    payload: RequestPayload<E>,
    timeoutMs?: number,
  ): Promise<Result<ResponseData<E>>>;
  on<E extends ServerEventName>(event: E, listener: AgentServerEvents[E]): void;
  onStatus(listener: (status: ConnectionStatus) => void): void;
  reconnect(): void;
  close(): void;
}
