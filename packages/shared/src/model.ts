import type { Notice } from './notices';
/** Domain types shared by the server, the widget and the console. */

export const TRIGGERS = [
  'explicit_human_request',
  'low_confidence',
  'policy_sensitivity',
  'policy_boundary',
  'security_identity',
  'missing_context',
  'irreversible_action',
  'customer_pressure',
  'negative_sentiment',
  'repeat_contact',
  'conversation_loop',
  'multi_domain',
] as const;
export type TriggerName = (typeof TRIGGERS)[number];

export const LANES = ['autonomous', 'assisted', 'human'] as const;
export type Lane = (typeof LANES)[number];

export const UNITS = ['answer', 'action', 'conversation'] as const;
export type Unit = (typeof UNITS)[number];

export type RiskTier = 1 | 2 | 3 | 4;

export interface TriggerHit {
  name: TriggerName;
  /** Human-readable reason, e.g. "refund of 250 USD exceeds the assistant limit of 100 USD". */
  reason: string;
  /** The values that made it fire, e.g. { amount: 250, limit: 100 }. */
  values: Record<string, unknown>;
}

export interface Decision {
  lane: Lane;
  unit: Unit | null;
  tier: RiskTier;
  triggers: TriggerHit[];
  /** Queue the conversation is routed to when it leaves the autonomous lane. */
  queue: string | null;
  reasons: string[];
  policyVersion: string;
}

export type MessageRole = 'customer' | 'assistant' | 'agent' | 'system';

/** The kinds of file that may be attached, told from their bytes (never the name or header). */
export const ATTACHMENT_MIME_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIME_TYPES)[number];
/** Largest attachment accepted (10 MB); a longer upload is cut off with 413 PAYLOAD_TOO_LARGE. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Most attachments one message may carry. */
export const ATTACHMENTS_PER_MESSAGE = 5;

/**
 * An uploaded file as a message carries it. The bytes are at
 * `GET /api/conversations/:conversationId/attachments/:id` for that conversation's customer and
 * agents only.
 */
export interface AttachmentRef {
  id: string;
  /** The uploaded file's name, made safe (no path, no control characters, at most 200). */
  name: string;
  /** Detected from the bytes. */
  mime: AttachmentMime;
  size: number;
}

/** What `POST /api/conversations/:conversationId/attachments` answers (201). */
export interface UploadedAttachment extends AttachmentRef {
  conversationId: string;
  sha256: string;
  createdAt: string;
}

export interface ChatMessage {
  id: string;
  conversationId: string;
  /** Per-conversation sequence, starting at 1, without gaps. */
  seq: number;
  role: MessageRole;
  text: string;
  /** Agent display name for agent messages, null otherwise. */
  authorName: string | null;
  /** Client-generated id used to deduplicate retries (customer and agent messages). */
  clientId: string | null;
  createdAt: string;
  /**
   * A system message's meaning as a code plus parameters, so the widget shows it in the
   * customer's language (`text` is its English rendering); absent on other messages.
   */
  notice?: Notice;
  /** Files sent with the message (absent when none); `text` may then be empty. */
  attachments?: AttachmentRef[];
}

export type ConversationState = 'bot' | 'queued' | 'assigned' | 'resolved';

export interface WaitEstimate {
  minutes: number;
  /** How the estimate was measured, e.g. "median of 12 recent claims in billing". */
  basis: string;
  /** How many measured waits the median is of. */
  samples: number;
  /** True when the estimate is longer than the queue's first-response SLA for this tier. */
  exceedsSla: boolean;
}

/** What the customer sees in the queue banner. Every number is measured, never invented. */
export interface QueueStatus {
  conversationId: string;
  state: ConversationState;
  queue: string | null;
  queueName: string | null;
  /** 1-based position among waiting conversations in the queue, null unless queued. */
  position: number | null;
  /** Agents of this queue online now. */
  agentsOnline: number;
  estimate: WaitEstimate | null;
  slaMinutes: number | null;
  /** Whether the queue is inside its opening hours now. */
  openNow: boolean;
  openingHours: string | null;
  /** Offer to leave an email (nobody online, or the SLA lapsed); the place in the queue is kept. */
  offerEmail: boolean;
  /** The first-response SLA lapsed while waiting: the wait is longer than promised. */
  overdue: boolean;
  emailLeft: boolean;
  agentName: string | null;
  /** One honest sentence summarising all of the above, in English. */
  text: string;
  /** The same as a code plus parameters, for clients that show it in another language. */
  notice: Notice;
}

export interface OrderInfo {
  id: string;
  total?: number;
  currency?: string;
  status?: string;
  placedDaysAgo?: number;
  items?: string[];
  [key: string]: unknown;
}

export type SystemState = 'ok' | 'unavailable' | 'stale';

/** Context a storefront passes with `Baton('setContext', …)`. Every field is optional. */
export interface CustomerContext {
  customer?: {
    id?: string;
    name?: string;
    email?: string;
    tier?: 'standard' | 'vip' | 'enterprise';
    verified?: boolean;
    [key: string]: unknown;
  };
  account?: { plan?: string; renewalInDays?: number; [key: string]: unknown };
  orders?: OrderInfo[];
  recentContacts?: { daysAgo: number; text: string }[];
  systems?: Record<string, SystemState>;
  [key: string]: unknown;
}

export type Certainty = 'confirmed' | 'inferred' | 'not_verified';

export interface PacketFact {
  label: string;
  value: string;
  source: string;
  certainty: Certainty;
}

/** What the agent sees first. */
export interface EscalationPacket {
  conversationId: string;
  lane: Lane;
  unit: Unit | null;
  tier: RiskTier;
  triggers: TriggerHit[];
  summary: string;
  intent: { name: string; confidence: number } | null;
  sentiment: { trend: 'improving' | 'steady' | 'worsening'; scores: number[] };
  facts: PacketFact[];
  context: CustomerContext;
  missingContext: string[];
  policyReferences: string[];
  suggestedQueue: string;
  /** Things the assistant intentionally did not do, e.g. "did not promise a refund". */
  assistantDidNot: string[];
  /** What the customer had been told or promised when the escalation happened. */
  customerFacingState: string[];
  /** An assistant draft held for review (assisted lane), if any. */
  heldDraft: string | null;
  policyVersion: string;
  transcriptUrl: string;
  createdAt: string;
}

/** An assistant reply held for an agent (assisted lane): approve, edit or reject. */
export interface HeldDraft {
  id: string;
  conversationId: string;
  /** The customer message it answers. */
  messageId: string;
  text: string;
  /** `closed`: never reviewed before the conversation was resolved; it is never sent. */
  status: 'pending' | 'approved' | 'edited' | 'rejected' | 'closed';
  reviewedBy: string | null;
  createdAt: string;
}

/** A state-changing step (refund, cancellation, account change) waiting for a person's decision. */
export interface PendingAction {
  id: string;
  conversationId: string;
  /** Action type from the knowledge base, e.g. `refund`. */
  action: string;
  intent: string | null;
  amount: { value: number; currency: string | null } | null;
  /** Why the assistant may not take it (the triggers' reasons). */
  reasons: string[];
  status: 'pending' | 'approved' | 'denied';
  decidedBy: string | null;
  note: string | null;
  createdAt: string;
}

/** One stored decision as the console shows it, with the shadow policy's beside it if any. */
export interface DecisionSummary {
  turn: number;
  lane: Lane;
  unit: Unit | null;
  tier: RiskTier;
  triggers: TriggerName[];
  queue: string | null;
  policyVersion: string;
  shadow: {
    policyVersion: string;
    lane: Lane;
    unit: Unit | null;
    triggers: TriggerName[];
    queue: string | null;
  } | null;
  createdAt: string;
}

export interface WaitingConversation {
  conversationId: string;
  queue: string;
  lane: Lane;
  unit: Unit | null;
  /** Held drafts and actions waiting for this queue's decision. */
  pendingDrafts: number;
  pendingActions: number;
  tier: RiskTier;
  triggers: TriggerName[];
  summary: string;
  customerName: string | null;
  enqueuedAt: string;
  slaDeadline: string;
  /** The customer left an email: they may be answered there. */
  replyByEmail: boolean;
  /** In a push-routing queue: the agent it is offered to now, waiting for their answer. */
  offeredTo: { agentId: string; agentName: string } | null;
}

export interface QueueSnapshot {
  name: string;
  displayName: string;
  agentsOnline: number;
  /** Waiting conversations, earliest SLA deadline first. */
  waiting: WaitingConversation[];
}

export type PresenceStatus = 'online' | 'away';

/** How a queue hands out work: agents pick it (`pull`), or Baton offers it to one agent at a time. */
export const ROUTING_MODES = ['pull', 'round_robin', 'least_busy'] as const;
export type RoutingMode = (typeof ROUTING_MODES)[number];

/**
 * A waiting conversation offered to one agent (push routing): accept it (`offer:accept`) before
 * `expiresAt`, or decline it; an offer left to expire makes the agent `away`.
 */
export interface Offer {
  id: string;
  conversationId: string;
  queue: string;
  queueName: string;
  tier: RiskTier;
  summary: string;
  customerName: string | null;
  /** The language the customer writes in, when detected. */
  language: string | null;
  offeredAt: string;
  expiresAt: string;
}

/** Why an offer ended: taken, declined, left to expire, or withdrawn (claimed elsewhere, gone). */
export type OfferEnd = 'accepted' | 'declined' | 'expired' | 'withdrawn';

export interface AgentProfile {
  id: string;
  name: string;
  email: string;
  queues: string[];
}

export interface ConversationDetail {
  id: string;
  state: ConversationState;
  lane: Lane;
  queue: string | null;
  drafts: HeldDraft[];
  actions: PendingAction[];
  decisions: DecisionSummary[];
  assignedAgent: { id: string; name: string } | null;
  packet: EscalationPacket | null;
  messages: ChatMessage[];
  /** The email the customer left to be answered there (nobody online, closed, or a long wait). */
  replyByEmail: string | null;
  /** Emails sent (or being sent) to the customer, oldest first. */
  emails: EmailState[];
  /** The customer's rating of this episode (after a resolve), if they gave one. */
  csat: { rating: number; comment: string | null; ratedAt: string } | null;
}

/** An email to the customer as agents see it: what it carries and whether it went out. */
export interface EmailState {
  id: string;
  kind: 'reply' | 'transcript';
  /** The chat message it carries (an agent's reply the customer was not there to see). */
  messageId: string | null;
  to: string;
  /** pending: waiting or retrying (see attempts, lastError); sent; failed: gave up. */
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
}

export const ESCALATION_OUTCOMES = ['needed', 'unnecessary', 'late'] as const;
export type EscalationOutcome = (typeof ESCALATION_OUTCOMES)[number];
export const ROOT_CAUSES = [
  'model_gap',
  'policy_ambiguity',
  'decision_rights',
  'training_issue',
  'none',
] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];

/**
 * An SLA alert for agents: a waiting conversation reached its queue's alert share of the SLA
 * (`warning`), or its SLA lapsed unclaimed (`breach`: re-escalated, moved to the fallback queue
 * if one is set, the queue's owner alerted). `id` is the same on every delivery of one alert.
 */
export interface SlaAlert {
  id: string;
  kind: 'warning' | 'breach';
  conversationId: string;
  /** The queue it waits in now (the fallback after a breach, if one is set). */
  queue: string;
  queueName: string;
  /** The queue whose SLA it was. */
  fromQueue: string;
  fromQueueName: string;
  /** The accountable owner of `fromQueue` (queues.yaml), and the agent that is, if any. */
  owner: string;
  ownerAgentId: string | null;
  tier: RiskTier;
  enqueuedAt: string;
  slaDeadline: string;
}
