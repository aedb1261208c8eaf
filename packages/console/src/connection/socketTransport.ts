import type { AgentClientEvents, AgentServerEvents } from '@baton/shared';
import { io, type Socket } from 'socket.io-client';
import { failure, isAckShape, type Result } from './result';
import type { AgentTransport, ConnectionStatus } from './transport';

/** The value of `AGENT_NAMESPACE` in @baton/shared, typed against it so the two cannot drift. */
const AGENT_NAMESPACE: typeof import('@baton/shared').AGENT_NAMESPACE = '/agent';

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

/**
 * socket.io's typed `emitWithAck` cannot follow a generic event name, so requests go through this
 * narrow untyped view; the ack is shape-checked before it is trusted.
 */
interface UntypedAckEmitter {
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
}
interface UntypedListener {
  on(event: string, listener: (...args: never[]) => void): void;
}

/** Connects to `/agent` on the page's origin with the agent's token. */
/** How long the console waits before connecting again after an UNAVAILABLE refusal. */
const UNAVAILABLE_RETRY_MS = 2_000;

export function createSocketTransport(token: string): AgentTransport {
  const socket: AgentSocket = io(AGENT_NAMESPACE, { auth: { token } });
  const statusListeners: ((status: ConnectionStatus) => void)[] = [];
  const setStatus = (status: ConnectionStatus) => {
    for (const listener of statusListeners) listener(status);
  };

  socket.on('connect', () => setStatus('connected'));
  socket.on('disconnect', (reason) => {
    // The client retries by itself unless it was told to stop (by us or by the server).
    setStatus(socket.active ? 'reconnecting' : 'offline');
    if (reason === 'io server disconnect') console.warn('[baton console] server closed the socket');
  });
  socket.on('connect_error', (err) => {
    if (err.message === 'UNAUTHORIZED') setStatus('unauthorized');
    else if (err.message === 'UNAVAILABLE') {
      // The server refused during an outage (not a bad token). A refusal by the server's
      // middleware is never retried by socket.io itself: retry here.
      setStatus('reconnecting');
      setTimeout(() => socket.connect(), UNAVAILABLE_RETRY_MS);
    } else setStatus(socket.active ? 'reconnecting' : 'offline');
  });

  return {
    async request(event, payload, timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS) {
      const emitter = socket as unknown as UntypedAckEmitter;
      let response: unknown;
      try {
        response = await emitter.timeout(timeoutMs).emitWithAck(event, payload);
      } catch {
        // emitWithAck rejects only when the timeout elapses.
        return failure('TIMEOUT', `No answer from the server within ${timeoutMs / 1000} s.`);
      }
      if (!isAckShape(response)) {
        console.error('[baton console] malformed ack', { event, response });
        return failure('INTERNAL', 'The server sent an answer the console does not understand.');
      }
      // The shape is checked; the data type is the protocol's promise for this event.
      return response as Result<never>;
    },
    on(event, listener) {
      (socket as unknown as UntypedListener).on(event, listener as (...args: never[]) => void);
    },
    onStatus(listener) {
      statusListeners.push(listener);
    },
    reconnect() {
      if (!socket.connected) {
        setStatus('connecting');
        socket.connect();
      }
    },
    close() {
      socket.disconnect();
    },
  };
}
