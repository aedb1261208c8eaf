import type { RiskTier } from '@baton/shared';
import { assessment, type Assessment } from '../assessment';
import type { IntentFacts, TurnFacts } from '../facts';
import type { Policy } from '../policy';

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
    return [
      assessment(
        'low_confidence',
        'no intent matched this message',
        { intent: null, confidence: null, threshold: null },
        { severity: 'medium', unit: 'answer' },
      ),
    ];
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

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
