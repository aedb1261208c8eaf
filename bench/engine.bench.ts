/**
 * Pure-engine throughput: decisions per second on one core over a mix of realistic turns
 * (informational questions, refunds over and under the limit, requests for a person with typos,
 * angry customers, loops, tier-4 intents, VIPs with a system down). Run: npx tsx bench/engine.bench.ts
 */
import { performance } from 'node:perf_hooks';
import {
  decide,
  defaultPolicy,
  type IntentFacts,
  type TurnFacts,
} from '../packages/escalation/src';

const GOAL_PER_SECOND = 50_000;
const MEASURE_MS = 2_000;
const WARMUP_MS = 300;

const intents: Record<string, IntentFacts> = {
  orderStatus: {
    name: 'order_status',
    confidence: 0.91,
    tier: 1,
    domain: 'orders',
    action: 'lookup',
  },
  hours: { name: 'store_hours', confidence: 0.97, tier: 1, domain: 'store', action: 'answer' },
  promoHowTo: {
    name: 'promo_how_to',
    confidence: 0.64,
    tier: 1,
    domain: 'orders',
    action: 'answer',
  },
  returnItem: {
    name: 'return_item',
    confidence: 0.86,
    tier: 2,
    domain: 'returns',
    action: 'return',
  },
  refund: { name: 'refund_request', confidence: 0.9, tier: 3, domain: 'billing', action: 'refund' },
  priceMatch: {
    name: 'price_match',
    confidence: 0.78,
    tier: 3,
    domain: 'orders',
    action: 'price_match',
  },
  takeover: {
    name: 'account_takeover',
    confidence: 0.95,
    tier: 4,
    domain: 'security',
    action: 'account_change',
  },
  legal: { name: 'legal_threat', confidence: 0.93, tier: 4, domain: 'legal', action: 'legal' },
};

function turn(over: Partial<TurnFacts>): TurnFacts {
  return {
    turn: 1,
    text: 'where is my order A1001?',
    humanRequest: null,
    intent: intents.orderStatus!,
    amount: null,
    sentimentScores: [0.1],
    context: {
      customer: { id: 'c1', tier: 'standard', verified: true },
      orders: [{ id: 'A1001', total: 89, currency: 'USD', status: 'shipped' }],
    },
    priorTurns: [],
    ...over,
  };
}

const mix: TurnFacts[] = [
  turn({}),
  turn({ text: 'what time do you open on sundays', intent: intents.hours! }),
  turn({ text: 'how do I apply my promo code at checkout?', intent: intents.promoHowTo! }),
  turn({
    text: 'I would like to return the blue jacket, it is too small',
    intent: intents.returnItem!,
  }),
  turn({
    text: 'the lamp arrived broken, I want my 80 dollars back',
    intent: intents.refund!,
    amount: { value: 80, currency: 'USD', source: 'order:A1001' },
    sentimentScores: [-0.2, -0.3],
  }),
  turn({
    text: 'refund the whole order, 240 dollars, now',
    intent: intents.refund!,
    amount: { value: 240, currency: 'USD', source: 'order:A1002' },
    sentimentScores: [-0.4, -0.5, -0.6],
  }),
  turn({
    text: 'your competitor sells it 30 cheaper, can you match it?',
    intent: intents.priceMatch!,
    amount: { value: 30, currency: 'USD', source: 'message' },
  }),
  turn({
    text: 'someone logged into my account and changed the password',
    intent: intents.takeover!,
  }),
  turn({
    text: 'I will be contacting my lawyer about this',
    intent: intents.legal!,
    sentimentScores: [-0.6, -0.8],
  }),
  turn({ text: 'tlak to a humna please', intent: null, sentimentScores: [0, -0.3] }),
  turn({ text: 'I want to speak to a real person', intent: null }),
  turn({ text: null, intent: null, humanRequest: { source: 'button', phrase: null } }),
  turn({
    text: 'is this cream safe for human skin?',
    intent: intents.hours!,
    sentimentScores: [0.2],
  }),
  turn({
    text: 'still no idea where my parcel is, this is ridiculous',
    sentimentScores: [-0.1, -0.4, -0.5],
    priorTurns: [
      { intent: 'order_status', lane: 'autonomous', triggers: [] },
      { intent: 'order_status', lane: 'autonomous', triggers: [] },
    ],
  }),
  turn({
    text: 'the thing with the stuff',
    intent: null,
    priorTurns: [
      { intent: null, lane: 'assisted', triggers: ['low_confidence'] },
      { intent: null, lane: 'assisted', triggers: ['low_confidence'] },
    ],
  }),
  turn({
    text: 'where is order A2002? we need it for the launch',
    context: {
      customer: { id: 'c9', tier: 'enterprise' },
      account: { plan: 'business', renewalInDays: 12 },
      systems: { orders: 'unavailable' },
      recentContacts: [
        { daysAgo: 1, text: 'order A2002 late' },
        { daysAgo: 3, text: 'order A2002?' },
      ],
    },
  }),
];

function run(ms: number): { decisions: number; elapsed: number; sink: number } {
  const start = performance.now();
  const now = new Date('2025-03-04T10:00:00Z');
  let decisions = 0;
  let sink = 0;
  let elapsed = 0;
  while (elapsed < ms) {
    // Check the clock once per batch so timing costs stay out of the figure.
    for (let i = 0; i < 1_000; i++) {
      const d = decide(mix[i % mix.length]!, defaultPolicy, now);
      sink += d.triggers.length;
    }
    decisions += 1_000;
    elapsed = performance.now() - start;
  }
  return { decisions, elapsed, sink };
}

run(WARMUP_MS);
const { decisions, elapsed, sink } = run(MEASURE_MS);
const perSecond = Math.round((decisions / elapsed) * 1000);
const lanes = mix.map((f) => decide(f, defaultPolicy, new Date()).lane);
const count = (lane: string) => lanes.filter((l) => l === lane).length;

console.log(
  `engine: ${perSecond.toLocaleString('en-US')} decisions/s on one core ` +
    `(${((elapsed * 1000) / decisions).toFixed(2)} µs each; ${decisions.toLocaleString('en-US')} decisions in ${(elapsed / 1000).toFixed(2)} s)`,
);
console.log(
  `mix: ${mix.length} turns — ${count('autonomous')} autonomous, ${count('assisted')} assisted, ${count('human')} human (checksum ${sink})`,
);
console.log(
  perSecond >= GOAL_PER_SECOND
    ? `goal ${GOAL_PER_SECOND.toLocaleString('en-US')}/s: met`
    : `goal ${GOAL_PER_SECOND.toLocaleString('en-US')}/s: NOT met`,
);
