import type {
  Certainty,
  ConversationState,
  EscalationOutcome,
  Lane,
  RiskTier,
  RootCause,
  Unit,
} from '@baton/shared';

/*
 * Display labels. Each table is keyed by a protocol type, so a value added to @baton/shared fails
 * the type check here until it has a label.
 */

export const CERTAINTY_LABELS: Record<Certainty, string> = {
  confirmed: 'Confirmed',
  inferred: 'Inferred',
  not_verified: 'Not verified',
};

export const LANE_LABELS: Record<Lane, string> = {
  autonomous: 'Autonomous',
  assisted: 'Assisted',
  human: 'Human',
};

/** What the assistant may do in each lane (docs/escalation-model.md: each lane is a capability boundary). */
export const LANE_DESCRIPTIONS: Record<Lane, string> = {
  autonomous: 'The assistant answers on its own from approved sources.',
  assisted:
    'The assistant only drafts; an agent approves, edits or rejects before anything is sent.',
  human: 'A person owns the conversation; nothing the assistant writes reaches the customer.',
};

export const UNIT_LABELS: Record<Unit, string> = {
  answer: 'this answer',
  action: 'the action',
  conversation: 'the whole conversation',
};

export const TIER_LABELS: Record<RiskTier, string> = {
  1: 'Tier 1 · informational',
  2: 'Tier 2 · low-value transactional',
  3: 'Tier 3 · financial / policy exception',
  4: 'Tier 4 · legal, fraud, security',
};

export const STATE_LABELS: Record<ConversationState, string> = {
  bot: 'With the assistant',
  queued: 'Waiting in queue',
  assigned: 'Assigned',
  resolved: 'Resolved',
};

export const OUTCOME_OPTIONS: { value: EscalationOutcome; label: string; hint: string }[] = [
  { value: 'needed', label: 'Needed', hint: 'a human had to take this' },
  { value: 'unnecessary', label: 'Unnecessary', hint: 'the assistant could have handled it' },
  { value: 'late', label: 'Late', hint: 'it should have reached a human sooner' },
];

export const ROOT_CAUSE_OPTIONS: { value: RootCause; label: string }[] = [
  { value: 'model_gap', label: 'Model gap' },
  { value: 'policy_ambiguity', label: 'Policy ambiguity' },
  { value: 'decision_rights', label: 'Decision rights' },
  { value: 'training_issue', label: 'Training issue' },
  { value: 'none', label: 'None' },
];

export const USEFULNESS_SCORES = [1, 2, 3, 4, 5] as const;
export type UsefulnessScore = (typeof USEFULNESS_SCORES)[number];
