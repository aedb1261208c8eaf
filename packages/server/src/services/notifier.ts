import type {
  AgentTypingEvent,
  ChatMessage,
  EscalatedEvent,
  Offer,
  OfferEnd,
  QueueSnapshot,
  QueueStatus,
  SlaAlert,
} from '@baton/shared';

/**
 * How services push events without knowing the transport. The socket layer implements it with
 * Socket.IO rooms (and so across nodes through the Redis adapter).
 */
export interface Notifier {
  customerMessage(conversationId: string, message: ChatMessage): void;
  customerStatus(conversationId: string, status: QueueStatus): void;
  customerEscalated(conversationId: string, event: EscalatedEvent): void;
  customerAgentJoined(conversationId: string, agentName: string): void;
  customerResolved(conversationId: string): void;
  /** The owner is typing (or stopped): to the customer's sockets. Ephemeral, never stored. */
  customerTyping(conversationId: string, event: AgentTypingEvent): void;
  /** Agents watching the conversation (its owner and anyone who opened it). */
  agentMessage(conversationId: string, message: ChatMessage): void;
  /** The customer is typing (or stopped): to the agents watching it. Ephemeral, never stored. */
  agentTyping(conversationId: string, typing: boolean): void;
  queueSnapshot(snapshot: QueueSnapshot): void;
  /** Something agents see changed (held draft, pending action, decision): they refetch it. */
  conversationUpdated(conversationId: string, queue: string | null): void;
  /** Agents stop receiving the conversation's messages (after it is resolved). */
  stopWatching(conversationId: string): void;
  /**
   * Re-reads the conversation and stops feeding it to watchers (on every node) who may no
   * longer read it: call after its queue or owner changed. Never rejects (failures are logged).
   */
  /** Rejects when the check could not be made (then every watcher was removed, to be safe). */
  revalidateWatchers(conversationId: string): Promise<void>;
  /** Closes every agent socket opened with this session (logout), on every node. */
  disconnectSession(tokenHash: string): void;
  /** Closes every socket of the agent (its sessions were revoked), on every node. */
  disconnectAgent(agentId: string): void;
  conversationClaimed(
    queue: string,
    event: { conversationId: string; agentId: string; agentName: string },
  ): void;
  /** The queue's agents (both queues' after a spill to a fallback) and, for a breach, its owner. */
  slaAlert(alert: SlaAlert): void;
  /** A conversation is offered to the agent (push routing). */
  offerMade(agentId: string, offer: Offer): void;
  /** An offer to the agent ended. */
  offerClosed(
    agentId: string,
    event: { offerId: string; conversationId: string; reason: OfferEnd },
  ): void;
  /** The agent let an offer expire and is now away. */
  agentAway(agentId: string): void;
  /** Whether the customer has the chat open anywhere (any node); false when it cannot tell. */
  customerConnected(conversationId: string): Promise<boolean>;
}

/** A notifier that records everything; used where no transport exists (tests, tools). */
export function createRecordingNotifier(): Notifier & {
  events: { name: string; args: unknown[] }[];
} {
  const events: { name: string; args: unknown[] }[] = [];
  const rec =
    (name: string) =>
    (...args: unknown[]) => {
      events.push({ name, args });
    };
  return {
    events,
    customerMessage: rec('customerMessage'),
    customerStatus: rec('customerStatus'),
    customerEscalated: rec('customerEscalated'),
    customerAgentJoined: rec('customerAgentJoined'),
    customerResolved: rec('customerResolved'),
    customerTyping: rec('customerTyping'),
    agentMessage: rec('agentMessage'),
    agentTyping: rec('agentTyping'),
    queueSnapshot: rec('queueSnapshot'),
    stopWatching: rec('stopWatching'),
    revalidateWatchers: async (...args: unknown[]) => {
      events.push({ name: 'revalidateWatchers', args });
    },
    disconnectSession: rec('disconnectSession'),
    disconnectAgent: rec('disconnectAgent'),
    conversationUpdated: rec('conversationUpdated'),
    conversationClaimed: rec('conversationClaimed'),
    slaAlert: rec('slaAlert'),
    offerMade: rec('offerMade'),
    offerClosed: rec('offerClosed'),
    agentAway: rec('agentAway'),
    customerConnected: async () => false,
  };
}
