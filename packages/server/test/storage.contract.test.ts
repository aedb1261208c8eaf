import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSqlStore,
  migrate,
  MIGRATIONS,
  StateConflictError,
  type SqlDatabase,
  type Store,
} from '../src/storage';
import type { Decision } from '@baton/shared';
import type { Enqueue } from '../src/storage';
import { ConversationNotFoundError } from '../src/storage';
import { appendMany } from '../src/storage/sql/appendBatch';
import { reopening } from '../src/storage/sql/messages';
import {
  newConversation as createConversationFor,
  storageBackends,
  testPacket,
} from './support/backends';

const packet = (conversationId: string) => testPacket(conversationId);

describe.each(storageBackends('storage contract'))('Store contract: $name', (backend) => {
  let db: SqlDatabase;
  let store: Store;
  let cleanup: () => Promise<void>;
  const now = new Date('2026-11-24T12:00:00Z');

  beforeAll(async () => {
    const opened = await backend.open();
    db = opened.db;
    cleanup = opened.cleanup;
    expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(await migrate(db)).toEqual([]);
    store = createSqlStore(db);
    await store.upsertSite({ id: 's1', siteKey: 'key-1', name: 'Shop', allowedOrigins: [] });
    for (const id of ['a1', 'a2', 'a3']) {
      await store.upsertAgent({
        id,
        email: `${id}@x.test`,
        name: id.toUpperCase(),
        passwordHash: 'h',
        queues: ['general'],
        capacity: 3,
      });
    }
  });
  afterAll(async () => {
    await store?.close();
    await cleanup?.();
  });

  const newConversation = () => createConversationFor(store, now);
  /** Queues a conversation: human lane, whole conversation, tier 1, `general`, due now. */
  function enqueue(id: string, over: Partial<Enqueue> = {}) {
    return store.enqueue(id, {
      lane: 'human',
      unit: 'conversation',
      tier: 1,
      queue: 'general',
      slaDeadline: now,
      packet: packet(id),
      now,
      ...over,
    });
  }

  it('finds sites and visitors, merges visitor context', async () => {
    expect((await store.getSiteByKey('key-1'))?.id).toBe('s1');
    expect(await store.getSiteByKey('nope')).toBeNull();
    const v = await store.createVisitor({ siteId: 's1', tokenHash: 'hash-1', now });
    expect((await store.getVisitorByToken('s1', 'hash-1'))?.id).toBe(v.id);
    const updated = await store.updateVisitor(v.id, {
      name: 'Jo',
      context: { orders: [{ id: 'A1' }] },
    });
    expect(updated?.name).toBe('Jo');
    expect(updated?.context.orders?.[0]?.id).toBe('A1');
    expect((await store.updateVisitor(v.id, { email: 'jo@x.test' }))?.name).toBe('Jo');
    // Concurrent context updates merge instead of overwriting each other.
    await Promise.all([
      store.updateVisitor(v.id, { context: { customer: { id: 'c1' } } }),
      store.updateVisitor(v.id, { context: { account: { plan: 'annual' } } }),
    ]);
    const merged = await store.getVisitor(v.id);
    expect(Object.keys(merged!.context).sort()).toEqual(['account', 'customer', 'orders']);
    // The size cap applies to the merged context.
    expect(
      await store.updateVisitor(v.id, { context: { big: 'x'.repeat(1000) } }, 1000),
    ).toBeNull();
    expect((await store.getVisitor(v.id))?.context).not.toHaveProperty('big');
  });

  it('guards writes by conversation state under the row lock', async () => {
    const c = await newConversation();
    const assistantLine = { conversationId: c.id, role: 'assistant' as const, text: 'hi', now };
    await store.appendMessage({ ...assistantLine, guard: { states: ['bot'] } });
    const queued = await enqueue(c.id);
    expect(queued?.state).toBe('queued');
    await expect(
      store.appendMessage({ ...assistantLine, guard: { states: ['bot'] } }),
    ).rejects.toBeInstanceOf(StateConflictError);
    // A second escalation of the same conversation is refused.
    expect(await enqueue(c.id, { lane: 'assisted', unit: 'answer', queue: 'billing' })).toBeNull();
    expect(await store.setEmailLeft(c.id, 'a@b.test')).toBe(true);
    expect((await store.claim(c.id, 'a2', now)).ok).toBe(true);
    expect(await store.setEmailLeft(c.id, 'a@b.test')).toBe(false);
    const agentLine = { conversationId: c.id, role: 'agent' as const, text: 'hello', now };
    await expect(
      store.appendMessage({ ...agentLine, guard: { states: ['assigned'], assignedAgentId: 'a1' } }),
    ).rejects.toBeInstanceOf(StateConflictError);
    const ok = await store.appendMessage({
      ...agentLine,
      guard: { states: ['assigned'], assignedAgentId: 'a2' },
    });
    expect(ok.message.seq).toBe(2);
    await store.resolve(
      c.id,
      'a2',
      { escalation: 'needed', rootCause: 'none', packetUsefulness: 3 },
      now,
    );
  });

  it('enforces agent capacity atomically', async () => {
    await store.upsertAgent({
      id: 'a4',
      email: 'a4@x.test',
      name: 'A4',
      passwordHash: 'h',
      queues: ['general'],
      capacity: 3,
    });
    const conversations = [];
    for (let i = 0; i < 5; i++) {
      const c = await newConversation();
      await enqueue(c.id);
      conversations.push(c.id);
    }
    const results = await Promise.all(conversations.map((id) => store.claim(id, 'a4', now)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.reason === 'at_capacity')).toHaveLength(2);
    for (const r of results) {
      if (r.ok) {
        await store.resolve(
          r.conversation.id,
          'a4',
          { escalation: 'needed', rootCause: 'none', packetUsefulness: 3 },
          now,
        );
      }
    }
  });

  it('reads a message with its conversation and visitor in one query, as the single getters do', async () => {
    const c = await newConversation();
    await store.updateVisitor(c.visitorId, { name: 'Ana', context: { customer: { id: 'u9' } } });
    const { message } = await store.appendMessage({
      conversationId: c.id,
      role: 'customer',
      text: 'hello',
      clientId: 'in-context-1',
      now,
    });
    expect(await store.getMessageInContext(message.id)).toEqual({
      message: await store.getMessage(message.id),
      conversation: await store.getConversation(c.id),
      visitor: await store.getVisitor(c.visitorId),
      recent: [],
    });
    expect(await store.getMessageInContext('no-such-message')).toBeNull();
    for (const text of ['two', 'three', 'four']) {
      await store.appendMessage({ conversationId: c.id, role: 'customer', text, now });
    }
    const last = (await store.listMessages(c.id)).at(-1)!;
    const read = await store.getMessageInContext(last.id, 2);
    const before = (await store.listMessages(c.id)).filter((m) => m.seq < last.seq);
    expect(read?.recent).toEqual(before.slice(-2));
    expect(read?.recent.map((m) => m.text)).toEqual(['two', 'three']);
  });

  it("reads the customer's earlier contacts with the message when asked, as contactHistory does", async () => {
    const earlier = await newConversation();
    const later = new Date(now.getTime() + 60_000);
    const current = await store.createConversation({
      siteId: 's1',
      visitorId: earlier.visitorId,
      now: later,
    });
    const decision: Decision = {
      lane: 'autonomous',
      unit: 'conversation',
      tier: 1,
      triggers: [],
      queue: null,
      reasons: [],
      policyVersion: 'v1',
    };
    await store.recordDecision({
      conversationId: earlier.id,
      messageId: null,
      turn: 1,
      mode: 'enforce',
      decision,
      facts: { intent: { name: 'order_status', domain: 'orders' } },
      now,
    });
    const { message } = await store.appendMessage({
      conversationId: current.id,
      role: 'customer',
      text: 'it still has not come',
      now: later,
    });
    const since = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000);
    const read = await store.getMessageInContext(message.id, 0, since);
    const history = await store.contactHistory({
      siteId: 's1',
      visitorId: earlier.visitorId,
      externalId: null,
      excludeConversationId: current.id,
      since,
    });
    expect(history).toEqual([
      { conversationId: earlier.id, at: now, intent: 'order_status', domain: 'orders' },
    ]);
    expect(read?.contacts).toEqual(history);
    // Outside the window: none; not asked: not read.
    expect((await store.getMessageInContext(message.id, 0, later))?.contacts).toEqual([]);
    expect(await store.getMessageInContext(message.id)).not.toHaveProperty('contacts');
  });

  it('group-commits plain writes of many conversations in one statement, each with its own outcome', async () => {
    const [plain, retried, human, resolved] = [
      await newConversation(),
      await newConversation(),
      await newConversation(),
      await newConversation(),
    ];
    const first = await store.appendMessage({
      conversationId: retried.id,
      role: 'customer',
      text: 'sent once',
      clientId: 'retry-1xxxx',
      now,
    });
    await enqueue(human.id);
    await enqueue(resolved.id);
    expect((await store.claim(resolved.id, 'a1', now)).ok).toBe(true);
    await store.resolve(
      resolved.id,
      'a1',
      { escalation: 'needed', rootCause: 'none', packetUsefulness: 3 },
      now,
    );
    const turn = { kind: 'text' as const, priority: false, unlessHuman: true };
    const line = (conversationId: string, text: string, clientId: string) => ({
      conversationId,
      role: 'customer' as const,
      text,
      clientId,
      now,
      reopenIfResolved: true,
      turn,
    });
    const results = await appendMany(
      { db, q: (sql, params) => db.query(sql, params) },
      reopening,
    )([
      line(plain.id, 'hello', 'p-1xxxxx'),
      line(retried.id, 'sent once', 'retry-1xxxx'),
      line('no-such-conversation', 'lost?', 'n-1xxxxx'),
      line(human.id, 'still there?', 'h-1xxxxx'),
      line(resolved.id, 'one more thing', 'r-1xxxxx'),
    ]);
    expect(results[0]).toMatchObject({ duplicate: false, reopened: false, turn: true });
    expect(results[1]).toMatchObject({ duplicate: true, message: { id: first.message.id } });
    expect(results[2]).toBeInstanceOf(ConversationNotFoundError);
    // Waiting for a person: stored with its turn already done, nothing to run.
    expect(results[3]).toMatchObject({ duplicate: false, turn: false });
    expect(
      (await store.getTurn((results[3] as { message: { id: string } }).message.id))?.status,
    ).toBe('done');
    // A resolved conversation written to again goes back to the assistant, a new episode.
    expect(results[4]).toMatchObject({ duplicate: false, reopened: true, turn: true });
    expect(await store.getConversation(resolved.id)).toMatchObject({
      state: 'bot',
      lane: 'autonomous',
      episode: 2,
    });
    expect((await store.listMessages(plain.id)).map((m) => [m.seq, m.text])).toEqual([
      [1, 'hello'],
    ]);
    expect((await store.listMessages(retried.id)).map((m) => m.text)).toEqual(['sent once']);
    expect(
      (await store.getTurn((results[0] as { message: { id: string } }).message.id))?.status,
    ).toBe('pending');
  });

  it('keeps each conversation in order when many writes are group-committed at once', async () => {
    const conversations = await Promise.all(Array.from({ length: 8 }, () => newConversation()));
    const writes = conversations.flatMap((c) =>
      [0, 1, 2].map((k) =>
        store.appendMessage({
          conversationId: c.id,
          role: 'customer',
          text: `${c.id}:${k}`,
          clientId: `${c.id}-${k}-xxxx`,
          now,
        }),
      ),
    );
    const results = await Promise.all(writes);
    expect(results.every((r) => !r.duplicate)).toBe(true);
    for (const c of conversations) {
      const listed = await store.listMessages(c.id);
      expect(listed.map((m) => [m.seq, m.text])).toEqual(
        [0, 1, 2].map((k) => [k + 1, `${c.id}:${k}`]),
      );
    }
  });

  it('appends messages with gapless seq under concurrency and dedupes client ids', async () => {
    const c = await newConversation();
    const writes = Array.from({ length: 20 }, (_, i) =>
      store.appendMessage({
        conversationId: c.id,
        role: 'customer',
        text: `m${i}`,
        clientId: `client-${i % 10}xxxx`,
        now,
      }),
    );
    const results = await Promise.all(writes);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(10);
    const messages = await store.listMessages(c.id);
    expect(messages.map((m) => m.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect((await store.listMessages(c.id, 7)).map((m) => m.seq)).toEqual([8, 9, 10]);
    // The same client id from another role is a different message.
    const agentMsg = await store.appendMessage({
      conversationId: c.id,
      role: 'agent',
      text: 'x',
      clientId: 'client-0xxxx',
      now,
    });
    expect(agentMsg.duplicate).toBe(false);
  });

  it('lists a queue as snapshot entries in one query: names, triggers, pending work, no packet', async () => {
    const plain = await newConversation();
    const named = await newConversation();
    await store.updateVisitor(named.visitorId, {
      name: 'Chat name',
      context: { customer: { id: 'u1', name: 'Store name' } },
    });
    const late = new Date(now.getTime() + 60_000);
    await enqueue(plain.id, { queue: 'entries-q', slaDeadline: late });
    await enqueue(named.id, {
      queue: 'entries-q',
      tier: 3,
      lane: 'assisted',
      unit: 'action',
      packet: {
        ...packet(named.id),
        summary: 'wants a refund',
        triggers: [
          { name: 'policy_boundary', reason: 'r', values: {} },
          { name: 'negative_sentiment', reason: 'r', values: {} },
        ],
      },
    });
    const m = await store.appendMessage({
      conversationId: named.id,
      role: 'customer',
      text: 'refund please',
      now,
    });
    await store.createDraft({ conversationId: named.id, messageId: m.message.id, text: 'd', now });
    for (let i = 0; i < 2; i++) {
      await store.createAction({
        conversationId: named.id,
        action: 'refund',
        intent: null,
        amount: null,
        reasons: [],
        now,
      });
    }
    const entries = await store.listWaitingEntries('entries-q');
    expect(entries).toEqual([
      {
        id: named.id,
        state: 'queued',
        lane: 'assisted',
        unit: 'action',
        tier: 3,
        emailLeft: null,
        enqueuedAt: now,
        slaDeadline: now,
        slaBreachedAt: null,
        createdAt: now,
        summary: 'wants a refund',
        triggers: ['policy_boundary', 'negative_sentiment'],
        customerName: 'Store name',
        pendingDrafts: 1,
        pendingActions: 2,
        offeredTo: null,
      },
      {
        id: plain.id,
        state: 'queued',
        lane: 'human',
        unit: 'conversation',
        tier: 1,
        emailLeft: null,
        enqueuedAt: now,
        slaDeadline: late,
        slaBreachedAt: null,
        createdAt: now,
        summary: `summary of ${plain.id}`,
        triggers: [],
        customerName: null,
        pendingDrafts: 0,
        pendingActions: 0,
        offeredTo: null,
      },
    ]);
    // Without a store-side name the chat name shows.
    await store.updateVisitor(named.visitorId, { context: { customer: { id: 'u1' } } });
    expect((await store.listWaitingEntries('entries-q'))[0]?.customerName).toBe('Chat name');
  });

  it('claims atomically: of many concurrent claims exactly one wins', async () => {
    const c = await newConversation();
    await enqueue(c.id, { queue: 'race-q' });
    const claims = await Promise.all(
      ['a1', 'a2', 'a3', 'a1', 'a2', 'a3'].map((agent) =>
        store.claim(c.id, agent, new Date(now.getTime() + 90_000)),
      ),
    );
    expect(claims.filter((r) => r.ok)).toHaveLength(1);
    expect(claims.filter((r) => !r.ok && r.reason === 'not_queued')).toHaveLength(5);
    expect(await store.recentWaits('race-q', new Date(0), 10)).toEqual([90_000]);
  });

  it('orders the waiting list by SLA deadline and tracks presence', async () => {
    const late = await newConversation();
    const early = await newConversation();
    await enqueue(late.id, { queue: 'billing', slaDeadline: new Date(now.getTime() + 3_600_000) });
    await enqueue(early.id, {
      tier: 3,
      queue: 'billing',
      slaDeadline: new Date(now.getTime() + 600_000),
    });
    expect((await store.listWaitingEntries('billing')).map((c) => c.id)).toEqual([
      early.id,
      late.id,
    ]);

    expect(await store.countAgentsOnline('general')).toBe(0);
    const ttl = 60_000;
    await store.addAgentConnection({ socketId: 's1', agentId: 'a1', nodeId: 'n1' }, ttl);
    await store.addAgentConnection({ socketId: 's2', agentId: 'a1', nodeId: 'n2' }, ttl);
    await store.addAgentConnection({ socketId: 's3', agentId: 'a2', nodeId: 'n1' }, ttl);
    expect(await store.countAgentsOnline('general')).toBe(2);
    expect(await store.getPresence('a1')).toEqual({ status: 'online', connections: 2 });
    expect(await store.updatePresence('a2', { status: 'away' }, now)).toEqual({
      status: 'away',
      connections: 1,
    });
    expect(await store.countAgentsOnline('general')).toBe(1);
    await store.removeAgentConnection('s1');
    await store.removeAgentConnection('s1');
    expect((await store.getPresence('a1')).connections).toBe(1);
    await store.removeAgentConnection('s2');
    expect((await store.getPresence('a1')).connections).toBe(0);
    expect(await store.countAgentsOnline('general')).toBe(0);
    await store.updatePresence('a2', { status: 'online' }, now);
    expect(await store.countAgentsOnline('general')).toBe(1);
    await store.resetPresence();
    expect(await store.countAgentsOnline('general')).toBe(0);
  });

  it('expires agent connections their node stopped renewing', async () => {
    await store.resetPresence();
    // A negative ttl stands for a connection whose node stopped renewing it long ago.
    await store.addAgentConnection({ socketId: 'dead1', agentId: 'a1', nodeId: 'dead' }, -1_000);
    await store.addAgentConnection({ socketId: 'dead2', agentId: 'a1', nodeId: 'dead' }, -1_000);
    await store.addAgentConnection({ socketId: 'live', agentId: 'a2', nodeId: 'live' }, 60_000);
    expect(await store.countAgentsOnline('general')).toBe(1);
    expect((await store.getPresence('a1')).connections).toBe(0);
    // Renewal touches only the node's own connections, and only live rows come back alive.
    expect(await store.renewAgentConnections('live', 60_000)).toEqual(['live']);
    expect(await store.renewAgentConnections('gone', 60_000)).toEqual([]);
    expect(await store.deleteExpiredAgentConnections()).toEqual(['a1']);
    expect(await store.deleteExpiredAgentConnections()).toEqual([]);
    expect(await store.renewAgentConnections('dead', 60_000)).toEqual([]);
    expect(await store.countAgentsOnline('general')).toBe(1);
    // A renewed connection outlives the ttl it was added with.
    await store.addAgentConnection({ socketId: 'short', agentId: 'a1', nodeId: 'n9' }, -1_000);
    expect(await store.renewAgentConnections('n9', 60_000)).toEqual(['short']);
    expect(await store.countAgentsOnline('general')).toBe(2);
    expect(await store.deleteExpiredAgentConnections()).toEqual([]);
  });

  it('ends one agent session on logout and all of them on revocation', async () => {
    const later = new Date(now.getTime() + 3_600_000);
    await store.createAgentSession('h1', 'a1', later);
    await store.createAgentSession('h2', 'a1', later);
    await store.createAgentSession('h3', 'a2', later);
    expect(await store.deleteAgentSession('h1')).toBe(true);
    expect(await store.deleteAgentSession('h1')).toBe(false);
    expect(await store.getAgentBySession('h1', now)).toBeNull();
    expect((await store.getAgentBySession('h2', now))?.id).toBe('a1');
    expect(await store.deleteAgentSessions('a1')).toBe(1);
    expect(await store.getAgentBySession('h2', now)).toBeNull();
    expect((await store.getAgentBySession('h3', now))?.id).toBe('a2');
  });

  it('resolves only for the owner and records the outcome; reopen returns to the assistant', async () => {
    const c = await newConversation();
    await enqueue(c.id);
    await store.claim(c.id, 'a1', now);
    const outcome = { escalation: 'needed', rootCause: 'none', packetUsefulness: 4 } as const;
    expect(await store.resolve(c.id, 'a2', outcome, now)).toBeNull();
    expect((await store.resolve(c.id, 'a1', outcome, now))?.state).toBe('resolved');
    const line = { conversationId: c.id, role: 'customer' as const, text: 'back again', now };
    await store.appendMessage({ ...line, clientId: 'again-0001', reopenIfResolved: true });
    expect((await store.getConversation(c.id))?.state).toBe('bot');
  });

  it('stores decisions with their policy version', async () => {
    const c = await newConversation();
    const decision: Decision = {
      lane: 'human',
      unit: 'conversation',
      tier: 1,
      triggers: [],
      queue: 'general',
      reasons: ['r'],
      policyVersion: 'v7',
    };
    await store.recordDecision({
      conversationId: c.id,
      messageId: null,
      turn: 1,
      mode: 'enforce',
      decision,
      facts: { a: 1 },
      now,
    });
    const [stored] = await store.listDecisions(c.id);
    expect(stored?.decision.policyVersion).toBe('v7');
    expect(stored?.facts).toEqual({ a: 1 });
  });
});
