import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChatMessage,
  ConversationDetail,
  EscalatedEvent,
  SessionStartResult,
} from '@baton/shared';
import type { Assistant } from '../src/assistant';
import type { RunningBaton } from '../src/bootstrap';
import {
  ALEX,
  call,
  callRaw,
  connectAgent,
  connectCustomer,
  newClientId,
  record,
  SITE_KEY,
  sleep,
  startTestServer,
  waitFor,
} from './harness';

describe('a person stays reachable when the assistant fails', () => {
  const broken: Assistant = {
    name: 'broken',
    propose: () => Promise.reject(new Error('LLM returned 503')),
  };
  const hanging: Assistant = { name: 'hanging', propose: () => new Promise(() => undefined) };

  for (const [label, assistant] of [
    ['throws', broken],
    ['hangs', hanging],
  ] as const) {
    it(`escalates a typed request for a person when the assistant ${label}`, async () => {
      const baton = await startTestServer({ assistant, assistantTimeoutMs: 200 });
      try {
        const customer = connectCustomer(baton.url);
        const messages = record<ChatMessage>(customer, 'message');
        await call(customer, 'session:start', { siteKey: SITE_KEY });
        const escalated = waitFor<EscalatedEvent>(customer, 'escalated', () => true);
        await call(customer, 'message:send', {
          clientId: newClientId(),
          text: 'talk to a human please',
        });
        expect((await escalated).triggers).toContain('explicit_human_request');
        // The button works too, and the customer never gets an assistant message.
        await sleep(100);
        expect(messages.filter((m) => m.role === 'assistant')).toEqual([]);
        customer.close();
      } finally {
        await baton.stop();
      }
    });
  }

  it('hands an ordinary question to a person when the assistant fails, instead of leaving it unanswered', async () => {
    const baton = await startTestServer({ assistant: broken });
    try {
      const customer = connectCustomer(baton.url);
      await call(customer, 'session:start', { siteKey: SITE_KEY });
      const escalated = waitFor<EscalatedEvent>(customer, 'escalated', () => true);
      await call(customer, 'message:send', { clientId: newClientId(), text: 'where is my order?' });
      const event = await escalated;
      expect(event.lane).not.toBe('autonomous');
      expect(event.triggers).toContain('low_confidence');
      customer.close();
    } finally {
      await baton.stop();
    }
  });
});

describe('ownership, visibility and identity', () => {
  let baton: RunningBaton;
  beforeAll(async () => {
    baton = await startTestServer();
  });
  afterAll(async () => {
    await baton?.stop();
  });

  it('an agent stops receiving a conversation once it is resolved', async () => {
    const alex = await connectAgent(baton.url, ALEX);
    const customer = connectCustomer(baton.url);
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    await call(customer, 'human:request', { clientId: newClientId() });
    await call(alex.socket, 'conversation:claim', { conversationId: s.conversationId });
    const seen = record<{ conversationId: string; message: ChatMessage }>(alex.socket, 'message');
    await call(alex.socket, 'conversation:resolve', {
      conversationId: s.conversationId,
      outcome: { escalation: 'needed', rootCause: 'none', packetUsefulness: 4 },
    });
    await sleep(100);
    const before = seen.length;
    await call(customer, 'message:send', {
      clientId: newClientId(),
      text: 'my card number is 4111 1111 1111 1111',
    });
    await sleep(300);
    expect(seen.slice(before).map((e) => e.message.text)).toEqual([]);
    // Replying to the resolved conversation is refused with a clear code.
    const late = await callRaw(alex.socket, 'message:send', {
      conversationId: s.conversationId,
      clientId: newClientId(),
      text: 'one more thing',
    });
    expect(late.ok).toBe(false);
    const claimAgain = await callRaw(alex.socket, 'conversation:claim', {
      conversationId: s.conversationId,
    });
    // Back with the assistant and in no queue: not this agent's to read any more.
    expect(!claimAgain.ok && claimAgain.error.code).toBe('FORBIDDEN');
    customer.close();
    alex.socket.close();
  });

  it('pressing Talk to a human again while queued changes nothing', async () => {
    const customer = connectCustomer(baton.url);
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    await call(customer, 'human:request', { clientId: newClientId() });
    const before = await baton.store.listMessages(s.conversationId);
    for (let i = 0; i < 5; i++) await call(customer, 'human:request', { clientId: newClientId() });
    expect(await baton.store.listMessages(s.conversationId)).toHaveLength(before.length);
    customer.close();
  });

  it('leaving an email is only possible while waiting in a queue', async () => {
    const customer = connectCustomer(baton.url);
    await call(customer, 'session:start', { siteKey: SITE_KEY });
    const res = await callRaw(customer, 'email:leave', { email: 'jo@example.com' });
    expect(!res.ok && res.error.code).toBe('NOT_QUEUED');
    await call(customer, 'human:request', { clientId: newClientId() });
    const ok = await call<{ status: { emailLeft: boolean; offerEmail: boolean } }>(
      customer,
      'email:leave',
      { email: 'jo@example.com' },
    );
    expect(ok.status.emailLeft).toBe(true);
    expect(ok.status.offerEmail).toBe(false);
    customer.close();
  });

  it('confirms a customer id only with a valid identity hash', async () => {
    const customer = connectCustomer(baton.url);
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    const forged = await callRaw(customer, 'identify', {
      id: 'cust-1042',
      userHash: 'a'.repeat(64),
    });
    expect(!forged.ok && forged.error.code).toBe('UNAUTHORIZED');
    await call(customer, 'identify', {
      id: 'cust-1042',
      userHash: '17f83d49bad97127179e8a2c6a0d63985cfc2612e092dc9ba8cb4944028d0ff4',
    });
    await call(customer, 'context:set', {
      customer: { id: 'cust-1042', name: 'Jordan', tier: 'vip', verified: true },
    });
    await call(customer, 'human:request', { clientId: newClientId() });
    const alex = await connectAgent(baton.url, ALEX);
    const detail = await call<ConversationDetail>(alex.socket, 'conversation:get', {
      conversationId: s.conversationId,
    });
    const facts = detail.packet!.facts;
    expect(facts.find((f) => f.label === 'Customer id')?.certainty).toBe('confirmed');
    // What only the page claims stays unverified.
    expect(facts.find((f) => f.label === 'Customer tier')?.certainty).toBe('not_verified');
    customer.close();
    alex.socket.close();
  });

  it('refuses a context that would grow past 64 KB in total', async () => {
    const customer = connectCustomer(baton.url);
    await call(customer, 'session:start', { siteKey: SITE_KEY });
    const chunk = 'x'.repeat(30_000);
    await call(customer, 'context:set', { a: chunk });
    await call(customer, 'context:set', { b: chunk });
    const res = await callRaw(customer, 'context:set', { c: chunk });
    expect(!res.ok && res.error.code).toBe('INVALID_PAYLOAD');
    customer.close();
  });

  it('rejects oversized HTTP bodies with 413, not a server error', async () => {
    const res = await fetch(baton.url + '/api/agent/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(20_000) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_PAYLOAD');
  });
});
