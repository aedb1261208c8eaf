import type { Lane, RiskTier, TriggerHit, TriggerName, Unit } from '@baton/shared';

/**
 * How strongly a fired trigger argues for a person (the escalation matrix): `low` is recorded
 * but moves nothing, one `medium` means assisted, several mediums or any `high` mean human.
 */
export type Severity = 'low' | 'medium' | 'high';

/** A fired trigger as the engine weighs it. The decision carries only `hit`. */
export interface Assessment {
  hit: TriggerHit;
  severity: Severity;
  /** A lane this signal requires whatever the matrix says (explicit request, tier 4). */
  floor: Lane | null;
  /** What needs a person when this signal is what moves the lane. */
  unit: Unit;
  /** The risk tier this signal implies for the decision, if any. */
  tier: RiskTier | null;
}

export function assessment(
  name: TriggerName,
  reason: string,
  values: Record<string, unknown>,
  weight: { severity: Severity; unit: Unit; floor?: Lane; tier?: RiskTier },
): Assessment {
  return {
    hit: { name, reason, values },
    severity: weight.severity,
    unit: weight.unit,
    floor: weight.floor ?? null,
    tier: weight.tier ?? null,
  };
}
