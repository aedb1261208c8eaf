import type { CustomerContext } from '@baton/shared';
import { findReferencedOrders, mostRecentOrder, unknownOrderIds } from './contextOrders';
import type { KnowledgeIntent } from './knowledgeBase';

/** Honest fallback when nothing matched: no guess, no deflection, a person stays one ask away. */
export const NOT_UNDERSTOOD_DRAFT =
  "I'm not sure I understood that. Could you say a bit more about what you need? You can also ask for a person at any time.";

export interface DraftedReply {
  text: string;
  sources: string[];
}

function statusPhrase(status: unknown): string | null {
  if (typeof status !== 'string') return null;
  const phrase = status.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return phrase === '' ? null : phrase;
}

/** Order facts for lookup intents, only from context the storefront supplied and marked fresh. */
function describeOrders(text: string, context: CustomerContext): DraftedReply | null {
  const ordersSystem = context.systems?.['orders'];
  if (ordersSystem === 'unavailable' || ordersSystem === 'stale') return null;

  const referenced = findReferencedOrders(text, context).slice(0, 3);
  if (referenced.length > 0) {
    const lines: string[] = [];
    const sources: string[] = [];
    for (const { index, order } of referenced) {
      const status = statusPhrase(order.status);
      if (!status) continue;
      lines.push(`Your order ${order.id} is ${status}.`);
      sources.push(`context.orders[${index}]`);
    }
    return lines.length > 0 ? { text: lines.join(' '), sources } : null;
  }

  const [unknown] = unknownOrderIds(text, context);
  if (unknown) {
    return { text: `I can't find order ${unknown} in the order details I have.`, sources: [] };
  }

  const recent = mostRecentOrder(context);
  const status = statusPhrase(recent?.order.status);
  if (!recent || !status) return null;
  const only = Array.isArray(context.orders) && context.orders.length === 1;
  return {
    text: only
      ? `Your order ${recent.order.id} is ${status}.`
      : `Your most recent order, ${recent.order.id}, is ${status}.`,
    sources: [`context.orders[${recent.index}]`],
  };
}

/**
 * The reply the assistant would send: the intent's approved answer, preceded for order lookups
 * (domain 'orders', action 'lookup') by the order's status from context ("Your order A100 is delivered."). Drafts never add claims
 * of their own: everything else comes from the knowledge base, whose answers are written not to
 * promise refunds or claim that a person reviewed anything.
 */
export function draftReply(
  intent: KnowledgeIntent | null,
  text: string,
  context: CustomerContext,
): DraftedReply {
  if (!intent) return { text: NOT_UNDERSTOOD_DRAFT, sources: [] };
  const sources = [`kb:${intent.name}`];
  // Only order lookups: a refund-status question answered with "your order is delivered"
  // would read as an answer about the refund.
  const orders =
    intent.domain === 'orders' && intent.action === 'lookup' ? describeOrders(text, context) : null;
  if (!orders) return { text: intent.answer, sources };
  return { text: `${orders.text} ${intent.answer}`, sources: [...sources, ...orders.sources] };
}
