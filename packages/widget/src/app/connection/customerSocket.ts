import type { CUSTOMER_NAMESPACE, CustomerClientEvents, CustomerServerEvents } from '@baton/shared';
import { io, type Socket } from 'socket.io-client';

export type CustomerSocket = Socket<CustomerServerEvents, CustomerClientEvents>;

/**
 * Typed against the shared constant, but not imported at runtime: the shared package's index
 * also evaluates the zod schemas, which would land in the iframe bundle.
 */
const NAMESPACE: typeof CUSTOMER_NAMESPACE = '/customer';

/**
 * A socket to the Baton server that served the iframe (same origin). Not connected yet: the
 * caller connects once it knows the session token to resume.
 */
export function createCustomerSocket(origin: string): CustomerSocket {
  return io(origin + NAMESPACE, { transports: ['websocket', 'polling'], autoConnect: false });
}
