import type { RiskTier } from '@baton/shared';
import { assessment, type Assessment } from '../assessment';
import type { IntentFacts, TurnFacts } from '../facts';
import type { Policy } from '../policy';
import { STAKE_DOMAIN, STAKE_TIER, stakesOf, wordsBearOut } from '../understanding';

/**
 * The confidence an intent needs: the higher of its tier's and its action's threshold, so an
 * action can only raise the bar its tier sets (money and account changes), never lower it.
 */
export function effectiveThreshold(policy: Policy, tier: RiskTier, action: string): number {
  const byTier = policy.confidence.tiers[tier] ?? policy.confidence.default;
  const byAction = policy.confidence.actions[action];
  return byAction === undefined ? byTier : Math.max(byTier, byAction);
}

/** The intent was matched below its threshold. */
export function isUnderThreshold(intent: IntentFacts, policy: Policy): boolean {
  return !(intent.confidence >= effectiveThreshold(policy, intent.tier, intent.action));
}

/**
 * low_confidence: the assistant is not sure what the customer wants. It escalates rather than
 * asking again ("never clarify in a loop"): medium (assisted) on tiers 1–2, high (human) on
 * tiers 3–4 where a misread request costs money or access. A message that matched no intent is
 * low confidence too, unless it was a request for a person (then the need is clear).
 */
export function lowConfidence(facts: TurnFacts, policy: Policy): Assessment[] {
  if (facts.text === null) return [];
  const { intent } = facts;
  if (!intent) {
    if (facts.humanRequest || facts.text.trim() === '') return [];
    return [uncovered(facts, policy)];
  }
  const threshold = effectiveThreshold(policy, intent.tier, intent.action);
  if (!isUnderThreshold(intent, policy)) return [];
  const risky = intent.tier >= 3;
  return [
    assessment(
      'low_confidence',
      `confidence ${round(intent.confidence)} for "${intent.name}" is under the ${threshold} needed for tier ${intent.tier} / ${intent.action}`,
      { intent: intent.name, confidence: intent.confidence, threshold, tier: intent.tier },
      risky ? { severity: 'high', unit: 'conversation' } : { severity: 'medium', unit: 'answer' },
    ),
  ];
}

/**
 * A message with no understood intent (nothing matched, or only a guess under the floor). What
 * the words put at stake decides, never the guess: none → medium (one clarifying question may be
 * asked first, see the engine); money or account state → medium with the stakes named, so an
 * agent answers and no clarifying question is asked; identity, legal or safety → high, the whole
 * conversation to a person at tier 4.
 */
function uncovered(facts: TurnFacts, policy: Policy): Assessment {
  const guess = facts.guess ?? null;
  const stakes = stakesOf(facts);
  const threshold = guess ? effectiveThreshold(policy, guess.tier, guess.action) : null;
  const base = guess
    ? `confidence ${round(guess.confidence)} for "${guess.name}" is under the ${threshold} needed for tier ${guess.tier} / ${guess.action} (a guess: it sets nothing)`
    : 'no intent matched this message';
  const values = {
    intent: guess?.name ?? null,
    confidence: guess?.confidence ?? null,
    threshold,
    ...(guess && { tier: guess.tier, guess: true }),
    stakes,
  };
  if (stakes.length === 0) {
    return assessment('low_confidence', base, values, { severity: 'medium', unit: 'answer' });
  }
  // A risky guess the words bear out ("I want a refund of the $240" read as refund_request at
  // 0.73) is a misread money / access request: the conversation goes to a person, routed by the
  // guess's domain, which the words confirmed.
  if (guess && guess.tier >= 3 && wordsBearOut(guess, stakes)) {
    return assessment(
      'low_confidence',
      `${base}, and its words (${stakes.join(', ')}) bear out a tier-${guess.tier} request: a person handles it`,
      { ...values, routeDomain: guess.domain },
      { severity: 'high', unit: 'conversation', tier: guess.tier },
    );
  }
  const tier = Math.max(...stakes.map((s) => STAKE_TIER[s])) as RiskTier;
  const top = [...stakes].sort((a, b) => STAKE_TIER[b] - STAKE_TIER[a])[0]!;
  return assessment(
    'low_confidence',
    `${base}, and it touches ${stakes.join(', ')}: not understood, so a person answers`,
    { ...values, routeDomain: STAKE_DOMAIN[top] },
    tier === 4
      ? { severity: 'high', unit: 'conversation', tier }
      : { severity: 'medium', unit: 'answer', tier },
  );
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
