import type { Ack, ChatMessage, QueueStatus } from '@baton/shared';
import { describe, expect, it, vi } from 'vitest';
import type { FrameToLoader } from '../../protocol/envelope';
import { editCsat } from '../state/csat';
import { createStore } from '../state/store';
import { initialWidgetState } from '../state/widgetState';
import { createChatClient } from './chatClient';
import type { CustomerSocket } from './customerSocket';
import { createTokenStore, type StorageLike } from './tokenStore';

/** Stands in for a socket.io-client socket: records emits, answers from a script. */
class FakeSocket {
  connected = false;
  id: string | undefined;
  emits: { event: string; payload: unknown }[] = [];
  /** Answer per event; `undefined` simulates a timeout (no ack). */
  answer: (event: string, payload: unknown) => Ack<unknown> | undefined = () => undefined;
  private handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  private connections = 0;

  on(event: string, fn: (...args: unknown[]) => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  timeout() {
    return {
      emitWithAck: async (event: string, payload: unknown) => {
        this.emits.push({ event, payload });
        const res = this.answer(event, payload);
        if (res === undefined) throw new Error('operation has timed out');
        return res;
      },
    };
  }
  fire(event: string, ...args: unknown[]) {
    for (const fn of this.handlers.get(event) ?? []) fn(...args);
  }
  connect() {
    this.connected = true;
    this.id = `sock-${++this.connections}`;
    this.fire('connect');
  }
  disconnect() {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }
  sent(event: string) {
    return this.emits.filter((e) => e.event === event).map((e) => e.payload);
  }
}

function msg(seq: number, extra: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    role: 'assistant',
    text: `message ${seq}`,
    authorName: null,
    clientId: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    ...extra,
  };
}

const botStatus: QueueStatus = {
  conversationId: 'c1',
  state: 'bot',
  queue: null,
  queueName: null,
  position: null,
  agentsOnline: 0,
  estimate: null,
  slaMinutes: null,
  openNow: true,
  openingHours: null,
  offerEmail: false,
  overdue: false,
  emailLeft: false,
  agentName: null,
  text: '',
  notice: { code: 'status_bot', params: {} },
};

function setup(storage: StorageLike = memoryStorage(), resumeToken: string | null = null) {
  const socket = new FakeSocket();
  const store = createStore(initialWidgetState());
  const notified: { type: keyof FrameToLoader; payload: unknown }[] = [];
  let n = 0;
  const client = createChatClient({
    socket: socket as unknown as CustomerSocket,
    store,
    siteKey: 'site-1',
    tokens: createTokenStore('site-1', storage),
    notify: (type, payload) => notified.push({ type, payload }),
    newClientId: () => `client-${String(++n).padStart(4, '0')}`,
    retryDelayMs: 1,
    resumeToken,
  });
  /** A server that knows conversation c1 with `history`. */
  const history: ChatMessage[] = [];
  socket.answer = (event, payload) => {
    const p = payload as Record<string, unknown>;
    if (event === 'session:start') {
      const after = typeof p.lastSeq === 'number' ? p.lastSeq : 0;
      return {
        ok: true,
        data: {
          sessionToken: 'tok-1',
          conversationId: 'c1',
          messages: history.filter((m) => m.seq > after),
          status: botStatus,
          ...(p.resumeToken !== undefined && {
            resume: p.resumeToken === 'good-link-token' ? 'resumed' : 'expired',
          }),
        },
      };
    }
    if (event === 'sync') {
      const after = p.lastSeq as number;
      return {
        ok: true,
        data: { messages: history.filter((m) => m.seq > after), status: botStatus },
      };
    }
    return undefined;
  };
  return { socket, store, client, notified, history };
}

function memoryStorage(): StorageLike {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('chatClient session', () => {
  it('starts a session on connect and stores the token', async () => {
    const storage = memoryStorage();
    const { socket, store, history } = setup(storage);
    history.push(msg(1), msg(2));
    socket.connect();
    await flush();
    expect(socket.sent('session:start')).toEqual([{ siteKey: 'site-1' }]);
    expect(store.get()).toMatchObject({ connection: 'online', conversationId: 'c1' });
    expect(store.get().messages.map((m) => m.seq)).toEqual([1, 2]);
    expect(storage.getItem('baton:session:site-1')).toBe('tok-1');
  });

  it('carries a chat on from a reply email link once, opening the panel', async () => {
    const storage = memoryStorage();
    storage.setItem('baton:session:site-1', 'tok-old');
    const { socket, store, notified } = setup(storage, 'good-link-token');
    socket.connect();
    await flush();
    expect(socket.sent('session:start')).toEqual([
      { siteKey: 'site-1', sessionToken: 'tok-old', resumeToken: 'good-link-token' },
    ]);
    expect(store.get()).toMatchObject({ resume: 'resumed', open: true });
    expect(notified.some((n) => n.type === 'open')).toBe(true);
    expect(storage.getItem('baton:session:site-1')).toBe('tok-1');
    // A reconnect uses this browser's own token, not the link again.
    socket.disconnect();
    socket.connect();
    await flush();
    expect(socket.sent('session:start')[1]).not.toHaveProperty('resumeToken');
  });

  it('says so when the link has expired', async () => {
    const { socket, store } = setup(memoryStorage(), 'stale-link-token');
    socket.connect();
    await flush();
    expect(store.get().resume).toBe('expired');
  });

  it('emails the transcript once per click and says where it went, or why not', async () => {
    const { socket, store, client } = setup();
    socket.connect();
    await flush();
    const answer = socket.answer;
    let refuse = true;
    socket.answer = (event, payload) => {
      if (event !== 'transcript:email') return answer(event, payload);
      const p = payload as { email?: string };
      return refuse
        ? {
            ok: false,
            error: { code: 'INVALID_PAYLOAD', message: 'Give the email address', retryable: false },
          }
        : { ok: true, data: { to: p.email ?? 'known@example.com' } };
    };
    client.emailTranscript();
    await flush();
    expect(store.get().transcript).toMatchObject({ pending: false, sentTo: null });
    expect(store.get().transcript.error?.code).toBe('INVALID_PAYLOAD');
    refuse = false;
    client.emailTranscript('dana@example.com');
    client.emailTranscript('dana@example.com'); // a double click while in flight
    await flush();
    expect(store.get().transcript).toEqual({
      pending: false,
      error: null,
      sentTo: 'dana@example.com',
    });
    const sent = socket.sent('transcript:email') as { clientId: string; email?: string }[];
    expect(sent.map((p) => p.email)).toEqual([undefined, 'dana@example.com']);
    expect(new Set(sent.map((p) => p.clientId)).size).toBe(2);
  });

  it('resumes with token and lastSeq on reconnect, without duplicates', async () => {
    const { socket, store, history, notified } = setup();
    history.push(msg(1));
    socket.connect();
    await flush();
    socket.disconnect();
    expect(store.get().connection).toBe('offline');
    history.push(msg(2), msg(3));
    socket.connect();
    await flush();
    expect(socket.sent('session:start')[1]).toEqual({
      siteKey: 'site-1',
      sessionToken: 'tok-1',
      lastSeq: 1,
    });
    expect(store.get().messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    // history from the first load is not announced; messages missed while offline are
    expect(
      notified.filter((e) => e.type === 'message').map((e) => (e.payload as ChatMessage).seq),
    ).toEqual([2, 3]);
  });

  it('fills a gap with sync instead of skipping messages', async () => {
    const { socket, store, history } = setup();
    history.push(msg(1));
    socket.connect();
    await flush();
    history.push(msg(2), msg(3));
    socket.fire('message', msg(3));
    await flush();
    expect(socket.sent('sync')).toEqual([{ lastSeq: 1 }]);
    expect(store.get().messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('answers resync by syncing from the last contiguous seq', async () => {
    const { socket, store, history, notified } = setup();
    history.push(msg(1), msg(2));
    socket.connect();
    await flush();
    // Missed live (the server's nodes lost touch): nothing shows a gap until resync.
    history.push(msg(3), msg(4));
    socket.fire('resync', {});
    await flush();
    expect(socket.sent('sync')).toEqual([{ lastSeq: 2 }]);
    expect(store.get().messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(
      notified.filter((e) => e.type === 'message').map((e) => (e.payload as ChatMessage).seq),
    ).toEqual([3, 4]);
  });

  it('syncs again when resync arrives while a sync is in flight', async () => {
    const { socket, store, history } = setup();
    history.push(msg(1));
    socket.connect();
    await flush();
    // The first sync is answered at once (from the history before 2 and 3) but delivered late.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const timeout = socket.timeout.bind(socket);
    socket.timeout = () => ({
      emitWithAck: async (event: string, payload: unknown) => {
        const res = await timeout().emitWithAck(event, payload);
        if (event === 'sync' && socket.sent('sync').length === 1) await held;
        return res;
      },
    });
    socket.fire('resync', {});
    history.push(msg(2), msg(3));
    socket.fire('resync', {});
    release();
    await flush();
    expect(socket.sent('sync')).toEqual([{ lastSeq: 1 }, { lastSeq: 1 }]);
    expect(store.get().messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('starts the session again after a retryable error instead of giving up', async () => {
    const { socket, store } = setup();
    const answer = socket.answer;
    let refusals = 1;
    socket.answer = (event, payload) =>
      event === 'session:start' && refusals-- > 0
        ? {
            ok: false,
            error: { code: 'UNAVAILABLE', message: 'Storage down', retryable: true },
          }
        : answer(event, payload);
    socket.connect();
    await vi.waitFor(() => expect(store.get().connection).toBe('online'), { timeout: 2_000 });
    expect(socket.sent('session:start')).toHaveLength(2);
    expect(store.get().fatalError).toBeNull();
  });

  it('connects again after a retryable refusal of the connection', async () => {
    const { socket, store } = setup();
    let refusals = 1;
    socket.connect = () => {
      if (refusals-- > 0) {
        const data = { code: 'RATE_LIMITED', message: 'Too many', retryable: true };
        socket.fire('connect_error', Object.assign(new Error('RATE_LIMITED'), { data }));
        return;
      }
      FakeSocket.prototype.connect.call(socket);
    };
    socket.connect();
    expect(store.get().connection).toBe('offline');
    await vi.waitFor(() => expect(store.get().connection).toBe('online'), { timeout: 2_000 });
  });

  it('drops a stale token and starts fresh', async () => {
    const storage = memoryStorage();
    storage.setItem('baton:session:site-1', 'old');
    const { socket, store } = setup(storage);
    const answer = socket.answer;
    socket.answer = (event, payload) =>
      event === 'session:start' && (payload as { sessionToken?: string }).sessionToken === 'old'
        ? { ok: false, error: { code: 'NOT_FOUND', message: 'no such session' } }
        : answer(event, payload);
    socket.connect();
    await flush();
    expect(socket.sent('session:start')).toEqual([
      { siteKey: 'site-1', sessionToken: 'old' },
      { siteKey: 'site-1' },
    ]);
    expect(store.get().connection).toBe('online');
  });

  it('shows a fatal error for an unknown site', async () => {
    const { socket, store } = setup();
    socket.answer = () => ({ ok: false, error: { code: 'UNKNOWN_SITE', message: 'unknown site' } });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    socket.connect();
    await flush();
    expect(store.get()).toMatchObject({
      connection: 'failed',
      fatalError: { code: 'UNKNOWN_SITE' },
    });
    error.mockRestore();
  });
});

describe('chatClient sending', () => {
  it('shows the message as pending, then sent; the echo does not duplicate it', async () => {
    const { socket, store, client } = setup();
    socket.connect();
    await flush();
    const answer = socket.answer;
    socket.answer = (event, payload) => {
      if (event !== 'message:send') return answer(event, payload);
      const p = payload as { clientId: string; text: string };
      return {
        ok: true,
        data: { message: msg(1, { role: 'customer', clientId: p.clientId, text: p.text }) },
      };
    };
    client.send('hello');
    expect(store.get().outbox).toMatchObject([{ clientId: 'client-0001', status: 'sending' }]);
    await flush();
    socket.fire('message', msg(1, { role: 'customer', clientId: 'client-0001', text: 'hello' }));
    expect(store.get().outbox).toEqual([]);
    expect(store.get().messages).toHaveLength(1);
  });

  it('retries a timed-out send with the same clientId', async () => {
    const { socket, store, client } = setup();
    socket.connect();
    await flush();
    let attempts = 0;
    const answer = socket.answer;
    socket.answer = (event, payload) => {
      if (event !== 'message:send') return answer(event, payload);
      if (++attempts < 2) return undefined; // first attempt times out
      const p = payload as { clientId: string; text: string };
      return {
        ok: true,
        data: { message: msg(1, { role: 'customer', clientId: p.clientId, text: p.text }) },
      };
    };
    client.send('hello');
    await flush();
    expect(socket.sent('message:send')).toEqual([
      { clientId: 'client-0001', text: 'hello' },
      { clientId: 'client-0001', text: 'hello' },
    ]);
    expect(store.get().outbox).toEqual([]);
  });

  it('queues sends while offline and delivers them after the session resumes', async () => {
    const { socket, store, client } = setup();
    const answer = socket.answer;
    socket.answer = (event, payload) => {
      if (event !== 'message:send') return answer(event, payload);
      const p = payload as { clientId: string; text: string };
      return {
        ok: true,
        data: { message: msg(1, { role: 'customer', clientId: p.clientId, text: p.text }) },
      };
    };
    client.send('sent before connecting');
    await flush();
    expect(socket.sent('message:send')).toEqual([]);
    socket.connect();
    await flush();
    expect(socket.emits.map((e) => e.event)).toEqual(['session:start', 'message:send']);
    expect(store.get().outbox).toEqual([]);
  });

  it('shows an error inline and lets the user retry with the same clientId', async () => {
    const { socket, store, client } = setup();
    socket.connect();
    await flush();
    let fail = true;
    const answer = socket.answer;
    socket.answer = (event, payload) => {
      if (event !== 'message:send') return answer(event, payload);
      if (fail) return { ok: false, error: { code: 'RATE_LIMITED', message: 'Slow down' } };
      const p = payload as { clientId: string; text: string };
      return {
        ok: true,
        data: { message: msg(1, { role: 'customer', clientId: p.clientId, text: p.text }) },
      };
    };
    client.send('hello');
    await flush();
    expect(store.get().outbox).toMatchObject([
      { status: 'failed', error: { code: 'RATE_LIMITED', message: 'Slow down' } },
    ]);
    fail = false;
    client.retry('client-0001');
    await flush();
    expect(socket.sent('message:send').map((p) => (p as { clientId: string }).clientId)).toEqual([
      'client-0001',
      'client-0001',
    ]);
    expect(store.get().outbox).toEqual([]);
  });

  it('re-sends after a retryable error with the same clientId, never showing it as failed', async () => {
    const { socket, store, client } = setup();
    socket.connect();
    await flush();
    const statuses: string[] = [];
    const outcomes: Ack<unknown>[] = [
      { ok: false, error: { code: 'UNAVAILABLE', message: 'Storage down', retryable: true } },
      {
        ok: false,
        error: {
          code: 'RATE_LIMITED',
          message: 'Slow down',
          details: { retryAfterMs: 20 },
          retryable: true,
        },
      },
    ];
    const answer = socket.answer;
    socket.answer = (event, payload) => {
      if (event !== 'message:send') return answer(event, payload);
      statuses.push(store.get().outbox[0]!.status);
      const next = outcomes.shift();
      if (next) return next;
      const p = payload as { clientId: string; text: string };
      return {
        ok: true,
        data: { message: msg(1, { role: 'customer', clientId: p.clientId, text: p.text }) },
      };
    };
    const started = Date.now();
    client.send('hello');
    await vi.waitFor(() => expect(store.get().outbox).toEqual([]), { timeout: 2_000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(20); // waited retryAfterMs
    expect(socket.sent('message:send').map((p) => (p as { clientId: string }).clientId)).toEqual([
      'client-0001',
      'client-0001',
      'client-0001',
    ]);
    expect(statuses).toEqual(['sending', 'sending', 'sending']);
    expect(store.get().messages.map((m) => m.text)).toEqual(['hello']);
  });

  it('shows a retryable error as failed once the automatic re-sends are spent', async () => {
    const { socket, store, client } = setup();
    socket.connect();
    await flush();
    const answer = socket.answer;
    const down = { code: 'UNAVAILABLE' as const, message: 'Storage down', retryable: true };
    socket.answer = (event, payload) =>
      event === 'message:send' ? { ok: false, error: down } : answer(event, payload);
    client.send('hello');
    await vi.waitFor(() => expect(store.get().outbox[0]?.status).toBe('failed'), {
      timeout: 2_000,
    });
    // One send plus six automatic re-sends (the default), then the user decides.
    expect(socket.sent('message:send')).toHaveLength(7);
    expect(store.get().outbox).toMatchObject([
      { status: 'failed', error: { code: 'UNAVAILABLE', message: 'Storage down' } },
    ]);
  });

  it('asks for a human and shows the returned queue status', async () => {
    const { socket, store, client, notified } = setup();
    socket.connect();
    await flush();
    const queued: QueueStatus = {
      ...botStatus,
      state: 'queued',
      position: 1,
      text: 'You are first.',
    };
    const answer = socket.answer;
    socket.answer = (event, payload) =>
      event === 'human:request' ? { ok: true, data: { status: queued } } : answer(event, payload);
    client.requestHuman();
    await flush();
    expect(socket.sent('human:request')).toEqual([{ clientId: 'client-0001' }]);
    expect(store.get().status).toEqual(queued);
    expect(notified.at(-1)).toEqual({ type: 'queue', payload: queued });
    socket.fire('agent:joined', { conversationId: 'c1', agentName: 'Dana' });
    expect(store.get().status).toMatchObject({ state: 'assigned', agentName: 'Dana' });
    expect(notified.at(-1)).toEqual({
      type: 'agentJoined',
      payload: { conversationId: 'c1', agentName: 'Dana' },
    });
  });

  it('sends identify and context once the session is ready', async () => {
    const { socket, client } = setup();
    const answer = socket.answer;
    socket.answer = (event, payload) =>
      event === 'identify' || event === 'context:set'
        ? { ok: true, data: {} }
        : answer(event, payload);
    client.identify({ id: 'cust-1', name: 'Ana' });
    client.setContext({ orders: [{ id: 'o1' }] });
    expect(socket.emits).toEqual([]);
    socket.connect();
    await flush();
    expect(socket.emits.map((e) => e.event)).toEqual(['session:start', 'identify', 'context:set']);
  });
});

describe('chatClient rating (CSAT)', () => {
  /** A chat an agent resolved: the customer asked, the agent answered, the notice. */
  async function resolvedChat(csatAnswers: Ack<unknown>[] = []) {
    const t = setup();
    t.history.push(
      msg(1, { role: 'customer', text: 'Where is my tent?' }),
      msg(2, { role: 'agent', authorName: 'Dana' }),
      msg(3, { role: 'system', text: 'Dana marked the conversation as resolved.' }),
    );
    const answer = t.socket.answer;
    t.socket.answer = (event, payload) => {
      if (event !== 'csat:submit') return answer(event, payload);
      const p = payload as { rating: number };
      return (
        csatAnswers.shift() ?? {
          ok: true,
          data: {
            conversationId: 'c1',
            episode: 1,
            rating: p.rating,
            replaced: t.socket.sent('csat:submit').length > 1,
          },
        }
      );
    };
    t.socket.connect();
    await flush();
    expect(t.store.get().csat).toBeNull(); // still with the assistant at load
    t.socket.fire('conversation:resolved', { conversationId: 'c1' });
    const rate = (rating: number, comment?: string) =>
      t.store.update((s) => ({ ...s, csat: editCsat(s.csat, { rating, comment }) }));
    return { ...t, rate };
  }

  it('asks once an agent resolves; sends the rating and comment; a second one replaces it', async () => {
    const { socket, store, client, rate } = await resolvedChat();
    expect(store.get().status?.state).toBe('resolved');
    expect(store.get().csat).toMatchObject({ conversationId: 'c1', since: 3, rating: null });
    client.submitCsat(); // nothing chosen yet: nothing to send
    expect(socket.sent('csat:submit')).toEqual([]);

    rate(4, '  Quick and kind ');
    client.submitCsat();
    expect(store.get().csat?.pending).toBe(true);
    client.submitCsat(); // a double click while in flight
    await flush();
    expect(socket.sent('csat:submit')).toEqual([
      { conversationId: 'c1', rating: 4, comment: 'Quick and kind' },
    ]);
    expect(store.get().csat).toMatchObject({
      pending: false,
      error: null,
      saved: { rating: 4, replaced: false },
    });

    // "Change rating": the server keeps one per episode and says it replaced the first.
    store.update((s) => ({ ...s, csat: s.csat && { ...s.csat, editing: true } }));
    rate(5, '');
    client.submitCsat();
    await flush();
    expect(socket.sent('csat:submit')[1]).toEqual({ conversationId: 'c1', rating: 5 });
    expect(store.get().csat).toMatchObject({
      saved: { rating: 5, replaced: true },
      editing: false,
    });
  });

  it('keeps the chosen rating through an error and sends the same again on retry', async () => {
    const { socket, store, client, rate } = await resolvedChat([
      { ok: false, error: { code: 'RATE_LIMITED', message: 'Slow down', retryable: true } },
      { ok: false, error: { code: 'UNAVAILABLE', message: 'Storage down', retryable: true } },
    ]);
    rate(2, 'Took long');
    client.submitCsat();
    await flush();
    expect(store.get().csat).toMatchObject({
      rating: 2,
      comment: 'Took long',
      pending: false,
      saved: null,
      error: { code: 'RATE_LIMITED', message: 'Slow down' },
    });
    client.submitCsat();
    await flush();
    expect(store.get().csat?.error?.code).toBe('UNAVAILABLE');
    client.submitCsat();
    await flush();
    expect(socket.sent('csat:submit')).toEqual([
      { conversationId: 'c1', rating: 2, comment: 'Took long' },
      { conversationId: 'c1', rating: 2, comment: 'Took long' },
      { conversationId: 'c1', rating: 2, comment: 'Took long' },
    ]);
    expect(store.get().csat).toMatchObject({ error: null, saved: { rating: 2 } });
  });

  it('drops the prompt when the customer writes again, in this tab or another', async () => {
    const { socket, store, client, rate } = await resolvedChat();
    rate(3);
    client.send('One more thing'); // reopens the conversation: a new episode
    expect(store.get().csat).toBeNull();

    socket.fire('conversation:resolved', { conversationId: 'c1' });
    socket.fire('conversation:resolved', { conversationId: 'c1' }); // twice: one prompt
    rate(3);
    socket.fire('message', msg(3, { role: 'system' })); // already held: changes nothing
    expect(store.get().csat?.rating).toBe(3);
    socket.fire('message', msg(5, { role: 'customer', text: 'from my phone' }));
    expect(store.get().csat).toBeNull();

    // Pressing "Talk to a human" after a resolution is writing again too.
    socket.fire('conversation:resolved', { conversationId: 'c1' });
    expect(store.get().csat).not.toBeNull();
    client.requestHuman();
    expect(store.get().csat).toBeNull();
  });

  it('forgets an answer that arrives after the customer wrote again', async () => {
    const { socket, store, client, rate } = await resolvedChat();
    const timeout = socket.timeout.bind(socket);
    let reply: (() => void) | undefined;
    socket.timeout = () => ({
      emitWithAck: (event: string, payload: unknown) => {
        if (event !== 'csat:submit') return timeout().emitWithAck(event, payload);
        socket.emits.push({ event, payload });
        return new Promise((resolve) => {
          reply = () => resolve({ ok: true, data: { rating: 4, replaced: false } });
        });
      },
    });
    rate(4);
    client.submitCsat();
    await flush();
    client.send('Actually, one more thing');
    reply!();
    await flush();
    expect(store.get().csat).toBeNull();
  });

  it('asks again after a reload of a resolved chat, and keeps the choice across reconnects', async () => {
    const { socket, store, history } = setup();
    history.push(msg(1, { role: 'customer' }), msg(2, { role: 'system' }));
    let state: QueueStatus['state'] = 'resolved';
    const answer = socket.answer;
    socket.answer = (event, payload) => {
      const res = answer(event, payload) as Ack<{ status: QueueStatus }>;
      return event === 'session:start' && res.ok
        ? { ok: true, data: { ...res.data, status: { ...botStatus, state } } }
        : res;
    };
    socket.connect();
    await flush();
    expect(store.get().csat).toMatchObject({ conversationId: 'c1', since: 2, rating: null });
    store.update((s) => ({ ...s, csat: editCsat(s.csat, { rating: 1, comment: 'Nobody came' }) }));
    socket.disconnect();
    socket.connect();
    await flush();
    expect(store.get().csat).toMatchObject({ rating: 1, comment: 'Nobody came' });
    // Meanwhile the customer wrote from another tab: the conversation is with the assistant.
    socket.disconnect();
    state = 'bot';
    socket.connect();
    await flush();
    expect(store.get().csat).toBeNull();
  });
});

describe('chatClient typing', () => {
  const withPerson = (state: QueueStatus['state']) => ({ ...botStatus, state, text: '' });

  it('sends throttled typing flags only while a person has the chat, and false on send', async () => {
    const { socket, client } = setup();
    socket.connect();
    await flush();
    client.typing(true);
    expect(socket.sent('typing')).toEqual([]); // the assistant has it: nobody to tell
    socket.fire('queue:status', withPerson('assigned'));
    client.typing(false);
    client.typing(true);
    client.typing(true);
    client.typing(true);
    client.send('hello');
    expect(socket.sent('typing')).toEqual([{ typing: true }, { typing: false }]);
    // The flag never carries the draft.
    expect(JSON.stringify(socket.sent('typing'))).not.toContain('hello');
  });

  it("shows the agent's indicator, refreshes it, and drops it after 6 s or on their message", async () => {
    const { socket, store } = setup();
    socket.connect();
    await flush();
    vi.useFakeTimers();
    try {
      socket.fire('typing', { conversationId: 'other', typing: true, agentName: 'Eve' });
      expect(store.get().agentTyping).toBeNull();
      socket.fire('typing', { conversationId: 'c1', typing: true, agentName: 'Dana' });
      expect(store.get().agentTyping?.name).toBe('Dana');
      vi.advanceTimersByTime(4_000);
      socket.fire('typing', { conversationId: 'c1', typing: true, agentName: 'Dana' });
      vi.advanceTimersByTime(5_999);
      expect(store.get().agentTyping?.name).toBe('Dana');
      vi.advanceTimersByTime(1);
      expect(store.get().agentTyping).toBeNull();

      socket.fire('typing', { conversationId: 'c1', typing: true, agentName: 'Dana' });
      socket.fire('message', msg(1, { role: 'customer' }));
      expect(store.get().agentTyping?.name).toBe('Dana');
      socket.fire('message', msg(2, { role: 'agent', authorName: 'Dana' }));
      expect(store.get().agentTyping).toBeNull();

      socket.fire('typing', { conversationId: 'c1', typing: true, agentName: 'Dana' });
      socket.fire('typing', { conversationId: 'c1', typing: false, agentName: 'Dana' });
      expect(store.get().agentTyping).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('chatClient attachments', () => {
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('uploads a file with the session token, then sends its id; Retry does not upload again', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) =>
      json(201, { id: 'att-1' }),
    );
    vi.stubGlobal('fetch', fetchMock);
    try {
      const { socket, store, client } = setup();
      socket.connect();
      await flush();
      let sends = 0;
      const answer = socket.answer;
      socket.answer = (event, payload) => {
        if (event !== 'message:send') return answer(event, payload);
        // The first send is refused; the retry is stored.
        if (++sends === 1) return { ok: false, error: { code: 'INTERNAL', message: 'oops' } };
        return {
          ok: true,
          data: { message: msg(1, { role: 'customer', text: '', clientId: 'client-0001' }) },
        };
      };
      client.sendFile(new File([new Uint8Array([137, 80, 78, 71])], 'mug.png'));
      await flush();
      expect(fetchMock).toHaveBeenCalledTimes(1);
      const [url, init] = fetchMock.mock.calls[0]!;
      expect(url).toBe('/api/conversations/c1/attachments?name=mug.png');
      expect(init?.method).toBe('POST');
      expect(init?.headers).toEqual({
        Authorization: 'Bearer tok-1',
        'X-Baton-Site-Key': 'site-1',
      });
      expect(socket.sent('message:send')).toEqual([
        { clientId: 'client-0001', text: '', attachments: ['att-1'] },
      ]);
      expect(store.get().outbox[0]).toMatchObject({ status: 'failed', attachments: ['att-1'] });

      client.retry('client-0001');
      await flush();
      expect(fetchMock).toHaveBeenCalledTimes(1);
      expect(socket.sent('message:send')).toHaveLength(2);
      expect(store.get().outbox).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('shows a refused upload inline with its code and sends nothing', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(415, { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Only images and PDFs' } }),
      ),
    );
    try {
      const { socket, store, client } = setup();
      socket.connect();
      await flush();
      client.sendFile(new File(['plain text'], 'notes.png'));
      await flush();
      expect(store.get().outbox[0]).toMatchObject({
        status: 'failed',
        error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Only images and PDFs' },
      });
      expect(socket.sent('message:send')).toEqual([]);
      // Too large never leaves the browser.
      client.sendFile(new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.png'));
      await flush();
      expect(store.get().outbox[1]).toMatchObject({
        status: 'failed',
        error: { code: 'PAYLOAD_TOO_LARGE' },
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
