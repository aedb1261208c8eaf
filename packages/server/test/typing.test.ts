import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGENT_NAMESPACE,
  type AgentTypingEvent,
  type CustomerTypingEvent,
  type QueueStatus,
  type SessionStartResult,
} from '@baton/shared';
import type { RunningBaton } from '../src/bootstrap';
import { watchRoom } from '../src/transport/agentNamespace';
import {
  ALEX,
  call,
  callRaw,
  connectAgent,
  connectCustomer,
  eventually,
  freshPostgresSchema,
  newClientId,
  record,
  SAM,
  SITE_KEY,
  servicesFor,
  waitFor,
  type AgentSocket,
} from './harness';
import { roomy, start } from './support/limits';

/** The knowledge base's fraud_report intent: routed to trust-safety, which Alex is not in. */
const FRAUD = 'someone used my credit card on your site';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (err: { code?: string }) => err.code ?? 'THREW',
  );

async function customerOn(node: RunningBaton, opened: { close(): unknown }[]) {
  const socket = connectCustomer(node.url);
  opened.push(socket);
  const session = await call<SessionStartResult>(socket, 'session:start', { siteKey: SITE_KEY });
  return { socket, conversationId: session.conversationId };
}

/** A customer waiting for a person in `general` (the explicit request). */
async function queuedCustomer(node: RunningBaton, opened: { close(): unknown }[]) {
  const customer = await customerOn(node, opened);
  await call(customer.socket, 'human:request', { clientId: newClientId() });
  return customer;
}

const typingOf = (socket: AgentSocket, conversationId: string, typing: boolean) =>
  waitFor<CustomerTypingEvent>(
    socket,
    'typing',
    (e) => e.conversationId === conversationId && e.typing === typing,
  );

describe('typing indicators over real sockets', () => {
  let baton: RunningBaton;
  const opened: { close(): unknown }[] = [];
  beforeAll(async () => {
    baton = await start({ rateLimits: roomy });
  });
  afterAll(async () => {
    for (const s of opened) s.close();
    await baton?.stop();
  });

  it("reaches the owner, never an agent outside the conversation's queue", async () => {
    const sam = await connectAgent(baton.url, SAM); // general, billing, trust-safety
    const alex = await connectAgent(baton.url, ALEX); // general, billing
    opened.push(sam.socket, alex.socket);
    const toAlex = record<CustomerTypingEvent>(alex.socket, 'typing');

    const customer = await customerOn(baton, opened);
    const ref = { conversationId: customer.conversationId };
    const inTrustSafety = waitFor<QueueStatus>(
      customer.socket,
      'queue:status',
      (s) => s.queue === 'trust-safety' && s.state === 'queued',
      20_000,
    );
    await call(customer.socket, 'message:send', { clientId: newClientId(), text: FRAUD });
    await inTrustSafety;
    await call(sam.socket, 'conversation:claim', ref);
    // Alex cannot open it, so he never watches it.
    expect(await codeOf(call(alex.socket, 'conversation:get', ref))).toBe('FORBIDDEN');

    const started = typingOf(sam.socket, customer.conversationId, true);
    expect(await call(customer.socket, 'typing', { typing: true })).toEqual({ relayed: true });
    expect(await started).toEqual({ conversationId: customer.conversationId, typing: true });
    const stopped = typingOf(sam.socket, customer.conversationId, false);
    await call(customer.socket, 'typing', { typing: false });
    await stopped;

    // "Nothing reached Alex" is proven by something that did, sent later by the same node.
    const marker = await queuedCustomer(baton, opened);
    await call(alex.socket, 'conversation:get', { conversationId: marker.conversationId });
    const seen = typingOf(alex.socket, marker.conversationId, true);
    await call(marker.socket, 'typing', { typing: true });
    await seen;
    expect(toAlex.filter((e) => e.conversationId === customer.conversationId)).toEqual([]);
  });

  it('is not relayed while the assistant has the conversation, even to a socket in its room', async () => {
    const sam = await connectAgent(baton.url, SAM);
    opened.push(sam.socket);
    const toSam = record<CustomerTypingEvent>(sam.socket, 'typing');
    const customer = await customerOn(baton, opened);
    // No agent can open a conversation the assistant handles; put Sam's socket in its room
    // anyway, so only the state check stands between the flag and him.
    baton.server.io
      .of(AGENT_NAMESPACE)
      .in(sam.socket.id!)
      .socketsJoin(watchRoom(customer.conversationId));

    expect(await call(customer.socket, 'typing', { typing: true })).toEqual({ relayed: false });
    // With a person now (queued): the same watcher receives the next one.
    await call(customer.socket, 'human:request', { clientId: newClientId() });
    const arrived = typingOf(sam.socket, customer.conversationId, true);
    expect(await call(customer.socket, 'typing', { typing: true })).toEqual({ relayed: true });
    await arrived;
    expect(toSam.filter((e) => e.conversationId === customer.conversationId)).toHaveLength(1);
  });

  it("reaches the customer with the owner's name; only the owner may send it", async () => {
    const sam = await connectAgent(baton.url, SAM);
    const alex = await connectAgent(baton.url, ALEX);
    opened.push(sam.socket, alex.socket);
    const customer = await queuedCustomer(baton, opened);
    const ref = { conversationId: customer.conversationId };

    // Queued, nobody owns it yet: nobody may say they are typing to the customer.
    expect(await codeOf(call(sam.socket, 'typing', { ...ref, typing: true }))).toBe('NOT_ASSIGNED');
    await call(sam.socket, 'conversation:claim', ref);
    expect(await codeOf(call(alex.socket, 'typing', { ...ref, typing: true }))).toBe(
      'NOT_ASSIGNED',
    );

    const toCustomer = record<AgentTypingEvent>(customer.socket, 'typing');
    const shown = waitFor<AgentTypingEvent>(customer.socket, 'typing', (e) => e.typing);
    await call(sam.socket, 'typing', { ...ref, typing: true });
    expect(await shown).toEqual({ ...ref, typing: true, agentName: 'Sam Okafor' });
    const hidden = waitFor<AgentTypingEvent>(customer.socket, 'typing', (e) => !e.typing);
    await call(sam.socket, 'typing', { ...ref, typing: false });
    await hidden;
    // Alex's refused attempt never reached the customer.
    expect(toCustomer.map((e) => e.agentName)).toEqual(['Sam Okafor', 'Sam Okafor']);
  });

  it('answers a bad payload with an error code, and carries no draft text', async () => {
    const sam = await connectAgent(baton.url, SAM);
    opened.push(sam.socket);
    const fresh = connectCustomer(baton.url);
    opened.push(fresh);
    expect(await codeOf(call(fresh, 'typing', { typing: true }))).toBe('SESSION_REQUIRED');

    const customer = await queuedCustomer(baton, opened);
    for (const payload of [
      undefined,
      {},
      { typing: 'yes' },
      { typing: 1 },
      // Only the flag travels: a payload carrying the draft is refused, not stripped.
      { typing: true, text: 'my card number is' },
    ]) {
      const res = await callRaw(customer.socket, 'typing', payload);
      expect(res.ok ? 'OK' : res.error.code).toBe('INVALID_PAYLOAD');
    }
    for (const payload of [
      { typing: true },
      { conversationId: '', typing: true },
      { conversationId: customer.conversationId, typing: 'no' },
      { conversationId: customer.conversationId, typing: true, text: 'draft' },
    ]) {
      const res = await callRaw(sam.socket, 'typing', payload);
      expect(res.ok ? 'OK' : res.error.code).toBe('INVALID_PAYLOAD');
    }
    // Without an ack it is refused too (told by `baton:error` on the agent side).
    const told = waitFor<{ event: string; code: string }>(
      sam.socket,
      'baton:error',
      (e) => e.event === 'typing',
    );
    const untyped = sam.socket as unknown as { emit(event: string, payload: unknown): void };
    untyped.emit('typing', { conversationId: customer.conversationId, typing: true });
    expect((await told).code).toBe('ACK_REQUIRED');
  });
});

describe('a flood of typing events spends the visitor budget', () => {
  let baton: RunningBaton;
  const opened: { close(): unknown }[] = [];
  beforeAll(async () => {
    baton = await start({ rateLimits: { ...roomy, customer: { points: 8, seconds: 60 } } });
  });
  afterAll(async () => {
    for (const s of opened) s.close();
    await baton?.stop();
  });

  it('is refused with RATE_LIMITED once the budget is spent, and relays no more', async () => {
    const sam = await connectAgent(baton.url, SAM);
    opened.push(sam.socket);
    // Neither session:start (counted per IP only) nor human:request spends the visitor's budget.
    const customer = await queuedCustomer(baton, opened);
    await call(sam.socket, 'conversation:get', { conversationId: customer.conversationId });
    const toSam = record<CustomerTypingEvent>(sam.socket, 'typing');

    const results = await Promise.all(
      Array.from({ length: 30 }, () => callRaw(customer.socket, 'typing', { typing: true })),
    );
    const codes = results.map((r) => (r.ok ? 'OK' : r.error.code));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(8);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(22);
    // Only what was admitted was relayed (each relay was emitted before its ack).
    await eventually(toSam, () => toSam.length >= 8);
    expect(toSam.filter((e) => e.conversationId === customer.conversationId)).toHaveLength(8);
  });
});

const { enabled, pgUrl, redisUrl } = servicesFor('typing across nodes', { redis: true });

describe.runIf(enabled)('typing across two nodes sharing PostgreSQL and Redis', () => {
  let a: RunningBaton;
  let b: RunningBaton;
  let drop: () => Promise<void>;
  const opened: { close(): unknown }[] = [];
  beforeAll(async () => {
    const schema = await freshPostgresSchema(pgUrl);
    drop = schema.drop;
    const options = { databaseUrl: schema.url, redisUrl, rateLimits: roomy };
    a = await start(options);
    b = await start(options);
  });
  afterAll(async () => {
    for (const s of opened) s.close();
    await a?.stop();
    await b?.stop();
    await drop?.();
  });

  it('a customer on node A and the owner on node B see each other type', async () => {
    const sam = await connectAgent(b.url, SAM);
    opened.push(sam.socket);
    const customer = await queuedCustomer(a, opened);
    const ref = { conversationId: customer.conversationId };
    await call(sam.socket, 'conversation:claim', ref);

    const toAgent = typingOf(sam.socket, customer.conversationId, true);
    await call(customer.socket, 'typing', { typing: true });
    expect(await toAgent).toEqual({ ...ref, typing: true });

    const toCustomer = waitFor<AgentTypingEvent>(customer.socket, 'typing', (e) => e.typing);
    await call(sam.socket, 'typing', { ...ref, typing: true });
    expect(await toCustomer).toEqual({ ...ref, typing: true, agentName: 'Sam Okafor' });
  });
});
