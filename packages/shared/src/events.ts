/**
 * The socket protocol: every event name and payload, declared once.
 * Server: `Server<CustomerClientEvents, CustomerServerEvents>` on `/customer`, likewise `/agent`.
 * Clients: `Socket<CustomerServerEvents, CustomerClientEvents>`.
 */
import type { AckFn } from './errors';
import type {
  AgentProfile,
  ChatMessage,
  HeldDraft,
  Offer,
  OfferEnd,
  PendingAction,
  ConversationDetail,
  Lane,
  PresenceStatus,
  QueueSnapshot,
  QueueStatus,
  SlaAlert,
  TriggerName,
  Unit,
} from './model';
import type {
  ActionDecisionPayload,
  AgentMessagePayload,
  AgentTypingPayload,
  DraftReviewPayload,
  ContextSetPayload,
  ConversationRefPayload,
  CsatSubmitPayload,
  CustomerMessagePayload,
  HumanRequestPayload,
  IdentifyPayload,
  LeaveEmailPayload,
  OfferRefPayload,
  TranscriptEmailPayload,
  PresencePayload,
  ResolvePayload,
  SessionStartPayload,
  SyncPayload,
  TypingPayload,
} from './schemas';

export const CUSTOMER_NAMESPACE = '/customer';
export const AGENT_NAMESPACE = '/agent';

export interface SessionStartResult {
  sessionToken: string;
  conversationId: string;
  /** Messages with seq > lastSeq (all of them when lastSeq is omitted). */
  messages: ChatMessage[];
  status: QueueStatus;
  /**
   * With `resumeToken`: `resumed` (this browser now carries that chat on), or `expired` (the
   * link is unknown or too old; the session went on as without it).
   */
  resume?: 'resumed' | 'expired';
}

export interface CsatResult {
  conversationId: string;
  episode: number;
  rating: number;
  /** An earlier rating of this episode was replaced. */
  replaced: boolean;
}

/** To the customer: the agent who owns the conversation is typing (or stopped). */
export interface AgentTypingEvent {
  conversationId: string;
  typing: boolean;
  agentName: string;
}

/** To agents watching the conversation: the customer is typing (or stopped). */
export interface CustomerTypingEvent {
  conversationId: string;
  typing: boolean;
}

export interface EscalatedEvent {
  conversationId: string;
  lane: Lane;
  unit: Unit | null;
  queue: string | null;
  triggers: TriggerName[];
}

// ---- /customer ----
export interface CustomerClientEvents {
  'session:start': (payload: SessionStartPayload, ack: AckFn<SessionStartResult>) => void;
  'message:send': (payload: CustomerMessagePayload, ack: AckFn<{ message: ChatMessage }>) => void;
  'human:request': (payload: HumanRequestPayload, ack: AckFn<{ status: QueueStatus }>) => void;
  identify: (payload: IdentifyPayload, ack: AckFn<Record<string, never>>) => void;
  'context:set': (payload: ContextSetPayload, ack: AckFn<Record<string, never>>) => void;
  'email:leave': (payload: LeaveEmailPayload, ack: AckFn<{ status: QueueStatus }>) => void;
  /** Emails the transcript so far; acked once the email is stored (it is sent, or retried, after). */
  'transcript:email': (payload: TranscriptEmailPayload, ack: AckFn<{ to: string }>) => void;
  /** Rates the conversation's current episode 1–5; a later rating of the episode replaces it. */
  'csat:submit': (payload: CsatSubmitPayload, ack: AckFn<CsatResult>) => void;
  /** Messages with seq > lastSeq, and the queue status as it is now (both may have been missed). */
  sync: (
    payload: SyncPayload,
    ack: AckFn<{ messages: ChatMessage[]; status: QueueStatus }>,
  ) => void;
  /**
   * The customer is typing (`true`, repeated at most every few seconds while keys are pressed)
   * or stopped (`false`). Relayed to the agents watching the conversation only while it is with a
   * person (queued or assigned): `relayed` says whether it was. Ephemeral: nothing is stored.
   */
  typing: (payload: TypingPayload, ack: AckFn<{ relayed: boolean }>) => void;
}

export interface CustomerServerEvents {
  /** Every new message of the conversation, including the customer's own (other tabs). */
  message: (message: ChatMessage) => void;
  'queue:status': (status: QueueStatus) => void;
  escalated: (event: EscalatedEvent) => void;
  'agent:joined': (event: { conversationId: string; agentName: string }) => void;
  'conversation:resolved': (event: { conversationId: string }) => void;
  /**
   * Live events may have been lost (the server's link between nodes was down): fetch what you
   * missed with `sync` and your highest contiguous `seq`.
   */
  resync: (event: Record<string, never>) => void;
  /** The agent is typing (or stopped); show it until `typing: false`, a message, or ~6 s pass. */
  typing: (event: AgentTypingEvent) => void;
}

// ---- /agent ----
export interface AgentClientEvents {
  'presence:set': (payload: PresencePayload, ack: AckFn<{ status: PresenceStatus }>) => void;
  'queues:get': (payload: Record<string, never>, ack: AckFn<{ queues: QueueSnapshot[] }>) => void;
  'conversation:get': (payload: ConversationRefPayload, ack: AckFn<ConversationDetail>) => void;
  'conversation:claim': (payload: ConversationRefPayload, ack: AckFn<ConversationDetail>) => void;
  'message:send': (payload: AgentMessagePayload, ack: AckFn<{ message: ChatMessage }>) => void;
  'conversation:resolve': (payload: ResolvePayload, ack: AckFn<Record<string, never>>) => void;
  /** Approve (sent as the agent's message), edit (sent edited) or reject a held draft. Owner only. */
  'draft:review': (
    payload: DraftReviewPayload,
    ack: AckFn<{ draft: HeldDraft; message: ChatMessage | null }>,
  ) => void;
  /** Approve or deny a pending action; the customer is told the outcome. Queue members. */
  'action:decide': (payload: ActionDecisionPayload, ack: AckFn<{ action: PendingAction }>) => void;
  /** Take an offered conversation (push routing): claims it. `OFFER_GONE` once it ended. */
  'offer:accept': (payload: OfferRefPayload, ack: AckFn<ConversationDetail>) => void;
  /** Pass on an offer: it goes to the next agent at once. Presence stays as it is. */
  'offer:decline': (payload: OfferRefPayload, ack: AckFn<Record<string, never>>) => void;
  /** Tells the customer this agent is typing (or stopped). Owner only (`NOT_ASSIGNED`). */
  typing: (payload: AgentTypingPayload, ack: AckFn<Record<string, never>>) => void;
}

export interface AgentServerEvents {
  /** Sent once on connect; `assigned` lists the conversations this agent owns now. */
  hello: (event: {
    agent: AgentProfile;
    presence: PresenceStatus;
    assigned: { conversationId: string; queue: string }[];
    /** Offers waiting for this agent's answer (push routing). */
    offers: Offer[];
  }) => void;
  /** A conversation is offered to this agent (push routing); answer before `expiresAt`. */
  'offer:new': (offer: Offer) => void;
  /** An offer to this agent ended (accepted, declined, expired, or withdrawn). */
  'offer:closed': (event: { offerId: string; conversationId: string; reason: OfferEnd }) => void;
  /** The server changed this agent's presence (an offer left to expire made them away). */
  'presence:changed': (event: { status: PresenceStatus; reason: 'offer_expired' }) => void;
  /** Snapshots of one or more of the agent's queues (all of them on connect); replace by name. */
  'queues:update': (event: { queues: QueueSnapshot[] }) => void;
  /** New message in a conversation this agent owns or has opened. */
  message: (event: { conversationId: string; message: ChatMessage }) => void;
  'conversation:claimed': (event: {
    conversationId: string;
    agentId: string;
    agentName: string;
  }) => void;
  /** Something in the conversation changed (a new held draft or pending action, a decision): refetch it. */
  'conversation:updated': (event: { conversationId: string }) => void;
  /** Server-side error for an event sent without an ack callback. */
  'baton:error': (event: { event: string; code: string; message: string }) => void;
  /**
   * A conversation in one of the agent's queues is near its SLA or past it; a breach also
   * reaches the queue's owner. Delivered at least once: keep one per `id`.
   */
  'sla:alert': (alert: SlaAlert) => void;
  /**
   * Live events may have been lost (the server's link between nodes was down): refetch the
   * queues (`queues:get`) and the conversations you have open (`conversation:get`).
   */
  resync: (event: Record<string, never>) => void;
  /**
   * The customer of a conversation this agent owns or has open is typing (or stopped); show it
   * until `typing: false`, a customer message, or ~6 s without a refresh.
   */
  typing: (event: CustomerTypingEvent) => void;
}

/** HTTP: POST /api/agent/login { email, password } → 200 { token, agent } | 401 { error }. */
export interface AgentLoginResult {
  token: string;
  agent: AgentProfile;
}
