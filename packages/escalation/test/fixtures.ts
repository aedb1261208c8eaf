import type { IntentFacts, TurnFacts } from '../src/facts';

/** Shared builders for engine tests: a calm, confident, informational turn unless told otherwise. */
export const NOW = new Date('2025-03-04T10:00:00Z');

export const INTENTS = {
  orderStatus: {
    name: 'order_status',
    confidence: 0.92,
    tier: 1,
    domain: 'orders',
    action: 'lookup',
  },
  storeHours: { name: 'store_hours', confidence: 0.95, tier: 1, domain: 'store', action: 'answer' },
  returnItem: {
    name: 'return_item',
    confidence: 0.9,
    tier: 2,
    domain: 'returns',
    action: 'return',
  },
  refund: {
    name: 'refund_request',
    confidence: 0.93,
    tier: 3,
    domain: 'billing',
    action: 'refund',
  },
  priceMatch: {
    name: 'price_match',
    confidence: 0.9,
    tier: 3,
    domain: 'orders',
    action: 'price_match',
  },
  promoException: {
    name: 'promo_exception',
    confidence: 0.9,
    tier: 3,
    domain: 'orders',
    action: 'promo_exception',
  },
  dispute: {
    name: 'charge_dispute',
    confidence: 0.9,
    tier: 3,
    domain: 'payments',
    action: 'dispute',
  },
  cancel: {
    name: 'cancel_subscription',
    confidence: 0.9,
    tier: 3,
    domain: 'subscriptions',
    action: 'cancel_subscription',
  },
  accountTakeover: {
    name: 'account_takeover',
    confidence: 0.97,
    tier: 4,
    domain: 'security',
    action: 'account_change',
  },
  fraud: {
    name: 'fraud_report',
    confidence: 0.96,
    tier: 4,
    domain: 'fraud',
    action: 'report_fraud',
  },
  legal: { name: 'legal_threat', confidence: 0.95, tier: 4, domain: 'legal', action: 'legal' },
  dataDeletion: {
    name: 'data_deletion',
    confidence: 0.96,
    tier: 4,
    domain: 'privacy',
    action: 'data_deletion',
  },
  emailChange: {
    name: 'change_email',
    confidence: 0.95,
    tier: 3,
    domain: 'account',
    action: 'account_change',
  },
} satisfies Record<string, IntentFacts>;

export function intent(base: IntentFacts, over: Partial<IntentFacts> = {}): IntentFacts {
  return { ...base, ...over };
}

export function facts(over: Partial<TurnFacts> = {}): TurnFacts {
  return {
    turn: 1,
    text: 'where is my order A1001?',
    humanRequest: null,
    intent: INTENTS.orderStatus,
    amount: null,
    sentimentScores: [0.1],
    context: {},
    priorTurns: [],
    ...over,
  };
}
