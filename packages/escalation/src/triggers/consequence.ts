import { assessment, type Assessment } from '../assessment';
import type { TurnFacts } from '../facts';
import type { Policy } from '../policy';
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
  if (!intent) return [];
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
  }
  return out;
}
