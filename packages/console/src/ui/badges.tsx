import type { ConversationState, Lane, RiskTier, TriggerName } from '@baton/shared';
import { LANE_DESCRIPTIONS, LANE_LABELS, STATE_LABELS, TIER_LABELS } from '../state/labels';

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

export function LaneBadge({ lane, testId }: { lane: Lane; testId?: string }) {
  return (
    <span
      class={`badge lane lane--${lane}`}
      data-testid={testId}
      data-lane={lane}
      title={LANE_DESCRIPTIONS[lane]}
    >
      {LANE_LABELS[lane]} lane
    </span>
  );
}

/** A count of held drafts or pending actions waiting for a person; nothing when zero. */
export function PendingBadge({
  count,
  kind,
  testId,
}: {
  count: number;
  kind: 'draft' | 'action';
  testId?: string;
}) {
  if (count <= 0) return null;
  const label =
    kind === 'draft'
      ? `${count} held draft${count === 1 ? '' : 's'}`
      : `${count} pending action${count === 1 ? '' : 's'}`;
  return (
    <span class={`badge pending pending--${kind}`} data-testid={testId} data-count={count}>
      {label}
    </span>
  );
}

export function StateBadge({ state }: { state: ConversationState }) {
  return <span class={`badge state state--${state}`}>{STATE_LABELS[state]}</span>;
}
