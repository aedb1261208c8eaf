import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChatMessage,
  ConversationDetail,
  EscalatedEvent,
  HeldDraft,
  PendingAction,
  QueueSnapshot,
  SessionStartResult,
} from '@baton/shared';
import type { RunningBaton } from '../src/bootstrap';
import {
  ALEX,
  call,
  callRaw,
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

const ORDERS = {
  orders: [{ id: 'NW-1', total: 129, currency: 'USD', status: 'delivered', placedDaysAgo: 5 }],
};

describe('lanes are capability boundaries enforced by the server', () => {
  it('assisted: the reply is held for review, the agent approves it and the customer sees it from the agent', async () => {
    const customer = connectCustomer(baton.url);
    const messages = record<ChatMessage>(customer, 'message');
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    await call(customer, 'context:set', ORDERS);
    const escalated = waitFor<EscalatedEvent>(customer, 'escalated', () => true);
    await call(customer, 'message:send', {
      clientId: newClientId(),
      text: 'I was charged twice for my order',
    });
    const event = await escalated;
    expect(event.lane).toBe('assisted');
    expect(event.queue).toBe('billing');
    await eventually(messages, (m) => m.role === 'system' && /check the answer/.test(m.text));
    expect(messages.filter((m) => m.role === 'assistant')).toEqual([]);

    const alex = await connectAgent(baton.url, ALEX);
    const updated = record<{ conversationId: string }>(alex.socket, 'conversation:updated');
    const detail = await call<ConversationDetail>(alex.socket, 'conversation:claim', {
      conversationId: s.conversationId,
    });
    expect(detail.lane).toBe('assisted');
    const draft = detail.drafts[0]!;
    expect(draft.status).toBe('pending');
    expect(detail.packet?.heldDraft).toBe(draft.text);

    // A second question in the assisted lane is held too.
    await call(customer, 'message:send', {
      clientId: newClientId(),
      text: 'how long does shipping take?',
    });
    await eventually(updated, (u) => u.conversationId === s.conversationId);
    const later = await call<ConversationDetail>(alex.socket, 'conversation:get', {
      conversationId: s.conversationId,
    });
    expect(later.drafts.filter((d) => d.status === 'pending')).toHaveLength(2);
    await sleep(100);
    expect(messages.filter((m) => m.role === 'assistant')).toEqual([]);

    const fromAgent = waitFor<ChatMessage>(customer, 'message', (m) => m.role === 'agent');
    const approved = await call<{ draft: HeldDraft; message: ChatMessage }>(
      alex.socket,
      'draft:review',
      {
        conversationId: s.conversationId,
        draftId: draft.id,
        decision: 'approve',
      },
    );
    expect(approved.draft.status).toBe('approved');
    expect((await fromAgent).text).toBe(draft.text);
    const edited = await call<{ draft: HeldDraft; message: ChatMessage }>(
      alex.socket,
      'draft:review',
      {
        conversationId: s.conversationId,
        draftId: later.drafts[1]!.id,
        decision: 'edit',
        text: 'Orders ship in 1-2 days; I have also refunded the duplicate charge.',
      },
    );
    expect(edited.message.authorName).toBe('Alex Rivera');
    const again = await callRaw(alex.socket, 'draft:review', {
      conversationId: s.conversationId,
      draftId: draft.id,
      decision: 'reject',
    });
    expect(!again.ok && again.error.code).toBe('NOT_FOUND');
    await call(alex.socket, 'conversation:resolve', {
      conversationId: s.conversationId,
      outcome: { escalation: 'needed', rootCause: 'none', packetUsefulness: 4 },
    });
    customer.close();
    alex.socket.close();
  });

  it('action: a refund above the limit waits for approval while the assistant keeps answering general questions', async () => {
    const customer = connectCustomer(baton.url);
    const messages = record<ChatMessage>(customer, 'message');
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    await call(customer, 'context:set', ORDERS);
    await call(customer, 'message:send', {
      clientId: newClientId(),
      text: 'I want a refund of $450 for the sofa that arrived broken',
    });
    await eventually(
      messages,
      (m) => m.role === 'system' && /needs to approve this refund/.test(m.text),
    );
    expect(messages.filter((m) => m.role === 'assistant')).toEqual([]);
    const [decision] = await baton.store.listDecisions(s.conversationId);
    expect(decision!.decision.unit).toBe('action');
    expect(
      decision!.decision.triggers.find((t) => t.name === 'policy_boundary')?.values,
    ).toMatchObject({
      amount: 450,
    });

    // The assistant still answers a general question.
    const answered = waitFor<ChatMessage>(customer, 'message', (m) => m.role === 'assistant');
    await call(customer, 'message:send', {
      clientId: newClientId(),
      text: 'what are your store hours?',
    });
    expect((await answered).text.length).toBeGreaterThan(10);

    // An agent of the billing queue sees it waiting with one pending action, and approves.
    const alex = await connectAgent(baton.url, ALEX);
    const { queues } = await call<{ queues: QueueSnapshot[] }>(alex.socket, 'queues:get', {});
    const waiting = queues
      .find((q) => q.name === 'billing')!
      .waiting.find((w) => w.conversationId === s.conversationId)!;
    expect(waiting.unit).toBe('action');
    expect(waiting.pendingActions).toBe(1);
    const detail = await call<ConversationDetail>(alex.socket, 'conversation:get', {
      conversationId: s.conversationId,
    });
    const action = detail.actions[0]!;
    expect(action).toMatchObject({ action: 'refund', status: 'pending', amount: { value: 450 } });
    const told = waitFor<ChatMessage>(customer, 'message', (m) =>
      /approved your refund/.test(m.text),
    );
    const decided = await call<{ action: PendingAction }>(alex.socket, 'action:decide', {
      conversationId: s.conversationId,
      actionId: action.id,
      decision: 'approve',
    });
    expect(decided.action.status).toBe('approved');
    await told;
    // Nothing left for a person: the conversation returns to the assistant.
    expect((await baton.store.getConversation(s.conversationId))?.state).toBe('bot');
    customer.close();
    alex.socket.close();
  });

  it('human: after an explicit request nothing from the assistant reaches the customer, even when assigned', async () => {
    const customer = connectCustomer(baton.url);
    const messages = record<ChatMessage>(customer, 'message');
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    await call(customer, 'human:request', { clientId: newClientId() });
    const alex = await connectAgent(baton.url, ALEX);
    await call(alex.socket, 'conversation:claim', { conversationId: s.conversationId });
    for (const text of ['where is my order?', 'what are your store hours?', 'thanks!']) {
      await call(customer, 'message:send', { clientId: newClientId(), text });
    }
    await sleep(300);
    expect(messages.filter((m) => m.role === 'assistant')).toEqual([]);
    await call(alex.socket, 'conversation:resolve', {
      conversationId: s.conversationId,
      outcome: { escalation: 'needed', rootCause: 'none', packetUsefulness: 4 },
    });
    customer.close();
    alex.socket.close();
  });

  it('repeat contact: the third episode about the same order problem goes to a person', async () => {
    const customer = connectCustomer(baton.url);
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    const alex = await connectAgent(baton.url, ALEX);
    for (let episode = 0; episode < 2; episode++) {
      const answered = waitFor<ChatMessage>(customer, 'message', (m) => m.role === 'assistant');
      await call(customer, 'message:send', { clientId: newClientId(), text: 'where is my order?' });
      await answered;
      await call(customer, 'human:request', { clientId: newClientId() });
      await call(alex.socket, 'conversation:claim', { conversationId: s.conversationId });
      await call(alex.socket, 'conversation:resolve', {
        conversationId: s.conversationId,
        outcome: { escalation: 'needed', rootCause: 'none', packetUsefulness: 4 },
      });
    }
    const escalated = waitFor<EscalatedEvent>(customer, 'escalated', () => true);
    await call(customer, 'message:send', { clientId: newClientId(), text: 'where is my order?' });
    const event = await escalated;
    expect(event.triggers).toContain('repeat_contact');
    const decisions = await baton.store.listDecisions(s.conversationId);
    const hit = decisions.at(-1)!.decision.triggers.find((t) => t.name === 'repeat_contact')!;
    expect(hit.values).toMatchObject({ contacts: 3, topic: 'order_status' });
    customer.close();
    alex.socket.close();
  });
});
