import { systemMessage } from './notices';
import {
  BatonError,
  notice,
  ErrorCode,
  type ChatMessage,
  type ContextSetPayload,
  type CsatResult,
  type CsatSubmitPayload,
  type CustomerMessagePayload,
  type HumanRequestPayload,
  type IdentifyPayload,
  type LeaveEmailPayload,
  type TranscriptEmailPayload,
  type TypingPayload,
  type QueueStatus,
  type SessionStartPayload,
  type SessionStartResult,
} from '@baton/shared';
import {
  AttachmentRefError,
  ConversationNotFoundError,
  type Conversation,
  type Store,
} from '../storage';
import type { Clock } from './clock';
import { attachmentRefused } from './attachmentService';
import { knownAddress } from './customerEmails';
import type { Notifier } from './notifier';
import type { QueueService } from './queueService';
import { hashToken, newToken, verifyUserHash } from './tokens';
import { humanRequestOf } from './turnPlanner';
import type { TurnRunner } from './turnRunner';

const MAX_CONTEXT_BYTES = 64 * 1024;

/** What a customer socket holds once `session:start` succeeded. */
export interface CustomerSession {
  siteId: string;
  visitorId: string;
  conversationId: string;
}

export interface CustomerServiceDeps {
  store: Store;
  runner: TurnRunner;
  queues: QueueService;
  notifier: Notifier;
  clock: Clock;
  /** The site's identity secret for `identify({ id, userHash })`, if it has one. */
  identitySecret: (siteId: string) => string | null;
  log: { error: (obj: object, msg: string) => void };
  /** Stores a transcript email (sent by the email worker); absent, transcripts are refused. */
  emailTranscript?: (conversation: Conversation, to: string, requestId: string) => Promise<void>;
}

export function createCustomerService(deps: CustomerServiceDeps) {
  const { store, notifier, clock, runner } = deps;

  async function conversationOf(session: CustomerSession): Promise<Conversation> {
    const conversation = await store.getConversation(session.conversationId);
    if (!conversation) throw new BatonError(ErrorCode.NOT_FOUND, 'Conversation not found');
    return conversation;
  }

  async function startSession(
    payload: SessionStartPayload,
    /** Runs before messages are read, so nothing written in between is missed (room join). */
    beforeRead: (conversationId: string) => Promise<void> = async () => undefined,
    /** Runs before a visitor is created; throws to refuse it (the per-IP cap on new visitors). */
    admitNewVisitor: () => Promise<void> = async () => undefined,
  ): Promise<{ session: CustomerSession; result: SessionStartResult }> {
    const site = await store.getSiteByKey(payload.siteKey);
    if (!site)
      throw new BatonError(ErrorCode.UNKNOWN_SITE, `Unknown site key "${payload.siteKey}"`);
    const now = clock();
    let token = payload.sessionToken;
    let visitor = null;
    let resume: SessionStartResult['resume'];
    if (payload.resumeToken) {
      // A reply email's link: this browser carries that chat on, with a token of its own.
      const own = newToken();
      visitor = await store.resumeVisitor({
        siteId: site.id,
        linkHash: hashToken(payload.resumeToken),
        tokenHash: hashToken(own),
        now,
      });
      resume = visitor ? 'resumed' : 'expired';
      if (visitor) token = own;
    }
    if (!visitor && token) visitor = await store.getVisitorByToken(site.id, hashToken(token));
    if (!visitor) {
      // An unknown or foreign token starts a fresh visitor rather than failing: the widget recovers.
      await admitNewVisitor();
      token = newToken();
      visitor = await store.createVisitor({ siteId: site.id, tokenHash: hashToken(token), now });
    }
    const conversation =
      (await store.latestConversation(visitor.id)) ??
      (await store.createConversation({ siteId: site.id, visitorId: visitor.id, now }));
    const session = { siteId: site.id, visitorId: visitor.id, conversationId: conversation.id };
    await beforeRead(conversation.id);
    const [messages, status] = await Promise.all([
      store.listMessages(conversation.id, payload.lastSeq ?? 0),
      deps.queues.status(conversation),
    ]);
    return {
      session,
      result: {
        sessionToken: token!,
        conversationId: conversation.id,
        messages,
        status,
        ...(resume && { resume }),
      },
    };
  }

  /** Stores the message and its pending turn in one transaction; acked only after this. */
  async function customerMessage(
    session: CustomerSession,
    clientId: string,
    text: string,
    turn: { kind: 'text' | 'button'; priority: boolean; unlessHuman?: boolean } | undefined,
    attachments?: string[],
  ) {
    const stored = await store
      .appendMessage({
        conversationId: session.conversationId,
        role: 'customer',
        text,
        // The button's press is shown in the customer's language, like a notice.
        ...(turn?.kind === 'button' && { notice: notice('human_button', {}) }),
        clientId,
        now: clock(),
        reopenIfResolved: true,
        ...(turn && { turn }),
        ...(attachments && { attachments: { ids: attachments, uploaderId: session.visitorId } }),
      })
      .catch((err: unknown) => {
        if (err instanceof ConversationNotFoundError) {
          throw new BatonError(ErrorCode.NOT_FOUND, 'Conversation not found');
        }
        if (err instanceof AttachmentRefError) throw attachmentRefused(err);
        throw err;
      });
    if (!stored.duplicate) {
      // Handed back to the assistant (no queue, no owner): no agent may read it any longer.
      if (stored.reopened) notifier.stopWatching(session.conversationId);
      notifier.customerMessage(session.conversationId, stored.message);
      notifier.agentMessage(session.conversationId, stored.message);
    }
    return stored;
  }

  /** Whether a retried message's turn still has to run (it never completed). */
  async function unfinished(message: ChatMessage, duplicate: boolean): Promise<boolean> {
    if (!duplicate) return true;
    return (await store.getTurn(message.id))?.status === 'pending';
  }

  async function sendMessage(
    session: CustomerSession,
    payload: CustomerMessagePayload,
  ): Promise<{ message: ChatMessage }> {
    // A typed request for a person jumps ahead of any slower assistant turn.
    const priority = humanRequestOf(payload.text) !== null;
    // Waiting for or with a person, the message is only stored and delivered: no turn. Nor for
    // a file sent without words: the assistant cannot read it, and a turn on no text would only
    // count as not understood (a low-confidence escalation); the next words the customer writes
    // are a turn as usual, with the file named in the assistant's history.
    const stored = await customerMessage(
      session,
      payload.clientId,
      payload.text,
      payload.text === '' ? undefined : { kind: 'text', priority, unlessHuman: true },
      payload.attachments,
    );
    const { message, duplicate } = stored;
    if (stored.turn === false && !duplicate) return { message };
    if (await unfinished(message, duplicate)) {
      // Acked once stored; the turn runs after, on this node or any other.
      if (priority) {
        runner.runNow(message.id).catch((err: unknown) => {
          deps.log.error({ err, conversationId: session.conversationId }, 'turn failed');
          runner.kick(session.conversationId);
        });
      } else {
        runner.kick(session.conversationId);
      }
    }
    return { message };
  }

  async function requestHuman(
    session: CustomerSession,
    payload: HumanRequestPayload,
  ): Promise<{ status: QueueStatus }> {
    const current = await conversationOf(session);
    if (current.lane === 'human' && current.state !== 'resolved') {
      // Already with (or waiting for) a person: pressing again changes nothing.
      return { status: await deps.queues.status(current) };
    }
    const { message, duplicate } = await customerMessage(
      session,
      payload.clientId,
      'Talk to a human',
      { kind: 'button', priority: true },
    );
    // A retry runs the turn only if the first attempt never completed it.
    if (await unfinished(message, duplicate)) await runner.runNow(message.id);
    return { status: await deps.queues.status(await conversationOf(session)) };
  }

  async function identify(session: CustomerSession, payload: IdentifyPayload) {
    let verifiedId: string | undefined;
    if (payload.userHash !== undefined) {
      const secret = deps.identitySecret(session.siteId);
      if (
        !secret ||
        payload.id === undefined ||
        !verifyUserHash(secret, payload.id, payload.userHash)
      ) {
        throw new BatonError(ErrorCode.UNAUTHORIZED, 'userHash does not match id for this site');
      }
      verifiedId = payload.id;
    }
    await store.updateVisitor(session.visitorId, {
      ...(payload.id !== undefined && { externalId: payload.id }),
      ...(verifiedId !== undefined && { verifiedId }),
      ...(payload.name !== undefined && { name: payload.name }),
      ...(payload.email !== undefined && { email: payload.email }),
    });
    return {};
  }

  async function setContext(session: CustomerSession, payload: ContextSetPayload) {
    // Top-level keys replace earlier values (so a storefront can update orders alone); the
    // merged context is capped so repeated calls cannot grow it without bound.
    const updated = await store.updateVisitor(
      session.visitorId,
      { context: payload },
      MAX_CONTEXT_BYTES,
    );
    if (!updated) {
      throw new BatonError(
        ErrorCode.INVALID_PAYLOAD,
        `The stored context would exceed ${MAX_CONTEXT_BYTES / 1024} KB; send fewer or smaller keys`,
      );
    }
    return {};
  }

  async function emailTranscript(session: CustomerSession, payload: TranscriptEmailPayload) {
    const conversation = await conversationOf(session);
    const to =
      payload.email ?? knownAddress(conversation, await store.getVisitor(session.visitorId));
    if (!to) {
      throw new BatonError(ErrorCode.INVALID_PAYLOAD, 'Give the email address to send it to');
    }
    if (!deps.emailTranscript) {
      throw new BatonError(ErrorCode.UNAVAILABLE, 'Email is not set up here');
    }
    // A retry (same clientId) stores nothing new.
    await deps.emailTranscript(
      conversation,
      to,
      `transcript:${conversation.id}:${payload.clientId}`,
    );
    return { to };
  }

  async function leaveEmail(session: CustomerSession, payload: LeaveEmailPayload) {
    const conversation = await conversationOf(session);
    if (conversation.emailLeft === payload.email)
      return { status: await deps.queues.status(conversation) };
    if (!(await store.setEmailLeft(conversation.id, payload.email))) {
      throw new BatonError(
        ErrorCode.NOT_QUEUED,
        'An email can be left only while waiting in a queue',
      );
    }
    await store.updateVisitor(session.visitorId, { email: payload.email });
    const { message } = await store.appendMessage({
      conversationId: conversation.id,
      ...systemMessage('email_left', { email: payload.email }),
      now: clock(),
    });
    notifier.customerMessage(conversation.id, message);
    notifier.agentMessage(conversation.id, message);
    const status = await deps.queues.status((await store.getConversation(conversation.id))!);
    notifier.customerStatus(conversation.id, status);
    return { status };
  }

  /** The customer's rating of the conversation's current episode; a later one replaces it. */
  async function submitCsat(
    session: CustomerSession,
    payload: CsatSubmitPayload,
  ): Promise<CsatResult> {
    const conversationId = payload.conversationId ?? session.conversationId;
    // A customer rates only their own conversation; another id is as good as unknown.
    if (conversationId !== session.conversationId) {
      throw new BatonError(ErrorCode.NOT_FOUND, 'Conversation not found');
    }
    const stored = await store.submitCsat({
      conversationId,
      rating: payload.rating,
      comment: payload.comment || null,
      now: clock(),
    });
    if (!stored) throw new BatonError(ErrorCode.NOT_FOUND, 'Conversation not found');
    return {
      conversationId,
      episode: stored.episode,
      rating: payload.rating,
      replaced: stored.replaced,
    };
  }

  /** What a client missed (a reconnect, a Redis outage): the messages, and the status now. */
  async function sync(session: CustomerSession, lastSeq: number) {
    const [messages, conversation] = await Promise.all([
      store.listMessages(session.conversationId, lastSeq),
      conversationOf(session),
    ]);
    return { messages, status: await deps.queues.status(conversation) };
  }

  /**
   * Relays the customer's typing flag to the agents watching the conversation, only while it is
   * with a person (queued or assigned): with the assistant nobody watches, and a flag for a
   * resolved chat would say someone is typing to nobody. One read by key; nothing is written.
   */
  async function typing(
    session: CustomerSession,
    payload: TypingPayload,
  ): Promise<{ relayed: boolean }> {
    const conversation = await conversationOf(session);
    const withPerson = conversation.state === 'queued' || conversation.state === 'assigned';
    if (withPerson) notifier.agentTyping(conversation.id, payload.typing);
    return { relayed: withPerson };
  }

  /**
   * The customer behind a session token (HTTP requests: attachments), and whether the
   * conversation is theirs: anyone else's is as good as unknown (NOT_FOUND).
   */
  async function authenticate(siteKey: string, token: string | undefined) {
    const site = siteKey.length <= 128 ? await store.getSiteByKey(siteKey) : null;
    if (!site) throw new BatonError(ErrorCode.UNKNOWN_SITE, 'Unknown site key');
    const visitor =
      token && token.length <= 256
        ? await store.getVisitorByToken(site.id, hashToken(token))
        : null;
    if (!visitor) throw new BatonError(ErrorCode.UNAUTHORIZED, 'Missing or invalid session token');
    return { siteId: site.id, visitorId: visitor.id };
  }

  return {
    authenticate,
    startSession,
    sendMessage,
    requestHuman,
    identify,
    setContext,
    leaveEmail,
    emailTranscript,
    submitCsat,
    sync,
    typing,
  };
}
export type CustomerService = ReturnType<typeof createCustomerService>;
