import {
  BatonError,
  ErrorCode,
  type ChatMessage,
  type ContextSetPayload,
  type CustomerMessagePayload,
  type HumanRequestPayload,
  type IdentifyPayload,
  type LeaveEmailPayload,
  type QueueStatus,
  type SessionStartPayload,
  type SessionStartResult,
} from '@baton/shared';
import type { Conversation, Store } from '../storage';
import type { Clock } from './clock';
import type { KeyedLock } from './keyedLock';
import type { TaskTracker } from './taskTracker';
import type { Notifier } from './notifier';
import type { QueueService } from './queueService';
import { hashToken, newToken } from './tokens';
import type { TurnService } from './turnService';

/** What a customer socket holds once `session:start` succeeded. */
export interface CustomerSession {
  siteId: string;
  visitorId: string;
  conversationId: string;
}

export interface CustomerServiceDeps {
  store: Store;
  turns: TurnService;
  queues: QueueService;
  notifier: Notifier;
  clock: Clock;
  lock: KeyedLock;
  tasks: TaskTracker;
  log: { error: (obj: object, msg: string) => void };
}

export function createCustomerService(deps: CustomerServiceDeps) {
  const { store, notifier, clock, lock } = deps;

  async function conversationOf(session: CustomerSession): Promise<Conversation> {
    const conversation = await store.getConversation(session.conversationId);
    if (!conversation) throw new BatonError(ErrorCode.NOT_FOUND, 'Conversation not found');
    return conversation;
  }

  function runTurn(conversationId: string, input: Parameters<TurnService['process']>[1]) {
    return deps.tasks.track(lock(conversationId, () => deps.turns.process(conversationId, input)));
  }

  async function startSession(
    payload: SessionStartPayload,
  ): Promise<{ session: CustomerSession; result: SessionStartResult }> {
    const site = await store.getSiteByKey(payload.siteKey);
    if (!site)
      throw new BatonError(ErrorCode.UNKNOWN_SITE, `Unknown site key "${payload.siteKey}"`);
    const now = clock();
    let token = payload.sessionToken;
    let visitor = token ? await store.getVisitorByToken(site.id, hashToken(token)) : null;
    if (!visitor) {
      // An unknown or foreign token starts a fresh visitor rather than failing: the widget recovers.
      token = newToken();
      visitor = await store.createVisitor({ siteId: site.id, tokenHash: hashToken(token), now });
    }
    const conversation =
      (await store.latestConversation(visitor.id)) ??
      (await store.createConversation({ siteId: site.id, visitorId: visitor.id, now }));
    const session = { siteId: site.id, visitorId: visitor.id, conversationId: conversation.id };
    const [messages, status] = await Promise.all([
      store.listMessages(conversation.id, payload.lastSeq ?? 0),
      deps.queues.status(conversation),
    ]);
    return {
      session,
      result: { sessionToken: token!, conversationId: conversation.id, messages, status },
    };
  }

  async function sendMessage(
    session: CustomerSession,
    payload: CustomerMessagePayload,
  ): Promise<{ message: ChatMessage }> {
    const conversation = await conversationOf(session);
    if (conversation.state === 'resolved') await store.reopen(conversation.id);
    const { message, duplicate } = await store.appendMessage({
      conversationId: conversation.id,
      role: 'customer',
      text: payload.text,
      clientId: payload.clientId,
      now: clock(),
    });
    if (!duplicate) {
      notifier.customerMessage(conversation.id, message);
      notifier.agentMessage(conversation.id, message);
      // Acked once stored; the turn runs after, in order, one per conversation at a time.
      runTurn(conversation.id, { kind: 'text', message }).catch((err: unknown) =>
        deps.log.error({ err, conversationId: conversation.id }, 'turn failed'),
      );
    }
    return { message };
  }

  async function requestHuman(
    session: CustomerSession,
    payload: HumanRequestPayload,
  ): Promise<{ status: QueueStatus }> {
    const conversation = await conversationOf(session);
    if (conversation.state === 'resolved') await store.reopen(conversation.id);
    const { message, duplicate } = await store.appendMessage({
      conversationId: conversation.id,
      role: 'customer',
      text: 'Talk to a human',
      clientId: payload.clientId,
      now: clock(),
    });
    if (!duplicate) {
      notifier.customerMessage(conversation.id, message);
      notifier.agentMessage(conversation.id, message);
    }
    // Waits for the turn: the ack carries the queue status the customer is now in.
    await runTurn(conversation.id, { kind: 'button', message });
    return { status: await deps.queues.status(await conversationOf(session)) };
  }

  async function identify(session: CustomerSession, payload: IdentifyPayload) {
    await store.updateVisitor(session.visitorId, {
      ...(payload.id !== undefined && { externalId: payload.id }),
      ...(payload.name !== undefined && { name: payload.name }),
      ...(payload.email !== undefined && { email: payload.email }),
    });
    return {};
  }

  async function setContext(session: CustomerSession, payload: ContextSetPayload) {
    const visitor = await store.getVisitor(session.visitorId);
    // Top-level keys replace earlier values, so a storefront can update orders alone.
    await store.updateVisitor(session.visitorId, {
      context: { ...(visitor?.context ?? {}), ...payload },
    });
    return {};
  }

  async function leaveEmail(session: CustomerSession, payload: LeaveEmailPayload) {
    const conversation = await conversationOf(session);
    await store.setEmailLeft(conversation.id, payload.email);
    await store.updateVisitor(session.visitorId, { email: payload.email });
    const { message } = await store.appendMessage({
      conversationId: conversation.id,
      role: 'system',
      text: `We will reply to ${payload.email} and you keep your place in the queue.`,
      now: clock(),
    });
    notifier.customerMessage(conversation.id, message);
    notifier.agentMessage(conversation.id, message);
    const status = await deps.queues.status((await store.getConversation(conversation.id))!);
    notifier.customerStatus(conversation.id, status);
    return { status };
  }

  async function sync(session: CustomerSession, lastSeq: number) {
    return { messages: await store.listMessages(session.conversationId, lastSeq) };
  }

  return { startSession, sendMessage, requestHuman, identify, setContext, leaveEmail, sync };
}
export type CustomerService = ReturnType<typeof createCustomerService>;
