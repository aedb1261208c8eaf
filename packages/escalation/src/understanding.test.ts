import { describe, expect, it } from 'vitest';
import { facts, NOW } from '../test/fixtures';
import { defaultPolicy } from './defaultPolicy';
import { decide } from './engine';
import type { IntentFacts, TurnFacts } from './facts';
import { separateGuess } from './understanding';

const policy = defaultPolicy;
const fraud = (confidence: number): IntentFacts => ({
  name: 'fraud_report',
  confidence,
  tier: 4,
  domain: 'fraud',
  action: 'report_fraud',
});
const refund = (confidence: number): IntentFacts => ({
  name: 'refund_request',
  confidence,
  tier: 3,
  domain: 'billing',
  action: 'refund',
});

/** A turn as the planner builds it: the proposal's intent split into understood / guessed. */
function turn(text: string, proposed: IntentFacts | null, over: Partial<TurnFacts> = {}) {
  return facts({ text, ...separateGuess(proposed, policy), ...over });
}

describe('a guess under the confidence floor sets nothing on its own', () => {
  it.each([
    ['how long does shipping to Ohio take?', fraud(0.41)],
    ['my parcel is stuck in the depot, any idea when it moves?', fraud(0.64)],
    ['can you tell me the delivery times', refund(0.3)],
  ])('"%s" guessed as %o: tier 1, general queue, no tier-4 lane', (text, guess) => {
    const d = decide(turn(text, guess), policy, NOW);
    expect(d.tier).toBe(1);
    expect(d.lane).not.toBe('human');
    expect(d.queue === null || d.queue === policy.routing.default).toBe(true);
    expect(d.triggers.map((t) => t.name)).toEqual(['low_confidence']);
    expect(d.triggers[0]!.reason).toContain(guess.name);
  });

  it('a guess the words bear out (money asked about a refused code) goes to a person', () => {
    const d = decide(
      turn('the influencer code wont work at checkout, it should be', refund(0.72)),
      policy,
      NOW,
    );
    // A refused discount code the customer insists on is money at stake: the refund guess is
    // borne out by the words, and the ask is a concession an agent decides.
    expect(d.lane).toBe('human');
    expect(d.tier).toBe(3);
    expect(d.queue).toBe('billing');
    expect(d.triggers.map((t) => t.name)).toEqual(['low_confidence', 'policy_sensitivity']);
  });

  it.each([['I got a box from you today but I never ordered anything', fraud(0.81)]])(
    '"%s" guessed as %o, close to its floor: a person reads it, routed by the words',
    (text, guess) => {
      const d = decide(turn(text, guess), policy, NOW);
      expect(d.lane).toBe('assisted');
      expect(d.tier).toBe(1);
      expect(d.queue).toBe(policy.routing.default);
      expect(d.triggers[0]!.reason).not.toContain('clarifying question');
    },
  );

  it('a confident tier-4 intent still decides (human lane, trust & safety)', () => {
    const d = decide(turn('someone used my card on your site', fraud(0.95)), policy, NOW);
    expect(d.lane).toBe('human');
    expect(d.tier).toBe(4);
  });

  it('without a split the engine keeps its monotone behaviour for a weak intent', () => {
    const d = decide(
      facts({ text: 'how long does shipping take', intent: fraud(0.41) }),
      policy,
      NOW,
    );
    expect(d.lane).toBe('human');
  });
});

describe('consequence before probability: uncovered questions that touch what is at stake', () => {
  const table: [
    text: string,
    guess: IntentFacts | null,
    lane: string,
    queue: string,
    tier: number,
  ][] = [
    ['my loyalty points balance went from 4,000 to 0 overnight', null, 'assisted', 'billing', 3],
    ['Can I get the $12 shipping fee back?', null, 'assisted', 'billing', 3],
    // A risky guess the words bear out (money words, refund guess) weighs as a misread request.
    ['I want a refund of the $240 I paid', refund(0.6), 'human', 'billing', 3],
    ['is this email asking for my password really you?', fraud(0.39), 'human', 'trust-safety', 4],
    ['why was my account suspended', null, 'assisted', 'general', 3],
    ['my lawyer will be in touch', null, 'human', 'trust-safety', 4],
    ['the lamp overheated and burned my hand', null, 'human', 'trust-safety', 4],
    ['somebody opened an account in my name, identity theft', null, 'human', 'trust-safety', 4],
  ];
  it.each(table)('"%s" → %s lane, queue %s', (text, guess, lane, queue, tier) => {
    const d = decide(turn(text, guess), policy, NOW);
    expect(d.lane).toBe(lane);
    expect(d.queue).toBe(queue);
    expect(d.tier).toBe(tier);
    const low = d.triggers.find((t) => t.name === 'low_confidence')!;
    expect(low.values.clarify).toBeUndefined();
    expect((low.values.stakes as string[]).length).toBeGreaterThan(0);
    expect(low.reason).toMatch(/touches|bear out/);
  });

  it('an uncovered question with nothing at stake may get one clarifying question', () => {
    const d = decide(turn('do you have a store in Leeds', null), policy, NOW);
    expect(d.lane).toBe('autonomous');
    expect(d.triggers[0]!.values.clarify).toBe(true);
  });

  it('stakes given by the caller are used instead of re-reading the text', () => {
    const d = decide(turn('hmm that one', null, { stakes: ['money'] }), policy, NOW);
    expect(d.lane).toBe('assisted');
  });
});
