import type { CustomerContext, Lane, TriggerName } from '@baton/shared';
import { TRIGGERS } from '@baton/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOW } from '../test/fixtures';
import { defaultPolicyInput } from './defaultPolicy';
import { decide } from './engine';
import type { ContactFact, IntentFacts, TurnFacts } from './facts';
import { laneRank } from './lanes';
import { validatePolicy, type Policy } from './policy';

// ---- arbitraries ------------------------------------------------------------------------------

const DOMAINS = [
  'orders',
  'shipping',
  'returns',
  'billing',
  'payments',
  'security',
  'legal',
  'store',
];
const ACTIONS = [
  'answer',
  'lookup',
  'return',
  'refund',
  'dispute',
  'price_match',
  'promo_exception',
  'cancel_subscription',
  'account_change',
  'report_fraud',
  'legal',
  'data_deletion',
];
const NAMES = [
  'order_status',
  'store_hours',
  'return_item',
  'refund_request',
  'price_match',
  'account_takeover',
  'legal_threat',
];
const TEXTS = [
  'where is my order',
  'this is the third time I ask!!',
  'can I return the blue jacket',
  'I want my money back for the broken lamp',
  'is this cream safe for human skin',
  'my travel agent booked it',
  'hmm',
  'ok',
];
const REQUESTS = [
  'talk to a human',
  'agent',
  'i want a real person',
  'tlak to a humna',
  'get me a rep',
  'can i speak to someone',
];

const score = fc.double({ min: -1, max: 1, noNaN: true });
const confidence = fc.double({ min: 0, max: 1, noNaN: true });

const intentArb: fc.Arbitrary<IntentFacts> = fc.record({
  name: fc.constantFrom(...NAMES),
  confidence,
  tier: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  domain: fc.constantFrom(...DOMAINS),
  action: fc.constantFrom(...ACTIONS),
});

const contextArb: fc.Arbitrary<CustomerContext> = fc.record(
  {
    customer: fc.record(
      { tier: fc.constantFrom('standard' as const, 'vip' as const, 'enterprise' as const) },
      { requiredKeys: [] },
    ),
    account: fc.record({ renewalInDays: fc.integer({ min: -30, max: 400 }) }, { requiredKeys: [] }),
    systems: fc.dictionary(
      fc.constantFrom('orders', 'billing', 'account'),
      fc.constantFrom('ok' as const, 'unavailable' as const, 'stale' as const),
    ),
    recentContacts: fc.array(
      fc.record({ daysAgo: fc.integer({ min: 0, max: 30 }), text: fc.constant('earlier') }),
      { maxLength: 4 },
    ),
  },
  { requiredKeys: [] },
);

const priorTurnArb = fc.record({
  intent: fc.option(fc.constantFrom(...NAMES), { nil: null }),
  lane: fc.constantFrom<Lane>('autonomous', 'assisted', 'human'),
  triggers: fc.subarray<TriggerName>([...TRIGGERS], { maxLength: 3 }),
});

const contactArb: fc.Arbitrary<ContactFact> = fc.record({
  daysAgo: fc.integer({ min: 0, max: 30 }),
  intent: fc.option(fc.constantFrom(...NAMES), { nil: null, freq: 3 }),
  domain: fc.option(fc.constantFrom(...DOMAINS), { nil: null, freq: 3 }),
  source: fc.constantFrom('storefront' as const, 'history' as const),
});

const factsArb: fc.Arbitrary<TurnFacts> = fc
  .record({
    text: fc.option(fc.constantFrom(...TEXTS), { nil: null, freq: 6 }),
    intent: fc.option(intentArb, { nil: null, freq: 5 }),
    amount: fc.option(
      fc.record({
        value: fc.double({ min: 0, max: 1000, noNaN: true }),
        currency: fc.constantFrom('USD', 'EUR', null),
        source: fc.constant('order'),
      }),
      { nil: null },
    ),
    sentimentScores: fc.array(score, { maxLength: 6 }),
    context: contextArb,
    priorTurns: fc.array(priorTurnArb, { maxLength: 4 }),
    domains: fc.option(fc.subarray(DOMAINS, { maxLength: 2 }), { nil: undefined }),
    contacts: fc.option(fc.array(contactArb, { maxLength: 4 }), { nil: undefined }),
  })
  .map((r) => ({
    turn: r.priorTurns.length + 1,
    text: r.text,
    humanRequest: null,
    intent: r.intent,
    amount: r.amount,
    sentimentScores: r.sentimentScores,
    context: r.context,
    priorTurns: r.priorTurns,
    ...(r.domains ? { domains: r.domains } : {}),
    ...(r.contacts ? { contacts: r.contacts } : {}),
  }));

/** Any valid policy: thresholds, autonomy, matrix and severity overrides all vary. */
const policyArb: fc.Arbitrary<Policy> = fc
  .record({
    mode: fc.constantFrom('enforce' as const, 'shadow' as const),
    tiers: fc.tuple(confidence, confidence, confidence, confidence),
    autonomyDefault: fc.boolean(),
    autonomy: fc.dictionary(fc.constantFrom(...DOMAINS), fc.boolean()),
    mediumsForHuman: fc.integer({ min: 2, max: 4 }),
    severity: fc.dictionary(
      fc.constantFrom(...TRIGGERS.filter((t) => t !== 'explicit_human_request')),
      fc.constantFrom('low' as const, 'medium' as const, 'high' as const),
    ),
    refundLimit: fc.integer({ min: 0, max: 500 }),
  })
  .map((r) =>
    validatePolicy({
      ...defaultPolicyInput,
      mode: r.mode,
      confidence: {
        ...defaultPolicyInput.confidence,
        tiers: { 1: r.tiers[0], 2: r.tiers[1], 3: r.tiers[2], 4: r.tiers[3] },
      },
      limits: {
        ...defaultPolicyInput.limits,
        refund: { maxAmount: r.refundLimit, currency: 'USD' },
      },
      autonomy: { default: r.autonomyDefault, domains: r.autonomy },
      matrix: { mediumsForHuman: r.mediumsForHuman },
      severity: r.severity,
    }),
  );

const rank = (f: TurnFacts, p: Policy) => laneRank(decide(f, p, NOW).lane);

// ---- properties -------------------------------------------------------------------------------

describe('an explicit request for a person', () => {
  it('always gives the human lane and the whole conversation on that turn', () => {
    fc.assert(
      fc.property(
        factsArb,
        policyArb,
        fc.constantFrom('button' as const, 'text' as const),
        (f, policy, source) => {
          const asked: TurnFacts = {
            ...f,
            text: source === 'button' ? null : (f.text ?? 'agent'),
            humanRequest: { source, phrase: source === 'button' ? null : 'agent' },
          };
          const d = decide(asked, policy, NOW);
          expect(d.lane).toBe('human');
          expect(d.unit).toBe('conversation');
          expect(d.triggers.map((t) => t.name)).toContain('explicit_human_request');
          expect(d.queue).not.toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is honoured from the text alone, even when the caller did not flag it', () => {
    fc.assert(
      fc.property(factsArb, policyArb, fc.constantFrom(...REQUESTS), (f, policy, text) => {
        expect(decide({ ...f, text, humanRequest: null }, policy, NOW).lane).toBe('human');
      }),
      { numRuns: 300 },
    );
  });
});

describe('adding a risk signal never lowers the lane', () => {
  it('lower confidence', () => {
    fc.assert(
      fc.property(
        factsArb,
        policyArb,
        intentArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (f, policy, i, factor) => {
          const sure = { ...f, intent: i };
          const unsure = { ...f, intent: { ...i, confidence: i.confidence * factor } };
          expect(rank(unsure, policy)).toBeGreaterThanOrEqual(rank(sure, policy));
        },
      ),
      { numRuns: 500 },
    );
  });

  const signals: [string, (c: CustomerContext, f: TurnFacts) => CustomerContext][] = [
    ['a VIP customer', (c) => ({ ...c, customer: { ...c.customer, tier: 'vip' } })],
    ['an enterprise customer', (c) => ({ ...c, customer: { ...c.customer, tier: 'enterprise' } })],
    ['a close renewal', (c) => ({ ...c, account: { ...c.account, renewalInDays: 5 } })],
    [
      'an unavailable orders system',
      (c) => ({ ...c, systems: { ...c.systems, orders: 'unavailable' } }),
    ],
    ['a stale billing system', (c) => ({ ...c, systems: { ...c.systems, billing: 'stale' } })],
    [
      'an unavailable account system',
      (c) => ({ ...c, systems: { ...c.systems, account: 'unavailable' } }),
    ],
    [
      'two more recent contacts',
      (c) => ({
        ...c,
        recentContacts: [
          ...(c.recentContacts ?? []),
          { daysAgo: 1, text: 'again' },
          { daysAgo: 2, text: 'again' },
        ],
      }),
    ],
  ];
  it.each(signals)('a context field: %s', (_name, add) => {
    fc.assert(
      fc.property(factsArb, policyArb, (f, policy) => {
        const riskier = { ...f, context: add(f.context, f) };
        expect(rank(riskier, policy)).toBeGreaterThanOrEqual(rank(f, policy));
      }),
      { numRuns: 300 },
    );
  });

  it('more negative sentiment', () => {
    fc.assert(
      fc.property(
        factsArb,
        policyArb,
        fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { maxLength: 6 }),
        (f, policy, drops) => {
          const angrier = {
            ...f,
            sentimentScores: f.sentimentScores.map((s, i) => Math.max(-1, s - (drops[i] ?? 0))),
          };
          expect(rank(angrier, policy)).toBeGreaterThanOrEqual(rank(f, policy));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a larger amount', () => {
    fc.assert(
      fc.property(
        factsArb,
        policyArb,
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (f, policy, extra) => {
          if (!f.amount) return;
          const larger = { ...f, amount: { ...f.amount, value: f.amount.value + extra } };
          expect(rank(larger, policy)).toBeGreaterThanOrEqual(rank(f, policy));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a longer history of the same unresolved need', () => {
    fc.assert(
      fc.property(factsArb, policyArb, priorTurnArb, (f, policy, earlier) => {
        const longer = { ...f, priorTurns: [earlier, ...f.priorTurns] };
        expect(rank(longer, policy)).toBeGreaterThanOrEqual(rank(f, policy));
      }),
      { numRuns: 300 },
    );
  });

  it('another domain in the message', () => {
    fc.assert(
      fc.property(factsArb, policyArb, fc.constantFrom(...DOMAINS), (f, policy, domain) => {
        const mixed = { ...f, domains: [...(f.domains ?? []), domain] };
        expect(rank(mixed, policy)).toBeGreaterThanOrEqual(rank(f, policy));
      }),
      { numRuns: 300 },
    );
  });

  it('more earlier contacts, whatever their topic', () => {
    fc.assert(
      fc.property(
        factsArb,
        policyArb,
        fc.array(contactArb, { minLength: 1, maxLength: 3 }),
        (f, policy, more) => {
          const again = { ...f, contacts: [...(f.contacts ?? []), ...more] };
          expect(rank(again, policy)).toBeGreaterThanOrEqual(
            rank({ ...f, contacts: f.contacts ?? [] }, policy),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('more earlier contacts on the same topic as this turn', () => {
    fc.assert(
      fc.property(
        factsArb,
        policyArb,
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('storefront' as const, 'history' as const),
        (f, policy, ages, source) => {
          // This turn's topic: its intent, else the most recent earlier intent, else unknown.
          const topic =
            f.intent?.name ?? [...f.priorTurns].reverse().find((t) => t.intent)?.intent ?? null;
          const same = ages.map((daysAgo) => ({
            daysAgo,
            intent: topic,
            domain: f.intent?.domain ?? null,
            source,
          }));
          const base = { ...f, contacts: f.contacts ?? [] };
          const again = { ...f, contacts: [...base.contacts, ...same] };
          expect(rank(again, policy)).toBeGreaterThanOrEqual(rank(base, policy));
          // Enough of them always fire repeat_contact.
          const many = {
            ...f,
            contacts: [
              ...base.contacts,
              ...Array.from({ length: policy.repeatContact.count }, () => ({
                ...same[0]!,
                daysAgo: 0,
              })),
            ],
          };
          expect(decide(many, policy, NOW).triggers.map((t) => t.name)).toContain('repeat_contact');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a request for a person', () => {
    fc.assert(
      fc.property(factsArb, policyArb, (f, policy) => {
        const asked = { ...f, humanRequest: { source: 'button' as const, phrase: null } };
        expect(rank(asked, policy)).toBeGreaterThanOrEqual(rank(f, policy));
      }),
      { numRuns: 200 },
    );
  });
});

describe('every decision', () => {
  it('is consistent: queue and unit iff escalated, tier at least the intent tier, known triggers', () => {
    fc.assert(
      fc.property(factsArb, policyArb, (f, policy) => {
        const d = decide(f, policy, NOW);
        expect(d.queue === null).toBe(d.lane === 'autonomous');
        expect(d.unit === null).toBe(d.lane === 'autonomous');
        if (d.lane === 'assisted') expect(d.unit).toBe('answer');
        expect(d.tier).toBeGreaterThanOrEqual(f.intent?.tier ?? 1);
        if (f.intent?.tier === 4) expect(d.lane).toBe('human');
        expect(d.policyVersion).toBe(policy.version);
        expect(d.reasons.length).toBeGreaterThan(0);
        for (const t of d.triggers) expect(TRIGGERS).toContain(t.name);
      }),
      { numRuns: 500 },
    );
  });
});
