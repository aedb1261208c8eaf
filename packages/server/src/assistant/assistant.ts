import type { CustomerContext, MessageRole, RiskTier } from '@baton/shared';

export interface AssistantInput {
  text: string;
  context: CustomerContext;
  history: { role: MessageRole; text: string }[];
}

export interface ProposedIntent {
  name: string;
  /** 0..1. The escalation engine compares it with the threshold for this tier / action. */
  confidence: number;
  tier: RiskTier;
  domain: string;
  action: string;
}

export interface ProposedAmount {
  value: number;
  /** ISO 4217 code, or null when the text and context do not say. */
  currency: string | null;
  /** Where the amount came from: 'text', or 'context.orders[i]' (several joined with '+'). */
  source: string;
}

/** What the assistant would do with one customer message. The server decides what happens. */
export interface AssistantProposal {
  /** Null when nothing matched well enough. */
  intent: ProposedIntent | null;
  /** What the assistant would say; the server decides whether it is sent. */
  replyDraft: string;
  /** Approved sources the draft is based on, e.g. ['kb:order_status', 'context.orders[0]']. */
  sources: string[];
  /** Money in the request (see extractAmount). */
  amount: ProposedAmount | null;
  /** The intent's `requires` entries absent (or unavailable / stale) in the context. */
  missingContext: string[];
  /** This message's sentiment, roughly -1..1. */
  sentiment: number;
  /**
   * Further business domains the message clearly touches besides the intent's (multi_domain),
   * e.g. ['orders'] for "I was charged twice and my order never arrived" (payment_dispute,
   * billing). [] for a single-topic message; assistants that cannot tell give [].
   */
  domains: string[];
  /** ISO 639-1 language of the message, when the assistant can tell. */
  language?: string;
  /**
   * The assistant read a request for a person in the message. It can only ADD to the server's
   * own detection (which never depends on the assistant); it never vetoes it.
   */
  humanRequest?: boolean;
}

/**
 * Thrown by an assistant that could not produce a trustworthy proposal (timeout, HTTP error,
 * refusal, output that fails validation). The turn goes to a person with `reason` in the packet.
 */
export class AssistantError extends Error {
  override readonly name = 'AssistantError';

  constructor(
    readonly code: 'timeout' | 'http' | 'network' | 'refusal' | 'invalid_output',
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}

/** A short reason for the packet, for any error an assistant may throw. */
export function assistantFailureReason(error: unknown): string {
  if (error instanceof AssistantError) return error.reason;
  return error instanceof Error ? `error: ${error.message.slice(0, 200)}` : 'error';
}

/** The seam where a later issue plugs in an LLM: same input, same proposal. */
export interface Assistant {
  readonly name: string;
  propose(input: AssistantInput): Promise<AssistantProposal>;
}
