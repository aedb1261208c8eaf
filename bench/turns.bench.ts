/**
 * Whole-turn throughput: customer text → human-request detection → NLU assistant proposal
 * (NLP.js, sentiment, amount extraction) → engine decision, with the demo knowledge base and
 * policy. No network and no storage: this is the CPU cost of one turn. Run: npx tsx bench/turns.bench.ts
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { decide, detectHumanRequest, parsePolicy } from '../packages/escalation/src';
import { createNluAssistant, parseKnowledgeBase } from '../packages/server/src/assistant';

const GOAL_PER_SECOND = 2_000;
const MEASURE_MS = 3_000;
const root = new URL('../demo/', import.meta.url);
const policy = parsePolicy(readFileSync(new URL('policy.yaml', root), 'utf8'));
const kb = parseKnowledgeBase(readFileSync(new URL('knowledge-base.yaml', root), 'utf8'));

const trainStart = performance.now();
const assistant = await createNluAssistant(kb);
const trainMs = performance.now() - trainStart;

const context = {
  customer: { id: 'u1', tier: 'standard' as const, verified: true },
  orders: [{ id: 'A100', total: 129, currency: 'USD', status: 'delivered', placedDaysAgo: 12 }],
  systems: { orders: 'ok' as const, billing: 'ok' as const },
};
const texts = [
  'where is my order?',
  'what are your store hours',
  'how long does shipping take to canada',
  'I want a refund of $250 for my broken lamp',
  'i was charged twice for order A100',
  'can you match the price I saw on another site',
  'my promo code expired yesterday can you still apply it',
  'cancel my subscription please',
  'someone logged into my account and changed the email',
  'delete all my personal data',
  'tlak to a humna',
  'this is ridiculous, nothing works and nobody helps',
  'is the tent waterproof?',
  'thanks, that is all',
];

let turns = 0;
const start = performance.now();
while (performance.now() - start < MEASURE_MS) {
  const text = texts[turns % texts.length]!;
  const detected = detectHumanRequest(text);
  const proposal = await assistant.propose({ text, context, history: [] });
  decide(
    {
      turn: 1,
      text,
      humanRequest: detected.matched ? { source: 'text', phrase: detected.phrase } : null,
      intent: proposal.intent,
      amount: proposal.amount,
      sentimentScores: [proposal.sentiment],
      context,
      priorTurns: [],
    },
    policy,
    new Date('2026-11-24T12:00:00Z'),
  );
  turns++;
}
const elapsed = performance.now() - start;
const perSecond = Math.round((turns / elapsed) * 1000);
console.log(`NLU training: ${trainMs.toFixed(0)} ms for ${kb.intents.length} intents`);
console.log(
  `whole turns (detect + NLU + sentiment + engine): ${perSecond.toLocaleString('en-US')} turns/s ` +
    `(${turns} turns in ${(elapsed / 1000).toFixed(1)} s, ${((elapsed / turns) * 1000).toFixed(0)} µs/turn; ` +
    `goal ≥ ${GOAL_PER_SECOND.toLocaleString('en-US')}/s): ${perSecond >= GOAL_PER_SECOND ? 'meets goal' : 'BELOW GOAL'}`,
);
