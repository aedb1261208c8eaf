import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatMessage, QueueStatus, SessionStartResult } from '@baton/shared';
import { createNluAssistant, parseKnowledgeBase, type Assistant } from '../src/assistant';
import type { RunningBaton } from '../src/bootstrap';
import { REPO_ROOT } from '../src/bootstrap';
import { createQueueService, createRecordingNotifier, createTurnService } from '../src/services';
import { createSqlStore, migrate, openEmbeddedDatabase } from '../src/storage';
import {
  ALEX,
  call,
  connectAgent,
  connectCustomer,
  newClientId,
  record,
  SITE_KEY,
  sleep,
  startTestServer,
  waitFor,
} from './harness';

const running: RunningBaton[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((b) => b.stop()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
async function start(options: Parameters<typeof startTestServer>[0] = {}) {
  const baton = await startTestServer(options);
  running.push(baton);
  return baton;
}

/** The demo knowledge base's assistant, slowed down: a remote LLM on a bad day. */
async function slowAssistant(delayMs: number): Promise<Assistant> {
  const kb = parseKnowledgeBase(readFileSync(join(REPO_ROOT, 'demo/knowledge-base.yaml'), 'utf8'));
  const nlu = await createNluAssistant(kb);
  return {
    name: 'slow',
    propose: async (input) => {
      await new Promise((r) => setTimeout(r, delayMs));
      return nlu.propose(input);
    },
  };
}

describe('a turn is a durable job', () => {
  it('a turn stored before a crash runs when the server starts again, exactly once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baton-turns-'));
    dirs.push(dataDir);
    const first = await start({ dataDir });
    const customer = connectCustomer(first.url);
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    customer.close();
    running.splice(running.indexOf(first), 1);
    await first.stop();

    // What a node leaves behind when it dies right after the message (and its turn) commit.
    const db = await openEmbeddedDatabase(dataDir);
    await migrate(db);
    const store = createSqlStore(db);
    const { message } = await store.appendMessage({
      conversationId: s.conversationId,
      role: 'customer',
      text: 'where is my order?',
      clientId: newClientId(),
      now: new Date(),
      turn: { kind: 'text', priority: false },
    });
    await store.close();

    const second = await start({ dataDir });
    const again = connectCustomer(second.url);
    const live = record<ChatMessage>(again, 'message');
    // The start-up sweep may answer before or after this customer is back: the reply is in the
    // resumed transcript or arrives live, once either way.
    const resumed = await call<SessionStartResult>(again, 'session:start', {
      siteKey: SITE_KEY,
      sessionToken: s.sessionToken,
    });
    const seen = () =>
      [...resumed.messages, ...live].filter((m) => m.role === 'assistant' && m.seq > message.seq);
    const deadline = Date.now() + 20_000;
    while (seen().length === 0 && Date.now() < deadline) await sleep(50);
    const [reply] = seen();
    expect(reply).toBeDefined();
    expect((await second.store.replyTo(message.id))?.id).toBe(reply!.id);
    expect((await second.store.getTurn(message.id))?.status).toBe('done');
    const decisions = await second.store.listDecisions(s.conversationId);
    expect(decisions.filter((d) => d.messageId === message.id)).toHaveLength(1);
    expect(new Set(seen().map((m) => m.id)).size).toBe(1);
    again.close();
  });

  it('a retried message:send whose turn never completed runs it', async () => {
    // No periodic sweep here (only the one at start-up): the retry itself must run the turn.
    const baton = await start({ turnSweepMs: 10 * 60_000 });
    const customer = connectCustomer(baton.url);
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    const clientId = newClientId();
    // Stored, turn pending, never acked (the node died before answering).
    const { message } = await baton.store.appendMessage({
      conversationId: s.conversationId,
      role: 'customer',
      text: 'what are your store hours?',
      clientId,
      now: new Date(),
      turn: { kind: 'text', priority: false },
    });
    const reply = waitFor<ChatMessage>(customer, 'message', (m) => m.role === 'assistant');
    const retried = await call<{ message: ChatMessage }>(customer, 'message:send', {
      clientId,
      text: 'what are your store hours?',
    });
    expect(retried.message.id).toBe(message.id);
    expect((await reply).text.length).toBeGreaterThan(0);
    expect((await baton.store.getTurn(message.id))?.status).toBe('done');
    customer.close();
  });

  it('a request for a person is never queued behind a slow assistant turn', async () => {
    const baton = await start({ assistant: await slowAssistant(2_000) });
    const customer = connectCustomer(baton.url);
    const messages = record<ChatMessage>(customer, 'message');
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    // Earlier contacts the storefront passed: classifying them asks the (slow) assistant too.
    await call(customer, 'context:set', {
      recentContacts: [{ daysAgo: 2, text: 'my parcel has not arrived' }],
    });
    const question = await call<{ message: ChatMessage }>(customer, 'message:send', {
      clientId: newClientId(),
      text: 'where is my order?',
    });
    const t0 = performance.now();
    const { status } = await call<{ status: QueueStatus }>(customer, 'human:request', {
      clientId: newClientId(),
    });
    const elapsed = performance.now() - t0;
    console.log(
      JSON.stringify({ test: 'human-request-behind-slow-turn', ackMs: Math.round(elapsed) }),
    );
    expect(status.state).toBe('queued');
    expect(elapsed).toBeLessThan(1_500);
    // The slow turn finishes after the conversation went to a person: its answer is not sent.
    for (;;) {
      const turn = await baton.store.getTurn(question.message.id);
      if (turn?.status === 'done') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await baton.store.replyTo(question.message.id)).toBeNull();
    expect(messages.filter((m) => m.role === 'assistant')).toEqual([]);
    const conversation = await baton.store.getConversation(s.conversationId);
    expect(conversation?.lane).toBe('human');
    customer.close();
  });

  it('a reopened conversation is a new episode: turns count from 1 and old drafts are closed', async () => {
    const baton = await start();
    const customer = connectCustomer(baton.url);
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    const alex = await connectAgent(baton.url, ALEX);
    // Episode 1: two questions, then a person takes over and resolves.
    for (const text of ['where is my order?', 'where is my order??']) {
      const reply = waitFor<ChatMessage>(customer, 'message', (m) => m.role === 'assistant');
      await call(customer, 'message:send', { clientId: newClientId(), text });
      await reply;
    }
    await call(customer, 'human:request', { clientId: newClientId() });
    await call(alex.socket, 'conversation:claim', { conversationId: s.conversationId });
    // A draft left pending when the agent resolves must never be sent afterwards.
    const draft = await baton.store.createDraft({
      conversationId: s.conversationId,
      messageId: (await baton.store.listMessages(s.conversationId))[0]!.id,
      text: 'an answer nobody reviewed',
      now: new Date(),
    });
    await call(alex.socket, 'conversation:resolve', {
      conversationId: s.conversationId,
      outcome: { escalation: 'needed', rootCause: 'none', packetUsefulness: 4 },
    });
    const [closed] = await baton.store.listDrafts(s.conversationId);
    expect(closed).toMatchObject({ id: draft.id, status: 'closed' });

    // Episode 2 starts with the next message: its first turn is turn 1 again.
    const reply = waitFor<ChatMessage>(customer, 'message', (m) => m.role === 'assistant');
    await call(customer, 'message:send', {
      clientId: newClientId(),
      text: 'what are your store hours?',
    });
    await reply;
    const conversation = await baton.store.getConversation(s.conversationId);
    expect(conversation?.episode).toBe(2);
    const second = await baton.store.listDecisions(s.conversationId, 2);
    expect(second.map((d) => d.turn)).toEqual([1]);
    expect((second[0]!.facts as { priorTurns: unknown[] }).priorTurns).toEqual([]);
    expect((await baton.store.listDecisions(s.conversationId, 1)).map((d) => d.turn)).toEqual([
      1, 2, 3,
    ]);
    customer.close();
    alex.socket.close();
  });

  it('events a crashed writer stored but never published go out from the outbox sweep', async () => {
    const baton = await start();
    const customer = connectCustomer(baton.url);
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    const t0 = Date.now();
    // Committed with its outbox event, then the writer died before publishing it.
    await baton.store.transaction(async (tx) => {
      const { message } = await tx.appendMessage({
        conversationId: s.conversationId,
        role: 'system',
        text: 'stored, never published by its writer',
        now: new Date(),
      });
      await tx.addOutbox([{ type: 'message', conversationId: s.conversationId, message }]);
    });
    const delivered = await waitFor<ChatMessage>(
      customer,
      'message',
      (m) => m.text === 'stored, never published by its writer',
    );
    console.log(JSON.stringify({ test: 'outbox-orphan-sweep', deliveredAfterMs: Date.now() - t0 }));
    expect(delivered.role).toBe('system');
    customer.close();
  });

  it('an abandoned turn (it failed every time) goes to a person with an honest notice', async () => {
    const baton = await start();
    const customer = connectCustomer(baton.url);
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    const { message } = await baton.store.appendMessage({
      conversationId: s.conversationId,
      role: 'customer',
      text: 'a message the code cannot handle',
      clientId: newClientId(),
      now: new Date(),
      turn: { kind: 'text', priority: false },
    });
    const queues = createQueueService({
      store: baton.store,
      queues: baton.deployment.queues,
      notifier: createRecordingNotifier(),
      clock: () => new Date(),
      slaMinutes: () => 30,
      defaultQueue: () => baton.policy.current().routing.default,
    });
    const turns = createTurnService({
      store: baton.store,
      assistant: baton.assistant,
      policy: baton.policy,
      queues,
      clock: () => new Date(),
      referencesFor: () => [],
      log: { error: () => undefined, warn: () => undefined },
    });
    const job = (await baton.store.getTurn(message.id))!;
    const committed = await turns.abandon({ ...job, attempts: 5 }, 'boom');
    expect(committed?.taken.length).toBeGreaterThan(0);
    expect(await baton.store.getTurn(message.id)).toMatchObject({ status: 'done' });
    const conversation = await baton.store.getConversation(s.conversationId);
    expect(conversation).toMatchObject({ state: 'queued', lane: 'human' });
    expect(conversation?.packet).toMatchObject({ lane: 'human', unit: 'conversation' });
    const notices = (await baton.store.listMessages(s.conversationId)).filter(
      (m) => m.role === 'system',
    );
    expect(notices.map((m) => m.text)).toEqual([
      expect.stringContaining('Something went wrong on our side with your last message'),
    ]);
    // Run again (another node): nothing more happens.
    expect(await turns.abandon({ ...job, attempts: 5 }, 'boom')).toBeNull();
    customer.close();
  });

  it('a slow turn that commits after an agent joined does not tell the customer they are queued', async () => {
    const baton = await start({ assistant: await slowAssistant(1_500) });
    const customer = connectCustomer(baton.url);
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    await call(customer, 'context:set', {
      orders: [{ id: 'NW-1', total: 129, currency: 'USD', status: 'delivered', placedDaysAgo: 5 }],
    });
    const alex = await connectAgent(baton.url, ALEX); // general, billing
    const settled = async (id: string) => {
      while ((await baton.store.getTurn(id))?.status !== 'done') {
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    // A billing question waits for review (assisted lane, queued in billing).
    const first = await call<{ message: ChatMessage }>(customer, 'message:send', {
      clientId: newClientId(),
      text: 'I was charged twice for my order',
    });
    await settled(first.message.id);
    expect(await baton.store.getConversation(s.conversationId)).toMatchObject({
      state: 'queued',
      lane: 'assisted',
    });
    // A fraud report is read while the conversation waits in the queue; while the assistant is
    // slow to answer, an agent claims it. The turn commits after the claim.
    const slow = await call<{ message: ChatMessage }>(customer, 'message:send', {
      clientId: newClientId(),
      text: 'someone used my credit card on your site',
    });
    await call(alex.socket, 'conversation:claim', { conversationId: s.conversationId });
    expect((await baton.store.getTurn(slow.message.id))?.status).toBe('pending'); // the race is real
    await settled(slow.message.id);
    const messages = await baton.store.listMessages(s.conversationId);
    const joined = messages.findIndex((m) => m.text.includes('joined the conversation'));
    const afterJoin = messages.slice(joined + 1).filter((m) => m.role === 'system');
    // Decided on the state under the lock: the customer hears that a person has it, not that
    // they wait in a queue.
    expect(afterJoin.map((m) => m.text)).toEqual([
      expect.stringContaining('is handling this conversation'),
    ]);
    expect(afterJoin.filter((m) => /queue/i.test(m.text))).toEqual([]);
    expect(await baton.store.getConversation(s.conversationId)).toMatchObject({
      state: 'assigned',
      lane: 'human',
    });
    customer.close();
    alex.socket.close();
  });
});
