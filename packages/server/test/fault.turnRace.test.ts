import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, SessionStartResult } from '@baton/shared';
import type { RunningBaton } from '../src/bootstrap';
import {
  call,
  connectCustomer,
  freshPostgresSchema,
  newClientId,
  startTestServer,
  SITE_KEY,
  type CustomerSocket,
  servicesFor,
} from './harness';
import { turnLedger } from './support/turnLedger';

const { enabled, pgUrl } = servicesFor('two-node turn race');

const QUESTIONS = [
  'where is my order?',
  'what are your store hours?',
  'how long does shipping take?',
  'how do I use a promo code?',
  'can I return a jacket I bought last week?',
];

describe.runIf(enabled)('two nodes racing the turns of one conversation', () => {
  let a: RunningBaton;
  let b: RunningBaton;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const schema = await freshPostgresSchema(pgUrl);
    drop = schema.drop;
    // No rate limit here: the race, not the budget, is under test.
    const rateLimits = {
      customer: { points: 10_000, seconds: 1 },
      agent: { points: 10_000, seconds: 1 },
      customerIp: { points: 10_000, seconds: 1 },
    };
    a = await startTestServer({ databaseUrl: schema.url, rateLimits });
    b = await startTestServer({ databaseUrl: schema.url, rateLimits });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await drop?.();
  });

  it('two tabs on two nodes: one decision and at most one answer per message', async () => {
    const tabA = connectCustomer(a.url);
    const s = await call<SessionStartResult>(tabA, 'session:start', { siteKey: SITE_KEY });
    const tabB = connectCustomer(b.url);
    await call(tabB, 'session:start', { siteKey: SITE_KEY, sessionToken: s.sessionToken });

    const perTab = 20;
    const send = (tab: CustomerSocket, clientId: string, text: string) =>
      call<{ message: ChatMessage }>(tab, 'message:send', { clientId, text });
    // Both tabs fire at once, and every message is also retried at once with its clientId
    // through the other node.
    const twice = (first: CustomerSocket, second: CustomerSocket, text: string) => {
      const clientId = newClientId();
      return [send(first, clientId, text), send(second, clientId, text)];
    };
    const acked = await Promise.all(
      Array.from({ length: perTab }, (_, i) => [
        ...twice(tabA, tabB, QUESTIONS[i % QUESTIONS.length]!),
        ...twice(tabB, tabA, QUESTIONS[(i + 1) % QUESTIONS.length]!),
      ]).flat(),
    );
    // Once they are handled, a request for a person (a priority turn, outside the lease) races a
    // last question. (Sent earlier, it would jump ahead of them all: the conversation would go
    // to a person and the rest stay silent, which is right, but then no answers would race.)
    await turnLedger(a.db, s.conversationId, { timeoutMs: 30_000 });
    acked.push(
      ...(await Promise.all([
        ...twice(tabB, tabA, 'I want to talk to a person'),
        ...twice(tabA, tabB, QUESTIONS[0]!),
      ])),
    );
    // Each pair of sends is one message, acked twice with the same stored message.
    for (let i = 0; i < acked.length; i += 2) {
      expect(acked[i]!.message.id).toBe(acked[i + 1]!.message.id);
    }
    const ledger = await turnLedger(a.db, s.conversationId, { timeoutMs: 30_000 });
    console.log(
      JSON.stringify({
        test: 'two-node-turn-race',
        sent: perTab * 2 + 2,
        sendsWithRetries: acked.length,
        ...ledger.figures,
      }),
    );
    expect(acked).toHaveLength(perTab * 4 + 4);
    expect(ledger.figures.customerMessages).toBe(perTab * 2 + 2);
    expect(ledger.figures.unfinished).toBe(0);
    expect(ledger.figures.duplicatedDecisions).toBe(0);
    expect(ledger.figures.duplicatedReplies).toBe(0);
    expect(ledger.figures.duplicatedDrafts).toBe(0);
    expect(ledger.figures.escalatedButNotQueued).toBe(0);
    expect(ledger.figures.lost).toBe(0);
    expect(ledger.figures.answered + ledger.figures.escalated).toBe(perTab * 2 + 2);
    // The assistant really answered here (this is a race of answered turns, not of silence).
    expect(ledger.figures.answered).toBeGreaterThan(0);
    // Decided in seq order: turn numbers strictly increase with the messages.
    expect(ledger.turnNumbers).toEqual([...ledger.turnNumbers].sort((x, y) => x - y));
    expect(new Set(ledger.turnNumbers).size).toBe(ledger.turnNumbers.length);
    tabA.close();
    tabB.close();
  });
});
