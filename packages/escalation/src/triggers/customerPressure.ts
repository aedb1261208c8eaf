import { assessment, type Assessment } from '../assessment';
import type { TurnFacts } from '../facts';
import type { Policy } from '../policy';

/** customer_pressure (medium): a VIP or enterprise customer, or a renewal coming up. */
export function customerPressure(facts: TurnFacts, policy: Policy): Assessment[] {
  const tier = facts.context.customer?.tier;
  const renewal = facts.context.account?.renewalInDays;
  const why: string[] = [];
  const values: Record<string, unknown> = {};
  if (tier !== undefined && policy.pressure.customerTiers.includes(tier)) {
    why.push(`${tier} customer`);
    values.customerTier = tier;
  }
  if (typeof renewal === 'number' && renewal >= 0 && renewal <= policy.pressure.renewalWithinDays) {
    why.push(`renewal in ${renewal} days`);
    values.renewalInDays = renewal;
  }
  if (why.length === 0) return [];
  return [
    assessment('customer_pressure', why.join(', '), values, {
      severity: 'medium',
      unit: 'answer',
    }),
  ];
}
