import type {
  ChatMessage,
  ConversationState,
  CustomerContext,
  Decision,
  EscalationOutcome,
  EscalationPacket,
  HeldDraft,
  Lane,
  PendingAction,
  MessageRole,
  PresenceStatus,
  RiskTier,
  RootCause,
  Unit,
} from '@baton/shared';

export interface Site {
  id: string;
  siteKey: string;
  name: string;
  allowedOrigins: string[];
}

export interface Visitor {
  id: string;
  siteId: string;
  externalId: string | null;
  /** The customer id proven by an identity hash (HMAC of the site's identity secret). */
  verifiedId: string | null;
  name: string | null;
  email: string | null;
  context: CustomerContext;
}

export interface Agent {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  queues: string[];
  /** Open conversations the agent may own at once. */
  capacity: number;
}

export interface Conversation {
  id: string;
  siteId: string;
  visitorId: string;
  state: ConversationState;
  lastSeq: number;
  lane: Lane;
  unit: Unit | null;
  tier: RiskTier;
  queue: string | null;
  assignedAgentId: string | null;
  enqueuedAt: Date | null;
  slaDeadline: Date | null;
  claimedAt: Date | null;
  resolvedAt: Date | null;
  emailLeft: string | null;
  packet: EscalationPacket | null;
  createdAt: Date;
}

export interface NewMessage {
  conversationId: string;
  role: MessageRole;
  text: string;
  authorName?: string | null;
  clientId?: string | null;
  now: Date;
  /**
   * Checked under the conversation's row lock, so the check and the write are one step:
   * the message is stored only while the conversation is in one of these states (and, with
   * `assignedAgentId`, owned by that agent). Otherwise `StateConflictError` is thrown.
   */
  guard?: { states?: ConversationState[]; lanes?: Lane[]; assignedAgentId?: string };
  /** A new (non-duplicate) message on a resolved conversation hands it back to the assistant. */
  reopenIfResolved?: boolean;
}

/** The conversation was not in the state a guarded write required. */
export class StateConflictError extends Error {
  constructor(
    readonly conversationId: string,
    readonly state: ConversationState,
    readonly assignedAgentId: string | null,
  ) {
    super(`conversation ${conversationId} is ${state}`);
    this.name = 'StateConflictError';
  }
}

export type ClaimResult =
  | { ok: true; conversation: Conversation }
  | { ok: false; reason: 'not_queued' | 'at_capacity'; conversation: Conversation | null };

export interface StoredDecision {
  conversationId: string;
  messageId: string | null;
  turn: number;
  mode: 'enforce' | 'shadow';
  decision: Decision;
  /** The candidate policy's decision for the same facts (shadow evaluation), if any. */
  shadow?: Decision | null;
  facts: unknown;
  now: Date;
}

export interface Outcome {
  escalation: EscalationOutcome;
  rootCause: RootCause;
  packetUsefulness: number;
  note?: string | undefined;
}

export interface Presence {
  status: PresenceStatus;
  connections: number;
}

export interface Enqueue {
  lane: Lane;
  unit: Unit | null;
  tier: RiskTier;
  queue: string;
  slaDeadline: Date;
  packet: EscalationPacket;
  now: Date;
}

/** Everything Baton persists. One SQL implementation over either backend; one contract suite. */
export interface Store {
  upsertSite(site: Site): Promise<void>;
  getSiteByKey(siteKey: string): Promise<Site | null>;

  createVisitor(input: { siteId: string; tokenHash: string; now: Date }): Promise<Visitor>;
  getVisitorByToken(siteId: string, tokenHash: string): Promise<Visitor | null>;
  getVisitor(id: string): Promise<Visitor | null>;
  /** `context` is merged into the stored one (top-level keys replace); null if it would exceed `maxContextBytes`. */
  updateVisitor(
    id: string,
    patch: {
      externalId?: string;
      verifiedId?: string;
      name?: string;
      email?: string;
      context?: CustomerContext;
    },
    maxContextBytes?: number,
  ): Promise<Visitor | null>;

  upsertAgent(agent: Agent): Promise<void>;
  getAgent(id: string): Promise<Agent | null>;
  getAgentByEmail(email: string): Promise<Agent | null>;
  createAgentSession(tokenHash: string, agentId: string, expiresAt: Date): Promise<void>;
  getAgentBySession(
    tokenHash: string,
    now: Date,
  ): Promise<(Agent & { sessionExpiresAt: Date }) | null>;
  /** Adjusts presence; `connectionsDelta` counts open sockets of the agent. */
  updatePresence(
    agentId: string,
    change: { status?: PresenceStatus; connectionsDelta?: number },
    now: Date,
  ): Promise<Presence>;
  getPresence(agentId: string): Promise<Presence>;
  /** Agents of the queue with status online and at least one open connection. */
  countAgentsOnline(queue: string): Promise<number>;
  /** Zeroes connection counts: only for a single node starting, whose old sockets are gone. */
  resetPresence(): Promise<void>;
  deleteExpiredAgentSessions(now: Date): Promise<void>;

  createConversation(input: {
    siteId: string;
    visitorId: string;
    now: Date;
  }): Promise<Conversation>;
  getConversation(id: string): Promise<Conversation | null>;
  latestConversation(visitorId: string): Promise<Conversation | null>;
  /** Stores a message with the next seq; a repeated (role, clientId) returns the stored one. */
  appendMessage(input: NewMessage): Promise<{ message: ChatMessage; duplicate: boolean }>;
  listMessages(conversationId: string, afterSeq?: number): Promise<ChatMessage[]>;
  recordDecision(input: StoredDecision): Promise<void>;
  listDecisions(conversationId: string): Promise<(StoredDecision & { id: string })[]>;
  /**
   * Queues a conversation the assistant owns, or raises the lane of one already queued or
   * assigned (keeping its agent). Never lowers a lane; null when nothing changed.
   */
  enqueue(conversationId: string, input: Enqueue): Promise<Conversation | null>;
  /** Back to the assistant: a queued conversation in the autonomous lane (its action decided). */
  returnToAssistant(conversationId: string): Promise<boolean>;
  updatePacket(conversationId: string, packet: EscalationPacket): Promise<void>;
  /** Atomic: exactly one caller wins while the conversation is queued and the agent has capacity. */
  claim(conversationId: string, agentId: string, now: Date): Promise<ClaimResult>;
  resolve(
    conversationId: string,
    agentId: string,
    outcome: Outcome,
    now: Date,
  ): Promise<Conversation | null>;
  /** Records the email only while the conversation is queued; false otherwise. */
  setEmailLeft(conversationId: string, email: string): Promise<boolean>;
  /** Waiting conversations of a queue, earliest SLA deadline first. */
  listWaiting(queue: string): Promise<Conversation[]>;
  listAssigned(agentId: string): Promise<Conversation[]>;
  /** Measured waits (claimed_at - enqueued_at, in ms) of the latest claims in a queue. */
  recentWaits(queue: string, since: Date, limit: number): Promise<number[]>;
  createDraft(input: {
    conversationId: string;
    messageId: string;
    text: string;
    now: Date;
  }): Promise<HeldDraft>;
  listDrafts(conversationId: string): Promise<HeldDraft[]>;
  /** Atomic: only a pending draft can be reviewed; null otherwise. */
  reviewDraft(input: {
    conversationId: string;
    draftId: string;
    status: 'approved' | 'edited' | 'rejected';
    reviewedBy: string;
    now: Date;
  }): Promise<HeldDraft | null>;
  createAction(input: {
    conversationId: string;
    action: string;
    intent: string | null;
    amount: { value: number; currency: string | null } | null;
    reasons: string[];
    now: Date;
  }): Promise<PendingAction>;
  listActions(conversationId: string): Promise<PendingAction[]>;
  /** Atomic: only a pending action can be decided; null otherwise. */
  decideAction(input: {
    conversationId: string;
    actionId: string;
    status: 'approved' | 'denied';
    decidedBy: string;
    note: string | null;
    now: Date;
  }): Promise<PendingAction | null>;
  countPending(
    conversationIds: string[],
  ): Promise<Map<string, { drafts: number; actions: number }>>;
  /** Conversations with pending actions in a queue's domain, for conversations not queued. */
  savePolicyVersion(input: {
    version: string;
    mode: string;
    source: string;
    yaml: string;
    now: Date;
  }): Promise<void>;
  listPolicyVersions(
    limit: number,
  ): Promise<{ version: string; mode: string; source: string; yaml: string; loadedAt: Date }[]>;
  /**
   * Recent decisions (newest first) whose shadow decision differs from the acted one in lane,
   * unit, queue or trigger set, with the fields that differ.
   */
  listShadowDifferences(limit: number): Promise<
    (StoredDecision & {
      id: string;
      differences: ('lane' | 'unit' | 'queue' | 'triggers')[];
    })[]
  >;
  /**
   * Earlier contacts of the same customer (same visitor, or same identified customer id) since
   * `since`, excluding one conversation: one row per earlier conversation with its first intent.
   */
  contactHistory(input: {
    siteId: string;
    visitorId: string;
    externalId: string | null;
    excludeConversationId: string;
    since: Date;
  }): Promise<{ conversationId: string; at: Date; intent: string | null; domain: string | null }[]>;
  close(): Promise<void>;
}
