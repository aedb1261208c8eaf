/**
 * The customer's side of the conversation over Socket.IO: session resume, sending with
 * idempotent retries, gap-free transcript sync, queue status. Owns no UI; it writes the store
 * and reports events for the storefront through `notify`.
 */
import type {
  AckError,
  ChatMessage,
  ContextSetPayload,
  ErrorCode,
  IdentifyPayload,
  QueueStatus,
  SessionStartPayload,
} from '@baton/shared';
import type { FrameToLoader } from '../../protocol/envelope';
import { attachmentUrl, uploadFile } from '../attachments';
import { csatAfterMessages, csatAnswered, csatPayload, csatSending, openCsat } from '../state/csat';
import { reconcileOutbox, setOutboxStatus, addToOutbox } from '../state/outbox';
import type { Store } from '../state/store';
import {
  createTypingSender,
  peerTyping,
  typingAfterMessages,
  typingAt,
  type PeerTyping,
} from '../state/typing';
import { contiguousSeq, hasGap, mergeMessages, newMessages } from '../state/transcript';
import { idle, type WidgetState } from '../state/widgetState';
import type { CustomerSocket } from './customerSocket';
import { NO_ANSWER, request, type ClientEvent, type PayloadOf, type ResultOf } from './request';
import type { TokenStore } from './tokenStore';

export type Notify = <K extends keyof FrameToLoader>(type: K, payload: FrameToLoader[K]) => void;

export interface ChatClientOptions {
  socket: CustomerSocket;
  store: Store<WidgetState>;
  siteKey: string;
  tokens: TokenStore;
  notify: Notify;
  newClientId: () => string;
  ackTimeoutMs?: number;
  /** Automatic re-sends after a timeout on a live connection before asking the user. */
  maxAttempts?: number;
  /** From a reply email's link (`baton_resume`): the first session carries that chat on here. */
  resumeToken?: string | null;
  /** Delay before re-trying session:start after a timeout or a transient error. */
  retryDelayMs?: number;
  /**
   * Automatic re-sends of a message the server answered with a retryable error (an outage, a
   * rate limit), waiting `retryAfterMs` or a doubling delay from `retryDelayMs`, before showing
   * it as failed.
   */
  maxRetryable?: number;
}

export interface ChatClient {
  send(text: string): void;
  /** The composer changed (`hasText`) or lost the focus (`false`): throttled `typing` events. */
  typing(hasText: boolean): void;
  /** Uploads the file and sends it as a message of its own; errors show on it, with Retry. */
  sendFile(file: File): void;
  /** An object URL of an attachment of the conversation (fetched with the session token). */
  fileUrl(id: string): ReturnType<typeof attachmentUrl>;
  retry(clientId: string): void;
  requestHuman(): void;
  leaveEmail(email: string): void;
  /** Emails the chat so far to `email` (or the address already given). */
  emailTranscript(email?: string): void;
  identify(payload: IdentifyPayload): void;
  setContext(payload: ContextSetPayload): void;
  /** Sends the rating chosen in the prompt (`csat:submit`); a later one replaces it. */
  submitCsat(): void;
}

const TIMEOUT_ERROR = {
  code: 'TIMEOUT',
  message: 'No answer from the server. Check your connection and try again.',
};

/** Errors after which a stored session token is dropped and a fresh session is started. */
const STALE_TOKEN_CODES: readonly ErrorCode[] = [
  'INVALID_PAYLOAD',
  'NOT_FOUND',
  'UNAUTHORIZED',
  'CONVERSATION_CLOSED',
];
const TRANSIENT_CODES: readonly ErrorCode[] = ['RATE_LIMITED', 'INTERNAL'];

export function createChatClient(options: ChatClientOptions): ChatClient {
  const { socket, store, siteKey, tokens, notify, newClientId } = options;
  const ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
  const maxAttempts = options.maxAttempts ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 2_000;
  const maxRetryable = options.maxRetryable ?? 6;

  let resumeToken = options.resumeToken ?? null;
  let ready = false;
  let waiters: (() => void)[] = [];
  let sessionsStarted = 0;
  let syncing = false;
  /** A sync was asked for while one was in flight, whose answer may predate the request. */
  let syncAgain = false;
  let humanClientId: string | null = null;
  const inFlight = new Set<string>();
  const profile: { identify?: IdentifyPayload; context?: ContextSetPayload } = {};
  const profileDelivered: { identify: string | null; context: string | null } = {
    identify: null,
    context: null,
  };

  const call = <E extends ClientEvent>(event: E, payload: PayloadOf<E>) =>
    request(socket, ackTimeoutMs, event, payload);
  const auth = () => ({ siteKey, token: tokens.get(), conversationId: store.get().conversationId });

  // Best effort: a lost flag expires on the agent's side.
  const typingSender = createTypingSender((typing) => void call('typing', { typing }));
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Shows the agent's indicator (or hides it) and hides it when it runs out. */
  function setAgentTyping(typing: PeerTyping | null): void {
    clearTimeout(typingTimer);
    store.update((s) => (s.agentTyping === typing ? s : { ...s, agentTyping: typing }));
    if (typing) {
      typingTimer = setTimeout(
        () => setAgentTyping(typingAt(store.get().agentTyping, Date.now())),
        typing.until - Date.now(),
      );
    }
  }

  function whenReady(): Promise<void> {
    return ready ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
  }

  function setReady(value: boolean): void {
    ready = value;
    if (!value) return;
    const pending = waiters;
    waiters = [];
    for (const resolve of pending) resolve();
  }

  // ---- transcript and status ----

  function applyMessages(incoming: ChatMessage[], announce: boolean): void {
    const before = store.get();
    const current = before.conversationId;
    const relevant = incoming.filter((m) => current === null || m.conversationId === current);
    const messages = mergeMessages(before.messages, relevant);
    const added = newMessages(before.messages, messages);
    if (added.length === 0) return;
    const unread = announce && !before.open ? added.filter((m) => m.role !== 'customer').length : 0;
    store.update((s) => ({
      ...s,
      messages,
      outbox: reconcileOutbox(s.outbox, messages),
      unread: s.unread + unread,
      csat: csatAfterMessages(s.csat, added),
      agentTyping: typingAfterMessages(s.agentTyping, added),
    }));
    if (announce) for (const message of added) notify('message', message);
    if (hasGap(messages)) void fillGap();
  }

  function applyStatus(status: QueueStatus): void {
    const current = store.get().conversationId;
    if (current !== null && status.conversationId !== current) return;
    store.update((s) => ({ ...s, status }));
    notify('queue', status);
  }

  /** Fetches the messages missed between what we hold and what the server has. */
  async function fillGap(): Promise<void> {
    if (!ready) return; // the next session:start (on reconnect) carries lastSeq
    if (syncing) {
      syncAgain = true;
      return;
    }
    syncing = true;
    syncAgain = false;
    const from = contiguousSeq(store.get().messages);
    const res = await call('sync', { lastSeq: from });
    syncing = false;
    if (res !== NO_ANSWER) {
      if (res.ok) {
        applyMessages(res.data.messages, true);
        applyStatus(res.data.status);
      } else console.error('[Baton] sync failed', res.error);
    }
    if (syncAgain) void fillGap();
  }

  // ---- session ----

  async function startSession(): Promise<void> {
    const socketId = socket.id;
    const state = store.get();
    const token = tokens.get();
    const lastSeq = contiguousSeq(state.messages);
    const payload: SessionStartPayload = { siteKey };
    if (token) payload.sessionToken = token;
    if (token && lastSeq > 0) payload.lastSeq = lastSeq;
    if (resumeToken) payload.resumeToken = resumeToken;

    const res = await call('session:start', payload);
    if (!socket.connected || socket.id !== socketId) return; // a newer connect handles it
    if (res === NO_ANSWER) {
      setTimeout(() => socket.connected && socket.id === socketId && void startSession(), 0);
      return;
    }
    if (!res.ok) {
      if (token && STALE_TOKEN_CODES.includes(res.error.code)) {
        tokens.clear();
        await startSession();
      } else if (res.error.retryable || TRANSIENT_CODES.includes(res.error.code)) {
        // An outage or a limit (e.g. too many new chats from this address) passes: try again.
        setTimeout(() => socket.connected && void startSession(), backoff(res.error, 0));
      } else {
        console.error('[Baton] could not start the chat session', res.error);
        store.update((s) => ({ ...s, connection: 'failed', fatalError: res.error }));
      }
      return;
    }

    const { sessionToken, conversationId, messages: received, status, resume } = res.data;
    tokens.set(sessionToken);
    // Used once: this browser now has a session token of its own.
    resumeToken = null;
    if (resume) {
      store.update((s) => ({ ...s, resume, open: true, unread: 0 }));
      notify('open', undefined);
    }
    const announce = sessionsStarted > 0;
    sessionsStarted += 1;
    const before = store.get();
    const sameConversation = before.conversationId === conversationId;
    // A different conversation (the old one was resolved) starts a fresh transcript.
    const base = sameConversation
      ? before.messages
      : before.messages.filter((m) => m.conversationId === conversationId);
    const messages = mergeMessages(base, received);
    const added = announce ? newMessages(before.messages, messages) : [];
    store.update((s) => ({
      ...s,
      connection: 'online',
      fatalError: null,
      conversationId,
      messages,
      outbox: reconcileOutbox(s.outbox, messages),
      status,
      unread: s.open ? 0 : s.unread + added.filter((m) => m.role !== 'customer').length,
      // Resolved, and the customer has not written again: ask for (or keep) the rating.
      csat:
        status.state !== 'resolved' || s.outbox.some((i) => i.status === 'sending')
          ? null
          : s.csat?.conversationId === conversationId
            ? s.csat
            : openCsat(conversationId, messages),
    }));
    for (const message of added) notify('message', message);
    notify('queue', status);
    setReady(true);

    if (hasGap(messages)) void fillGap();
    deliverProfile('identify');
    deliverProfile('context');
    for (const item of store.get().outbox)
      if (item.status === 'sending') void deliver(item.clientId);
  }

  // ---- sending ----

  /** How long to wait before re-sending after a retryable error: the server's word, or backoff. */
  function backoff(error: AckError, retry: number): number {
    const { retryAfterMs } = (error.details ?? {}) as { retryAfterMs?: unknown };
    if (typeof retryAfterMs === 'number' && retryAfterMs > 0) return Math.min(retryAfterMs, 60_000);
    return Math.min(retryDelayMs * 2 ** retry, 30_000);
  }

  /**
   * Sends one outbox item until the server answers. No answer (timeout, or the socket dropped)
   * re-sends with the same clientId, and so does a retryable error (the server is briefly
   * unavailable or asks us to slow down) after a delay; other errors are shown inline for the
   * user to retry. The same clientId makes every re-send safe: the server stores it once.
   */
  async function deliver(clientId: string): Promise<void> {
    if (inFlight.has(clientId)) return;
    inFlight.add(clientId);
    try {
      for (let attempt = 1, retries = 0; ;) {
        await whenReady();
        const item = store.get().outbox.find((i) => i.clientId === clientId);
        if (!item || item.status !== 'sending') return; // confirmed by a broadcast meanwhile
        let attachments = item.attachments;
        if (item.file && !attachments) {
          const up = await uploadFile(auth(), item.file);
          if (!up.ok) return fail(clientId, up.error);
          attachments = [up.data];
          store.update((s) => ({
            ...s,
            outbox: s.outbox.map((i) => (i.clientId === clientId ? { ...i, attachments } : i)),
          }));
        }
        const res = await call('message:send', {
          clientId,
          text: item.text,
          ...(attachments && { attachments }),
        });
        if (res === NO_ANSWER) {
          // A drop rejects at once; only count timeouts on a live connection.
          if (socket.connected && ++attempt > maxAttempts) {
            fail(clientId, TIMEOUT_ERROR);
            return;
          }
          continue;
        }
        if (!res.ok && res.error.retryable && retries < maxRetryable) {
          await new Promise((resolve) => setTimeout(resolve, backoff(res.error, retries++)));
          continue;
        }
        if (res.ok) applyMessages([res.data.message], true);
        else fail(clientId, res.error);
        return;
      }
    } finally {
      inFlight.delete(clientId);
    }
  }

  function fail(clientId: string, error: AckError | typeof TIMEOUT_ERROR): void {
    store.update((s) => ({ ...s, outbox: setOutboxStatus(s.outbox, clientId, 'failed', error) }));
  }

  /** Calls an ack'ed event, re-sending on no answer like `deliver`. */
  async function callWithRetry<E extends ClientEvent>(
    event: E,
    payload: PayloadOf<E>,
  ): Promise<
    { ok: true; data: ResultOf<E> } | { ok: false; error: { code: string; message: string } }
  > {
    for (let attempt = 1; ;) {
      await whenReady();
      const res = await call(event, payload);
      if (res !== NO_ANSWER) return res;
      if (socket.connected && ++attempt > maxAttempts) return { ok: false, error: TIMEOUT_ERROR };
    }
  }

  function deliverProfile(kind: 'identify' | 'context'): void {
    const conversationId = store.get().conversationId;
    if (!ready || conversationId === null || profileDelivered[kind] === conversationId) return;
    const value = profile[kind];
    if (!value) return;
    profileDelivered[kind] = conversationId;
    void (async () => {
      const res =
        kind === 'identify'
          ? await call('identify', value as IdentifyPayload)
          : await call('context:set', value);
      if (res === NO_ANSWER) {
        profileDelivered[kind] = null; // sent again after the next session:start
      } else if (!res.ok) {
        console.error(`[Baton] the server rejected ${kind}`, res.error);
      }
    })();
  }

  // ---- server events ----

  socket.on('connect', () => {
    store.update((s) => ({ ...s, connection: s.fatalError ? s.connection : 'connecting' }));
    void startSession();
  });
  socket.on('disconnect', () => {
    setReady(false);
    setAgentTyping(null);
    store.update((s) => ({ ...s, connection: s.fatalError ? s.connection : 'offline' }));
  });
  socket.on('connect_error', (err: Error & { data?: AckError }) => {
    store.update((s) => ({ ...s, connection: s.fatalError ? s.connection : 'offline' }));
    // Refused by the server (e.g. too many open connections from this address), socket.io does
    // not reconnect by itself: try again once the refusal says it may pass.
    if (err.data?.retryable) setTimeout(() => socket.connect(), backoff(err.data, 0));
  });
  socket.on('message', (message) => applyMessages([message], true));
  // The server's nodes lost touch for a while (a Redis outage): messages may have been missed
  // without leaving a gap we could see, so ask for everything after what we hold.
  socket.on('resync', () => void fillGap());
  socket.on('queue:status', applyStatus);
  socket.on('typing', (event) => {
    if (event.conversationId === store.get().conversationId)
      setAgentTyping(peerTyping(event, Date.now()));
  });
  socket.on('escalated', (event) => notify('escalated', event));
  socket.on('agent:joined', (event) => {
    const { status } = store.get();
    if (status && status.conversationId === event.conversationId) {
      applyStatus({
        ...status,
        state: 'assigned',
        agentName: event.agentName,
        position: null,
        offerEmail: false,
        overdue: false,
        // Stands in until the server's own status arrives.
        text: `You are chatting with ${event.agentName}.`,
        notice: {
          code: 'status_assigned',
          params: { agent: event.agentName, team: status.queueName ?? '' },
        },
      });
    }
    notify('agentJoined', event);
  });
  socket.on('conversation:resolved', (event) => {
    const { status } = store.get();
    if (status && status.conversationId === event.conversationId) {
      applyStatus({
        ...status,
        state: 'resolved',
        position: null,
        offerEmail: false,
        overdue: false,
        text: 'This conversation was resolved. Write again any time.',
        notice: { code: 'status_resolved', params: {} },
      });
    }
    store.update((s) =>
      s.conversationId === event.conversationId && s.csat?.conversationId !== event.conversationId
        ? { ...s, csat: openCsat(event.conversationId, s.messages) }
        : s,
    );
  });

  // ---- commands ----

  return {
    typing(hasText) {
      // Only while a person has the chat: the server relays it to nobody else.
      const state = store.get().status?.state;
      if (ready && (state === 'queued' || state === 'assigned')) typingSender.input(hasText);
    },
    send(text) {
      if (!text.trim()) return;
      typingSender.stop();
      const clientId = newClientId();
      // Writing again begins a new episode: the rating prompt was for the one resolved.
      store.update((s) => ({ ...s, outbox: addToOutbox(s.outbox, clientId, text), csat: null }));
      void deliver(clientId);
    },
    sendFile(file) {
      const clientId = newClientId();
      store.update((s) => ({
        ...s,
        outbox: addToOutbox(s.outbox, clientId, '', file),
        csat: null,
      }));
      void deliver(clientId);
    },
    fileUrl: (id) => attachmentUrl(auth(), id),
    retry(clientId) {
      store.update((s) => ({ ...s, outbox: setOutboxStatus(s.outbox, clientId, 'sending') }));
      void deliver(clientId);
    },
    requestHuman() {
      if (store.get().human.pending) return;
      // Kept until the server answers, so a retry after a timeout is the same request.
      const clientId = (humanClientId ??= newClientId());
      store.update((s) => ({ ...s, human: { pending: true, error: null }, csat: null }));
      void callWithRetry('human:request', { clientId }).then((res) => {
        if (res.ok) {
          humanClientId = null;
          applyStatus(res.data.status);
        }
        store.update((s) => ({
          ...s,
          human: res.ok ? idle : { pending: false, error: res.error },
        }));
      });
    },
    leaveEmail(email) {
      if (store.get().email.pending) return;
      store.update((s) => ({ ...s, email: { pending: true, error: null } }));
      void callWithRetry('email:leave', { email }).then((res) => {
        if (res.ok) applyStatus(res.data.status);
        store.update((s) => ({
          ...s,
          email: res.ok ? idle : { pending: false, error: res.error },
        }));
      });
    },
    emailTranscript(email) {
      if (store.get().transcript.pending) return;
      store.update((s) => ({ ...s, transcript: { pending: true, error: null, sentTo: null } }));
      const payload = { clientId: newClientId(), ...(email && { email }) };
      void callWithRetry('transcript:email', payload).then((res) => {
        store.update((s) => ({
          ...s,
          transcript: res.ok
            ? { pending: false, error: null, sentTo: res.data.to }
            : { pending: false, error: res.error, sentTo: null },
        }));
      });
    },
    submitCsat() {
      const csat = store.get().csat;
      if (!csat || csat.pending || csat.rating === null) return;
      const payload = csatPayload({ ...csat, rating: csat.rating });
      store.update((s) => ({ ...s, csat: s.csat && csatSending(s.csat) }));
      void callWithRetry('csat:submit', payload).then((res) => {
        store.update((s) => ({ ...s, csat: csatAnswered(s.csat, payload.conversationId, res) }));
      });
    },
    identify(payload) {
      profile.identify = payload;
      profileDelivered.identify = null;
      deliverProfile('identify');
    },
    setContext(payload) {
      profile.context = payload;
      profileDelivered.context = null;
      deliverProfile('context');
    },
  };
}
