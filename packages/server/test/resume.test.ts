import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, SessionStartResult } from '@baton/shared';
import type { RunningBaton } from '../src/bootstrap';
import {
  ALEX,
  call,
  connectAgent,
  connectCustomer,
  newClientId,
  SITE_KEY,
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

describe('durable messages, idempotent retries, resume after reconnect', () => {
  it('deduplicates a retried message by its client id', async () => {
    const customer = connectCustomer(baton.url);
    const s = await call<SessionStartResult>(customer, 'session:start', { siteKey: SITE_KEY });
    const clientId = newClientId();
    const answered = waitFor<ChatMessage>(customer, 'message', (m) => m.role === 'assistant');
    const [a, b] = await Promise.all([
      call<{ message: ChatMessage }>(customer, 'message:send', {
        clientId,
        text: 'what are your store hours?',
      }),
      call<{ message: ChatMessage }>(customer, 'message:send', {
        clientId,
        text: 'what are your store hours?',
      }),
    ]);
    const c = await call<{ message: ChatMessage }>(customer, 'message:send', {
      clientId,
      text: 'what are your store hours?',
    });
    expect(a.message.id).toBe(b.message.id);
    expect(c.message.id).toBe(a.message.id);
    await answered;
    await new Promise((r) => setTimeout(r, 200));
    const stored = await baton.store.listMessages(s.conversationId);
    expect(stored.filter((m) => m.role === 'customer')).toHaveLength(1);
    // Exactly one turn ran, so exactly one assistant answer.
    expect(stored.filter((m) => m.role === 'assistant')).toHaveLength(1);
    customer.close();
  });

  it('a reconnecting client sends its last seq and receives exactly what it missed', async () => {
    const first = connectCustomer(baton.url);
    const s = await call<SessionStartResult>(first, 'session:start', { siteKey: SITE_KEY });
    const seen: ChatMessage[] = [];
    first.on('message', (m) => seen.push(m));
    const answered = waitFor<ChatMessage>(first, 'message', (m) => m.role === 'assistant');
    await call(first, 'message:send', {
      clientId: newClientId(),
      text: 'how long does shipping take?',
    });
    await answered;
    const { status } = await call<{ status: { state: string } }>(first, 'human:request', {
      clientId: newClientId(),
    });
    expect(status.state).toBe('queued');
    const lastSeq = Math.max(...seen.map((m) => m.seq));
    first.close();

    // While the customer is away an agent claims and writes twice.
    const alex = await connectAgent(baton.url, ALEX);
    await call(alex.socket, 'conversation:claim', { conversationId: s.conversationId });
    for (const text of ['Hi, Alex here.', 'Your parcel ships tomorrow.']) {
      await call(alex.socket, 'message:send', {
        conversationId: s.conversationId,
        clientId: newClientId(),
        text,
      });
    }

    const second = connectCustomer(baton.url);
    const resumed = await call<SessionStartResult>(second, 'session:start', {
      siteKey: SITE_KEY,
      sessionToken: s.sessionToken,
      lastSeq,
    });
    expect(resumed.conversationId).toBe(s.conversationId);
    const all = await baton.store.listMessages(s.conversationId);
    const missed = all.filter((m) => m.seq > lastSeq);
    expect(resumed.messages.map((m) => m.seq)).toEqual(missed.map((m) => m.seq));
    expect(resumed.messages.map((m) => m.text)).toEqual(
      expect.arrayContaining([
        'Alex Rivera joined the conversation.',
        'Hi, Alex here.',
        'Your parcel ships tomorrow.',
      ]),
    );
    // Together with what it had: no gap, no duplicate.
    const merged = [...seen.map((m) => m.seq), ...resumed.messages.map((m) => m.seq)].sort(
      (a, b) => a - b,
    );
    expect(merged).toEqual(all.map((m) => m.seq));
    expect(resumed.status.state).toBe('assigned');

    // A full reload (no lastSeq) returns the whole transcript.
    const reload = await call<SessionStartResult>(second, 'session:start', {
      siteKey: SITE_KEY,
      sessionToken: s.sessionToken,
    });
    expect(reload.messages).toHaveLength(all.length);

    // sync returns what came after a given seq.
    const synced = await call<{ messages: ChatMessage[] }>(second, 'sync', {
      lastSeq: all.length - 1,
    });
    expect(synced.messages.map((m) => m.seq)).toEqual([all.length]);
    second.close();
    alex.socket.close();
  });

  it('an unknown session token starts a new conversation instead of failing', async () => {
    const customer = connectCustomer(baton.url);
    const s = await call<SessionStartResult>(customer, 'session:start', {
      siteKey: SITE_KEY,
      sessionToken: 'not-a-real-token',
    });
    expect(s.sessionToken).not.toBe('not-a-real-token');
    expect(s.messages).toEqual([]);
    customer.close();
  });
});
