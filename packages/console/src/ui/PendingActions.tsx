import type { PendingAction } from '@baton/shared';
import { useState } from 'preact/hooks';
import {
  ACTION_STATUS_LABELS,
  formatAmount,
  MAX_ACTION_NOTE_LENGTH,
  type ActionGroups,
} from '../state/actions';
import type { ActionDecision } from '../state/consoleStore';
import { reviewerLabel } from '../state/drafts';
import { clockTime } from '../state/time';

interface PendingActionsProps {
  groups: ActionGroups;
  /** Why this agent may not decide (not in the queue…), or null when they may. */
  blocker: string | null;
  /** Action ids with a decision in flight. */
  reviewing: readonly string[];
  me: { id: string; name: string } | undefined;
  onDecide: (actionId: string, decision: ActionDecision, note: string) => Promise<boolean>;
}

/**
 * Unit `action`: a state-changing step the assistant may not take by itself. Any member of the
 * queue approves or denies it; the customer is told the outcome.
 */
export function PendingActions({ groups, blocker, reviewing, me, onDecide }: PendingActionsProps) {
  const { pending, decided } = groups;
  return (
    <section
      class="card pending-actions"
      data-testid="pending-actions"
      aria-label="Pending actions"
    >
      <header class="card-head">
        <h2>Pending actions</h2>
        <span class="muted small">
          {pending.length === 0 ? 'Nothing waiting for a decision' : `${pending.length} waiting`}
        </span>
      </header>
      {blocker && pending.length > 0 && (
        <p class="review-hint" data-testid="action-decide-hint">
          {blocker}
        </p>
      )}
      <ul class="review-list">
        {pending.map((action) => (
          <PendingActionItem
            key={action.id}
            action={action}
            disabled={blocker !== null}
            busy={reviewing.includes(action.id)}
            onDecide={(decision, note) => onDecide(action.id, decision, note)}
          />
        ))}
        {decided.map((action) => (
          <DecidedActionItem
            key={action.id}
            action={action}
            decider={reviewerLabel(action.decidedBy, me)}
          />
        ))}
      </ul>
    </section>
  );
}

function ActionFacts({ action }: { action: PendingAction }) {
  const amount = formatAmount(action.amount);
  return (
    <>
      <div class="action-line">
        <code class="action-name">{action.action}</code>
        {amount && (
          <strong class="action-amount" data-testid="action-amount">
            {amount}
          </strong>
        )}
        {action.intent && (
          <span class="muted small">
            intent <code>{action.intent}</code>
          </span>
        )}
      </div>
      {action.reasons.length > 0 && (
        <ul class="plain-list tone-warn action-reasons">
          {action.reasons.map((reason, i) => (
            <li key={i}>{reason}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function PendingActionItem({
  action,
  disabled,
  busy,
  onDecide,
}: {
  action: PendingAction;
  disabled: boolean;
  busy: boolean;
  onDecide: (decision: ActionDecision, note: string) => Promise<boolean>;
}) {
  const [note, setNote] = useState('');
  const locked = disabled || busy;
  const decide = async (decision: ActionDecision) => {
    if (await onDecide(decision, note)) setNote('');
  };
  return (
    <li
      class={`review-item action action--pending${busy ? ' is-busy' : ''}`}
      data-testid="action-item"
      data-action-id={action.id}
      data-status={action.status}
    >
      <ActionFacts action={action} />
      <label class="field action-note">
        <span class="small">Note (optional, shown to the customer if you deny)</span>
        <textarea
          data-testid="action-note"
          rows={2}
          maxLength={MAX_ACTION_NOTE_LENGTH}
          value={note}
          disabled={locked}
          placeholder="e.g. Refunds above 100 USD need the original receipt."
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      <div class="review-foot">
        <span class="muted small" title={action.createdAt}>
          Requested at {clockTime(action.createdAt)}
        </span>
        <div class="review-buttons">
          <button
            type="button"
            class="btn btn-primary btn-small"
            data-testid="action-approve"
            disabled={locked}
            onClick={() => void decide('approve')}
          >
            {busy ? 'Working…' : 'Approve'}
          </button>
          <button
            type="button"
            class="btn btn-ghost btn-small btn-danger"
            data-testid="action-deny"
            disabled={locked}
            onClick={() => void decide('deny')}
          >
            Deny
          </button>
        </div>
      </div>
    </li>
  );
}

function DecidedActionItem({ action, decider }: { action: PendingAction; decider: string | null }) {
  return (
    <li
      class={`review-item action action--${action.status}`}
      data-testid="action-item"
      data-action-id={action.id}
      data-status={action.status}
    >
      <div class="review-status">
        <span class={`badge review-badge review-badge--${action.status}`}>
          {ACTION_STATUS_LABELS[action.status]}
        </span>
        {decider && <span class="muted small">by {decider}</span>}
      </div>
      <ActionFacts action={action} />
      {action.note && (
        <p class="small">
          <span class="muted">Note:</span> {action.note}
        </p>
      )}
    </li>
  );
}
