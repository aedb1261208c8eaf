import { validatePolicy, type Policy, type PolicyInput } from './policy';

/**
 * A complete, conservative policy for tests, replays and a server started without a policy
 * file. The demo storefront's `demo/policy.yaml` follows the same shape.
 */
export const defaultPolicyInput: PolicyInput = {
  version: 'default-1',
  mode: 'enforce',
  confidence: {
    default: 0.7,
    tiers: { 1: 0.5, 2: 0.65, 3: 0.8, 4: 0.9 },
    actions: {
      answer: 0.55,
      lookup: 0.5,
      return: 0.7,
      refund: 0.85,
      dispute: 0.85,
      price_match: 0.8,
      promo_exception: 0.8,
      cancel_subscription: 0.85,
      account_change: 0.9,
    },
  },
  limits: {
    refund: { maxAmount: 100, currency: 'USD' },
    price_match: { maxAmount: 50, currency: 'USD' },
    promo_exception: { maxAmount: 25, currency: 'USD' },
  },
  routing: {
    default: 'general',
    domains: {
      billing: 'billing',
      payments: 'billing',
      subscriptions: 'billing',
      security: 'trust-safety',
      fraud: 'trust-safety',
      legal: 'trust-safety',
      privacy: 'trust-safety',
    },
    tiers: { 4: 'trust-safety' },
  },
  sla: { 1: 60, 2: 30, 3: 15, 4: 10 },
  autonomy: { default: true, domains: { billing: false, payments: false } },
  repeatContact: { count: 3, windowDays: 7 },
};

export const defaultPolicy: Policy = validatePolicy(defaultPolicyInput);
