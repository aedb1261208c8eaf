import { describe, expect, it, vi } from 'vitest';
import type { ConsoleHttp } from '../connection/http';
import type { ConversationDetail } from '@baton/shared';
import {
  alex,
  detail,
  FakeTransport,
  flush,
  heldDraft,
  memoryStorage,
  message,
  pendingAction,
  queues,
  waiting,
} from '../test-support/fixtures';
import { canReply, ConsoleStore } from './consoleStore';
import { createSessionStore } from './sessionStore';

function setup(storage = memoryStorage()) {
  const transport = new FakeTransport();
  const http: ConsoleHttp = {
    login: vi.fn(async () => ({ ok: true as const, data: { token: 'tok', agent: alex } })),
    logout: vi.fn(async () => ({ ok: true as const, data: {} })),
    fetchTranscript: vi.fn(async () => ({ ok: true as const, data: { messages: [] } })),
    fetchScorecard: vi.fn(),
    fetchScorecardCsv: vi.fn(),
    fetchAudits: vi.fn(async () => ({ ok: true as const, data: { audits: [] } })),
    fetchAudit: vi.fn(),
    submitVerdict: vi.fn(),
    uploadAttachment: vi.fn(),
    fetchAttachment: vi.fn(),
  };
  const connect = vi.fn(() => transport);
  const onAlert = vi.fn();
  const onOffer = vi.fn();
  let ids = 0;
  const store = new ConsoleStore({
    http,
    connect,
    session: createSessionStore(storage),
    now: () => Date.parse('2025-01-01T12:05:00.000Z'),
    newClientId: () => `a_client_${++ids}`,
    sendTimeoutMs: 5,
    sendAttempts: 3,
    onAlert,
    onOffer,
  });
  return { store, transport, http, connect, storage, onAlert, onOffer };
}

async function signedIn() {
  const t = setup();
  await t.store.login('alex@northwind.example', 'pw');
  t.transport.setStatus('connected');
  t.transport.push('hello', { agent: alex, presence: 'online', assigned: [], offers: [] });
  t.transport.push('queues:update', { queues: queues() });
  return t;
}

async function claimed() {
  const t = await signedIn();
  t.transport.handle('conversation:claim', () => ({
    ok: true,
    data: detail({ state: 'assigned', assignedAgent: { id: alex.id, name: alex.name } }),
  }));
  await t.store.claim('c1');
  return t;
}

describe('session', () => {
  it('signs in, connects with the token, and survives a reload', async () => {
    const t = await signedIn();
    expect(t.connect).toHaveBeenCalledWith('tok');
    expect(t.store.getState()).toMatchObject({
      connection: 'connected',
      presence: 'online',
      queuesLoaded: true,
    });

    const reloaded = setup(t.storage);
    reloaded.store.start();
    expect(reloaded.connect).toHaveBeenCalledWith('tok');
    expect(reloaded.store.getState().session?.agent.name).toBe('Alex Rivera');
  });

  it('shows a clear message for wrong credentials and does not connect', async () => {
    const t = setup();
    vi.mocked(t.http.login).mockResolvedValueOnce({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: 'Invalid email or password' },
    });
    await t.store.login('alex@northwind.example', 'wrong');
    expect(t.connect).not.toHaveBeenCalled();
    expect(t.store.getState().notice).toMatchObject({
      tone: 'error',
      message: 'Wrong email or password.',
    });
  });

  it('signs out when the server refuses the token', async () => {
    const t = await signedIn();
    t.transport.setStatus('unauthorized');
    expect(t.store.getState().session).toBeNull();
    expect(t.store.getState().notice?.message).toMatch(/session has expired/);
    expect(t.transport.closed).toBe(true);
    expect(setup(t.storage).store.getState().session).toBeNull();
  });
});

describe('connect', () => {
  it('lists what the server says I own and loads its details', async () => {
    const t = setup();
    t.transport.handle('conversation:get', ({ conversationId }) => ({
      ok: true,
      data: detail({
        id: conversationId,
        state: 'assigned',
        assignedAgent: { id: alex.id, name: alex.name },
      }),
    }));
    await t.store.login('alex@northwind.example', 'pw');
    t.transport.setStatus('connected');
    t.transport.push('hello', {
      agent: alex,
      presence: 'away',
      assigned: [{ conversationId: 'c7', queue: 'billing' }],
      offers: [],
    });
    expect(t.store.getState().mine).toEqual([
      expect.objectContaining({ conversationId: 'c7', state: 'assigned', summary: '' }),
    ]);
    await flush();
    expect(t.transport.callsOf('conversation:get').map((c) => c.payload)).toEqual([
      { conversationId: 'c7' },
    ]);
    expect(t.store.getState().mine[0]).toMatchObject({
      customerName: 'Dana Kim',
      summary: 'Customer wants a refund for a damaged blender.',
      tier: 3,
    });
  });

  it('takes the first queues:update as the full set and later ones by name', async () => {
    const t = await signedIn();
    const general = { name: 'general', displayName: 'Customer Care', agentsOnline: 1, waiting: [] };
    t.transport.push('queues:update', { queues: [general] });
    expect(t.store.getState().queues.map((q) => q.name)).toEqual(['billing', 'general']);
    t.transport.push('queues:update', { queues: [{ ...queues()[0]!, waiting: [] }] });
    const state = t.store.getState();
    expect(state.queues.map((q) => [q.name, q.waiting.length])).toEqual([
      ['billing', 0],
      ['general', 0],
    ]);
    t.transport.setStatus('reconnecting');
    t.transport.setStatus('connected');
    t.transport.push('queues:update', { queues: [general] });
    expect(t.store.getState().queues.map((q) => q.name)).toEqual(['general']);
  });
});

describe('presence', () => {
  it('takes the status from the ack', async () => {
    const t = await signedIn();
    t.transport.handle('presence:set', ({ status }) => ({ ok: true, data: { status } }));
    await t.store.setPresence('away');
    expect(t.store.getState().presence).toBe('away');
    expect(t.transport.callsOf('presence:set')[0]!.payload).toEqual({ status: 'away' });
  });
});

describe('claim', () => {
  it('adds the conversation to "My conversations" and opens it', async () => {
    const t = await claimed();
    const state = t.store.getState();
    expect(state.mine).toEqual([
      expect.objectContaining({
        conversationId: 'c1',
        customerName: 'Dana Kim',
        tier: 3,
        state: 'assigned',
      }),
    ]);
    expect(state.openId).toBe('c1');
    expect(state.queues[0]!.waiting).toEqual([]);
    expect(canReply(state, state.panes.c1)).toBe(true);
    expect(t.storage.data.get(`baton.console.mine.${alex.id}`)).toContain('"c1"');
  });

  it('says "Already claimed by another agent" and refreshes the queues', async () => {
    const t = await signedIn();
    t.transport.handle('conversation:claim', () => ({
      ok: false,
      error: { code: 'ALREADY_CLAIMED', message: 'Conversation already has an owner' },
    }));
    t.transport.handle('queues:get', () => ({
      ok: true,
      data: { queues: queues([waiting({ conversationId: 'c2' })]) },
    }));
    await t.store.claim('c1');
    await flush();
    const state = t.store.getState();
    expect(state.notice).toMatchObject({ tone: 'error' });
    expect(state.notice?.message).toMatch(/^Already claimed by another agent/);
    expect(t.transport.callsOf('queues:get')).toHaveLength(1);
    expect(state.queues[0]!.waiting.map((w) => w.conversationId)).toEqual(['c2']);
    expect(state.mine).toEqual([]);
  });

  it('after a timed-out claim, asks the server who owns the conversation', async () => {
    const t = await signedIn();
    t.transport.handle('conversation:claim', () => ({
      ok: false,
      error: { code: 'TIMEOUT', message: 'no answer' },
    }));
    t.transport.handle('conversation:get', () => ({
      ok: true,
      data: detail({ state: 'assigned', assignedAgent: { id: alex.id, name: alex.name } }),
    }));
    t.transport.handle('queues:get', () => ({ ok: true, data: { queues: queues([]) } }));
    await t.store.claim('c1');
    expect(t.store.getState().mine.map((c) => c.conversationId)).toEqual(['c1']);
    expect(t.store.getState().notice).toBeNull();
  });

  it('updates an open preview when another agent claims it', async () => {
    const t = await signedIn();
    t.transport.handle('conversation:get', () => ({ ok: true, data: detail() }));
    t.store.open('c1');
    await flush();
    t.transport.push('conversation:claimed', {
      conversationId: 'c1',
      agentId: 'agent-sam',
      agentName: 'Sam Okafor',
    });
    const state = t.store.getState();
    expect(state.panes.c1!.detail?.assignedAgent?.name).toBe('Sam Okafor');
    expect(state.queues[0]!.waiting).toEqual([]);
    expect(canReply(state, state.panes.c1)).toBe(false);
  });
});

describe('replies', () => {
  it('retries a timed-out send with the same clientId', async () => {
    const t = await claimed();
    let attempts = 0;
    t.transport.handle('message:send', ({ clientId, text }) =>
      ++attempts < 3
        ? { ok: false, error: { code: 'TIMEOUT', message: 'no answer' } }
        : { ok: true, data: { message: message(3, { role: 'agent', clientId, text }) } },
    );
    t.store.setReplyText('c1', '  On it!  ');
    await t.store.sendReply('c1');
    const sends = t.transport.callsOf('message:send');
    expect(sends.map((c) => c.payload)).toEqual(
      Array(3).fill({ conversationId: 'c1', clientId: 'a_client_1', text: 'On it!' }),
    );
    const pane = t.store.getState().panes.c1!;
    expect(pane.outbox).toEqual([]);
    expect(pane.replyText).toBe('');
    expect(pane.messages.at(-1)).toMatchObject({ role: 'agent', text: 'On it!' });
  });

  it('shows a failed reply after the last attempt; Retry reuses its clientId', async () => {
    const t = await claimed();
    t.transport.handle('message:send', () => ({
      ok: false,
      error: { code: 'TIMEOUT', message: 'no answer' },
    }));
    t.store.setReplyText('c1', 'hello');
    await t.store.sendReply('c1');
    expect(t.store.getState().panes.c1!.outbox).toEqual([
      expect.objectContaining({ clientId: 'a_client_1', status: 'failed', attempts: 3 }),
    ]);

    t.transport.handle('message:send', ({ clientId, text }) => ({
      ok: true,
      data: { message: message(3, { role: 'agent', clientId, text }) },
    }));
    await t.store.retryReply('c1', 'a_client_1');
    const payloads = t.transport.callsOf('message:send').map((c) => c.payload);
    expect(new Set(payloads.map((p) => JSON.stringify(p))).size).toBe(1);
    expect(t.store.getState().panes.c1!.outbox).toEqual([]);
  });

  it('sends a file: uploaded once with the token, then sent by id; Retry does not upload again', async () => {
    const t = await claimed();
    vi.mocked(t.http.uploadAttachment).mockResolvedValue({
      ok: true,
      data: {
        id: 'att-1',
        conversationId: 'c1',
        name: 'label.pdf',
        mime: 'application/pdf',
        size: 4,
        sha256: 'x',
        createdAt: '2025-01-01T12:00:00.000Z',
      },
    });
    t.transport.handle('message:send', () => ({
      ok: false,
      error: { code: 'INTERNAL', message: 'oops' },
    }));
    const file = Object.assign(new Blob(['%PDF']), { name: 'label.pdf' });
    await t.store.attachFile('c1', file);
    expect(t.http.uploadAttachment).toHaveBeenCalledWith('tok', 'c1', file);
    expect(t.transport.callsOf('message:send').map((c) => c.payload)).toEqual([
      { conversationId: 'c1', clientId: 'a_client_1', text: '', attachments: ['att-1'] },
    ]);
    expect(t.store.getState().panes.c1!.outbox[0]).toMatchObject({ status: 'failed' });

    t.transport.handle('message:send', ({ clientId }) => ({
      ok: true,
      data: { message: message(3, { role: 'agent', clientId, text: '' }) },
    }));
    await t.store.retryReply('c1', 'a_client_1');
    expect(t.http.uploadAttachment).toHaveBeenCalledTimes(1);
    expect(t.transport.callsOf('message:send').at(-1)?.payload).toMatchObject({
      attachments: ['att-1'],
    });
    expect(t.store.getState().panes.c1!.outbox).toEqual([]);
  });

  it('shows a refused upload with its reason and sends nothing', async () => {
    const t = await claimed();
    vi.mocked(t.http.uploadAttachment).mockResolvedValue({
      ok: false,
      error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Only images and PDFs can be attached' },
    });
    await t.store.attachFile('c1', Object.assign(new Blob(['hi']), { name: 'notes.png' }));
    expect(t.transport.callsOf('message:send')).toEqual([]);
    expect(t.store.getState().panes.c1!.outbox[0]).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/Only images and PDFs/),
    });
  });

  it('does not retry a reply the server refused', async () => {
    const t = await claimed();
    t.transport.handle('message:send', () => ({
      ok: false,
      error: { code: 'NOT_ASSIGNED', message: 'not yours' },
    }));
    t.store.setReplyText('c1', 'hello');
    await t.store.sendReply('c1');
    expect(t.transport.callsOf('message:send')).toHaveLength(1);
    expect(t.store.getState().panes.c1!.outbox[0]).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/not the owner/),
    });
  });

  it('settles a pending reply from its live echo', async () => {
    const t = await claimed();
    let ack: (() => void) | undefined;
    t.transport.handle(
      'message:send',
      ({ clientId, text }) =>
        new Promise((resolve) => {
          ack = () =>
            resolve({ ok: true, data: { message: message(3, { role: 'agent', clientId, text }) } });
        }),
    );
    t.store.setReplyText('c1', 'hello');
    const sending = t.store.sendReply('c1');
    expect(t.store.getState().panes.c1!.outbox).toHaveLength(1);
    t.transport.push('message', {
      conversationId: 'c1',
      message: message(3, { role: 'agent', clientId: 'a_client_1', text: 'hello' }),
    });
    expect(t.store.getState().panes.c1!.outbox).toEqual([]);
    ack!();
    await sending;
    expect(t.store.getState().panes.c1!.messages.filter((m) => m.seq === 3)).toHaveLength(1);
  });
});

describe('live messages', () => {
  it('refetches the conversation when a seq is skipped', async () => {
    const t = await claimed();
    t.transport.handle('conversation:get', () => ({
      ok: true,
      data: detail({
        state: 'assigned',
        assignedAgent: { id: alex.id, name: alex.name },
        messages: [message(1), message(2), message(3), message(4)],
      }),
    }));
    t.transport.push('message', { conversationId: 'c1', message: message(4) });
    await flush();
    expect(t.transport.callsOf('conversation:get')).toHaveLength(1);
    expect(t.store.getState().panes.c1!.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it('counts unread customer messages of my conversations that are not on screen', async () => {
    const t = await claimed();
    t.store.closeConversation();
    t.transport.push('message', { conversationId: 'c1', message: message(3) });
    t.transport.push('message', { conversationId: 'c1', message: message(4) });
    expect(t.store.getState().mine[0]!.unread).toBe(2);
    t.transport.handle('conversation:get', () => ({
      ok: false,
      error: { code: 'INTERNAL', message: '' },
    }));
    t.store.open('c1');
    expect(t.store.getState().mine[0]!.unread).toBe(0);
  });
});

describe('resolve', () => {
  it('sends the outcome and marks the conversation resolved', async () => {
    const t = await claimed();
    t.transport.handle('conversation:resolve', () => ({ ok: true, data: {} }));
    const outcome = { escalation: 'needed', rootCause: 'none', packetUsefulness: 4 } as const;
    expect(await t.store.resolve('c1', outcome)).toBe(true);
    expect(t.transport.callsOf('conversation:resolve')[0]!.payload).toEqual({
      conversationId: 'c1',
      outcome,
    });
    const state = t.store.getState();
    expect(state.panes.c1!.detail?.state).toBe('resolved');
    expect(state.mine[0]!.state).toBe('resolved');
    expect(canReply(state, state.panes.c1)).toBe(false);
    expect(state.notice?.tone).toBe('info');
  });

  it('keeps the form when the server refuses', async () => {
    const t = await claimed();
    t.transport.handle('conversation:resolve', () => ({
      ok: false,
      error: { code: 'INVALID_PAYLOAD', message: 'outcome.packetUsefulness: too big' },
    }));
    const ok = await t.store.resolve('c1', {
      escalation: 'late',
      rootCause: 'model_gap',
      packetUsefulness: 2,
    });
    expect(ok).toBe(false);
    expect(t.store.getState().panes.c1!.detail?.state).toBe('assigned');
    expect(t.store.getState().notice?.message).toMatch(/packetUsefulness/);
  });
});

describe('sign out', () => {
  it('ends the session on the server when the agent signs out', async () => {
    const t = await signedIn();
    t.store.logout();
    expect(t.http.logout).toHaveBeenCalledWith('tok');
    expect(t.transport.closed).toBe(true);
    expect(t.store.getState().session).toBeNull();
  });

  it('does not call the server when the session already expired', async () => {
    const t = await signedIn();
    t.transport.setStatus('unauthorized');
    expect(t.http.logout).not.toHaveBeenCalled();
    expect(t.store.getState().session).toBeNull();
  });
});

describe('resync', () => {
  it('refetches the queues and the conversations on screen when the server says so', async () => {
    const t = await claimed();
    t.transport.handle('queues:get', () => ({ ok: true, data: { queues: queues() } }));
    t.transport.handle('conversation:get', () => ({ ok: true, data: mineDetail() }));
    t.transport.push('resync', {});
    await flush();
    expect(t.transport.callsOf('queues:get')).toHaveLength(1);
    expect(t.transport.callsOf('conversation:get').map((c) => c.payload)).toEqual([
      { conversationId: 'c1' },
    ]);
  });
});

describe('reconnect', () => {
  it('refetches the open conversation after the link comes back', async () => {
    const t = await claimed();
    t.transport.handle('conversation:get', () => ({
      ok: true,
      data: detail({ state: 'assigned', assignedAgent: { id: alex.id, name: alex.name } }),
    }));
    t.transport.setStatus('reconnecting');
    expect(t.store.getState().connection).toBe('reconnecting');
    t.transport.setStatus('connected');
    t.transport.push('hello', {
      agent: alex,
      presence: 'online',
      assigned: [{ conversationId: 'c1', queue: 'billing' }],
      offers: [],
    });
    await flush();
    expect(t.transport.callsOf('conversation:get').map((c) => c.payload)).toEqual([
      { conversationId: 'c1' },
    ]);
  });
});

const mineDetail = (patch: Partial<ConversationDetail> = {}) =>
  detail({ state: 'assigned', assignedAgent: { id: alex.id, name: alex.name }, ...patch });

async function claimedWith(patch: Partial<ConversationDetail>) {
  const t = await signedIn();
  t.transport.handle('conversation:claim', () => ({ ok: true, data: mineDetail(patch) }));
  await t.store.claim('c1');
  return t;
}

describe('held drafts', () => {
  const assisted = { lane: 'assisted' as const, drafts: [heldDraft({ messageId: 'm1' })] };

  it('approves a draft: the ack updates it and its message joins the transcript', async () => {
    const t = await claimedWith(assisted);
    expect(t.store.getState().mine[0]).toMatchObject({ lane: 'assisted', pendingDrafts: 1 });
    t.transport.handle('draft:review', ({ draftId }) => ({
      ok: true,
      data: {
        draft: heldDraft({ id: draftId, status: 'approved', reviewedBy: alex.name }),
        message: message(3, { role: 'agent', text: 'Your order A100 shipped yesterday.' }),
      },
    }));
    expect(await t.store.reviewDraft('c1', 'd1', { decision: 'approve' })).toBe(true);
    expect(t.transport.callsOf('draft:review')[0]!.payload).toEqual({
      conversationId: 'c1',
      draftId: 'd1',
      decision: 'approve',
    });
    const state = t.store.getState();
    expect(state.panes.c1!.detail!.drafts[0]).toMatchObject({ status: 'approved' });
    expect(state.panes.c1!.messages.at(-1)).toMatchObject({ seq: 3, role: 'agent' });
    expect(state.panes.c1!.reviewing).toEqual([]);
    expect(state.mine[0]!.pendingDrafts).toBe(0);
  });

  it('sends an edited draft trimmed, and refuses an empty edit without asking the server', async () => {
    const t = await claimedWith(assisted);
    t.transport.handle('draft:review', () => ({
      ok: true,
      data: { draft: heldDraft({ status: 'edited' }), message: message(3, { role: 'agent' }) },
    }));
    expect(await t.store.reviewDraft('c1', 'd1', { decision: 'edit', text: '   ' })).toBe(false);
    expect(t.transport.callsOf('draft:review')).toHaveLength(0);
    expect(t.store.getState().notice?.message).toMatch(/empty/);

    await t.store.reviewDraft('c1', 'd1', { decision: 'edit', text: '  It ships today.  ' });
    expect(t.transport.callsOf('draft:review')[0]!.payload).toEqual({
      conversationId: 'c1',
      draftId: 'd1',
      decision: 'edit',
      text: 'It ships today.',
    });
  });

  it('sends one review however often it is clicked while in flight', async () => {
    const t = await claimedWith(assisted);
    let ack: (() => void) | undefined;
    t.transport.handle(
      'draft:review',
      () =>
        new Promise((resolve) => {
          ack = () =>
            resolve({
              ok: true,
              data: { draft: heldDraft({ status: 'rejected' }), message: null },
            });
        }),
    );
    const first = t.store.reviewDraft('c1', 'd1', { decision: 'reject' });
    expect(t.store.getState().panes.c1!.reviewing).toEqual(['d1']);
    expect(await t.store.reviewDraft('c1', 'd1', { decision: 'reject' })).toBe(false);
    ack!();
    expect(await first).toBe(true);
    expect(t.transport.callsOf('draft:review')).toHaveLength(1);
    expect(t.store.getState().panes.c1!.messages.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('explains a refusal and reloads the conversation to show the truth', async () => {
    const t = await claimedWith(assisted);
    t.transport.handle('draft:review', () => ({
      ok: false,
      error: { code: 'NOT_ASSIGNED', message: 'not yours' },
    }));
    t.transport.handle('conversation:get', () => ({ ok: true, data: mineDetail(assisted) }));
    expect(await t.store.reviewDraft('c1', 'd1', { decision: 'approve' })).toBe(false);
    expect(t.store.getState().notice?.message).toMatch(/Could not review the draft.*not the owner/);
    expect(t.transport.callsOf('conversation:get')).toHaveLength(1);
    expect(t.store.getState().panes.c1!.reviewing).toEqual([]);
  });
});

describe('pending actions', () => {
  const withAction = { actions: [pendingAction()] };

  it('denies with a trimmed note, and approves without an empty one', async () => {
    const t = await claimedWith({ actions: [pendingAction(), pendingAction({ id: 'a2' })] });
    expect(t.store.getState().mine[0]!.pendingActions).toBe(2);
    t.transport.handle('action:decide', ({ actionId, decision, note }) => ({
      ok: true,
      data: {
        action: pendingAction({
          id: actionId,
          status: decision === 'approve' ? 'approved' : 'denied',
          note: note ?? null,
          decidedBy: alex.name,
        }),
      },
    }));
    expect(await t.store.decideAction('c1', 'a1', 'deny', '  Needs the receipt.  ')).toBe(true);
    expect(await t.store.decideAction('c1', 'a2', 'approve', '   ')).toBe(true);
    expect(t.transport.callsOf('action:decide').map((c) => c.payload)).toEqual([
      { conversationId: 'c1', actionId: 'a1', decision: 'deny', note: 'Needs the receipt.' },
      { conversationId: 'c1', actionId: 'a2', decision: 'approve' },
    ]);
    const state = t.store.getState();
    expect(state.panes.c1!.detail!.actions.map((a) => [a.id, a.status, a.note])).toEqual([
      ['a1', 'denied', 'Needs the receipt.'],
      ['a2', 'approved', null],
    ]);
    expect(state.mine[0]!.pendingActions).toBe(0);
  });

  it('lets a queue member decide on a preview they do not own', async () => {
    const t = await signedIn();
    t.transport.handle('conversation:get', () => ({ ok: true, data: detail(withAction) }));
    t.store.open('c1');
    await flush();
    t.transport.handle('action:decide', () => ({
      ok: true,
      data: { action: pendingAction({ status: 'approved' }) },
    }));
    expect(await t.store.decideAction('c1', 'a1', 'approve')).toBe(true);
    expect(t.store.getState().panes.c1!.detail!.actions[0]!.status).toBe('approved');
  });

  it('says an action was already decided when the server no longer has it pending', async () => {
    const t = await claimedWith(withAction);
    t.transport.handle('action:decide', () => ({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No pending action with that id in this conversation' },
    }));
    t.transport.handle('conversation:get', () => ({
      ok: true,
      data: mineDetail({ actions: [pendingAction({ status: 'approved', decidedBy: 'Sam' })] }),
    }));
    expect(await t.store.decideAction('c1', 'a1', 'approve')).toBe(false);
    await flush();
    expect(t.store.getState().notice?.message).toMatch(/already decided/);
    expect(t.store.getState().panes.c1!.detail!.actions[0]!.decidedBy).toBe('Sam');
  });

  it('reloads after a timed-out decision instead of sending it again', async () => {
    const t = await claimedWith(withAction);
    t.transport.handle('action:decide', () => ({
      ok: false,
      error: { code: 'TIMEOUT', message: 'no answer' },
    }));
    t.transport.handle('conversation:get', () => ({
      ok: true,
      data: mineDetail({ actions: [pendingAction({ status: 'denied' })] }),
    }));
    expect(await t.store.decideAction('c1', 'a1', 'deny')).toBe(false);
    await flush();
    expect(t.transport.callsOf('action:decide')).toHaveLength(1);
    expect(t.store.getState().notice?.message).toMatch(/whether it went through/);
    expect(t.store.getState().panes.c1!.detail!.actions[0]!.status).toBe('denied');
  });
});

describe('conversation:updated', () => {
  it('refetches the open conversation and refreshes the queues', async () => {
    const t = await claimedWith({ lane: 'human' });
    t.transport.handle('conversation:get', () => ({
      ok: true,
      data: mineDetail({ lane: 'assisted', drafts: [heldDraft()] }),
    }));
    t.transport.handle('queues:get', () => ({ ok: true, data: { queues: queues([]) } }));
    t.transport.push('conversation:updated', { conversationId: 'c1' });
    await flush();
    const state = t.store.getState();
    expect(t.transport.callsOf('conversation:get')).toHaveLength(1);
    expect(t.transport.callsOf('queues:get')).toHaveLength(1);
    expect(state.panes.c1!.detail).toMatchObject({ lane: 'assisted' });
    expect(state.mine[0]).toMatchObject({ lane: 'assisted', pendingDrafts: 1 });
  });

  it('refetches my conversations that are not on screen, not other closed previews', async () => {
    const t = await claimedWith({});
    t.store.closeConversation();
    t.transport.handle('conversation:get', () => ({ ok: true, data: mineDetail() }));
    t.transport.handle('queues:get', () => ({ ok: true, data: { queues: queues() } }));
    t.transport.push('conversation:updated', { conversationId: 'c1' });
    t.transport.push('conversation:updated', { conversationId: 'c-other' });
    await flush();
    expect(t.transport.callsOf('conversation:get').map((c) => c.payload)).toEqual([
      { conversationId: 'c1' },
    ]);
  });

  it('loads again when the change lands while a load is in flight', async () => {
    const t = await signedIn();
    const answers: ((d: ConversationDetail) => void)[] = [];
    t.transport.handle(
      'conversation:get',
      () => new Promise((resolve) => answers.push((d) => resolve({ ok: true, data: d }))),
    );
    t.transport.handle('queues:get', () => ({ ok: true, data: { queues: queues() } }));
    t.store.open('c1');
    t.transport.push('conversation:updated', { conversationId: 'c1' });
    expect(t.transport.callsOf('conversation:get')).toHaveLength(1);
    answers[0]!(detail({ actions: [] }));
    await flush();
    expect(t.transport.callsOf('conversation:get')).toHaveLength(2);
    answers[1]!(detail({ actions: [pendingAction()] }));
    await flush();
    expect(t.store.getState().panes.c1!.detail!.actions).toHaveLength(1);
  });

  it('coalesces a burst into one queue refresh plus one follow-up', async () => {
    const t = await signedIn();
    const answers: (() => void)[] = [];
    t.transport.handle(
      'queues:get',
      () =>
        new Promise((resolve) =>
          answers.push(() => resolve({ ok: true, data: { queues: queues() } })),
        ),
    );
    for (const id of ['x1', 'x2', 'x3', 'x4']) {
      t.transport.push('conversation:updated', { conversationId: id });
    }
    expect(t.transport.callsOf('queues:get')).toHaveLength(1);
    answers[0]!();
    await flush();
    expect(t.transport.callsOf('queues:get')).toHaveLength(2);
    answers[1]!();
    await flush();
    expect(t.transport.callsOf('queues:get')).toHaveLength(2);
  });
});

describe('SLA alerts', () => {
  const alert = {
    id: 'c1:1:warning',
    kind: 'warning' as const,
    conversationId: 'c1',
    queue: 'billing',
    queueName: 'Billing',
    fromQueue: 'billing',
    fromQueueName: 'Billing',
    owner: 'Sam Okafor',
    ownerAgentId: 'agent-sam',
    tier: 3 as const,
    enqueuedAt: '2025-01-01T12:00:00.000Z',
    slaDeadline: '2025-01-01T12:10:00.000Z',
  };

  it('shows each alert once and signals it once, until the conversation is no longer waiting', async () => {
    const t = await signedIn();
    t.transport.push('sla:alert', alert);
    t.transport.push('sla:alert', alert); // delivered again
    expect(t.store.getState().slaAlerts.map((a) => a.id)).toEqual(['c1:1:warning']);
    expect(t.onAlert).toHaveBeenCalledTimes(1);
    t.transport.push('sla:alert', { ...alert, id: 'c1:1:breach', kind: 'breach' });
    expect(t.store.getState().slaAlerts.map((a) => a.id)).toEqual(['c1:1:breach']);
    expect(t.onAlert).toHaveBeenCalledTimes(2);
    // Claimed by someone: gone from the queue, so the alert is handled.
    t.transport.push('queues:update', { queues: queues([]) });
    expect(t.store.getState().slaAlerts).toEqual([]);
  });

  it('an agent may dismiss one', async () => {
    const t = await signedIn();
    t.transport.push('sla:alert', alert);
    t.store.dismissAlert('c1:1:warning');
    expect(t.store.getState().slaAlerts).toEqual([]);
  });
});

describe('offers (push routing)', () => {
  const offer = {
    id: 'o1',
    conversationId: 'c1',
    queue: 'billing',
    queueName: 'Billing',
    tier: 3 as const,
    summary: 'Refund above the limit',
    customerName: 'Dana Kim',
    language: null,
    offeredAt: '2025-01-01T12:04:50.000Z',
    expiresAt: '2025-01-01T12:05:20.000Z',
  };

  it('shows an offer once and signals it once; accepting claims and opens the conversation', async () => {
    const t = await signedIn();
    t.transport.push('offer:new', offer);
    t.transport.push('offer:new', offer); // delivered again
    expect(t.store.getState().offers.map((o) => o.id)).toEqual(['o1']);
    expect(t.onOffer).toHaveBeenCalledTimes(1);
    t.transport.handle('offer:accept', (payload) => {
      expect(payload).toEqual({ offerId: 'o1' });
      return {
        ok: true,
        data: detail({ state: 'assigned', assignedAgent: { id: alex.id, name: alex.name } }),
      };
    });
    await t.store.answerOffer('o1', 'accept');
    const state = t.store.getState();
    expect(state.offers).toEqual([]);
    expect(state.openId).toBe('c1');
    expect(state.mine.map((c) => c.conversationId)).toEqual(['c1']);
    expect(state.queues.flatMap((q) => q.waiting).some((w) => w.conversationId === 'c1')).toBe(
      false,
    );
  });

  it('declining drops the offer and claims nothing', async () => {
    const t = await signedIn();
    t.transport.push('offer:new', offer);
    t.transport.handle('offer:decline', () => ({ ok: true, data: {} }));
    await t.store.answerOffer('o1', 'decline');
    expect(t.store.getState().offers).toEqual([]);
    expect(t.store.getState().mine).toEqual([]);
  });

  it('an offer that ended on the server says so and goes away', async () => {
    const t = await signedIn();
    t.transport.push('offer:new', offer);
    t.transport.handle('offer:accept', () => ({
      ok: false,
      error: { code: 'OFFER_GONE', message: 'gone' },
    }));
    await t.store.answerOffer('o1', 'accept');
    expect(t.store.getState().offers).toEqual([]);
    expect(t.store.getState().notice?.message).toMatch(/no longer open/);
    // Withdrawn or expired offers are dropped when the server says so.
    t.transport.push('offer:new', { ...offer, id: 'o2' });
    t.transport.push('offer:closed', { offerId: 'o2', conversationId: 'c1', reason: 'expired' });
    expect(t.store.getState().offers).toEqual([]);
  });

  it('an offer left to expire makes the agent away, and they are told', async () => {
    const t = await signedIn();
    t.transport.push('presence:changed', { status: 'away', reason: 'offer_expired' });
    expect(t.store.getState().presence).toBe('away');
    expect(t.store.getState().notice?.message).toMatch(/now Away/);
  });
});

describe('typing', () => {
  const NOW = Date.parse('2025-01-01T12:05:00.000Z');

  it('tells the customer the owner is typing, throttled, and stopped on clear and send', async () => {
    const t = await claimed();
    t.transport.handle('message:send', (p) => ({
      ok: true,
      data: { message: message(3, { role: 'agent', text: p.text, clientId: p.clientId }) },
    }));
    for (const text of ['H', 'He', 'Hel']) t.store.setReplyText('c1', text);
    t.store.setReplyText('c1', '');
    t.store.setReplyText('c1', 'Hello');
    await t.store.sendReply('c1');
    expect(t.transport.callsOf('typing').map((c) => c.payload)).toEqual([
      { conversationId: 'c1', typing: true },
      { conversationId: 'c1', typing: false },
      { conversationId: 'c1', typing: true },
      { conversationId: 'c1', typing: false },
    ]);
  });

  it('sends nothing for a conversation the agent does not own (a preview)', async () => {
    const t = await signedIn();
    t.transport.handle('conversation:get', () => ({ ok: true, data: detail() }));
    await t.store.load('c1');
    t.store.setReplyText('c1', 'draft');
    expect(t.transport.callsOf('typing')).toEqual([]);
  });

  it("shows the customer's indicator until 6 s pass without a refresh, or their message", async () => {
    const t = await claimed();
    vi.useFakeTimers();
    try {
      const pane = () => t.store.getState().panes.c1!;
      t.transport.push('typing', { conversationId: 'c1', typing: true });
      expect(pane().customerTypingUntil).toBe(NOW + 6_000);
      vi.advanceTimersByTime(4_000);
      t.transport.push('typing', { conversationId: 'c1', typing: true }); // a refresh
      vi.advanceTimersByTime(5_999);
      expect(pane().customerTypingUntil).not.toBeNull();
      vi.advanceTimersByTime(1);
      expect(pane().customerTypingUntil).toBeNull();

      t.transport.push('typing', { conversationId: 'c1', typing: true });
      t.transport.push('message', { conversationId: 'c1', message: message(3, { role: 'agent' }) });
      expect(pane().customerTypingUntil).not.toBeNull();
      t.transport.push('message', { conversationId: 'c1', message: message(4) });
      expect(pane().customerTypingUntil).toBeNull();

      t.transport.push('typing', { conversationId: 'c1', typing: true });
      t.transport.push('typing', { conversationId: 'c1', typing: false });
      expect(pane().customerTypingUntil).toBeNull();
      // Not on screen: nothing to show, nothing kept.
      t.transport.push('typing', { conversationId: 'elsewhere', typing: true });
      expect(t.store.getState().panes.elsewhere).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
