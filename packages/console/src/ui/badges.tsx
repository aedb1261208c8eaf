import type { ConversationState, Lane, RiskTier, TriggerName } from '@baton/shared';
import { LANE_LABELS, STATE_LABELS, TIER_LABELS } from '../state/labels';

export function TierBadge({ tier }: { tier: RiskTier }) {
  return (
    <span class={`badge tier tier--${tier}`} title={TIER_LABELS[tier]}>
      T{tier}
    </span>
  );
}

export function TriggerChip({ name }: { name: TriggerName }) {
  return <code class="trigger-chip">{name}</code>;
}

export function LaneBadge({ lane }: { lane: Lane }) {
  return <span class={`badge lane lane--${lane}`}>{LANE_LABELS[lane]} lane</span>;
}

export function StateBadge({ state }: { state: ConversationState }) {
  return <span class={`badge state state--${state}`}>{STATE_LABELS[state]}</span>;
}
