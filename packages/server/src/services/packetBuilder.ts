import type {
  ChatMessage,
  CustomerContext,
  Decision,
  EscalationPacket,
  PacketFact,
} from '@baton/shared';
import { sentimentTrend } from '@baton/escalation';
import type { AssistantProposal } from '../assistant';

export interface PacketInput {
  conversationId: string;
  decision: Decision;
  proposal: AssistantProposal | null;
  /** The most recent intent the assistant was confident about, this turn or earlier. */
  topic: { name: string; confidence: number } | null;
  /** The customer's typed messages, oldest first (button presses excluded). */
  customerAsks: string[];
  humanRequested: boolean;
  context: CustomerContext;
  identity: {
    externalId: string | null;
    /** Customer id proven with the site's identity secret (identify with userHash). */
    verifiedId?: string | null;
    name: string | null;
    email: string | null;
  };
  sentimentScores: number[];
  transcript: ChatMessage[];
  references: string[];
  heldDraft: string | null;
  now: Date;
}

const MONEY_ACTIONS = new Set([
  'refund',
  'dispute',
  'price_match',
  'promo_exception',
  'cancel_subscription',
]);
const ACCOUNT_ACTIONS = new Set(['account_change', 'data_deletion', 'report_fraud', 'legal']);

const humanize = (name: string) => name.replace(/_/g, ' ');
const excerpt = (text: string, max = 160) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** The packet with `notice` added to what the customer has been told (it is shown as the turn commits). */
export function withNotice(packet: EscalationPacket, notice: string): EscalationPacket {
  return {
    ...packet,
    customerFacingState: [...packet.customerFacingState, `system: ${excerpt(notice, 240)}`].slice(
      -6,
    ),
  };
}

/** Builds the escalation packet: what the agent reads first so the customer never repeats themselves. */
export function buildPacket(input: PacketInput): EscalationPacket {
  const { decision, proposal, context } = input;
  const intent = proposal?.intent ?? null;
  const subject = input.topic ? humanize(input.topic.name) : null;
  const asks = input.customerAsks;
  const summaryParts = [
    input.humanRequested
      ? `Customer asked for a person${subject ? ` (topic: ${subject})` : ''}.`
      : `Customer needs help with ${subject ?? 'an unclassified request'}.`,
  ];
  if (asks.length > 0) {
    const recent = asks.slice(-2).map((t) => `"${excerpt(t, 120)}"`);
    summaryParts.push(`In their words: ${recent.join(' … ')}.`);
  }
  if (asks.length > 2) summaryParts.push(`${asks.length} customer messages so far.`);
  // The agent must know there is no assistant reading of this turn, and why.
  const unavailable = decision.reasons.find((r) => r.startsWith('the assistant was unavailable'));
  if (unavailable) {
    const sentence = unavailable.replace(/[.!?\s]+$/, '');
    summaryParts.push(`${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`);
  }

  return {
    conversationId: input.conversationId,
    lane: decision.lane,
    unit: decision.unit,
    tier: decision.tier,
    triggers: decision.triggers,
    summary: summaryParts.join(' '),
    intent: intent
      ? { name: intent.name, confidence: intent.confidence }
      : input.topic && { name: input.topic.name, confidence: input.topic.confidence },
    sentiment: { trend: sentimentTrend(input.sentimentScores), scores: input.sentimentScores },
    facts: buildFacts(input),
    context,
    missingContext: [
      ...(proposal?.missingContext ?? []),
      ...Object.entries(context.systems ?? {})
        .filter(([, state]) => state !== 'ok')
        .map(([system, state]) => `${system} system is ${state}`),
    ],
    policyReferences: input.references,
    suggestedQueue: decision.queue ?? 'general',
    assistantDidNot: didNot(input),
    customerFacingState: input.transcript
      .filter((m) => m.role === 'assistant' || m.role === 'system' || m.role === 'agent')
      .slice(-6)
      .map(
        (m) =>
          `${m.role === 'agent' ? (m.authorName ?? 'agent') : m.role}: ${excerpt(m.text, 240)}`,
      ),
    heldDraft: input.heldDraft,
    policyVersion: decision.policyVersion,
    transcriptUrl: `/api/conversations/${encodeURIComponent(input.conversationId)}/transcript`,
    createdAt: input.now.toISOString(),
  };
}

/**
 * Context arrives from the storefront page through the customer's browser, so by itself it is
 * a claim, not a fact: only a customer id proven with the site's identity secret is confirmed.
 */
function buildFacts({ context, identity, proposal }: PacketInput): PacketFact[] {
  const facts: PacketFact[] = [];
  const add = (label: string, value: unknown, source: string) => {
    if (value === undefined || value === null || value === '') return;
    facts.push({ label, value: String(value), source, certainty: 'not_verified' });
  };
  const customerId = context.customer?.id ?? identity.externalId;
  if (customerId && identity.verifiedId && customerId === identity.verifiedId) {
    facts.push({
      label: 'Customer id',
      value: customerId,
      source: 'identity verification (site secret)',
      certainty: 'confirmed',
    });
  } else {
    add('Customer id', customerId, context.customer?.id ? 'storefront page' : 'widget identify');
  }
  add(
    'Name',
    context.customer?.name ?? identity.name,
    context.customer?.name ? 'storefront page' : 'widget identify',
  );
  add(
    'Email',
    context.customer?.email ?? identity.email,
    context.customer?.email ? 'storefront page' : 'widget identify / email form',
  );
  add('Customer tier', context.customer?.tier, 'storefront page');
  if (context.customer?.verified !== undefined) {
    add('Signed in (storefront says)', context.customer.verified ? 'yes' : 'no', 'storefront page');
  }
  add('Plan', context.account?.plan, 'storefront page');
  add('Renewal in days', context.account?.renewalInDays, 'storefront page');
  if (context.orders?.length) add('Orders on file', context.orders.length, 'storefront page');
  if (proposal?.intent) {
    facts.push({
      label: 'Detected intent',
      value: `${humanize(proposal.intent.name)} (${Math.round(proposal.intent.confidence * 100)}%)`,
      source: 'assistant NLU',
      certainty: 'inferred',
    });
  }
  if (proposal?.amount) {
    facts.push({
      label: 'Amount involved',
      value: `${proposal.amount.value}${proposal.amount.currency ? ` ${proposal.amount.currency}` : ''}`,
      source: proposal.amount.source,
      certainty: 'inferred',
    });
  }
  return facts;
}

function didNot({ decision, proposal, humanRequested, heldDraft }: PacketInput): string[] {
  const out: string[] = [];
  if (humanRequested)
    out.push('Did not reply, rephrase or offer articles after the customer asked for a person.');
  if (heldDraft) out.push('Did not send its drafted reply; it is held for your review.');
  else if (decision.lane === 'human' && !humanRequested)
    out.push('Did not send a reply on this turn.');
  const action = proposal?.intent?.action;
  if (action && MONEY_ACTIONS.has(action))
    out.push('Did not promise, issue or deny any refund, credit or exception.');
  if (action && ACCOUNT_ACTIONS.has(action))
    out.push('Did not change the account or disclose account details.');
  out.push('Did not promise a response time or say that a person had reviewed anything.');
  return out;
}
