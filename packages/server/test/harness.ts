import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import {
  AGENT_NAMESPACE,
  CUSTOMER_NAMESPACE,
  type Ack,
  type AgentClientEvents,
  type AgentLoginResult,
  type AgentServerEvents,
  type CustomerClientEvents,
  type CustomerServerEvents,
} from '@baton/shared';
import { startBaton, type RunningBaton, type StartOptions } from '../src/bootstrap';

export type CustomerSocket = Socket<CustomerServerEvents, CustomerClientEvents>;
export type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

export const SITE_KEY = 'demo-northwind';
export const ALEX = { email: 'alex@northwind.example', password: 'baton-demo-alex' };
export const SAM = { email: 'sam@northwind.example', password: 'baton-demo-sam' };

export const silentLog = {
  info: () => undefined,
  warn: () => undefined,
  error: (obj: object, msg: string) => {
    // Unexpected server errors must be visible in test output.
    console.error('[baton]', msg, obj);
  },
};

export async function startTestServer(options: Partial<StartOptions> = {}): Promise<RunningBaton> {
  return startBaton({ port: 0, host: '127.0.0.1', log: silentLog, ...options });
}

/** A fresh PostgreSQL schema (TEST_DATABASE_URL) so test runs never see each other's rows. */
export async function freshPostgresSchema(
  baseUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `baton_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

export function connectCustomer(url: string): CustomerSocket {
  return io(url + CUSTOMER_NAMESPACE, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
}

export async function loginAgent(url: string, creds: { email: string; password: string }) {
  const res = await fetch(url + '/api/agent/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(creds),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as AgentLoginResult;
}

export async function connectAgent(url: string, creds: { email: string; password: string }) {
  const { token, agent } = await loginAgent(url, creds);
  const socket: AgentSocket = io(url + AGENT_NAMESPACE, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { token },
  });
  const hello = await once<Parameters<AgentServerEvents['hello']>[0]>(socket, 'hello');
  return { socket, token, agent, hello };
}

/** Emits with an ack and returns the data, or throws with the error code. */
export async function call<T>(socket: Socket, event: string, payload?: unknown): Promise<T> {
  const res = (await socket.timeout(10_000).emitWithAck(event, payload)) as Ack<T>;
  if (!res.ok)
    throw Object.assign(new Error(`${res.error.code}: ${res.error.message}`), {
      code: res.error.code,
    });
  return res.data;
}

export async function callRaw<T>(
  socket: Socket,
  event: string,
  ...args: unknown[]
): Promise<Ack<T>> {
  return (await socket.timeout(10_000).emitWithAck(event, ...args)) as Ack<T>;
}

export function once<T = unknown>(socket: Socket, event: string, timeoutMs = 10_000): Promise<T> {
  return waitFor<T>(socket, event, () => true, timeoutMs);
}

/** Resolves with the first `event` payload matching `predicate`. */
export function waitFor<T = unknown>(
  socket: Socket,
  event: string,
  predicate: (payload: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`timed out waiting for "${event}"`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener as never);
  });
}

/** Collects every payload of an event from now on. */
export function record<T>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, ((payload: T) => seen.push(payload)) as never);
  return seen;
}

export const newClientId = () => randomUUID().replace(/-/g, '');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the first recorded item matching `predicate`, polling until `timeoutMs`. */
export async function eventually<T>(
  items: T[],
  predicate: (item: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = items.find(predicate);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('timed out waiting for a matching event');
    await sleep(20);
  }
}

/**
 * The real services a test needs (PostgreSQL, and Redis when asked). A missing one skips the
 * test — loudly, never silently.
 */
export function servicesFor(test: string, needs: { redis?: boolean } = {}) {
  const pgUrl = process.env.TEST_DATABASE_URL ?? '';
  const redisUrl = process.env.TEST_REDIS_URL ?? '';
  const missing = [
    ...(pgUrl ? [] : ['TEST_DATABASE_URL']),
    ...(needs.redis && !redisUrl ? ['TEST_REDIS_URL'] : []),
  ];
  if (missing.length > 0) {
    console.warn(`\n⚠️  SKIPPED: ${test} — set ${missing.join(' and ')} to run it.\n`);
  }
  return { enabled: missing.length === 0, pgUrl, redisUrl };
}

/** A controllable clock shared by every node of a test: `advance` moves it forward. */
export function testClock() {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms: number) => {
      offset += ms;
    },
  };
}
