/** Helpers shared by the limits and edge tests: servers with one trained assistant, raw sockets. */
import { io, type Socket } from 'socket.io-client';
import { CUSTOMER_NAMESPACE, type Ack, type AckError } from '@baton/shared';
import { expect } from 'vitest';
import type { Assistant } from '../../src/assistant';
import type { RunningBaton, StartOptions } from '../../src/bootstrap';
import { startTestServer } from '../harness';

export const BIG = { points: 10_000, seconds: 60 };
export const roomy = {
  customer: BIG,
  agent: BIG,
  customerIp: BIG,
  newVisitors: BIG,
  connectionsPerIp: 1_000,
  login: { accountIp: BIG, account: BIG, ip: BIG },
};

// Training the assistant is most of a start-up: do it once for every server of a test file.
let assistant: Assistant | undefined;
export async function start(options: Partial<StartOptions>): Promise<RunningBaton> {
  const baton = await startTestServer({ ...(assistant && { assistant }), ...options });
  assistant ??= baton.assistant;
  return baton;
}

export type Outcome = { ok: true } | { ok: false; message: string; data?: AckError };
export function connectOutcome(socket: Socket): Promise<Outcome> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ ok: true }));
    socket.once('connect_error', (err: Error & { data?: AckError }) =>
      resolve({ ok: false, message: err.message, ...(err.data && { data: err.data }) }),
    );
  });
}

export function open(url: string, nsp: string, options: { origin?: string; token?: string } = {}) {
  const socket = io(url + nsp, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(options.origin && { extraHeaders: { origin: options.origin } }),
    ...(options.token && { auth: { token: options.token } }),
  });
  return { socket, outcome: connectOutcome(socket) };
}

export const errorOf = async (p: Promise<{ ok: boolean; error?: AckError }>) => {
  const res = await p;
  expect(res.ok).toBe(false);
  return res.error!;
};

/** Emits an event whose payload is given as JSON text, bypassing the client's encoder. */
export function rawCall(socket: Socket, event: string, payloadJson: string): Promise<Ack<unknown>> {
  const id = 900_000 + Math.floor(Math.random() * 1_000);
  const prefix = `3${CUSTOMER_NAMESPACE},${id}`;
  const engine = socket.io.engine;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${event}`)), 10_000);
    const onMessage = (data: unknown) => {
      if (typeof data !== 'string' || !data.startsWith(prefix)) return;
      clearTimeout(timer);
      engine.off('message', onMessage);
      resolve((JSON.parse(data.slice(prefix.length)) as [Ack<unknown>])[0]);
    };
    engine.on('message', onMessage);
    engine.send(`2${CUSTOMER_NAMESPACE},${id}[${JSON.stringify(event)},${payloadJson}]`);
  });
}
