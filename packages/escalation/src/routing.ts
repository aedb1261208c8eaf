import type { RiskTier } from '@baton/shared';
import type { Policy } from './policy';

/** Owner queue for an escalated turn: tier routing beats domain routing beats the default. */
export function routeQueue(policy: Policy, tier: RiskTier, domain: string | null): string {
  return (
    policy.routing.tiers[tier] ??
    (domain === null ? undefined : policy.routing.domains[domain]) ??
    policy.routing.default
  );
}

/** First-response SLA in minutes for a risk tier. */
export function slaMinutes(policy: Policy, tier: RiskTier): number {
  return policy.sla[tier];
}

/** Whether the assistant may answer on its own in this domain. */
export function autonomyAllowed(policy: Policy, domain: string): boolean {
  return policy.autonomy.domains[domain] ?? policy.autonomy.default;
}
