import type {
  AttachmentMime,
  SlaAlert,
  ChatMessage,
  Notice,
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
  TriggerName,
  Unit,
  EscalatedEvent,
  Offer,
  OfferEnd,
  AuditVerdict,
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
  /** Languages the agent answers in; absent or null: any (push routing only). */
  languages?: string[] | null;
  /** Business domains the agent handles; absent or null: any (push routing only). */
  skills?: string[] | null;
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
  /** When its SLA lapsed while it waited unclaimed (reset when it is queued afresh). */
  slaBreachedAt: Date | null;
  claimedAt: Date | null;
  resolvedAt: Date | null;
  emailLeft: string | null;
  packet: EscalationPacket | null;
  /** Starts at 1; a reopened conversation starts a new episode (loops, sentiment, clarify-once reset). */
  episode: number;
  createdAt: Date;
}

/**
 * A waiting conversation as a queue snapshot and its customers' statuses need it: no packet (it
 * carries the transcript) and no visitor context, only what the agents' list shows.
 */
export interface WaitingEntry extends Pick<
  Conversation,
  | 'id'
  | 'state'
  | 'lane'
  | 'unit'
  | 'tier'
  | 'emailLeft'
  | 'enqueuedAt'
  | 'slaDeadline'
  | 'slaBreachedAt'
  | 'createdAt'
> {
  summary: string;
  triggers: TriggerName[];
  customerName: string | null;
  pendingDrafts: number;
  pendingActions: number;
  /** The agent a pending offer of it waits on (push routing). */
  offeredTo: { agentId: string; agentName: string } | null;
}

export interface NewMessage {
  conversationId: string;
  role: MessageRole;
  text: string;
  authorName?: string | null;
  clientId?: string | null;
  /** A system message's code and parameters (see `@baton/shared/notices`). */
  notice?: Notice;
  now: Date;
  /**
   * Checked under the conversation's row lock, so the check and the write are one step:
   * the message is stored only while the conversation is in one of these states (and, with
   * `assignedAgentId`, owned by that agent). Otherwise `StateConflictError` is thrown.
   */
  guard?: { states?: ConversationState[]; lanes?: Lane[]; assignedAgentId?: string };
  /** A new (non-duplicate) message on a resolved conversation hands it back to the assistant. */
  reopenIfResolved?: boolean;
  /**
   * Stores the message's pending turn in the same transaction (a durable job any node runs).
   * `unlessHuman`: not in the human lane (queued for or assigned to a person): a turn there
   * decides nothing, since the lane cannot rise and the assistant stays silent; the person reads
   * the message. The turn is then stored already done (act `silent`), and nothing runs.
   */
  turn?: { kind: TurnKind; priority: boolean; unlessHuman?: boolean };
  /** The customer message an assistant reply answers: at most one reply per message. */
  replyTo?: string;
  /**
   * Uploaded attachments the message sends, in this order. Checked under the conversation's row
   * lock: each must be of this conversation, uploaded by `uploaderId` in the message's role, and
   * not sent yet; otherwise `AttachmentRefError` is thrown and nothing is stored.
   */
  attachments?: { ids: string[]; uploaderId: string };
}

/** An attachment's metadata; its bytes are in the database (`db`) or a directory (`disk`). */
export interface StoredAttachment {
  id: string;
  conversationId: string;
  uploaderRole: 'customer' | 'agent';
  /** The visitor's id (customer) or the agent's. */
  uploaderId: string;
  name: string;
  mime: AttachmentMime;
  size: number;
  sha256: string;
  storage: 'db' | 'disk';
  /** The message that sent it; null until sent. */
  messageId: string | null;
  createdAt: Date;
}

/** A message named attachments it may not send (another conversation's, another sender's, used). */
export class AttachmentRefError extends Error {
  constructor(readonly ids: string[]) {
    super(`attachments not sendable here: ${ids.join(', ')}`);
    this.name = 'AttachmentRefError';
  }
}

export type TurnKind = 'text' | 'button';

/** A customer turn waiting to run (or done): stored with its message, so a crash cannot lose it. */
export interface TurnJob {
  messageId: string;
  conversationId: string;
  seq: number;
  kind: TurnKind;
  /** A request for a person: runs at once, never behind a slower assistant turn. */
  priority: boolean;
  status: 'pending' | 'done';
  /** How many times a worker started it (a crash mid-turn counts). */
  attempts: number;
}

/** What a committed change tells clients; stored in the same transaction, published after it. */
export type OutboxEvent =
  | { type: 'message'; conversationId: string; message: ChatMessage }
  | { type: 'escalated'; conversationId: string; event: EscalatedEvent }
  | { type: 'updated'; conversationId: string; queue: string | null }
  | { type: 'queue'; queue: string }
  | { type: 'status'; conversationId: string }
  | { type: 'access'; conversationId: string }
  | { type: 'sla'; alert: SlaAlert }
  | { type: 'offer'; agentId: string; offer: Offer }
  | {
      type: 'offerClosed';
      agentId: string;
      offerId: string;
      conversationId: string;
      queue: string;
      reason: OfferEnd;
    }
  | { type: 'away'; agentId: string };

/** A write named a conversation that does not exist. */
export class ConversationNotFoundError extends Error {
  constructor(readonly conversationId: string) {
    super(`conversation ${conversationId} not found`);
    this.name = 'ConversationNotFoundError';
  }
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
  | {
      ok: true;
      conversation: Conversation;
      /** Its pending offer, if any: accepted (the claimer's) or withdrawn (another agent's). */
      offers: { offerId: string; agentId: string; accepted: boolean }[];
    }
  | { ok: false; reason: 'not_queued' | 'at_capacity'; conversation: Conversation | null };

/** An offer of a waiting conversation to one agent (push routing). */
export interface StoredOffer {
  id: string;
  conversationId: string;
  episode: number;
  queue: string;
  agentId: string;
  status: 'pending' | OfferEnd;
  language: string | null;
  offeredAt: Date;
  expiresAt: Date;
  answeredAt: Date | null;
}

/** A waiting conversation of a push queue with no pending offer, as routing reads it. */
export interface RoutingCandidate {
  conversationId: string;
  episode: number;
  queue: string;
  tier: RiskTier;
  summary: string;
  /** The intent of its escalation packet, if any (its knowledge-base domain is a skill). */
  intent: string | null;
  customerName: string | null;
  /** Agents who declined it or let an offer of it expire in this episode. */
  offeredBefore: string[];
}

/** An available agent (online, connected) of a push queue, with their load now. */
export interface RoutingAgent {
  id: string;
  name: string;
  queues: string[];
  capacity: number;
  languages: string[] | null;
  skills: string[] | null;
  /** Conversations they own plus offers waiting for their answer. */
  load: number;
  lastOfferedAt: Date | null;
}

/** A waiting conversation whose SLA timer fired, as the sweep that fired it read it. */
export interface SlaDue {
  conversationId: string;
  episode: number;
  /** Its queue now (after a breach, the fallback if one is set). */
  queue: string;
  /** The queue whose SLA it was. */
  fromQueue: string;
  tier: RiskTier;
  enqueuedAt: Date;
  slaDeadline: Date;
  /** The email the customer left, if any (the breach notice mentions it). */
  emailLeft: string | null;
}

/** An email to a customer and its delivery state. */
export interface Email {
  id: string;
  conversationId: string;
  /** The chat message it carries (an agent's reply), if any: emailed once. */
  messageId: string | null;
  kind: 'reply' | 'transcript';
  to: string;
  subject: string;
  body: string;
  /** pending (not yet sent, or retrying), sent, or failed (gave up). */
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** A recorded SLA miss (for the scorecard). */
export interface SlaBreach {
  conversationId: string;
  episode: number;
  queue: string;
  fallbackQueue: string | null;
  tier: RiskTier;
  enqueuedAt: Date;
  slaDeadline: Date;
  breachedAt: Date;
}

/**
 * What the scorecard knows of one conversation started in its period (with at least one
 * decision). Lanes as ranks: autonomous 0, assisted 1, human 2.
 */
export interface ScorecardConversationFacts {
  id: string;
  createdAt: Date;
  /** Where a person first took it, else where it is or was routed; null when never routed. */
  queue: string | null;
  /** Its topic: the first classified intent (and that intent's domain). */
  intent: string | null;
  domain: string | null;
  /** The highest tier any of its decisions gave. */
  maxTier: RiskTier;
  /** The policy version of its first decision. */
  policyVersion: string;
  decisions: number;
  firstRank: number;
  maxRank: number;
  /** A person claimed it, reviewed a draft, decided an action or recorded an outcome. */
  reachedPerson: boolean;
  hasDrafts: boolean;
  hasActions: boolean;
  draftRejected: boolean;
  actionDenied: boolean;
  outcomeUnnecessary: boolean;
  outcomeLate: boolean;
  /** A later decision in a higher lane than its first, after which a person touched it. */
  lateByDecision: boolean;
  claimed: boolean;
  /** A transfer recorded at or after its first claim. */
  transferredAfterClaim: boolean;
  /** Later contacts on the same issue within the recontact window (assistant-only ones). */
  recontacts: number;
  sampled: boolean;
  verdict: AuditVerdict | null;
}

/** Everything the scorecard reads for the conversations started in a period. */
export interface ScorecardFacts {
  conversations: ScorecardConversationFacts[];
  drafts: { conversationId: string; status: string }[];
  outcomes: { conversationId: string; escalation: string; packetUsefulness: number }[];
  /** Queued stays ended by a claim or marked by an SLA breach, with the first estimate shown. */
  stays: {
    conversationId: string;
    queue: string;
    enqueuedAt: Date;
    claimedAt: Date | null;
    breached: boolean;
    estimateMinutes: number | null;
  }[];
  csat: { conversationId: string; rating: number }[];
}

/** A conversation drawn for the high-risk miss review. */
export interface AuditRow {
  conversationId: string;
  queue: string;
  intent: string | null;
  tier: RiskTier;
  share: number;
  drawnAt: Date;
  verdict: AuditVerdict | null;
  note: string | null;
  auditedBy: string | null;
  auditedAt: Date | null;
}

/** An earlier conversation (or resolved episode) of the same customer, with its topic. */
export interface EarlierContact {
  conversationId: string;
  at: Date;
  intent: string | null;
  domain: string | null;
}

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
  /** The conversation's episode when decided (default 1). */
  episode?: number;
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

export interface AgentConnection {
  socketId: string;
  agentId: string;
  nodeId: string;
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
  /** The visitor a session token belongs to (its first browser's, or a resumed browser's). */
  getVisitorByToken(siteId: string, tokenHash: string): Promise<Visitor | null>;
  /** Stores a reply email's resume link (the hash of its token) until `expiresAt`. */
  createResumeLink(input: {
    tokenHash: string;
    visitorId: string;
    conversationId: string;
    now: Date;
    expiresAt: Date;
  }): Promise<void>;
  /**
   * A valid, unexpired resume link of the site: lets a new browser in under `tokenHash` (its own
   * session token) and returns the visitor; null for an unknown or expired link.
   */
  resumeVisitor(input: {
    siteId: string;
    linkHash: string;
    tokenHash: string;
    now: Date;
  }): Promise<Visitor | null>;
  getVisitor(id: string): Promise<Visitor | null>;
  /** Several visitors in one query (those that exist, in no particular order). */
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
  /** Sets the status the agent chose (online/away); `connections` counts live connections. */
  updatePresence(agentId: string, change: { status: PresenceStatus }, now: Date): Promise<Presence>;
  getPresence(agentId: string): Promise<Presence>;
  /**
   * Records an open agent socket served by `nodeId`, alive for `ttlMs` by the database clock
   * (not the injected one: every node must agree). The node's heartbeat renews it, so the
   * connections of a crashed node lapse on their own.
   */
  addAgentConnection(connection: AgentConnection, ttlMs: number): Promise<void>;
  removeAgentConnection(socketId: string): Promise<void>;
  /** Extends the node's connections by `ttlMs`; returns the socket ids it still has recorded. */
  renewAgentConnections(nodeId: string, ttlMs: number): Promise<string[]>;
  /** Deletes lapsed connections; returns the ids of the agents that lost one (no repeats). */
  deleteExpiredAgentConnections(): Promise<string[]>;
  /** Agents of the queue with status online and at least one live connection. */
  countAgentsOnline(queue: string): Promise<number>;
  /** Deletes every connection: only for a single node starting, whose old sockets are gone. */
  resetPresence(): Promise<void>;
  deleteExpiredAgentSessions(now: Date): Promise<void>;
  /** Logout: true if the session existed. */
  deleteAgentSession(tokenHash: string): Promise<boolean>;
  /** Revokes every session of the agent; returns how many there were. */
  deleteAgentSessions(agentId: string): Promise<number>;

  createConversation(input: {
    siteId: string;
    visitorId: string;
    now: Date;
  }): Promise<Conversation>;
  getConversation(id: string): Promise<Conversation | null>;
  latestConversation(visitorId: string): Promise<Conversation | null>;
  /** Stores a message with the next seq; a repeated (role, clientId) returns the stored one. */
  /**
   * `reopened`: this message handed a resolved conversation back to the assistant. `turn`: a
   * pending turn was stored (one that must run).
   */
  appendMessage(
    input: NewMessage,
  ): Promise<{ message: ChatMessage; duplicate: boolean; reopened?: boolean; turn?: boolean }>;
  listMessages(conversationId: string, afterSeq?: number): Promise<ChatMessage[]>;
  getMessage(id: string): Promise<ChatMessage | null>;
  /** Stores an attachment's metadata, and its bytes too when `data` is given (storage `db`). */
  createAttachment(
    input: Omit<StoredAttachment, 'messageId'> & { data?: Uint8Array },
  ): Promise<StoredAttachment>;
  getAttachment(id: string): Promise<StoredAttachment | null>;
  /** The bytes of an attachment stored in the database; null when there are none. */
  getAttachmentData(id: string): Promise<Uint8Array | null>;
  /**
   * A message with its conversation and visitor, and the `recent` messages before it (oldest
   * first; none by default), in one query: what a turn starts from. With `contactsSince`, also
   * the customer's earlier `contacts` since then, as `contactHistory` finds them.
   */
  getMessageInContext(
    messageId: string,
    recent?: number,
    contactsSince?: Date,
  ): Promise<{
    message: ChatMessage;
    conversation: Conversation;
    visitor: Visitor | null;
    recent: ChatMessage[];
    contacts?: EarlierContact[];
  } | null>;
  recordDecision(input: StoredDecision): Promise<void>;
  /** Oldest turn first; with `episode`, only that episode's decisions. */
  listDecisions(
    conversationId: string,
    episode?: number,
  ): Promise<(StoredDecision & { id: string })[]>;
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
  /** Waiting conversations of a queue as snapshot entries, earliest SLA deadline first. */
  listWaitingEntries(queue: string): Promise<WaitingEntry[]>;
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
  }): Promise<EarlierContact[]>;

  // ---- SLA timers (stored on the conversation; see sql/sla.ts) ----
  /**
   * Marks, once, the waiting (unclaimed) conversations whose time in the queue reached their
   * queue's share of the SLA (`shares`: queue → 0..1), and returns them; at most `limit`.
   */
  takeSlaWarnings(now: Date, shares: Record<string, number>, limit: number): Promise<SlaDue[]>;
  /**
   * Marks, once, the waiting conversations past their SLA deadline as breached, moves each to its
   * queue's fallback (`fallbacks`: queue → fallback queue) when one is set, records the miss, and
   * returns them; at most `limit`.
   */
  takeSlaBreaches(now: Date, fallbacks: Record<string, string>, limit: number): Promise<SlaDue[]>;
  /** Recorded SLA misses with `since <= breachedAt < until`, oldest first. */
  listSlaBreaches(since: Date, until: Date): Promise<SlaBreach[]>;

  // ---- Emails to customers (sql/emails.ts) ----
  /** Stores an email to send; null when that chat message was already queued. */
  queueEmail(input: {
    conversationId: string;
    messageId: string | null;
    kind: Email['kind'];
    to: string;
    subject: string;
    body: string;
    now: Date;
  }): Promise<Email | null>;
  /** Takes due pending emails (an attempt counted), held `holdMs` from other workers. */
  takeDueEmails(now: Date, limit: number, holdMs: number): Promise<Email[]>;
  emailSent(id: string, now: Date): Promise<void>;
  /** Records a failed attempt: retried at `retryAt`, or marked failed when null. */
  emailFailed(id: string, error: string, retryAt: Date | null): Promise<void>;
  listEmails(conversationId: string): Promise<Email[]>;

  // ---- Push routing (offers) ----
  /** Inside `transaction`: serialises routing steps across nodes until commit. */
  lockRouting(): Promise<void>;
  /** Marks pending offers past their expiry `expired` (at most `limit`); returns them. */
  expireOffers(now: Date, limit: number): Promise<StoredOffer[]>;
  /** Makes these agents away unless they already are; returns those whose presence changed. */
  setAgentsAway(agentIds: string[], now: Date): Promise<string[]>;
  /** Withdraws pending offers whose conversation left the queue or whose agent is unavailable. */
  withdrawStaleOffers(now: Date): Promise<StoredOffer[]>;
  /** Waiting conversations of these queues with no pending offer, earliest deadline first. */
  routingCandidates(queues: string[], limit: number): Promise<RoutingCandidate[]>;
  /** Online, connected agents of any of these queues, with their load. */
  routingAgents(queues: string[]): Promise<RoutingAgent[]>;
  /** The last `perConversation` customer messages of each conversation, joined. */
  recentCustomerText(
    conversationIds: string[],
    perConversation: number,
  ): Promise<Map<string, string>>;
  /**
   * Offers the conversation (still queued in `episode`, with no pending offer) to the agent,
   * under the agent's row lock, if their load is below capacity; null when it was not made.
   */
  createOffer(offer: {
    id: string;
    conversationId: string;
    episode: number;
    agentId: string;
    language: string | null;
    now: Date;
    expiresAt: Date;
  }): Promise<StoredOffer | null>;
  getOffer(id: string): Promise<StoredOffer | null>;
  /** The agent's answer to their pending, unexpired offer; null when there is none. */
  answerOffer(
    offerId: string,
    agentId: string,
    answer: 'accepted' | 'declined',
    now: Date,
  ): Promise<StoredOffer | null>;
  /** The agent's pending offers, with what the console shows of each conversation. */
  listPendingOffers(
    agentId: string,
  ): Promise<(StoredOffer & { tier: RiskTier; summary: string; customerName: string | null })[]>;
  // ---- Scorecard (sql/scorecard.ts) ----
  /**
   * Records the estimate shown to the waiting customers of `queue`, once per queued stay (the
   * first shown wins across nodes); returns how many were new.
   */
  recordWaitEstimates(input: {
    conversationIds: string[];
    queue: string;
    minutes: number;
    basis: string;
    now: Date;
  }): Promise<number>;
  /** Stores the rating of the conversation's current episode (replacing an earlier one). */
  submitCsat(input: {
    conversationId: string;
    rating: number;
    comment: string | null;
    now: Date;
  }): Promise<{ episode: number; replaced: boolean } | null>;
  scorecardFacts(from: Date, to: Date): Promise<ScorecardFacts>;
  /** The rating of the conversation's current episode, if the customer gave one. */
  getCsat(
    conversationId: string,
  ): Promise<{ rating: number; comment: string | null; ratedAt: Date } | null>;
  /** Assistant-only conversations started in [from, to), not drawn yet, under the share's hash. */
  auditCandidates(input: {
    from: Date;
    to: Date;
    share: number;
    minTier: number;
  }): Promise<{ conversationId: string; tier: RiskTier; domain: string | null }[]>;
  /** Draws the samples; returns the ids this call drew (none already drawn, by anyone). */
  insertAuditSamples(
    samples: { conversationId: string; queue: string }[],
    share: number,
    now: Date,
  ): Promise<string[]>;
  /** Audits oldest draw first; `queues` null for every queue. */
  listAudits(input: {
    queues: string[] | null;
    pendingOnly: boolean;
    limit: number;
  }): Promise<AuditRow[]>;
  getAudit(conversationId: string): Promise<AuditRow | null>;
  /** Sets (or corrects) the verdict; null when the conversation was never drawn. */
  recordAuditVerdict(input: {
    conversationId: string;
    verdict: AuditVerdict;
    note: string | null;
    auditedBy: string;
    now: Date;
  }): Promise<AuditRow | null>;
  /** A claimed conversation handed to another queue or agent (for the transfer feature). */
  recordTransfer(input: {
    conversationId: string;
    fromQueue: string;
    toQueue: string;
    fromAgentId: string | null;
    toAgentId: string | null;
    note: string | null;
    now: Date;
  }): Promise<void>;

  // ---- Durable turns and the outbox ----
  /** Runs `fn` with a store whose every call is part of one transaction (nested calls join it). */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** Inside `transaction`: locks the conversation row until commit and returns it. */
  lockConversation(id: string): Promise<Conversation | null>;
  getTurn(messageId: string): Promise<TurnJob | null>;
  /**
   * What a turn's commit reads once it holds the conversation's row lock, in one query: the turn,
   * whether an earlier ordinary turn is still pending, and the decisions of `episode` (oldest
   * first; their `facts` only `text`, `intent` and `sentiment`, what later turns read, and no
   * `shadow`). Null when the turn does not exist.
   */
  turnUnderLock(
    messageId: string,
    episode: number,
  ): Promise<{
    turn: TurnJob;
    earlierPending: boolean;
    decisions: (StoredDecision & { id: string })[];
  } | null>;
  /** Counts an attempt on one pending turn (priority turns run outside the lease). */
  startTurn(messageId: string): Promise<TurnJob | null>;
  /**
   * Marks the turn done. With `releaseLeaseOf`, also lets go of the conversation's turn lease that
   * owner holds when no other turn is pending (call it under the conversation's row lock, as a
   * turn's commit does); true when it did.
   */
  completeTurn(
    messageId: string,
    act: string,
    now: Date,
    releaseLeaseOf?: string,
  ): Promise<boolean>;
  /**
   * A turn's last write, in one statement: `completeTurn`, with the turn's `decision` recorded
   * and its `events` appended to the outbox (taken for `holdMs`, as `addOutbox`). Returns whether
   * the lease was released and the events' outbox ids, in order.
   */
  finishTurn(input: {
    messageId: string;
    act: string;
    now: Date;
    releaseLeaseOf?: string | undefined;
    decision?: StoredDecision | undefined;
    events?: OutboxEvent[];
    holdMs?: number;
  }): Promise<{ released: boolean; outboxIds: string[] }>;
  /**
   * Takes (or renews) the conversation's turn lease for `owner` when it is free, expired or
   * already ours. Database time, so nodes need not agree on clocks.
   */
  acquireTurnLease(conversationId: string, owner: string, ttlMs: number): Promise<boolean>;
  /**
   * `acquireTurnLease` and starting the oldest pending turn (its attempt counted) in one
   * statement: `leased` false when another node holds the lease; else the turn started, or null
   * when none is pending.
   */
  leaseNextTurn(
    conversationId: string,
    owner: string,
    ttlMs: number,
  ): Promise<{ leased: boolean; job: TurnJob | null }>;
  /** Gives the lease up unless a turn is still pending (then false: keep working). */
  releaseTurnLease(conversationId: string, owner: string): Promise<boolean>;
  /** Conversations with pending turns older than `minAgeMs` whose lease is free or expired. */
  stalledTurnConversations(minAgeMs: number, limit: number): Promise<string[]>;
  /**
   * Appends events to the outbox; returns their ids. With `holdMs` they are taken by the writer
   * at once (held that long), so it can deliver them after commit without claiming them first.
   */
  addOutbox(events: OutboxEvent[], holdMs?: number): Promise<string[]>;
  /**
   * Takes outbox events for delivery, oldest first, holding them for `holdMs` (nobody else takes
   * them meanwhile): the given ids, or events older than `minAgeMs` (a crashed or failed writer's).
   */
  claimOutbox(
    select: { ids: string[] } | { minAgeMs: number; limit: number },
    holdMs: number,
  ): Promise<{ id: string; event: OutboxEvent }[]>;
  /** Removes delivered events. */
  deleteOutbox(ids: string[]): Promise<void>;
  /** The assistant reply to a customer message, if one was sent. */
  replyTo(messageId: string): Promise<ChatMessage | null>;

  // --- Shared policy state (migration 4): every node follows one stored state. ---
  /** The state's epoch, bumped by every change; 0 until the first node initialises it. */
  getPolicyEpoch(): Promise<number>;
  getPolicyState(): Promise<StoredPolicyState>;
  /** Stored policy versions by id (rows are never changed once written). */
  getPolicyVersions(ids: string[]): Promise<PolicyVersionRow[]>;
  /**
   * One change: locks the state row (SELECT … FOR UPDATE), passes it to `fn`, and in the same
   * transaction writes `next` with epoch + 1 (`next: null` writes nothing). Throwing rolls back.
   * Returns `fn`'s result and the epoch now stored.
   */
  updatePolicyState<T>(
    fn: (tx: PolicyStateTx) => Promise<{ next: PolicyStateWrite | null; result: T }>,
  ): Promise<{ result: T; epoch: number }>;
  // --- end shared policy state ---

  close(): Promise<void>;
}

// --- Shared policy state (migration 4) ---

/** The stored policy state: ids of `policy_versions` rows. */
export interface StoredPolicyState {
  epoch: number;
  /** Enforce versions, oldest first: the last acts, the earlier ones are rollback targets. */
  enforced: string[];
  /** A shadow version acting while no enforce version was ever loaded. */
  provisional: string | null;
  candidate: string | null;
  /** SHA-256 of the policy file text last loaded, so a node starting sees if the file changed. */
  fileHash: string | null;
}

export type PolicyStateWrite = Omit<StoredPolicyState, 'epoch'>;

export interface PolicyVersionRow {
  id: string;
  version: string;
  mode: string;
  source: string;
  yaml: string;
  loadedAt: Date;
}

/** What a policy state change may do inside its transaction. */
export interface PolicyStateTx {
  /** The state as locked. */
  state: StoredPolicyState;
  getVersions(ids: string[]): Promise<PolicyVersionRow[]>;
  /** Stored versions, newest first. */
  recentVersions(limit: number): Promise<PolicyVersionRow[]>;
  /** Whether `version` was ever stored with `mode` (a policy file holding it is not new). */
  hasVersion(version: string, mode: string): Promise<boolean>;
  saveVersion(input: {
    version: string;
    mode: string;
    source: string;
    yaml: string;
    now: Date;
  }): Promise<PolicyVersionRow>;
}
