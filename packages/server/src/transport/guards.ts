import { BatonError, ErrorCode, toAckError } from '@baton/shared';
import type { Namespace, Socket } from 'socket.io';
import type { ConnectionCounter } from './rateLimit';

export interface OriginPolicy {
  /** Baton's public origin when a proxy changes the Host header (e.g. `https://chat.example.com`). */
  publicOrigin?: string;
  /** Other origins allowed to open sockets on this namespace. */
  allowed: () => readonly string[];
  /** With no `allowed` origins configured, accept any (the customer side, like the iframe rule). */
  anyWhenEmpty: boolean;
}

const normalize = (origin: string) => {
  try {
    return new URL(origin).origin.toLowerCase();
  } catch {
    return origin.toLowerCase();
  }
};

/**
 * Whether a handshake's Origin may use the namespace. A missing Origin is allowed: browsers send
 * one on every WebSocket handshake and every cross-origin request, so only same-origin long-polling
 * and non-browser clients (which can claim any Origin anyway) come without one. Baton's own origin
 * (the widget iframe and the console are served by Baton) is recognised by the Host header.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  policy: OriginPolicy,
): boolean {
  if (origin === undefined) return true;
  const allowed = policy.allowed();
  if (allowed.length === 0 && policy.anyWhenEmpty) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file:) and garbage
  }
  if (host && url.host.toLowerCase() === host.toLowerCase()) return true;
  const own = policy.publicOrigin ? [policy.publicOrigin] : [];
  return [...own, ...allowed].some((o) => normalize(o) === url.origin.toLowerCase());
}

/** The address limits are keyed by: the peer of the TCP connection. */
export const clientIp = (socket: Pick<Socket, 'handshake'>) => socket.handshake.address;

/** A `connect_error` whose `data` is an AckError (with `retryable` where it applies). */
const refusal = (code: ErrorCode, message: string, details?: unknown) =>
  Object.assign(new Error(code), { data: toAckError(new BatonError(code, message, details)) });

/** Refuses a handshake from a foreign Origin with `connect_error` ORIGIN_NOT_ALLOWED. */
export function checkOrigin(nsp: Namespace, policy: OriginPolicy): void {
  nsp.use((socket, next) => {
    const { origin, host } = socket.handshake.headers;
    if (originAllowed(origin, host, policy)) return next();
    next(refusal(ErrorCode.ORIGIN_NOT_ALLOWED, `Origin ${origin} may not connect to ${nsp.name}`));
  });
}

/**
 * Caps open sockets per IP on this node with `connect_error` RATE_LIMITED. Checked at the
 * handshake, counted once connected (so a refused or abandoned handshake never holds a slot);
 * handshakes still in another middleware at the same instant may pass the check together.
 */
export function capConnections(nsp: Namespace, counter: ConnectionCounter): void {
  nsp.use((socket, next) => {
    if (counter.hasRoom(clientIp(socket))) return next();
    next(
      refusal(ErrorCode.RATE_LIMITED, 'Too many open connections from this address', {
        retryAfterMs: 5_000,
      }),
    );
  });
  nsp.on('connection', (socket) => {
    const ip = clientIp(socket);
    counter.add(ip);
    socket.on('disconnect', () => counter.remove(ip));
  });
}
