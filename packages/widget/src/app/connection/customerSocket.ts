import type { CUSTOMER_NAMESPACE, CustomerClientEvents, CustomerServerEvents } from '@baton/shared';
import { createWireSocket, type WireSocket } from './wire';

export type CustomerSocket = WireSocket<CustomerServerEvents, CustomerClientEvents>;

/**
 * Typed against the shared constant, but not imported at runtime: the shared package's index
 * also evaluates the zod schemas, which would land in the iframe bundle.
 */
const NAMESPACE: typeof CUSTOMER_NAMESPACE = '/customer';

/**
 * A socket to the Baton server that served the iframe (same origin), over WebSocket. Not
 * connected yet: the caller connects once it knows the session token to resume.
 */
export function createCustomerSocket(origin: string): CustomerSocket {
  return createWireSocket(origin + NAMESPACE);
}
