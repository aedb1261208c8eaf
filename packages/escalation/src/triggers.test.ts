import type { CustomerContext, TriggerName } from '@baton/shared';
import { describe, expect, it } from 'vitest';
import { facts, intent, INTENTS } from '../test/fixtures';
import type { Severity } from './assessment';
import { defaultPolicy } from './defaultPolicy';
import { assess } from './engine';
import type { ContactFact, TurnFacts } from './facts';
import { validatePolicy, type Policy } from './policy';
import { defaultPolicyInput } from './defaultPolicy';
import { effectiveThreshold } from './triggers/lowConfidence';

/** Severity of `name` on this turn, or null when it did not fire. */
function severityOf(name: TriggerName, f: TurnFacts, policy: Policy = defaultPolicy) {
  const hit = assess(f, policy).find((a) => a.hit.name === name);
  return hit ? hit.severity : null;
}

type Row = [description: string, facts: TurnFacts, expected: Severity | null];

function table(name: TriggerName, rows: Row[]) {
  describe(name, () => {
    it.each(rows)('%s', (_description, f, expected) => {
      expect(severityOf(name, f)).toBe(expected);
    });
  });
}

const ctx = (context: CustomerContext) => facts({ context });
const prior = (intentName: string | null, triggers: TriggerName[] = []) => ({
  intent: intentName,
  lane: 'autonomous' as const,
  triggers,
});

table('explicit_human_request', [
  [
    'text request passed by the caller',
    facts({ text: 'human please', humanRequest: { source: 'text', phrase: 'human please' } }),
    'high',
  ],
  [
    'button press',
    facts({ text: null, intent: null, humanRequest: { source: 'button', phrase: null } }),
    'high',
  ],
  [
    'text request the caller did not flag (the engine checks again)',
    facts({ text: 'can i talk to a human', intent: null }),
    'high',
  ],
  ['a confident order question', facts(), null],
  [
    'human used in another sense',
    facts({ text: 'is this safe for human skin', intent: INTENTS.storeHours }),
    null,
  ],
]);

table('low_confidence', [
  ['confidence above the threshold', facts(), null],
  [
    'tier-1 lookup under its threshold, first miss → low (one clarifying question)',
    facts({ intent: intent(INTENTS.orderStatus, { confidence: 0.3 }) }),
    'low',
  ],
  [
    'tier-1 lookup under its threshold after a turn misunderstood the same way → medium',
    facts({
      intent: intent(INTENTS.orderStatus, { confidence: 0.3 }),
      priorTurns: [
        { intent: null, lane: 'autonomous', triggers: ['low_confidence'], guess: 'order_status' },
      ],
    }),
    'medium',
  ],
  [
    'tier-1 miss from an upset customer → medium, no clarifying round',
    facts({ intent: intent(INTENTS.orderStatus, { confidence: 0.3 }), sentimentScores: [-0.6] }),
    'medium',
  ],
  [
    'tier-2 action under its threshold → medium (not informational)',
    facts({ intent: intent(INTENTS.returnItem, { confidence: 0.3 }) }),
    'medium',
  ],
  [
    'exactly at the threshold does not fire',
    facts({ intent: intent(INTENTS.orderStatus, { confidence: 0.5 }) }),
    null,
  ],
  [
    'tier-2 return under the return threshold (0.7)',
    facts({ intent: intent(INTENTS.returnItem, { confidence: 0.68 }) }),
    'medium',
  ],
  [
    'tier-3 refund under threshold → high',
    facts({ intent: intent(INTENTS.refund, { confidence: 0.8 }) }),
    'high',
  ],
  [
    'tier-4 under threshold → high',
    facts({ intent: intent(INTENTS.legal, { confidence: 0.5 }) }),
    'high',
  ],
  [
    'NaN confidence counts as low',
    facts({ intent: intent(INTENTS.orderStatus, { confidence: Number.NaN }) }),
    'low',
  ],
  [
    'no intent matched a text turn, first miss → low',
    facts({ text: 'blue?', intent: null }),
    'low',
  ],
  [
    'no intent matched twice in a row → medium',
    facts({
      text: 'blue?',
      intent: null,
      priorTurns: [{ intent: null, lane: 'autonomous', triggers: ['low_confidence'] }],
    }),
    'medium',
  ],
  [
    'no intent on a button press',
    facts({ text: null, intent: null, humanRequest: { source: 'button', phrase: null } }),
    null,
  ],
  ['no intent but the customer asked for a person', facts({ text: 'agent', intent: null }), null],
  ['empty text', facts({ text: '  ', intent: null }), null],
]);

table('policy_boundary', [
  [
    'refund within the limit',
    facts({ intent: INTENTS.refund, amount: { value: 80, currency: 'USD', source: 'order' } }),
    null,
  ],
  [
    'refund exactly at the limit',
    facts({ intent: INTENTS.refund, amount: { value: 100, currency: 'USD', source: 'order' } }),
    null,
  ],
  [
    'refund above the limit → high',
    facts({ intent: INTENTS.refund, amount: { value: 250, currency: 'USD', source: 'order' } }),
    'high',
  ],
  [
    'currency not given: the limit currency is assumed',
    facts({ intent: INTENTS.refund, amount: { value: 150, currency: null, source: 'message' } }),
    'high',
  ],
  [
    'lower-case currency code',
    facts({ intent: INTENTS.refund, amount: { value: 50, currency: 'usd', source: 'order' } }),
    null,
  ],
  [
    'another currency cannot be checked → high',
    facts({ intent: INTENTS.refund, amount: { value: 20, currency: 'EUR', source: 'order' } }),
    'high',
  ],
  [
    'unknown amount for a limited action → medium',
    facts({ intent: INTENTS.refund, amount: null }),
    'medium',
  ],
  [
    'price match above its 50 USD limit',
    facts({
      intent: INTENTS.priceMatch,
      amount: { value: 60, currency: 'USD', source: 'message' },
    }),
    'high',
  ],
  [
    'an action without a limit',
    facts({
      intent: INTENTS.returnItem,
      amount: { value: 5000, currency: 'USD', source: 'order' },
    }),
    null,
  ],
  [
    'no intent',
    facts({
      intent: null,
      text: 'hmm',
      amount: { value: 900, currency: 'USD', source: 'message' },
    }),
    null,
  ],
]);

table('policy_sensitivity', [
  ['tier-1 question', facts(), null],
  ['tier-2 return', facts({ intent: INTENTS.returnItem }), null],
  [
    'tier-3 refund within limit → medium',
    facts({ intent: INTENTS.refund, amount: { value: 20, currency: 'USD', source: 'order' } }),
    'medium',
  ],
  [
    'tier-3 price match',
    facts({ intent: INTENTS.priceMatch, amount: { value: 10, currency: 'USD', source: 'order' } }),
    'medium',
  ],
  [
    'tier-3 promo exception',
    facts({
      intent: INTENTS.promoException,
      amount: { value: 5, currency: 'USD', source: 'order' },
    }),
    'medium',
  ],
  ['tier-3 charge dispute', facts({ intent: INTENTS.dispute }), 'medium'],
  ['tier-3 cancellation with terms', facts({ intent: INTENTS.cancel }), 'medium'],
  [
    'tier-3 refund above the limit → high',
    facts({ intent: INTENTS.refund, amount: { value: 101, currency: 'USD', source: 'order' } }),
    'high',
  ],
  ['tier-4 legal threat → high', facts({ intent: INTENTS.legal }), 'high'],
  [
    'tier-4 fraud report is named by security_identity instead',
    facts({ intent: INTENTS.fraud }),
    null,
  ],
]);

table('security_identity', [
  ['order status', facts(), null],
  [
    'account takeover (security domain, tier 4)',
    facts({ intent: INTENTS.accountTakeover }),
    'high',
  ],
  ['fraud report', facts({ intent: INTENTS.fraud }), 'high'],
  ['email change (account_change action, tier 3)', facts({ intent: INTENTS.emailChange }), 'high'],
  ['legal threat', facts({ intent: INTENTS.legal }), null],
  [
    'how to reset a password (security domain, informational) → medium',
    facts({
      intent: {
        name: 'password_help',
        confidence: 0.9,
        tier: 1,
        domain: 'security',
        action: 'answer',
      },
    }),
    'medium',
  ],
  [
    'account recovery action in a security domain → high',
    facts({
      intent: {
        name: 'recover_account',
        confidence: 0.9,
        tier: 2,
        domain: 'security',
        action: 'account_recovery',
      },
    }),
    'high',
  ],
]);

table('irreversible_action', [
  [
    'refund',
    facts({ intent: INTENTS.refund, amount: { value: 20, currency: 'USD', source: 'order' } }),
    null,
  ],
  ['data deletion', facts({ intent: INTENTS.dataDeletion }), 'high'],
  [
    'account closure at tier 3',
    facts({ intent: intent(INTENTS.cancel, { action: 'close_account' }) }),
    'high',
  ],
]);

table('missing_context', [
  ['all systems ok', ctx({ systems: { orders: 'ok' } }), null],
  ['no system information at all', facts(), null],
  [
    'orders unavailable for an order lookup → medium',
    ctx({ systems: { orders: 'unavailable' } }),
    'medium',
  ],
  ['orders stale for an order lookup → medium', ctx({ systems: { orders: 'stale' } }), 'medium'],
  ['an unrelated system is down', ctx({ systems: { billing: 'unavailable' } }), null],
  [
    'billing down for a refund (an action) → high',
    facts({
      intent: INTENTS.refund,
      amount: { value: 10, currency: 'USD', source: 'order' },
      context: { systems: { billing: 'stale' } },
    }),
    'high',
  ],
  [
    'shipping intents need the orders system',
    facts({
      intent: intent(INTENTS.orderStatus, { domain: 'shipping' }),
      context: { systems: { orders: 'unavailable' } },
    }),
    'medium',
  ],
  [
    'a domain without a system of record',
    facts({ intent: INTENTS.storeHours, context: { systems: { orders: 'unavailable' } } }),
    null,
  ],
  [
    'no intent',
    facts({ intent: null, text: 'hm', context: { systems: { orders: 'unavailable' } } }),
    null,
  ],
  [
    'no intent, but the words name one of the customer’s orders while orders is down → medium',
    facts({
      intent: null,
      text: 'Kunt u kijken of bestelling a-8110 al onderweg is?',
      context: {
        systems: { orders: 'unavailable' },
        orders: [{ id: 'A8110', total: 40, currency: 'EUR', status: 'shipped', placedDaysAgo: 2 }],
      },
    }),
    'medium',
  ],
  [
    'no intent, an order named, orders up',
    facts({
      intent: null,
      text: 'is A8110 on its way?',
      context: {
        systems: { orders: 'ok' },
        orders: [{ id: 'A8110', total: 40, currency: 'EUR', status: 'shipped', placedDaysAgo: 2 }],
      },
    }),
    null,
  ],
  [
    'no intent, orders down, but no order of theirs named',
    facts({
      intent: null,
      text: 'is B1 on its way?',
      context: {
        systems: { orders: 'unavailable' },
        orders: [{ id: 'A8110', total: 40, currency: 'EUR', status: 'shipped', placedDaysAgo: 2 }],
      },
    }),
    null,
  ],
]);

table('customer_pressure', [
  ['standard customer', ctx({ customer: { tier: 'standard' } }), null],
  ['vip asking an informational question → low (noted)', ctx({ customer: { tier: 'vip' } }), 'low'],
  [
    'vip with a refund → medium',
    facts({
      intent: INTENTS.refund,
      amount: { value: 20, currency: 'USD', source: 'message' },
      context: { customer: { tier: 'vip' } },
    }),
    'medium',
  ],
  [
    'enterprise customer with a return',
    facts({ intent: INTENTS.returnItem, context: { customer: { tier: 'enterprise' } } }),
    'medium',
  ],
  [
    'renewal in 30 days with a return',
    facts({ intent: INTENTS.returnItem, context: { account: { renewalInDays: 30 } } }),
    'medium',
  ],
  ['renewal in 0 days, informational', ctx({ account: { renewalInDays: 0 } }), 'low'],
  ['renewal in 31 days', ctx({ account: { renewalInDays: 31 } }), null],
  ['renewal already passed', ctx({ account: { renewalInDays: -3 } }), null],
  ['no customer information', facts(), null],
]);

table('negative_sentiment', [
  ['neutral conversation', facts({ sentimentScores: [0, 0.1, 0] }), null],
  ['one cross word is not enough', facts({ sentimentScores: [0.2, 0.1, -0.9] }), null],
  ['a single very negative first turn', facts({ sentimentScores: [-1] }), null],
  [
    'two of the last three clearly negative',
    facts({ sentimentScores: [0.3, -0.4, -0.3] }),
    'medium',
  ],
  [
    'two negative turns far apart, outside the window',
    facts({ sentimentScores: [-0.8, 0.2, 0.3, -0.8] }),
    null,
  ],
  ['a low average over a full window', facts({ sentimentScores: [-0.2, -0.2, -0.9] }), 'medium'],
  ['a low average needs a full window', facts({ sentimentScores: [-0.9] }), null],
  ['recovered after an angry start', facts({ sentimentScores: [-0.8, -0.7, 0.2, 0.4, 0.3] }), null],
]);

table('repeat_contact', [
  ['first contact', facts(), null],
  ['one earlier contact', ctx({ recentContacts: [{ daysAgo: 2, text: 'where is it' }] }), null],
  [
    'two earlier contacts this week → third contact',
    ctx({
      recentContacts: [
        { daysAgo: 1, text: 'a' },
        { daysAgo: 6, text: 'b' },
      ],
    }),
    'medium',
  ],
  [
    'on the window edge (7 days)',
    ctx({
      recentContacts: [
        { daysAgo: 7, text: 'a' },
        { daysAgo: 0, text: 'b' },
      ],
    }),
    'medium',
  ],
  [
    'older contacts fall outside the window',
    ctx({
      recentContacts: [
        { daysAgo: 8, text: 'a' },
        { daysAgo: 30, text: 'b' },
      ],
    }),
    null,
  ],
]);

const contact = (
  daysAgo: number,
  intentName: string | null,
  domain: string | null,
  source: ContactFact['source'] = 'history',
): ContactFact => ({ daysAgo, intent: intentName, domain, source });
const button = { source: 'button' as const, phrase: null };

// With classified contacts: only contacts that could be about this turn's issue count.
table('repeat_contact', [
  ['classified contacts, none earlier', facts({ contacts: [] }), null],
  [
    'two earlier contacts with the same intent → third contact',
    facts({
      contacts: [contact(1, 'order_status', 'orders'), contact(5, 'order_status', 'orders')],
    }),
    'medium',
  ],
  [
    'same intent, from the storefront and from history together',
    facts({
      contacts: [
        contact(0, 'order_status', 'orders', 'storefront'),
        contact(3, 'order_status', 'orders', 'history'),
      ],
    }),
    'medium',
  ],
  [
    'a different intent in the same domain is the same topic',
    facts({
      intent: INTENTS.refund,
      amount: null,
      contacts: [contact(1, 'refund_status', 'billing'), contact(2, 'refund_status', 'billing')],
    }),
    'medium',
  ],
  [
    'a contact with only a domain matches on the domain',
    facts({ contacts: [contact(1, null, 'orders'), contact(2, null, 'orders')] }),
    'medium',
  ],
  [
    'two earlier contacts on other topics do not count',
    facts({
      contacts: [contact(1, 'store_hours', 'store'), contact(2, 'refund_request', 'billing')],
    }),
    null,
  ],
  [
    'the customer says it is a repeat ("third time asking"): earlier contacts on other topics count',
    facts({
      text: 'third time asking, where is it???',
      contacts: [contact(1, 'store_hours', 'store'), contact(2, 'refund_request', 'billing')],
    }),
    'medium',
  ],
  [
    'a bare "again" is not the customer saying it is a repeat',
    facts({
      text: 'thanks again, can I order the same tent again?',
      contacts: [contact(1, 'store_hours', 'store'), contact(2, 'refund_request', 'billing')],
    }),
    null,
  ],
  [
    'one on this topic and one on another → only the second contact on this topic',
    facts({
      contacts: [contact(1, 'order_status', 'orders'), contact(2, 'legal_threat', 'legal')],
    }),
    null,
  ],
  [
    'same topic but one of them outside the window',
    facts({
      contacts: [contact(1, 'order_status', 'orders'), contact(8, 'order_status', 'orders')],
    }),
    null,
  ],
  [
    'same topic on the window edge (7 days)',
    facts({
      contacts: [contact(7, 'order_status', 'orders'), contact(0, 'order_status', 'orders')],
    }),
    'medium',
  ],
  [
    'a contact with a non-finite age does not count',
    facts({
      contacts: [
        contact(1, 'order_status', 'orders'),
        contact(Number.NaN, 'order_status', 'orders'),
      ],
    }),
    null,
  ],
  [
    'contacts of unknown topic count towards a known topic (cannot be ruled out)',
    facts({ contacts: [contact(1, null, null), contact(2, null, null, 'storefront')] }),
    'medium',
  ],
  [
    'one same-topic and one unknown-topic contact',
    facts({ contacts: [contact(1, 'order_status', 'orders'), contact(2, null, null)] }),
    'medium',
  ],
  [
    'nothing matched this turn and no earlier intent: known-topic contacts do not count',
    facts({
      text: 'the thing',
      intent: null,
      contacts: [contact(1, 'order_status', 'orders'), contact(2, 'order_status', 'orders')],
    }),
    null,
  ],
  [
    'nothing matched this turn and no earlier intent: unknown-topic contacts count',
    facts({
      text: 'the thing',
      intent: null,
      contacts: [contact(1, null, null), contact(2, null, null)],
    }),
    'medium',
  ],
  [
    'a button press takes the topic of the last turn with an intent',
    facts({
      text: null,
      intent: null,
      humanRequest: button,
      priorTurns: [prior('order_status'), prior(null)],
      contacts: [contact(1, 'order_status', 'orders'), contact(2, 'order_status', 'orders')],
    }),
    'medium',
  ],
  [
    'an unmatched message takes the most recent earlier intent, not an older one',
    facts({
      text: 'hmm?',
      intent: null,
      priorTurns: [prior('order_status'), prior('refund_request')],
      contacts: [contact(1, 'order_status', 'orders'), contact(2, 'order_status', 'orders')],
    }),
    null,
  ],
  [
    'a topic carried over from an earlier turn matches by intent only (no domain recorded)',
    facts({
      text: 'hmm?',
      intent: null,
      priorTurns: [prior('refund_status')],
      contacts: [contact(1, 'refund_request', 'billing'), contact(2, 'refund_request', 'billing')],
    }),
    null,
  ],
  [
    'with classified contacts the raw recentContacts are not counted again',
    facts({
      contacts: [],
      context: {
        recentContacts: [
          { daysAgo: 1, text: 'a' },
          { daysAgo: 2, text: 'b' },
        ],
      },
    }),
    null,
  ],
]);

describe('repeat_contact hit', () => {
  const hit = (f: TurnFacts, policy: Policy = defaultPolicy) =>
    assess(f, policy).find((a) => a.hit.name === 'repeat_contact')?.hit;

  it('names the topic and carries the count, window, threshold and sources', () => {
    const f = facts({
      contacts: [
        contact(1, 'order_status', 'orders', 'storefront'),
        contact(2, null, null, 'history'),
        contact(3, 'store_hours', 'store', 'history'),
      ],
    });
    expect(hit(f)).toEqual({
      name: 'repeat_contact',
      reason: 'contact 3 about order_status within 7 days (1 earlier of unknown topic)',
      values: {
        contacts: 3,
        windowDays: 7,
        threshold: 3,
        topic: 'order_status',
        domain: 'orders',
        unknownTopicContacts: 1,
        sources: { storefront: 1, history: 1 },
      },
    });
  });

  it('names a topic carried over from an earlier turn', () => {
    const f = facts({
      text: null,
      intent: null,
      humanRequest: button,
      priorTurns: [prior('refund_status')],
      contacts: [contact(0, 'refund_status', 'billing'), contact(4, 'refund_status', 'billing')],
    });
    expect(hit(f)?.reason).toBe('contact 3 about refund_status within 7 days');
    expect(hit(f)?.values).toMatchObject({ topic: 'refund_status', domain: null });
  });

  it('says when the topic is unknown', () => {
    const f = facts({
      text: '??',
      intent: null,
      contacts: [contact(0, null, null), contact(1, null, null)],
    });
    expect(hit(f)?.reason).toBe(
      'contact 3 about an unrecognised topic within 7 days (2 earlier of unknown topic)',
    );
    expect(hit(f)?.values).toMatchObject({ topic: null, contacts: 3 });
  });

  it('still counts unknown-topic contacts once an earlier turn gives this turn a topic', () => {
    // Monotone in the conversation's history: a longer history never removes a contact.
    const unknown = [contact(0, null, null), contact(1, null, null)];
    const vague = facts({ text: 'hmm', intent: null, contacts: unknown });
    expect(hit(vague)?.values).toMatchObject({ contacts: 3, topic: null });
    const known = { ...vague, priorTurns: [prior('order_status')] };
    expect(hit(known)?.values).toMatchObject({ contacts: 3, topic: 'order_status' });
  });

  it('follows the policy count and window', () => {
    const policy = validatePolicy({
      ...defaultPolicyInput,
      repeatContact: { count: 2, windowDays: 30 },
    });
    const f = facts({ contacts: [contact(20, 'order_status', 'orders')] });
    expect(hit(f)).toBeUndefined();
    expect(hit(f, policy)?.values).toMatchObject({ contacts: 2, windowDays: 30, threshold: 2 });
  });

  it('keeps the topic-blind count and values without classified contacts', () => {
    const f = ctx({
      recentContacts: [
        { daysAgo: 1, text: 'a' },
        { daysAgo: 6, text: 'b' },
      ],
    });
    expect(hit(f)).toEqual({
      name: 'repeat_contact',
      reason: 'contact 3 within 7 days',
      values: { contacts: 3, windowDays: 7, threshold: 3 },
    });
  });
});

table('conversation_loop', [
  ['first turn', facts(), null],
  [
    'the customer says the answers repeat themselves, after an answer',
    facts({
      text: 'ur just repeating the same thing, when does it ship??',
      priorTurns: [prior('shipping_times'), prior('store_hours')],
    }),
    'medium',
  ],
  [
    'in another language: "no es lo que pregunté"',
    facts({ text: 'no es lo que pregunté, ¿cuándo llega?', priorTurns: [prior('shipping_times')] }),
    'medium',
  ],
  [
    'asking again after an answer',
    facts({
      text: 'sorry, I ask again simple: yes or no?',
      priorTurns: [prior('product_question')],
    }),
    'medium',
  ],
  [
    'the same words on the first turn say nothing about the answers',
    facts({ text: 'is it the same answer for Canada?' }),
    null,
  ],
  ['same intent twice', facts({ priorTurns: [prior('order_status')] }), null],
  [
    'same intent three turns in a row',
    facts({ priorTurns: [prior('order_status'), prior('order_status')] }),
    'medium',
  ],
  [
    'same intent three times but interrupted',
    facts({ priorTurns: [prior('order_status'), prior('store_hours'), prior('order_status')] }),
    null,
  ],
  [
    'not understood three turns in a row',
    facts({
      intent: null,
      text: 'the thing',
      priorTurns: [prior(null, ['low_confidence']), prior(null, ['low_confidence'])],
    }),
    'medium',
  ],
  [
    'low confidence now after two unmatched turns',
    facts({
      intent: intent(INTENTS.orderStatus, { confidence: 0.2 }),
      priorTurns: [prior(null, ['low_confidence']), prior('return_item', ['low_confidence'])],
    }),
    'medium',
  ],
  [
    'a button press earlier breaks the streak',
    facts({
      intent: null,
      text: 'hmm',
      priorTurns: [prior(null, ['low_confidence']), prior(null, ['explicit_human_request'])],
    }),
    null,
  ],
  [
    'a button press now',
    facts({
      text: null,
      intent: null,
      humanRequest: { source: 'button', phrase: null },
      priorTurns: [prior(null), prior(null)],
    }),
    null,
  ],
]);

table('multi_domain', [
  ['one domain', facts(), null],
  ['the same domain listed again', facts({ domains: ['orders'] }), null],
  [
    'billing and an outage',
    facts({
      intent: INTENTS.refund,
      domains: ['outage'],
      amount: { value: 1, currency: 'USD', source: 'order' },
    }),
    'medium',
  ],
]);

describe('effectiveThreshold', () => {
  it.each([
    [1, 'lookup', 0.5],
    [1, 'answer', 0.55], // action raises tier 1's 0.5
    [2, 'return', 0.7],
    [3, 'refund', 0.85],
    [3, 'unknown_action', 0.8],
    [4, 'account_change', 0.9],
  ] as const)('tier %s / %s → %s', (tier, action, expected) => {
    expect(effectiveThreshold(defaultPolicy, tier, action)).toBe(expected);
  });

  it('falls back to the default for a tier without a threshold', () => {
    const policy = validatePolicy({ ...defaultPolicyInput, confidence: { default: 0.77 } });
    expect(effectiveThreshold(policy, 2, 'return')).toBe(0.77);
  });
});

describe('trigger hits', () => {
  it('carry a reason and the values that made them fire', () => {
    const f = facts({
      intent: INTENTS.refund,
      amount: { value: 250, currency: 'USD', source: 'order:A1001' },
    });
    const boundary = assess(f, defaultPolicy).find((a) => a.hit.name === 'policy_boundary')!;
    expect(boundary.hit).toEqual({
      name: 'policy_boundary',
      reason: 'refund of 250 USD exceeds the assistant limit of 100 USD',
      values: { action: 'refund', amount: 250, currency: 'USD', limit: 100, source: 'order:A1001' },
    });
  });

  it('use only the trigger vocabulary', async () => {
    const { TRIGGERS } = await import('@baton/shared');
    const f = facts({
      text: 'agent',
      intent: INTENTS.refund,
      amount: null,
      domains: ['outage'],
      sentimentScores: [-0.9, -0.9, -0.9],
      context: {
        customer: { tier: 'vip' },
        systems: { billing: 'unavailable' },
        recentContacts: [
          { daysAgo: 1, text: '' },
          { daysAgo: 2, text: '' },
        ],
      },
      priorTurns: [prior('refund_request'), prior('refund_request')],
    });
    const names = assess(f, defaultPolicy).map((a) => a.hit.name);
    expect(names.every((n) => (TRIGGERS as readonly string[]).includes(n))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });
});
