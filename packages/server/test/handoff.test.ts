import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChatMessage,
  ConversationDetail,
  EscalatedEvent,
  QueueSnapshot,
  QueueStatus,
  SessionStartResult,
} from '@baton/shared';
import type { RunningBaton } from '../src/bootstrap';
import {
  ALEX,
  call,
  connectAgent,
  connectCustomer,
  eventually,
  newClientId,
  record,
  SITE_KEY,
  sleep,
  startTestServer,
  waitFor,
} from './harness';

let baton: RunningBaton;
beforeAll(async () => {
  baton = await startTestServer();
});
afterAll(async () => {
  await baton?.stop();
});

describe('the handoff loop over real sockets', () => {
  it('answers, escalates on the explicit request turn, queues honestly, and an agent takes over', async () => {
    const customer = connectCustomer(baton.url);
    const messages = record<ChatMessage>(customer, 'message');
    const statuses = record<QueueStatus>(customer, 'queue:status');
    const session = await call<SessionStartResult>(customer, 'session:start', {
      siteKey: SITE_KEY,
    });
    expect(session.status.state).toBe('bot');
    await call(customer, 'context:set', {
      customer: { id: 'u1', name: 'Jordan Lee', verified: true },
      orders: [{ id: 'NW-1', total: 129, currency: 'USD', status: 'in transit', placedDaysAgo: 3 }],
    });

    // Turn 1: informational → the assistant answers.
    const answered = waitFor<ChatMessage>(customer, 'message', (m) => m.role === 'assistant');
    const sent = await call<{ message: ChatMessage }>(customer, 'message:send', {
      clientId: newClientId(),
      text: 'where is my order?',
    });
    expect(sent.message.seq).toBe(1);
    const reply = await answered;
    expect(reply.seq).toBe(2);
    expect(reply.text.length).toBeGreaterThan(10);

    // Turn 2: an explicit request → escalated on that very turn.
    const escalated = waitFor<EscalatedEvent>(customer, 'escalated', () => true);
    await call(customer, 'message:send', {
      clientId: newClientId(),
      text: 'I want to talk to a real person',
    });
    const event = await escalated;
    expect(event.lane).toBe('human');
    expect(event.triggers).toContain('explicit_human_request');
    expect(event.queue).toBe('general');

    const queued = await eventually(statuses, (s) => s.state === 'queued');
    expect(queued.position).toBe(1);
    expect(queued.agentsOnline).toBe(0);
    expect(queued.offerEmail).toBe(true);
    expect(queued.estimate).toBeNull();
    expect(queued.text).toMatch(/No one from Customer Care is online/);

    // Keep talking: the assistant stays silent in the human lane, where no turn runs.
    const waiting = await call<{ message: ChatMessage }>(customer, 'message:send', {
      clientId: newClientId(),
      text: 'hello? what are your store hours?',
    });
    expect(await baton.store.getTurn(waiting.message.id)).toMatchObject({ status: 'done' });

    // An agent comes online: the banner updates live with the agent count.
    const online = waitFor<QueueStatus>(customer, 'queue:status', (s) => s.agentsOnline === 1);
    const alex = await connectAgent(baton.url, ALEX);
    expect(alex.hello.agent.name).toBe('Alex Rivera');
    const status = await online;
    expect(status.offerEmail).toBe(false);
    expect(status.text).toMatch(/No estimate yet/);

    const { queues } = await call<{ queues: QueueSnapshot[] }>(alex.socket, 'queues:get', {});
    const general = queues.find((q) => q.name === 'general')!;
    expect(general.waiting.map((w) => w.conversationId)).toContain(session.conversationId);

    const detail = await call<ConversationDetail>(alex.socket, 'conversation:claim', {
      conversationId: session.conversationId,
    });
    expect(detail.state).toBe('assigned');
    expect(detail.packet?.triggers.map((t) => t.name)).toContain('explicit_human_request');
    expect(detail.packet?.context.orders?.[0]?.id).toBe('NW-1');
    expect(detail.packet?.assistantDidNot.join(' ')).toMatch(/asked for a person/);
    expect(detail.messages.map((m) => m.text)).toContain('where is my order?');

    const agentLine = waitFor<ChatMessage>(customer, 'message', (m) => m.role === 'agent');
    await call(alex.socket, 'message:send', {
      conversationId: session.conversationId,
      clientId: newClientId(),
      text: 'Hi Jordan, Alex here. Your tent is on its way.',
    });
    const fromAgent = await agentLine;
    expect(fromAgent.authorName).toBe('Alex Rivera');
    expect(statuses.some((s) => s.state === 'assigned' && s.agentName === 'Alex Rivera')).toBe(
      true,
    );

    // While Alex owns it, a customer message is stored and delivered, with no turn to run.
    const toAgent = waitFor<{ conversationId: string; message: ChatMessage }>(
      alex.socket,
      'message',
      (e) => e.message.text === 'great, thanks Alex',
    );
    const owned = await call<{ message: ChatMessage }>(customer, 'message:send', {
      clientId: newClientId(),
      text: 'great, thanks Alex',
    });
    expect((await toAgent).message.seq).toBe(owned.message.seq);
    expect(await baton.store.getTurn(owned.message.id)).toMatchObject({ status: 'done' });

    await sleep(200);
    const escalationSeq = messages.find((m) => m.text === 'I want to talk to a real person')!.seq;
    expect(messages.filter((m) => m.role === 'assistant' && m.seq > escalationSeq)).toEqual([]);
    // Sequence numbers have no gaps or duplicates.
    const seqs = messages.map((m) => m.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));

    const decisions = await baton.store.listDecisions(session.conversationId);
    expect(decisions.map((d) => d.decision.lane)).toEqual(['autonomous', 'human']);
    expect(decisions[1]!.decision.policyVersion).toBe(baton.policy.current().version);

    await call(alex.socket, 'conversation:resolve', {
      conversationId: session.conversationId,
      outcome: { escalation: 'needed', rootCause: 'none', packetUsefulness: 5 },
    });
    customer.close();
    alex.socket.close();
  });

  it('escalates on the Talk to a human button and acks with the queue status', async () => {
    const customer = connectCustomer(baton.url);
    await call(customer, 'session:start', { siteKey: SITE_KEY });
    const { status } = await call<{ status: QueueStatus }>(customer, 'human:request', {
      clientId: newClientId(),
    });
    expect(status.state).toBe('queued');
    expect(status.queue).toBe('general');
    customer.close();
  });

  it('moves the queue live: the second customer goes from position 2 to 1 when the first is claimed', async () => {
    const first = connectCustomer(baton.url);
    const second = connectCustomer(baton.url);
    const a = await call<SessionStartResult>(first, 'session:start', { siteKey: SITE_KEY });
    const b = await call<SessionStartResult>(second, 'session:start', { siteKey: SITE_KEY });
    const secondStatuses = record<QueueStatus>(second, 'queue:status');
    await call(first, 'human:request', { clientId: newClientId() });
    const { status } = await call<{ status: QueueStatus }>(second, 'human:request', {
      clientId: newClientId(),
    });
    const ahead = (await baton.store.listWaitingEntries('general')).map((c) => c.id);
    expect(ahead.indexOf(b.conversationId)).toBe(ahead.indexOf(a.conversationId) + 1);
    expect(status.position).toBe(ahead.indexOf(b.conversationId) + 1);

    const alex = await connectAgent(baton.url, ALEX);
    for (const id of ahead.slice(0, ahead.indexOf(b.conversationId))) {
      await call(alex.socket, 'conversation:claim', { conversationId: id });
    }
    const moved = await eventually(secondStatuses, (s) => s.position === 1);
    expect(moved.state).toBe('queued');
    expect(moved.agentsOnline).toBe(1);
    for (const id of ahead.slice(0, ahead.indexOf(b.conversationId))) {
      await call(alex.socket, 'conversation:resolve', {
        conversationId: id,
        outcome: { escalation: 'needed', rootCause: 'none', packetUsefulness: 4 },
      });
    }
    first.close();
    second.close();
    alex.socket.close();
  });
});
