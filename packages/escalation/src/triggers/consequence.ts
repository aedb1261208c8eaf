import { assessment, type Assessment } from '../assessment';
import type { TurnFacts } from '../facts';
import type { Policy } from '../policy';
import { detectStakes } from '../stakes';
import { breachesLimit, checkLimit } from './policyBoundary';

/**
 * The triggers that follow from what the intent is, not from how it was phrased:
 * - security_identity: access, ownership, identity, fraud — by domain or action; high, except an
 *   informational answer in a security domain ("how do I reset my password"), which is medium;
 * - irreversible_action (high): a step whose mistake cannot be cleanly undone (data deletion);
 * - policy_sensitivity: tier 3 (a concession, exception or refund) is medium — an agent reviews —
 *   and high when the amount breaches the limit; tier 4 legal/compliance is high.
 * A tier-4 intent always puts the whole conversation in the human lane, through whichever of
 * these names its risk; if none of the first two applies, policy_sensitivity does.
 */
export function consequence(facts: TurnFacts, policy: Policy): Assessment[] {
  const intent = facts.intent;
  if (!intent) return askedInWords(facts);
  const out: Assessment[] = [];
  const tier4 = intent.tier === 4;
  const owner = tier4 ? ({ floor: 'human', unit: 'conversation' } as const) : null;
  const what = `"${intent.name}" (${intent.domain} / ${intent.action})`;

  const securityAction = policy.actions.security.includes(intent.action);
  if (securityAction || policy.securityDomains.includes(intent.domain)) {
    // Explaining how recovery works from an approved article is reviewed; anything that acts
    // on access, ownership or identity goes to a person.
    const explains =
      !securityAction && !tier4 && policy.actions.informational.includes(intent.action);
    out.push(
      assessment(
        'security_identity',
        `${what} touches account access, ownership or identity`,
        { intent: intent.name, domain: intent.domain, action: intent.action },
        explains
          ? { severity: 'medium', unit: 'answer' }
          : { severity: 'high', unit: 'conversation', tier: 4, ...owner },
      ),
    );
  }

  if (policy.actions.irreversible.includes(intent.action)) {
    out.push(
      assessment(
        'irreversible_action',
        `${what} cannot be cleanly undone if wrong`,
        { intent: intent.name, action: intent.action },
        { severity: 'high', unit: 'action', tier: 3, ...owner },
      ),
    );
  }

  if (intent.tier === 3) {
    const breach = breachesLimit(checkLimit(facts, policy));
    out.push(
      assessment(
        'policy_sensitivity',
        breach
          ? `${what} is a policy exception (tier 3) above the assistant's limit`
          : `${what} is a policy exception (tier 3): an agent reviews it`,
        { intent: intent.name, tier: 3, action: intent.action, overLimit: breach },
        { severity: breach ? 'high' : 'medium', unit: 'action' },
      ),
    );
  } else if (tier4 && out.length === 0) {
    out.push(
      assessment(
        'policy_sensitivity',
        `${what} is a legal or compliance matter (tier 4)`,
        { intent: intent.name, tier: 4, action: intent.action },
        { severity: 'high', unit: 'conversation', tier: 4, floor: 'human' },
      ),
    );
  } else if (!tier4) {
    out.push(...askedInWords(facts));
  }
  return out;
}

/**
 * policy_sensitivity from the words, whatever intent was (or was not) understood: consequence
 * before probability. A message that asks for money back, an exception, a price match, a promised
 * credit, or disputes a charge ("charged twice", "chargeback"), in words that carry money or the
 * law, asks the assistant to create, deny
 * or reinterpret a concession, which it may not do alone: medium, an agent reviews the action.
 * With a legal stake in the same words (a lawyer, a complaint to an authority) it is a legal
 * matter: high, the conversation to a person at tier 4.
 */
function askedInWords(facts: TurnFacts): Assessment[] {
  if (facts.text === null || facts.humanRequest?.source === 'button') return [];
  const found = detectStakes(facts.text);
  // The ask must be about something with a consequence: "the difference" or "twice" mean a
  // concession only in words that also carry money or the law ("refund the difference", "charged
  // twice"), not in "what's the difference between the tents".
  const weighty = found.stakes.some((s) => s === 'money' || s === 'legal');
  if (found.concession === null || !weighty) return [];
  const legal = found.cues.legal !== undefined;
  return [
    assessment(
      'policy_sensitivity',
      legal
        ? `the words ("${found.concession}", "${found.cues.legal}") dispute or threaten a legal step: a person handles it`
        : `the words ("${found.concession}") ask for a concession, refund, exception or dispute a charge: an agent reviews it`,
      { cue: found.concession, fromWords: true, ...(legal && { legal: found.cues.legal }) },
      legal
        ? { severity: 'high', unit: 'conversation', tier: 4, floor: 'human' }
        : { severity: 'medium', unit: 'action', tier: 3 },
    ),
  ];
}
