import pg from 'pg';
import type { Ack, ChatMessage, SessionStartResult } from '@baton/shared';
import { startBaton, type RunningBaton } from '../../src/bootstrap';
import {
  call,
  connectCustomer,
  newClientId,
  silentLog,
  SITE_KEY,
  type CustomerSocket,
} from '../harness';
import { startChildNode } from './childNode';
import { turnLedger, type TurnFigures } from './turnLedger';

const QUESTIONS = [
  'where is my order?',
  'what are your store hours?',
  'how long does shipping take to Canada?',
  'I want to talk to a person',
  'can I return a jacket I bought last week?',
  'my package arrived damaged and I want a refund of $40',
];

/** The burst, not the budgets, is under test: every per-visitor and per-IP budget is lifted. */
export const LIFTED_LIMITS = {
  customer: { points: 100_000, seconds: 1 },
  agent: { points: 100_000, seconds: 1 },
  customerIp: { points: 100_000, seconds: 1 },
  newVisitors: { points: 100_000, seconds: 1 },
};

export interface CrashFigures extends TurnFigures {
  sent: number;
  ackedBeforeKill: number;
  /** Stored turns nobody had finished when the node died. */
  pendingTurnsAtKill: number;
  retriedAfterRestart: number;
  /** Of those retried, how many the dead node had stored without acking. */
  storedButUnackedBeforeKill: number;
  recoveredWithinMs: number;
}

interface Sent {
  customer: number;
  clientId: string;
  text: string;
  acked: ChatMessage | null;
}

/**
 * One crash: a node in its own process takes a burst from `customers` visitors, is killed with
 * SIGKILL after `killAfterAcks` acks, another node starts on the same database, the customers
 * resume and retry what was never acked (same clientId, as documented), and every message is
 * accounted for. The crashing node's turn leases last `leaseMs`.
 */
export async function crashCycle(input: {
  databaseUrl: string;
  customers: number;
  perCustomer: number;
  killAfterAcks: number;
  leaseMs: number;
  ledgerTimeoutMs: number;
}): Promise<CrashFigures> {
  const { databaseUrl: url } = input;
  const child = await startChildNode({
    databaseUrl: url,
    options: { rateLimits: LIFTED_LIMITS, turnLeaseMs: input.leaseMs },
  });
  let survivor: RunningBaton | null = null;
  const sockets: CustomerSocket[] = [];
  try {
    const sessions: SessionStartResult[] = [];
    for (let i = 0; i < input.customers; i++) {
      const socket = connectCustomer(child.url);
      sockets.push(socket);
      sessions.push(await call<SessionStartResult>(socket, 'session:start', { siteKey: SITE_KEY }));
    }
    const sent: Sent[] = [];
    let acks = 0;
    const inFlight: Promise<void>[] = [];
    for (let round = 0; round < input.perCustomer; round++) {
      sockets.forEach((socket, customer) => {
        const entry: Sent = {
          customer,
          clientId: newClientId(),
          text: QUESTIONS[(customer + round) % QUESTIONS.length]!,
          acked: null,
        };
        sent.push(entry);
        inFlight.push(
          (
            socket.timeout(5_000).emitWithAck('message:send', {
              clientId: entry.clientId,
              text: entry.text,
            }) as Promise<Ack<{ message: ChatMessage }>>
          ).then(
            (res) => {
              if (!res.ok) return;
              entry.acked = res.data.message;
              // Kill mid-burst: acks keep arriving, turns are running, nothing has settled.
              if (++acks === input.killAfterAcks) child.kill('SIGKILL');
            },
            () => undefined, // no ack: the node died first; retried below
          ),
        );
      });
    }
    await Promise.all(inFlight);
    child.kill('SIGKILL');
    await child.exited;
    sockets.splice(0).forEach((s) => s.close());
    const ackedBeforeKill = sent.filter((s) => s.acked).length;
    const probe = new pg.Client({ connectionString: url });
    await probe.connect();
    const ids = sessions.map((s) => s.conversationId);
    const pending = await probe.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM turns WHERE status = 'pending' AND conversation_id = ANY($1)`,
      [ids],
    );
    const retried = sent.filter((s) => !s.acked);
    const storedUnacked = await probe.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM messages WHERE role = 'customer' AND client_id = ANY($1)`,
      [retried.map((r) => r.clientId)],
    );
    await probe.end();

    survivor = await startBaton({
      port: 0,
      host: '127.0.0.1',
      log: silentLog,
      databaseUrl: url,
      rateLimits: LIFTED_LIMITS,
    });
    const again = await Promise.all(
      sessions.map(async (session) => {
        const socket = connectCustomer(survivor!.url);
        sockets.push(socket);
        await call(socket, 'session:start', {
          siteKey: SITE_KEY,
          sessionToken: session.sessionToken,
        });
        return socket;
      }),
    );
    for (const entry of retried) {
      const { message } = await call<{ message: ChatMessage }>(
        again[entry.customer]!,
        'message:send',
        {
          clientId: entry.clientId,
          text: entry.text,
        },
      );
      entry.acked = message;
    }
    const ledger = await turnLedger(survivor.db, ids, { timeoutMs: input.ledgerTimeoutMs });
    return {
      sent: sent.length,
      ackedBeforeKill,
      pendingTurnsAtKill: Number(pending.rows[0]?.n ?? 0),
      retriedAfterRestart: retried.length,
      storedButUnackedBeforeKill: Number(storedUnacked.rows[0]?.n ?? 0),
      recoveredWithinMs: ledger.waitedMs,
      ...ledger.figures,
    };
  } finally {
    sockets.forEach((s) => s.close());
    child.kill('SIGKILL');
    await survivor?.stop();
  }
}
