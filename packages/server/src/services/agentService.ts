// Native bcrypt hashes on libuv's thread pool, so a burst of logins never stalls the event loop.
import { systemMessage } from './notices';
import bcrypt from 'bcrypt';
import {
  BatonError,
  ErrorCode,
  type AgentLoginResult,
  type AgentMessagePayload,
  type AgentTypingPayload,
  type AgentProfile,
  type ChatMessage,
  type ActionDecisionPayload,
  type ConversationDetail,
  type DraftReviewPayload,
  type HeldDraft,
  type Offer,
  type PendingAction,
  type Decision,
  type DecisionSummary,
  type PresenceStatus,
  type QueueSnapshot,
  type ResolvePayload,
} from '@baton/shared';
import {
  AttachmentRefError,
  StateConflictError,
  type Agent,
  type ClaimResult,
  type Conversation,
  type Store,
  type StoredDecision,
} from '../storage';
import type { Clock } from './clock';
import type { Metrics } from './metrics';
import type { Notifier } from './notifier';
import type { PresenceKeeper } from './presence';
import type { QueueService } from './queueService';
import { attachmentRefused } from './attachmentService';
import { hashToken, newToken } from './tokens';

const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export type { Agent };

export interface AgentServiceDeps {
  store: Store;
  queues: QueueService;
  notifier: Notifier;
  clock: Clock;
  presence: Pick<PresenceKeeper, 'add' | 'remove'>;
  metrics?: Pick<Metrics, 'claimed' | 'offer'>;
  /** After an agent's reply is stored: email it if the customer is not in the chat to see it. */
  replied?: (conversationId: string, message: ChatMessage, agent: Agent) => void;
  /** Push routing should look again (an agent has room, or passed on an offer). */
  reroute?: () => void;
}

export function summarizeDecision(d: StoredDecision): DecisionSummary {
  const brief = (x: Decision) => ({
    policyVersion: x.policyVersion,
    lane: x.lane,
    unit: x.unit,
    triggers: x.triggers.map((t) => t.name),
    queue: x.queue,
  });
  return {
    turn: d.turn,
    tier: d.decision.tier,
    ...brief(d.decision),
    shadow: d.shadow ? brief(d.shadow) : null,
    createdAt: d.now.toISOString(),
  };
}

export const profileOf = (agent: Agent): AgentProfile => ({
  id: agent.id,
  name: agent.name,
  email: agent.email,
  queues: agent.queues,
});

/** Agents may read conversations of their queues and the ones they own. */
export function mayRead(agent: Pick<Agent, 'id' | 'queues'>, conversation: Conversation): boolean {
  const member = conversation.queue !== null && agent.queues.includes(conversation.queue);
  return member || conversation.assignedAgentId === agent.id;
}

export function createAgentService(deps: AgentServiceDeps) {
  const { store, queues, notifier, clock } = deps;

  async function login(email: string, password: string): Promise<AgentLoginResult> {
    const agent = await store.getAgentByEmail(email);
    // Compare even for unknown emails so timing does not reveal which emails exist.
    const hash =
      agent?.passwordHash ?? '$2b$10$qLNojspcS39Y5vl3.e9LgOsyNkGLznz7bXBy0L39wUcu7Wkuwnd9e';
    const valid = await bcrypt.compare(password, hash);
    await store.deleteExpiredAgentSessions(clock());
    if (!agent || !valid) throw new BatonError(ErrorCode.UNAUTHORIZED, 'Wrong email or password');
    const token = newToken();
    await store.createAgentSession(
      hashToken(token),
      agent.id,
      new Date(clock().getTime() + SESSION_TTL_MS),
    );
    return { token, agent: profileOf(agent) };
  }

  async function authenticate(token: unknown): Promise<Agent & { sessionExpiresAt: Date }> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 256) {
      throw new BatonError(ErrorCode.UNAUTHORIZED, 'Missing agent token');
    }
    const agent = await store.getAgentBySession(hashToken(token), clock());
    if (!agent) throw new BatonError(ErrorCode.UNAUTHORIZED, 'Invalid or expired agent token');
    return agent;
  }

  async function broadcastQueues(agent: Agent) {
    await Promise.all(agent.queues.filter(queues.has).map((q) => queues.broadcast(q)));
  }

  /** False once the session was logged out or revoked (checked again after a socket joined). */
  async function sessionValid(tokenHash: string): Promise<boolean> {
    return (await store.getAgentBySession(tokenHash, clock())) !== null;
  }

  async function logout(token: unknown): Promise<void> {
    await authenticate(token);
    const tokenHash = hashToken(token as string);
    await store.deleteAgentSession(tokenHash);
    notifier.disconnectSession(tokenHash);
  }

  /** Token revocation (admin): every session of the agent ends and its sockets close. */
  async function revokeSessions(agentId: string): Promise<{ revoked: number }> {
    if (!(await store.getAgent(agentId))) {
      throw new BatonError(ErrorCode.NOT_FOUND, 'No such agent');
    }
    const revoked = await store.deleteAgentSessions(agentId);
    notifier.disconnectAgent(agentId);
    return { revoked };
  }

  async function connected(agent: Agent, socketId: string): Promise<PresenceStatus> {
    await deps.presence.add(socketId, agent.id);
    const presence = await store.getPresence(agent.id);
    // The queues' broadcast also has push routing look again (queueService `changed`).
    await broadcastQueues(agent);
    return presence.status;
  }

  async function disconnected(agent: Agent, socketId: string): Promise<void> {
    await deps.presence.remove(socketId);
    await broadcastQueues(agent);
  }

  /** Connections lapsed (a node died) or came back: customers' banners and queues change. */
  async function presenceChanged(agentIds: string[]): Promise<void> {
    const found = await Promise.all(agentIds.map((id) => store.getAgent(id)));
    const names = new Set(found.flatMap((a) => a?.queues ?? []));
    await Promise.all([...names].filter(queues.has).map((q) => queues.broadcast(q)));
  }

  async function setPresence(agent: Agent, status: PresenceStatus) {
    const presence = await store.updatePresence(agent.id, { status }, clock());
    await broadcastQueues(agent);
    return { status: presence.status };
  }

  async function listQueues(agent: Agent): Promise<{ queues: QueueSnapshot[] }> {
    return {
      queues: await Promise.all(agent.queues.filter(queues.has).map((q) => queues.snapshot(q))),
    };
  }

  async function detail(conversation: Conversation): Promise<ConversationDetail> {
    const [messages, owner, drafts, actions, decisions, emails, csat] = await Promise.all([
      store.listMessages(conversation.id),
      conversation.assignedAgentId
        ? store.getAgent(conversation.assignedAgentId)
        : Promise.resolve(null),
      store.listDrafts(conversation.id),
      store.listActions(conversation.id),
      store.listDecisions(conversation.id),
      store.listEmails(conversation.id),
      store.getCsat(conversation.id),
    ]);
    return {
      id: conversation.id,
      state: conversation.state,
      lane: conversation.lane,
      queue: conversation.queue,
      drafts,
      actions,
      decisions: decisions.map(summarizeDecision),
      assignedAgent: owner ? { id: owner.id, name: owner.name } : null,
      packet: conversation.packet,
      messages,
      replyByEmail: conversation.emailLeft,
      emails: emails.map((e) => ({
        id: e.id,
        kind: e.kind,
        messageId: e.messageId,
        to: e.to,
        status: e.status,
        attempts: e.attempts,
        lastError: e.lastError,
        sentAt: e.sentAt?.toISOString() ?? null,
      })),
      csat: csat && {
        rating: csat.rating,
        comment: csat.comment,
        ratedAt: csat.ratedAt.toISOString(),
      },
    };
  }

  async function readable(agent: Agent, conversationId: string): Promise<Conversation> {
    const conversation = await store.getConversation(conversationId);
    if (!conversation) throw new BatonError(ErrorCode.NOT_FOUND, 'Conversation not found');
    if (!mayRead(agent, conversation)) {
      throw new BatonError(ErrorCode.FORBIDDEN, 'This conversation is not in one of your queues');
    }
    return conversation;
  }

  /** One read of the conversation; the predicate tells which agents may read it now. */
  async function readerCheck(conversationId: string) {
    const conversation = await store.getConversation(conversationId);
    return (agent: Pick<Agent, 'id' | 'queues'>) =>
      conversation !== null && mayRead(agent, conversation);
  }

  async function getConversation(agent: Agent, conversationId: string) {
    return detail(await readable(agent, conversationId));
  }

  async function claim(agent: Agent, conversationId: string): Promise<ConversationDetail> {
    const before = await readable(agent, conversationId);
    const now = clock();
    const result = await store.claim(conversationId, agent.id, now);
    if (!result.ok) throw await claimError(agent, result);
    const won = result.conversation;
    for (const { offerId, agentId, accepted } of result.offers) {
      deps.metrics?.offer(before.queue!, accepted ? 'accepted' : 'withdrawn');
      notifier.offerClosed(agentId, {
        offerId,
        conversationId,
        reason: accepted ? 'accepted' : 'withdrawn',
      });
    }
    if (before.enqueuedAt) {
      deps.metrics?.claimed(before.queue!, now.getTime() - before.enqueuedAt.getTime());
    }
    const { message } = await store.appendMessage({
      conversationId,
      ...systemMessage('agent_joined', { agent: agent.name }),
      now,
    });
    notifier.customerMessage(conversationId, message);
    notifier.agentMessage(conversationId, message);
    notifier.customerAgentJoined(conversationId, agent.name);
    notifier.customerStatus(conversationId, await queues.status(won));
    notifier.conversationClaimed(before.queue!, {
      conversationId,
      agentId: agent.id,
      agentName: agent.name,
    });
    await queues.broadcast(before.queue!);
    return detail(won);
  }

  /**
   * Checks the offer is the agent's and still open, and returns its conversation for the
   * caller to claim: the claim marks the offer accepted in its own transaction, so the offer
   * counts against the agent's capacity until the conversation does.
   */
  async function offeredConversation(agent: Agent, offerId: string): Promise<string> {
    const offer = await store.getOffer(offerId);
    if (
      !offer ||
      offer.agentId !== agent.id ||
      offer.status !== 'pending' ||
      offer.expiresAt <= clock()
    ) {
      throw new BatonError(
        ErrorCode.OFFER_GONE,
        'This offer is no longer open: it expired, or the conversation was taken or left the queue',
      );
    }
    return offer.conversationId;
  }

  /** Passes on an offer: routing offers the conversation to the next agent at once. */
  async function declineOffer(agent: Agent, offerId: string): Promise<Record<string, never>> {
    const offer = await store.answerOffer(offerId, agent.id, 'declined', clock());
    if (!offer) {
      throw new BatonError(ErrorCode.OFFER_GONE, 'This offer is no longer open');
    }
    notifier.offerClosed(agent.id, {
      offerId,
      conversationId: offer.conversationId,
      reason: 'declined',
    });
    deps.metrics?.offer(offer.queue, 'declined');
    deps.reroute?.();
    return {};
  }

  /** The offers waiting for the agent's answer (sent on connect). */
  async function pendingOffers(agent: Agent): Promise<Offer[]> {
    const offers = await store.listPendingOffers(agent.id);
    return offers.map((o) => ({
      id: o.id,
      conversationId: o.conversationId,
      queue: o.queue,
      queueName: queues.has(o.queue) ? queues.config(o.queue).displayName : o.queue,
      tier: o.tier,
      summary: o.summary,
      customerName: o.customerName,
      language: o.language,
      offeredAt: o.offeredAt.toISOString(),
      expiresAt: o.expiresAt.toISOString(),
    }));
  }

  async function claimError(agent: Agent, result: Extract<ClaimResult, { ok: false }>) {
    if (result.reason === 'at_capacity') {
      return new BatonError(
        ErrorCode.AT_CAPACITY,
        `You already own ${agent.capacity} open conversations (your capacity); resolve one first`,
      );
    }
    const current = result.conversation;
    if (current?.state === 'resolved') {
      return new BatonError(ErrorCode.CONVERSATION_CLOSED, 'The conversation is resolved');
    }
    const owner =
      current?.state === 'assigned' && current.assignedAgentId
        ? await store.getAgent(current.assignedAgentId)
        : null;
    return new BatonError(
      ErrorCode.ALREADY_CLAIMED,
      owner ? `Already claimed by ${owner.name}` : 'This conversation is not waiting in a queue',
      owner ? { agentId: owner.id, agentName: owner.name } : undefined,
    );
  }

  async function owned(agent: Agent, conversationId: string): Promise<Conversation> {
    const conversation = await readable(agent, conversationId);
    if (conversation.state === 'resolved') {
      throw new BatonError(ErrorCode.CONVERSATION_CLOSED, 'The conversation is resolved');
    }
    if (conversation.state !== 'assigned' || conversation.assignedAgentId !== agent.id) {
      throw new BatonError(ErrorCode.NOT_ASSIGNED, 'Claim the conversation before replying');
    }
    return conversation;
  }

  async function reply(
    agent: Agent,
    payload: AgentMessagePayload,
  ): Promise<{ message: ChatMessage }> {
    await owned(agent, payload.conversationId);
    const { message, duplicate } = await store
      .appendMessage({
        conversationId: payload.conversationId,
        role: 'agent',
        text: payload.text,
        authorName: agent.name,
        clientId: payload.clientId,
        now: clock(),
        // Ownership is checked again under the row lock: a resolve in another tab wins.
        guard: { states: ['assigned'], assignedAgentId: agent.id },
        ...(payload.attachments && {
          attachments: { ids: payload.attachments, uploaderId: agent.id },
        }),
      })
      .catch((err: unknown) => {
        if (err instanceof AttachmentRefError) throw attachmentRefused(err);
        if (err instanceof StateConflictError) {
          throw err.state === 'resolved'
            ? new BatonError(ErrorCode.CONVERSATION_CLOSED, 'The conversation is resolved')
            : new BatonError(ErrorCode.NOT_ASSIGNED, 'The conversation is no longer yours');
        }
        throw err;
      });
    if (!duplicate) {
      notifier.customerMessage(payload.conversationId, message);
      notifier.agentMessage(payload.conversationId, message);
      deps.replied?.(payload.conversationId, message, agent);
    }
    return { message };
  }

  /** The owner's typing flag, to the customer's sockets (every node). Nothing is stored. */
  async function typing(agent: Agent, payload: AgentTypingPayload) {
    await owned(agent, payload.conversationId);
    notifier.customerTyping(payload.conversationId, {
      conversationId: payload.conversationId,
      typing: payload.typing,
      agentName: agent.name,
    });
    return {};
  }

  async function resolve(agent: Agent, payload: ResolvePayload) {
    const conversation = await owned(agent, payload.conversationId);
    const open = (await store.listActions(conversation.id)).filter((a) => a.status === 'pending');
    if (open.length > 0) {
      // The customer was promised a decision; resolving must not silently drop it.
      throw new BatonError(
        ErrorCode.PENDING_ACTIONS,
        `Approve or deny the ${open.length} pending action(s) before resolving`,
      );
    }
    const now = clock();
    const resolved = await store.resolve(conversation.id, agent.id, payload.outcome, now);
    if (!resolved)
      throw new BatonError(ErrorCode.NOT_ASSIGNED, 'The conversation is no longer yours');
    const { message } = await store.appendMessage({
      conversationId: conversation.id,
      ...systemMessage('resolved', { agent: agent.name }),
      now,
    });
    notifier.customerMessage(conversation.id, message);
    notifier.agentMessage(conversation.id, message);
    notifier.customerResolved(conversation.id);
    // Whoever watched it no longer receives its messages; a reopened conversation starts afresh.
    notifier.stopWatching(conversation.id);
    notifier.customerStatus(conversation.id, await queues.status(resolved));
    // The agent has room again.
    deps.reroute?.();
    return {};
  }

  async function reviewDraft(
    agent: Agent,
    payload: DraftReviewPayload,
  ): Promise<{ draft: HeldDraft; message: ChatMessage | null }> {
    await owned(agent, payload.conversationId);
    const status =
      payload.decision === 'approve'
        ? 'approved'
        : payload.decision === 'edit'
          ? 'edited'
          : 'rejected';
    const draft = await store.reviewDraft({
      conversationId: payload.conversationId,
      draftId: payload.draftId,
      status,
      reviewedBy: agent.name,
      now: clock(),
    });
    if (!draft)
      throw new BatonError(
        ErrorCode.NOT_FOUND,
        'No pending draft with that id in this conversation',
      );
    let message: ChatMessage | null = null;
    if (payload.decision !== 'reject') {
      // The agent sends it under their own name: they reviewed it and answer for it.
      const text = payload.decision === 'edit' ? payload.text : draft.text;
      ({ message } = await reply(agent, {
        conversationId: payload.conversationId,
        clientId: `draft-${draft.id}`.slice(0, 64).replace(/[^A-Za-z0-9_-]/g, ''),
        text,
      }));
    }
    notifier.conversationUpdated(payload.conversationId, null);
    return { draft, message };
  }

  async function decideAction(
    agent: Agent,
    payload: ActionDecisionPayload,
  ): Promise<{ action: PendingAction }> {
    const conversation = await readable(agent, payload.conversationId);
    if (conversation.state === 'resolved') {
      throw new BatonError(ErrorCode.CONVERSATION_CLOSED, 'The conversation is resolved');
    }
    if (conversation.state === 'assigned' && conversation.assignedAgentId !== agent.id) {
      throw new BatonError(ErrorCode.NOT_ASSIGNED, 'Another agent owns this conversation');
    }
    const action = await store.decideAction({
      conversationId: payload.conversationId,
      actionId: payload.actionId,
      status: payload.decision === 'approve' ? 'approved' : 'denied',
      decidedBy: agent.name,
      note: payload.note ?? null,
      now: clock(),
    });
    if (!action) {
      throw new BatonError(
        ErrorCode.NOT_FOUND,
        'No pending action with that id in this conversation',
      );
    }
    const label = action.action.replace(/_/g, ' ');
    const { message } = await store.appendMessage({
      conversationId: payload.conversationId,
      ...(payload.decision === 'approve'
        ? systemMessage('action_approved', { agent: agent.name, action: label })
        : systemMessage('action_denied', {
            agent: agent.name,
            action: label,
            note: payload.note || null,
          })),
      now: clock(),
    });
    notifier.customerMessage(payload.conversationId, message);
    notifier.agentMessage(payload.conversationId, message);
    // Nothing left for a person (checked atomically): an unclaimed conversation goes back.
    if (await store.returnToAssistant(payload.conversationId)) {
      notifier.customerStatus(
        payload.conversationId,
        await queues.status((await store.getConversation(payload.conversationId))!),
      );
      // Out of every queue: nobody may read it any more, so nobody keeps receiving it.
      notifier.stopWatching(payload.conversationId);
    }
    notifier.conversationUpdated(payload.conversationId, conversation.queue);
    if (conversation.queue) await queues.broadcast(conversation.queue);
    return { action };
  }

  async function transcript(agent: Agent, conversationId: string) {
    await readable(agent, conversationId);
    return { messages: await store.listMessages(conversationId) };
  }

  async function assigned(agent: Agent) {
    const owned = await store.listAssigned(agent.id);
    return owned.map((c) => ({ conversationId: c.id, queue: c.queue ?? 'general' }));
  }

  return {
    offeredConversation,
    declineOffer,
    pendingOffers,
    reviewDraft,
    decideAction,
    assigned,
    login,
    authenticate,
    sessionValid,
    logout,
    revokeSessions,
    readerCheck,
    checkAccess: async (agent: Agent, conversationId: string) => {
      await readable(agent, conversationId);
    },
    /** Throws unless the agent owns the open conversation (may reply, or upload to it). */
    checkOwner: async (agent: Agent, conversationId: string) => {
      await owned(agent, conversationId);
    },
    connected,
    disconnected,
    presenceChanged,
    setPresence,
    listQueues,
    getConversation,
    claim,
    reply,
    typing,
    resolve,
    transcript,
  };
}
export type AgentService = ReturnType<typeof createAgentService>;
