import type {
  ChatMessage,
  ConversationDetail,
  DraftReviewPayload,
  Offer,
  PresenceStatus,
  QueueSnapshot,
  ResolvePayload,
  SlaAlert,
} from '@baton/shared';
import type { ConsoleHttp } from '../connection/http';
import { failure, type ClientError, type Result } from '../connection/result';
import type { AgentTransport, ConnectionStatus } from '../connection/transport';
import { normalizeActionNote } from './actions';
import { pendingCounts, replaceById, validateDraftEdit } from './drafts';
import { ALREADY_CLAIMED_MESSAGE, describeError, describeLoginError } from './errorMessages';
import { customerMessagesAfter, hasGap, lastSeq, mergeMessages } from './messages';
import {
  findWaiting,
  mergeQueues,
  patchMine,
  reconcileMine,
  toMyConversation,
  upsertMine,
  withoutWaiting,
} from './myConversations';
import {
  addOutgoing,
  newClientId,
  removeOutgoing,
  settleOutgoing,
  updateOutgoing,
  type OutgoingReply,
} from './outbox';
import type { MyConversation, SessionStore, StoredSession } from './sessionStore';
import { addAlert, stillWaiting } from './slaAlerts';
import { customerTypingUntil, typingAfterMessages, typingToSend, type TypingSent } from './typing';

export type ResolveOutcome = ResolvePayload['outcome'];

/** What the owner does with a held draft: send it as is, send an edited text, or drop it. */
export type DraftDecision =
  { decision: 'approve' } | { decision: 'edit'; text: string } | { decision: 'reject' };

export type ActionDecision = 'approve' | 'deny';

/** The protocol's limit for one message (`messageText` in @baton/shared schemas). */
export const MAX_REPLY_LENGTH = 4000;
/** ATTACHMENT_MAX_BYTES in @baton/shared: larger files are refused before uploading. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface ConsoleDeps {
  http: ConsoleHttp;
  connect: (token: string) => AgentTransport;
  session: SessionStore;
  now?: () => number;
  newClientId?: () => string;
  /** How long one send attempt waits for its ack. */
  sendTimeoutMs?: number;
  /** Attempts (same clientId) before a reply is shown as failed with a Retry button. */
  sendAttempts?: number;
  /** Called once per new SLA alert (a sound, a desktop notification). */
  onAlert?: (alert: SlaAlert) => void;
  /** Called once per conversation offered to the agent (push routing). */
  onOffer?: (offer: Offer) => void;
}

/** One conversation the agent has on screen (or had): a preview before the claim, or their own. */
export interface ConversationPane {
  id: string;
  detail: ConversationDetail | null;
  messages: ChatMessage[];
  outbox: OutgoingReply[];
  replyText: string;
  loading: boolean;
  loadError: string | null;
  resolving: boolean;
  /** Held drafts and pending actions (by id) with a review/decision in flight. */
  reviewing: string[];
  /** Until when "Customer is typing…" shows (ms since the epoch); null: hidden. */
  customerTypingUntil: number | null;
}

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  message: string;
}

export interface ConsoleState {
  session: StoredSession | null;
  connection: ConnectionStatus | 'signed-out';
  /** Null until the server's `hello` says what it is. */
  presence: PresenceStatus | null;
  presencePending: boolean;
  queues: QueueSnapshot[];
  queuesLoaded: boolean;
  mine: MyConversation[];
  /** Conversations with a claim in flight (their Claim button is disabled). */
  claiming: string[];
  openId: string | null;
  panes: Record<string, ConversationPane>;
  notice: Notice | null;
  loginPending: boolean;
  /** Conversations near or past their reply target (see slaAlerts.ts), newest first. */
  slaAlerts: SlaAlert[];
  /** Conversations offered to me (push routing), oldest first, until answered or ended. */
  offers: Offer[];
  /** Offers with an answer in flight (their buttons are disabled). */
  answering: string[];
  /** The work area (queues and conversations) or the escalation scorecard. */
  view: 'work' | 'scorecard';
}

export function initialState(): ConsoleState {
  return {
    session: null,
    connection: 'signed-out',
    presence: null,
    presencePending: false,
    queues: [],
    queuesLoaded: false,
    mine: [],
    claiming: [],
    openId: null,
    panes: {},
    notice: null,
    loginPending: false,
    slaAlerts: [],
    offers: [],
    answering: [],
    view: 'work',
  };
}

function emptyPane(id: string): ConversationPane {
  return {
    id,
    detail: null,
    messages: [],
    outbox: [],
    replyText: '',
    loading: false,
    loadError: null,
    resolving: false,
    reviewing: [],
    customerTypingUntil: null,
  };
}

/** True when the signed-in agent owns the conversation and it is still open. */
export function canReply(state: ConsoleState, pane: ConversationPane | undefined): boolean {
  const detail = pane?.detail;
  return (
    !!detail && detail.state === 'assigned' && detail.assignedAgent?.id === state.session?.agent.id
  );
}

/**
 * The console's state and every action an agent can take. Framework-free: the UI subscribes to
 * it, and tests drive it with a fake transport.
 */
export class ConsoleStore {
  private state: ConsoleState = initialState();
  private readonly listeners = new Set<() => void>();
  private transport: AgentTransport | null = null;
  private readonly inflightLoads = new Map<string, Promise<ConversationDetail | null>>();
  /** Conversations that changed while their load was in flight: load again when it lands. */
  private readonly staleLoads = new Set<string>();
  private queuesRefresh: Promise<void> | null = null;
  private queuesRefreshDue = false;
  private noticeCounter = 0;
  /** The first `queues:update` after a connect is the full set; later ones are partial. */
  private fullQueueSnapshotDue = true;
  private readonly now: () => number;
  private readonly makeClientId: () => string;
  private readonly sendTimeoutMs: number;
  private readonly sendAttempts: number;
  /** My `typing: true` flags per conversation (throttle), and the customers' expiry timers. */
  private typingSent: TypingSent = new Map();
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly deps: ConsoleDeps) {
    this.now = deps.now ?? Date.now;
    this.makeClientId = deps.newClientId ?? (() => newClientId());
    this.sendTimeoutMs = deps.sendTimeoutMs ?? 8_000;
    this.sendAttempts = deps.sendAttempts ?? 3;
  }

  getState = (): ConsoleState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Resumes a session kept in sessionStorage (a reload stays signed in). */
  start(): void {
    const session = this.deps.session.load();
    if (session) this.beginSession(session);
  }

  // ---- session ----

  async login(email: string, password: string): Promise<void> {
    if (this.state.loginPending) return;
    this.update((s) => ({ ...s, loginPending: true, notice: null }));
    const result = await this.deps.http.login(email.trim(), password);
    if (!result.ok) {
      this.update((s) => ({ ...s, loginPending: false }));
      this.notify('error', describeLoginError(result.error));
      return;
    }
    this.deps.session.save(result.data);
    this.beginSession(result.data);
  }

  /** Signing out (no `reason`) ends the session on the server too; an expiry already did. */
  logout(reason?: string): void {
    const token = this.state.session?.token;
    if (token && !reason) {
      void this.deps.http.logout(token).then((result) => {
        if (!result.ok) console.warn('[baton console] server-side logout failed', result.error);
      });
    }
    this.transport?.close();
    this.transport = null;
    this.inflightLoads.clear();
    this.staleLoads.clear();
    this.deps.session.clear();
    this.state = initialState();
    if (reason) this.notify('error', reason);
    else this.emit();
  }

  reconnect(): void {
    this.transport?.reconnect();
  }

  private beginSession(session: StoredSession): void {
    this.transport?.close();
    this.state = {
      ...initialState(),
      session,
      connection: 'connecting',
      mine: this.deps.session.loadMine(session.agent.id),
    };
    this.emit();
    const transport = this.deps.connect(session.token);
    this.transport = transport;
    const live = () => this.transport === transport;

    transport.onStatus((status) => {
      if (!live()) return;
      if (status === 'unauthorized') {
        this.logout('Your session has expired. Sign in again.');
        return;
      }
      if (status === 'connected') this.fullQueueSnapshotDue = true;
      this.update((s) => ({ ...s, connection: status }));
    });
    transport.on('hello', ({ agent, presence, assigned, offers }) => {
      if (!live() || !this.state.session) return;
      const updated = { ...this.state.session, agent };
      this.deps.session.save(updated);
      const now = new Date(this.now()).toISOString();
      this.update((s) => ({
        ...s,
        session: updated,
        presence,
        mine: reconcileMine(s.mine, assigned, now),
        offers,
      }));
      this.resync();
    });
    transport.on('offer:new', (offer) => {
      if (!live() || this.state.offers.some((o) => o.id === offer.id)) return;
      this.update((s) => ({ ...s, offers: [...s.offers, offer] }));
      this.deps.onOffer?.(offer);
    });
    transport.on('offer:closed', ({ offerId, reason }) => {
      if (!live() || !this.state.offers.some((o) => o.id === offerId)) return;
      this.update((s) => ({ ...s, offers: s.offers.filter((o) => o.id !== offerId) }));
      if (reason === 'withdrawn') {
        this.notify('info', 'An offered conversation was taken by someone else or left the queue.');
      }
    });
    transport.on('presence:changed', ({ status }) => {
      if (!live()) return;
      this.update((s) => ({ ...s, presence: status }));
      this.notify(
        'info',
        'An offered conversation went unanswered, so you are now Away. Set yourself Online to get offers again.',
      );
    });
    transport.on('queues:update', ({ queues }) => {
      if (!live()) return;
      const replace = this.fullQueueSnapshotDue;
      this.fullQueueSnapshotDue = false;
      this.update((s) => {
        const merged = replace ? queues : mergeQueues(s.queues, queues);
        // A claimed (or no longer waiting) conversation's alert is handled.
        return {
          ...s,
          queues: merged,
          queuesLoaded: true,
          slaAlerts: stillWaiting(s.slaAlerts, merged),
        };
      });
    });
    transport.on('sla:alert', (alert) => {
      if (!live()) return;
      const before = this.state.slaAlerts;
      this.update((s) => ({ ...s, slaAlerts: addAlert(s.slaAlerts, alert) }));
      if (this.state.slaAlerts !== before) this.deps.onAlert?.(alert);
    });
    transport.on('message', ({ conversationId, message }) => {
      if (live()) this.receive(conversationId, [message], true);
    });
    transport.on('conversation:claimed', (event) => {
      if (live()) this.onClaimed(event);
    });
    transport.on('typing', ({ conversationId, typing }) => {
      if (live()) this.setCustomerTyping(conversationId, customerTypingUntil(typing, this.now()));
    });
    transport.on('conversation:updated', ({ conversationId }) => {
      if (live()) this.onUpdated(conversationId);
    });
    transport.on('resync', () => {
      if (!live()) return;
      // Live events were lost between the server's nodes: what is on screen may be stale.
      this.requestQueuesRefresh();
      this.resync(true);
    });
    transport.on('baton:error', ({ event, code, message }) => {
      if (!live()) return;
      console.error('[baton console] server error', { event, code, message });
      this.notify('error', describeError({ code: code as ClientError['code'], message }));
    });
  }

  /**
   * After (re)connecting (on `hello`) or on `resync`: refetch what is on screen and my
   * conversations. `stale` also repeats loads already in flight (they may predate the loss).
   */
  private resync(stale = false): void {
    const ids = new Set<string>();
    if (this.state.openId) ids.add(this.state.openId);
    for (const c of this.state.mine) if (c.state !== 'resolved') ids.add(c.conversationId);
    for (const id of ids) {
      if (stale) this.refresh(id);
      else void this.load(id);
    }
  }

  // ---- presence & queues ----

  async setPresence(status: PresenceStatus): Promise<void> {
    const transport = this.transport;
    if (!transport || this.state.presencePending) return;
    this.update((s) => ({ ...s, presencePending: true }));
    const result = await transport.request('presence:set', { status });
    if (transport !== this.transport) return;
    this.update((s) => ({
      ...s,
      presencePending: false,
      presence: result.ok ? result.data.status : s.presence,
    }));
    if (!result.ok)
      this.notify('error', `Could not change presence. ${describeError(result.error)}`);
  }

  async refreshQueues(): Promise<void> {
    const transport = this.transport;
    if (!transport) return;
    const result = await transport.request('queues:get', {});
    if (transport !== this.transport) return;
    if (result.ok) this.update((s) => ({ ...s, queues: result.data.queues, queuesLoaded: true }));
    else console.warn('[baton console] queue refresh failed', result.error);
  }

  // ---- conversations ----

  open(conversationId: string): void {
    this.update((s) => ({
      ...s,
      openId: conversationId,
      panes: s.panes[conversationId]
        ? s.panes
        : { ...s.panes, [conversationId]: emptyPane(conversationId) },
      mine: s.mine.some((c) => c.conversationId === conversationId && c.unread > 0)
        ? patchMine(s.mine, conversationId, { unread: 0 })
        : s.mine,
    }));
    void this.load(conversationId);
  }

  closeConversation(): void {
    this.update((s) => ({ ...s, openId: null }));
  }

  /** `conversation:get`; concurrent calls for one conversation share the request. */
  load(conversationId: string): Promise<ConversationDetail | null> {
    const pending = this.inflightLoads.get(conversationId);
    if (pending) return pending;
    const transport = this.transport;
    if (!transport) return Promise.resolve(null);
    this.patchPane(conversationId, { loading: true });
    const promise = transport
      .request('conversation:get', { conversationId })
      .then((result) => {
        if (transport !== this.transport) return null;
        if (result.ok) {
          this.applyDetail(result.data);
          this.patchPane(conversationId, { loading: false, loadError: null });
          return result.data;
        }
        this.patchPane(conversationId, { loading: false, loadError: describeError(result.error) });
        return null;
      })
      .finally(() => {
        this.inflightLoads.delete(conversationId);
        if (this.staleLoads.delete(conversationId) && transport === this.transport) {
          void this.load(conversationId);
        }
      });
    this.inflightLoads.set(conversationId, promise);
    return promise;
  }

  /**
   * Loads the conversation again because it changed on the server. Unlike `load`, a request
   * already in flight does not count: it may have been answered before the change.
   */
  refresh(conversationId: string): void {
    if (this.inflightLoads.has(conversationId)) this.staleLoads.add(conversationId);
    else void this.load(conversationId);
  }

  async claim(conversationId: string): Promise<void> {
    const transport = this.transport;
    if (!transport || this.state.claiming.includes(conversationId)) return;
    const waiting = findWaiting(this.state.queues, conversationId);
    this.update((s) => ({ ...s, claiming: [...s.claiming, conversationId] }));
    const result = await transport.request('conversation:claim', { conversationId });
    if (transport !== this.transport) return;
    this.update((s) => ({ ...s, claiming: s.claiming.filter((id) => id !== conversationId) }));

    if (result.ok) {
      this.claimed(result.data, waiting);
      return;
    }

    if (result.error.code === 'TIMEOUT') {
      // The claim may have gone through; the conversation itself says who owns it now.
      this.notify('error', 'The claim got no answer in time. Checking who owns the conversation…');
      const detail = await this.load(conversationId);
      if (detail && detail.assignedAgent?.id === this.state.session?.agent.id) {
        this.dismissNotice();
      } else if (detail?.assignedAgent) {
        this.notify('error', `${ALREADY_CLAIMED_MESSAGE} (${detail.assignedAgent.name}).`);
      }
      void this.refreshQueues();
      return;
    }

    if (result.error.code === 'ALREADY_CLAIMED') {
      const owner = this.state.panes[conversationId]?.detail?.assignedAgent?.name;
      this.notify(
        'error',
        owner ? `${ALREADY_CLAIMED_MESSAGE} (${owner}).` : ALREADY_CLAIMED_MESSAGE,
      );
      this.update((s) => ({ ...s, queues: withoutWaiting(s.queues, conversationId) }));
      if (this.state.panes[conversationId]) void this.load(conversationId);
    } else {
      this.notify('error', `Could not claim the conversation. ${describeError(result.error)}`);
    }
    void this.refreshQueues();
  }

  /** A conversation became mine (claimed, or an offer accepted): list it and open it. */
  private claimed(detail: ConversationDetail, waiting: ReturnType<typeof findWaiting>): void {
    const conversationId = detail.id;
    const entry = toMyConversation(detail, waiting, new Date(this.now()).toISOString());
    this.update((s) => ({
      ...s,
      mine: upsertMine(s.mine, entry),
      queues: withoutWaiting(s.queues, conversationId),
      offers: s.offers.filter((o) => o.conversationId !== conversationId),
      openId: conversationId,
      panes: s.panes[conversationId]
        ? s.panes
        : { ...s.panes, [conversationId]: emptyPane(conversationId) },
    }));
    this.applyDetail(detail);
  }

  setView(view: ConsoleState['view']): void {
    this.update((s) => ({ ...s, view }));
  }

  /**
   * Runs an HTTP call with the session's token (the scorecard page and audits); signed out, or
   * refused as unauthorised, it ends the session as a socket refusal would.
   */
  async authorized<T>(call: (http: ConsoleHttp, token: string) => Promise<Result<T>>) {
    const token = this.state.session?.token;
    if (!token) return failure('UNAUTHORIZED', 'Not signed in.') as Result<T>;
    const result = await call(this.deps.http, token);
    if (!result.ok && result.error.code === 'UNAUTHORIZED') {
      this.logout('Your session has expired. Sign in again.');
    }
    return result;
  }

  /** The console's clock (ms), for periods like "the last 7 days". */
  clockNow(): number {
    return this.now();
  }

  // ---- offers (push routing) ----

  /** Accepts (claims) or declines an offer; a failed answer says why and drops the offer. */
  async answerOffer(offerId: string, answer: 'accept' | 'decline'): Promise<void> {
    const transport = this.transport;
    const offer = this.state.offers.find((o) => o.id === offerId);
    if (!transport || !offer || this.state.answering.includes(offerId)) return;
    this.update((s) => ({ ...s, answering: [...s.answering, offerId] }));
    const waiting = findWaiting(this.state.queues, offer.conversationId);
    const result =
      answer === 'accept'
        ? await transport.request('offer:accept', { offerId })
        : await transport.request('offer:decline', { offerId });
    if (transport !== this.transport) return;
    this.update((s) => ({
      ...s,
      answering: s.answering.filter((id) => id !== offerId),
      offers: s.offers.filter((o) => o.id !== offerId),
    }));
    if (result.ok) {
      if (answer === 'accept') this.claimed(result.data as ConversationDetail, waiting);
      return;
    }
    this.notify(
      'error',
      result.error.code === 'OFFER_GONE'
        ? 'That offer is no longer open: it timed out, or someone else took the conversation.'
        : `Could not answer the offer. ${describeError(result.error)}`,
    );
    void this.refreshQueues();
  }

  setReplyText(conversationId: string, text: string): void {
    this.patchPane(conversationId, { replyText: text });
    if (canReply(this.state, this.state.panes[conversationId])) {
      this.sendTyping(conversationId, text.trim() !== '');
    }
  }

  /** Tells the customer I am typing (throttled), or stopped. Best effort: it expires there. */
  private sendTyping(conversationId: string, hasText: boolean): void {
    const next = typingToSend(this.typingSent, conversationId, hasText, this.now());
    if (!next || !this.transport) return;
    this.typingSent = next.sent;
    void this.transport.request('typing', { conversationId, typing: next.typing });
  }

  /** Shows (or hides) the customer's indicator; it hides itself when its time is up. */
  private setCustomerTyping(conversationId: string, until: number | null): void {
    const pane = this.state.panes[conversationId];
    clearTimeout(this.typingTimers.get(conversationId));
    this.typingTimers.delete(conversationId);
    if (!pane) return;
    if (pane.customerTypingUntil !== until)
      this.patchPane(conversationId, { customerTypingUntil: until });
    if (until === null) return;
    // Replaced by every refresh, so it fires only when none came in time.
    const timer = setTimeout(
      () => this.setCustomerTyping(conversationId, null),
      until - this.now(),
    );
    this.typingTimers.set(conversationId, timer);
  }

  async sendReply(conversationId: string): Promise<void> {
    const pane = this.state.panes[conversationId];
    const text = pane?.replyText.trim() ?? '';
    if (!pane || !text) return;
    if (text.length > MAX_REPLY_LENGTH) {
      this.notify('error', `A reply can be at most ${MAX_REPLY_LENGTH} characters.`);
      return;
    }
    const clientId = this.makeClientId();
    this.sendTyping(conversationId, false);
    this.patchPane(conversationId, {
      replyText: '',
      outbox: addOutgoing(pane.outbox, clientId, text),
    });
    await this.deliver(conversationId, clientId, text);
  }

  /** Sends an image or PDF as a reply of its own: uploaded, then sent with its id. */
  async attachFile(conversationId: string, file: Blob & { name: string }): Promise<void> {
    const pane = this.state.panes[conversationId];
    if (!pane) return;
    if (file.size > MAX_ATTACHMENT_BYTES) {
      this.notify('error', 'An attachment can be at most 10 MB.');
      return;
    }
    const clientId = this.makeClientId();
    this.patchPane(conversationId, { outbox: addOutgoing(pane.outbox, clientId, '', file) });
    await this.deliver(conversationId, clientId, '');
  }

  /** An object URL of an attachment of the conversation, fetched once with the token. */
  attachmentUrl(conversationId: string, id: string): Promise<Result<string>> {
    let url = this.attachmentUrls.get(id);
    if (!url) {
      url = this.authorized((http, token) => http.fetchAttachment(token, conversationId, id)).then(
        (r): Result<string> => (r.ok ? { ok: true, data: URL.createObjectURL(r.data) } : r),
      );
      // A failure is tried again next time.
      void url.then((r) => r.ok || this.attachmentUrls.delete(id));
      this.attachmentUrls.set(id, url);
    }
    return url;
  }
  private readonly attachmentUrls = new Map<string, Promise<Result<string>>>();

  /** Sends a failed reply again under its original clientId, so it cannot appear twice. */
  async retryReply(conversationId: string, clientId: string): Promise<void> {
    const reply = this.state.panes[conversationId]?.outbox.find((r) => r.clientId === clientId);
    if (!reply || reply.status === 'sending') return;
    await this.deliver(conversationId, clientId, reply.text);
  }

  discardReply(conversationId: string, clientId: string): void {
    const pane = this.state.panes[conversationId];
    if (pane) this.patchPane(conversationId, { outbox: removeOutgoing(pane.outbox, clientId) });
  }

  private async deliver(conversationId: string, clientId: string, text: string): Promise<void> {
    const transport = this.transport;
    if (!transport) return;
    const patchReply = (patch: Partial<OutgoingReply>) => {
      const pane = this.state.panes[conversationId];
      if (pane)
        this.patchPane(conversationId, { outbox: updateOutgoing(pane.outbox, clientId, patch) });
    };
    const stillPending = () =>
      this.state.panes[conversationId]?.outbox.some((r) => r.clientId === clientId) ?? false;

    const queued = this.state.panes[conversationId]?.outbox.find((r) => r.clientId === clientId);
    let attachments = queued?.attachments;
    if (queued?.file && !attachments) {
      patchReply({ status: 'sending', attempts: 1, error: null });
      const file = queued.file;
      const up = await this.authorized((http, token) =>
        http.uploadAttachment(token, conversationId, file),
      );
      if (transport !== this.transport) return;
      if (!up.ok) {
        patchReply({ status: 'failed', error: describeError(up.error) });
        return;
      }
      attachments = [up.data.id];
      patchReply({ attachments });
    }
    for (let attempt = 1; attempt <= this.sendAttempts; attempt++) {
      patchReply({ status: 'sending', attempts: attempt, error: null });
      const result = await transport.request(
        'message:send',
        { conversationId, clientId, text, ...(attachments && { attachments }) },
        this.sendTimeoutMs,
      );
      if (transport !== this.transport) return;
      if (result.ok) {
        this.receive(conversationId, [result.data.message], false);
        this.discardReply(conversationId, clientId);
        return;
      }
      // The live echo may have landed although this ack was lost.
      if (!stillPending()) return;
      if (result.error.code !== 'TIMEOUT') {
        patchReply({ status: 'failed', error: describeError(result.error) });
        return;
      }
    }
    patchReply({
      status: 'failed',
      error: 'No answer from the server. Retry sends it again without duplicating it.',
    });
  }

  // ---- held drafts & pending actions ----

  /**
   * The owner approves, edits or rejects a held assistant draft. Approve and edit send the text to
   * the customer as this agent's message. Resolves to true when the server accepted the review.
   */
  async reviewDraft(
    conversationId: string,
    draftId: string,
    review: DraftDecision,
  ): Promise<boolean> {
    const transport = this.transport;
    const pane = this.state.panes[conversationId];
    if (!transport || !pane || pane.reviewing.includes(draftId)) return false;
    let payload: DraftReviewPayload;
    if (review.decision === 'edit') {
      const invalid = validateDraftEdit(review.text);
      if (invalid) {
        this.notify('error', invalid);
        return false;
      }
      payload = { conversationId, draftId, decision: 'edit', text: review.text.trim() };
    } else {
      payload = { conversationId, draftId, decision: review.decision };
    }

    this.setReviewing(conversationId, draftId, true);
    const result = await transport.request('draft:review', payload);
    if (transport !== this.transport) return false;
    this.setReviewing(conversationId, draftId, false);

    if (result.ok) {
      const { draft, message } = result.data;
      this.patchDetail(conversationId, (d) => ({ ...d, drafts: replaceById(d.drafts, draft) }));
      if (message) this.receive(conversationId, [message], false);
      return true;
    }
    this.notify(
      'error',
      result.error.code === 'TIMEOUT'
        ? 'The review got no answer in time. The conversation is reloaded to show whether it went through.'
        : result.error.code === 'NOT_FOUND'
          ? 'This draft was already reviewed or no longer exists.'
          : `Could not review the draft. ${describeError(result.error)}`,
    );
    // Whatever went wrong (someone else reviewed it, the owner changed), show the server's truth.
    this.refresh(conversationId);
    return false;
  }

  /**
   * A queue member approves or denies a pending action. The customer is told the outcome; the note
   * is shown to them with a denial. Resolves to true when the server accepted the decision.
   */
  async decideAction(
    conversationId: string,
    actionId: string,
    decision: ActionDecision,
    note = '',
  ): Promise<boolean> {
    const transport = this.transport;
    const pane = this.state.panes[conversationId];
    if (!transport || !pane || pane.reviewing.includes(actionId)) return false;
    const normalized = normalizeActionNote(note);
    if (!normalized.ok) {
      this.notify('error', normalized.error);
      return false;
    }

    this.setReviewing(conversationId, actionId, true);
    const result = await transport.request('action:decide', {
      conversationId,
      actionId,
      decision,
      ...(normalized.note !== undefined ? { note: normalized.note } : {}),
    });
    if (transport !== this.transport) return false;
    this.setReviewing(conversationId, actionId, false);

    if (result.ok) {
      const { action } = result.data;
      this.patchDetail(conversationId, (d) => ({ ...d, actions: replaceById(d.actions, action) }));
      return true;
    }
    this.notify(
      'error',
      result.error.code === 'TIMEOUT'
        ? 'The decision got no answer in time. The conversation is reloaded to show whether it went through.'
        : result.error.code === 'NOT_FOUND'
          ? 'This action was already decided (perhaps by a colleague) or no longer exists.'
          : `Could not record the decision. ${describeError(result.error)}`,
    );
    this.refresh(conversationId);
    return false;
  }

  async resolve(conversationId: string, outcome: ResolveOutcome): Promise<boolean> {
    const transport = this.transport;
    if (!transport || this.state.panes[conversationId]?.resolving) return false;
    this.patchPane(conversationId, { resolving: true });
    const result = await transport.request('conversation:resolve', { conversationId, outcome });
    if (transport !== this.transport) return false;
    this.patchPane(conversationId, { resolving: false });
    if (result.ok || result.error.code === 'CONVERSATION_CLOSED') {
      this.markResolved(conversationId);
      if (result.ok) this.notify('info', 'Conversation resolved. Thank you for the feedback.');
      else this.notify('error', describeError(result.error));
      return result.ok;
    }
    this.notify('error', `Could not resolve the conversation. ${describeError(result.error)}`);
    return false;
  }

  /** Fetches the full transcript behind the packet's link (HTTP, bearer token). */
  async fetchTranscript(conversationId: string): Promise<ChatMessage[] | null> {
    const url = this.state.panes[conversationId]?.detail?.packet?.transcriptUrl;
    const token = this.state.session?.token;
    if (!url || !token) return null;
    const result = await this.deps.http.fetchTranscript(url, token);
    if (!result.ok) {
      this.notify('error', `Could not load the transcript. ${describeError(result.error)}`);
      return null;
    }
    this.receive(conversationId, result.data.messages, false);
    return result.data.messages;
  }

  dismissAlert(id: string): void {
    this.update((s) => ({ ...s, slaAlerts: s.slaAlerts.filter((a) => a.id !== id) }));
  }

  dismissNotice(): void {
    if (this.state.notice) this.update((s) => ({ ...s, notice: null }));
  }

  // ---- server pushes ----

  private receive(conversationId: string, messages: ChatMessage[], live: boolean): void {
    const pane = this.state.panes[conversationId];
    if (pane) {
      const merged = mergeMessages(pane.messages, messages);
      if (merged !== pane.messages) {
        const typing = typingAfterMessages(pane.customerTypingUntil, messages);
        this.patchPane(conversationId, {
          messages: merged,
          outbox: settleOutgoing(pane.outbox, merged),
          customerTypingUntil: typing,
        });
        if (typing === null) clearTimeout(this.typingTimers.get(conversationId));
        // A seq gap means a live event was missed (e.g. during a reconnect): refetch.
        if (live && hasGap(merged)) void this.load(conversationId);
      }
    }
    const entry = this.state.mine.find((c) => c.conversationId === conversationId);
    if (live && entry && this.state.openId !== conversationId) {
      const seen = pane ? lastSeq(pane.messages) : 0;
      const fresh = customerMessagesAfter(messages, seen);
      if (fresh > 0) {
        this.update((s) => ({
          ...s,
          mine: patchMine(s.mine, conversationId, { unread: entry.unread + fresh }),
        }));
      }
    }
  }

  /** `conversation:updated`: refetch what is on screen or mine, and the queue lists (counts). */
  private onUpdated(conversationId: string): void {
    const owned = this.state.mine.some(
      (c) => c.conversationId === conversationId && c.state !== 'resolved',
    );
    if (this.state.openId === conversationId || owned) this.refresh(conversationId);
    this.requestQueuesRefresh();
  }

  /** `queues:get`, coalesced: a burst of updates costs at most one request plus one follow-up. */
  private requestQueuesRefresh(): void {
    if (this.queuesRefresh) {
      this.queuesRefreshDue = true;
      return;
    }
    this.queuesRefresh = this.refreshQueues().finally(() => {
      this.queuesRefresh = null;
      if (this.queuesRefreshDue) {
        this.queuesRefreshDue = false;
        this.requestQueuesRefresh();
      }
    });
  }

  private onClaimed(event: { conversationId: string; agentId: string; agentName: string }): void {
    const { conversationId, agentId, agentName } = event;
    const me = this.state.session?.agent.id;
    this.update((s) => {
      const pane = s.panes[conversationId];
      const detail = pane?.detail;
      return {
        ...s,
        queues: withoutWaiting(s.queues, conversationId),
        panes:
          pane && detail
            ? {
                ...s.panes,
                [conversationId]: {
                  ...pane,
                  detail: {
                    ...detail,
                    state: 'assigned',
                    assignedAgent: { id: agentId, name: agentName },
                  },
                },
              }
            : s.panes,
      };
    });
    // Claimed by me elsewhere (another tab): list it here too.
    if (agentId === me && !this.state.mine.some((c) => c.conversationId === conversationId)) {
      void this.load(conversationId);
    }
  }

  private applyDetail(detail: ConversationDetail): void {
    const me = this.state.session?.agent.id;
    this.update((s) => {
      const pane = s.panes[detail.id] ?? emptyPane(detail.id);
      const messages = mergeMessages(pane.messages, detail.messages);
      const existing = s.mine.find((c) => c.conversationId === detail.id);
      let mine = s.mine;
      if (existing) {
        // Entries restored from `hello` start bare; fill what the detail now tells.
        const fresh = toMyConversation(
          detail,
          findWaiting(s.queues, detail.id),
          existing.claimedAt,
        );
        mine = patchMine(mine, detail.id, {
          state: detail.state,
          summary: existing.summary || fresh.summary,
          customerName: existing.customerName ?? fresh.customerName,
          tier: existing.tier ?? fresh.tier,
          queue: existing.queue ?? fresh.queue,
          lane: fresh.lane,
          pendingDrafts: fresh.pendingDrafts,
          pendingActions: fresh.pendingActions,
        });
      } else if (detail.assignedAgent?.id === me && detail.state === 'assigned') {
        const waiting = findWaiting(s.queues, detail.id);
        mine = upsertMine(
          mine,
          toMyConversation(detail, waiting, new Date(this.now()).toISOString()),
        );
      }
      return {
        ...s,
        mine,
        panes: {
          ...s.panes,
          [detail.id]: { ...pane, detail, messages, outbox: settleOutgoing(pane.outbox, messages) },
        },
      };
    });
  }

  private markResolved(conversationId: string): void {
    this.update((s) => {
      const pane = s.panes[conversationId];
      return {
        ...s,
        mine: patchMine(s.mine, conversationId, { state: 'resolved', unread: 0 }),
        panes: pane?.detail
          ? {
              ...s.panes,
              [conversationId]: { ...pane, detail: { ...pane.detail, state: 'resolved' } },
            }
          : s.panes,
      };
    });
  }

  // ---- plumbing ----

  private notify(tone: Notice['tone'], message: string): void {
    this.noticeCounter += 1;
    const notice = { id: this.noticeCounter, tone, message };
    this.update((s) => ({ ...s, notice }));
  }

  private setReviewing(conversationId: string, id: string, busy: boolean): void {
    const pane = this.state.panes[conversationId];
    if (!pane) return;
    const reviewing = pane.reviewing.filter((x) => x !== id);
    this.patchPane(conversationId, { reviewing: busy ? [...reviewing, id] : reviewing });
  }

  private patchDetail(
    conversationId: string,
    change: (detail: ConversationDetail) => ConversationDetail,
  ): void {
    const detail = this.state.panes[conversationId]?.detail;
    if (detail) this.patchPane(conversationId, { detail: change(detail) });
    this.syncMineCounts(conversationId);
  }

  /** Keeps the pending counts of "My conversations" in step with the pane's detail. */
  private syncMineCounts(conversationId: string): void {
    const detail = this.state.panes[conversationId]?.detail;
    const entry = this.state.mine.find((c) => c.conversationId === conversationId);
    if (!detail || !entry) return;
    const counts = pendingCounts(detail);
    if (
      counts.pendingDrafts !== entry.pendingDrafts ||
      counts.pendingActions !== entry.pendingActions
    ) {
      this.update((s) => ({ ...s, mine: patchMine(s.mine, conversationId, counts) }));
    }
  }

  private patchPane(conversationId: string, patch: Partial<ConversationPane>): void {
    this.update((s) => ({
      ...s,
      panes: {
        ...s.panes,
        [conversationId]: { ...(s.panes[conversationId] ?? emptyPane(conversationId)), ...patch },
      },
    }));
  }

  private update(change: (state: ConsoleState) => ConsoleState): void {
    const previous = this.state;
    this.state = change(previous);
    if (this.state.mine !== previous.mine && this.state.session) {
      this.deps.session.saveMine(this.state.session.agent.id, this.state.mine);
    }
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
