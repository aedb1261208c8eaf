import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, QueueSnapshot, SessionStartResult } from '@baton/shared';
import type { RunningBaton } from '../src/bootstrap';
import {
  ALEX,
  call,
  connectAgent,
  connectCustomer,
  freshPostgresSchema,
  newClientId,
  startTestServer,
  SITE_KEY,
  waitFor,
  servicesFor,
} from './harness';

const { enabled, pgUrl, redisUrl } = servicesFor('multi-node test', { redis: true });

describe.runIf(enabled)('two nodes sharing PostgreSQL and Redis', () => {
  let a: RunningBaton;
  let b: RunningBaton;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const schema = await freshPostgresSchema(pgUrl);
    drop = schema.drop;
    a = await startTestServer({ databaseUrl: schema.url, redisUrl: redisUrl });
    b = await startTestServer({ databaseUrl: schema.url, redisUrl: redisUrl });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await drop?.();
  });

  it('a customer on node A and an agent on node B see each other live', async () => {
    const alex = await connectAgent(b.url, ALEX);
    const customer = connectCustomer(a.url);
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    const appeared = waitFor<{ queues: QueueSnapshot[] }>(alex.socket, 'queues:update', (e) =>
      e.queues.some((q) => q.waiting.some((w) => w.conversationId === s.conversationId)),
    );
    await call(customer, 'human:request', { clientId: newClientId() });
    await appeared;
    await call(alex.socket, 'conversation:claim', { conversationId: s.conversationId });
    const reply = waitFor<ChatMessage>(customer, 'message', (m) => m.role === 'agent');
    await call(alex.socket, 'message:send', {
      conversationId: s.conversationId,
      clientId: newClientId(),
      text: 'Hello from node B',
    });
    expect((await reply).text).toBe('Hello from node B');
    const toAgent = waitFor<{ message: ChatMessage }>(
      alex.socket,
      'message',
      (e) => e.message.role === 'customer',
    );
    await call(customer, 'message:send', { clientId: newClientId(), text: 'Hi from node A' });
    expect((await toAgent).message.text).toBe('Hi from node A');
    customer.close();
    alex.socket.close();
  });
});
