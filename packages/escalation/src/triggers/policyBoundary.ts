import { assessment, type Assessment } from '../assessment';
import type { TurnFacts } from '../facts';
import type { Policy } from '../policy';

export type LimitCheck =
  | { kind: 'within' }
  | { kind: 'over'; amount: number; currency: string; limit: number }
  | {
      kind: 'currency_mismatch';
      amount: number;
      currency: string;
      limit: number;
      limitCurrency: string;
    }
  | { kind: 'unknown_amount'; limit: number; currency: string };

/** Checks the proposed action's amount against the assistant's limit; null when none applies. */
export function checkLimit(facts: TurnFacts, policy: Policy): LimitCheck | null {
  const intent = facts.intent;
  if (!intent) return null;
  const limit = policy.limits[intent.action];
  if (!limit) return null;
  const amount = facts.amount;
  if (!amount || !Number.isFinite(amount.value)) {
    return { kind: 'unknown_amount', limit: limit.maxAmount, currency: limit.currency };
  }
  const currency = amount.currency?.toUpperCase() ?? limit.currency;
  if (currency !== limit.currency) {
    return {
      kind: 'currency_mismatch',
      amount: amount.value,
      currency,
      limit: limit.maxAmount,
      limitCurrency: limit.currency,
    };
  }
  if (amount.value > limit.maxAmount) {
    return { kind: 'over', amount: amount.value, currency, limit: limit.maxAmount };
  }
  return { kind: 'within' };
}

/** True when the amount is over the limit or cannot be compared with it. */
export function breachesLimit(check: LimitCheck | null): boolean {
  return check?.kind === 'over' || check?.kind === 'currency_mismatch';
}

/**
 * policy_boundary: the proposed action exceeds the assistant's authority — high, a person
 * decides the action. An amount in another currency than the limit cannot be shown to be within
 * it, so it counts as exceeding. An unknown amount for a limited action is medium: the assistant
 * cannot show the action is within its authority, so an agent checks before anything is said.
 */
export function policyBoundary(facts: TurnFacts, policy: Policy): Assessment[] {
  const check = checkLimit(facts, policy);
  const action = facts.intent?.action ?? '';
  const source = facts.amount?.source ?? null;
  switch (check?.kind) {
    case undefined:
    case 'within':
      return [];
    case 'over':
      return [
        assessment(
          'policy_boundary',
          `${label(action)} of ${check.amount} ${check.currency} exceeds the assistant limit of ${check.limit} ${check.currency}`,
          { action, amount: check.amount, currency: check.currency, limit: check.limit, source },
          { severity: 'high', unit: 'action', tier: 3 },
        ),
      ];
    case 'currency_mismatch':
      return [
        assessment(
          'policy_boundary',
          `${label(action)} of ${check.amount} ${check.currency} cannot be checked against the limit of ${check.limit} ${check.limitCurrency}`,
          {
            action,
            amount: check.amount,
            currency: check.currency,
            limit: check.limit,
            limitCurrency: check.limitCurrency,
            source,
          },
          { severity: 'high', unit: 'action', tier: 3 },
        ),
      ];
    case 'unknown_amount':
      return [
        assessment(
          'policy_boundary',
          `${label(action)} amount is unknown, so it cannot be checked against the limit of ${check.limit} ${check.currency}`,
          { action, amount: null, limit: check.limit, currency: check.currency },
          { severity: 'medium', unit: 'action' },
        ),
      ];
  }
}

function label(action: string): string {
  return action.replace(/_/g, ' ');
}
