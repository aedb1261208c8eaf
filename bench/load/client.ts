/**
 * The load client: customers and agents speaking the documented socket protocol
 * (README "Socket protocol") with socket.io-client, the same code against Baton and the bare
 * baseline. Every wait has a timeout: a message that never arrives fails the run, it never hangs.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
// Types only (erased): the package is linked under packages/server, not the root.
import type { Socket } from '../../packages/server/node_modules/socket.io-client';
import type { Ack, AgentLoginResult, ChatMessage, QueueSnapshot } from '../../packages/shared/src';

type Io = (url: string, opts: object) => Socket;
// socket.io-client is a dependency of packages/server (and the widget), not of the root.
const { io } = createRequire(new URL('../../packages/server/package.json', import.meta.url))(
  'socket.io-client',
) as { io: Io };

export const SITE_KEY = 'demo-northwind';

export class HarnessError extends Error {}

const socketOptions = { transports: ['websocket'], forceNew: true, reconnection: false };

let idCounter = 0;
const runId = randomBytes(4).toString('hex');
/** A clientId (8–64 chars of [A-Za-z0-9_-]) unique within the run. */
export const newClientId = () => `b${runId}${(++idCounter).toString(36).padStart(8, '0')}`;

/** Emits with an ack; resolves with the data, rejects with the error code (or a timeout). */
export async function call<T>(
  socket: Socket,
  event: string,
  payload: unknown,
  timeoutMs = 15_000,
): Promise<T> {
  let res: Ack<T>;
  try {
    res = (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as Ack<T>;
  } catch {
    throw new HarnessError(`no ack for "${event}" within ${timeoutMs} ms`);
  }
  if (!res.ok) {
    throw Object.assign(new HarnessError(`${event}: ${res.error.code}: ${res.error.message}`), {
      code: res.error.code,
    });
  }
  return res.data;
}

function connected(socket: Socket, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new HarnessError(`${what}: no connection within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (err: Error) => {
      clearTimeout(timer);
      socket.close();
      reject(new HarnessError(`${what}: connect_error ${err.message}`));
    });
  });
}

export interface Customer {
  socket: Socket;
  conversationId: string;
  /** Messages the server pushed to this customer, by role (the customer's own echo included). */
  onMessage?: (m: ChatMessage) => void;
}

export async function openCustomer(url: string, timeoutMs = 15_000): Promise<Customer> {
  const socket = io(url + '/customer', socketOptions);
  // Listeners before session:start: events can arrive before its ack.
  const customer: Customer = { socket, conversationId: '' };
  socket.on('message', (m: ChatMessage) => customer.onMessage?.(m));
  await connected(socket, timeoutMs, 'customer');
  const started = await call<{ conversationId: string }>(
    socket,
    'session:start',
    { siteKey: SITE_KEY },
    timeoutMs,
  );
  customer.conversationId = started.conversationId;
  return customer;
}

export interface Agent {
  socket: Socket;
  /** Every `message` the agent socket received: { conversationId, message }. */
  onMessage?: (conversationId: string, m: ChatMessage) => void;
  onQueues?: (queues: QueueSnapshot[]) => void;
}

export async function openAgent(
  url: string,
  creds: { email: string; password: string },
  timeoutMs = 15_000,
): Promise<Agent> {
  const res = await fetch(url + '/api/agent/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(creds),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (res.status !== 200) throw new HarnessError(`login ${res.status}: ${await res.text()}`);
  const { token } = (await res.json()) as AgentLoginResult;
  const socket = io(url + '/agent', { ...socketOptions, auth: { token } });
  const agent: Agent = { socket };
  socket.on('message', (p: { conversationId: string; message: ChatMessage }) =>
    agent.onMessage?.(p.conversationId, p.message),
  );
  socket.on('queues:update', (p: { queues: QueueSnapshot[] }) => agent.onQueues?.(p.queues));
  const hello = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new HarnessError(`agent: no hello within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.once('hello', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  await connected(socket, timeoutMs, 'agent');
  await hello;
  return agent;
}

export function closeAll(sockets: { socket: Socket }[]): void {
  for (const s of sockets) s.socket.close();
}

/** Runs `fn` over `items` with at most `concurrency` in flight; rejects on the first failure. */
export async function pool<T, R>(
  items: T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}
