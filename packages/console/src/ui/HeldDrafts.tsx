import { useState } from 'preact/hooks';
import type { DraftDecision } from '../state/consoleStore';
import {
  DRAFT_STATUS_LABELS,
  MAX_DRAFT_LENGTH,
  reviewerLabel,
  validateDraftEdit,
  type DraftGroups,
  type DraftView,
} from '../state/drafts';
import { authorOf } from '../state/messages';
import { clockTime } from '../state/time';

interface HeldDraftsProps {
  groups: DraftGroups;
  /** Why this agent may not review (not the owner…), or null when they may. */
  blocker: string | null;
  /** Draft ids with a review in flight. */
  reviewing: readonly string[];
  customerName: string | null;
  me: { id: string; name: string } | undefined;
  onReview: (draftId: string, review: DraftDecision) => Promise<boolean>;
}

/**
 * Assisted lane: the assistant's replies wait here for the owner. Nothing reaches the customer
 * until the owner approves (as is) or edits it; a rejected draft is never sent.
 */
export function HeldDrafts({
  groups,
  blocker,
  reviewing,
  customerName,
  me,
  onReview,
}: HeldDraftsProps) {
  const { pending, reviewed } = groups;
  return (
    <section class="card held-drafts" data-testid="held-drafts" aria-label="Held drafts">
      <header class="card-head">
        <h2>Held drafts</h2>
        <span class="muted small">
          {pending.length === 0
            ? 'Nothing waiting for review'
            : `${pending.length} waiting for review · not sent to the customer`}
        </span>
      </header>
      {blocker && pending.length > 0 && (
        <p class="review-hint" data-testid="draft-review-hint">
          {blocker}
        </p>
      )}
      {pending.length > 0 && (
        <ul class="review-list">
          {pending.map((view) => (
            <PendingDraft
              key={view.draft.id}
              view={view}
              disabled={blocker !== null}
              busy={reviewing.includes(view.draft.id)}
              customerName={customerName}
              onReview={(review) => onReview(view.draft.id, review)}
            />
          ))}
        </ul>
      )}
      {reviewed.length > 0 && (
        <details class="reviewed">
          <summary>
            {reviewed.length} reviewed draft{reviewed.length === 1 ? '' : 's'}
          </summary>
          <ul class="review-list">
            {reviewed.map((view) => (
              <ReviewedDraft
                key={view.draft.id}
                view={view}
                customerName={customerName}
                reviewer={reviewerLabel(view.draft.reviewedBy, me)}
              />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function PendingDraft({
  view,
  disabled,
  busy,
  customerName,
  onReview,
}: {
  view: DraftView;
  disabled: boolean;
  busy: boolean;
  customerName: string | null;
  onReview: (review: DraftDecision) => Promise<boolean>;
}) {
  const { draft } = view;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(draft.text);
  const [error, setError] = useState<string | null>(null);
  const locked = disabled || busy;

  const sendEdited = async () => {
    const invalid = validateDraftEdit(text);
    if (invalid) {
      setError(invalid);
      return;
    }
    if (await onReview({ decision: 'edit', text })) setEditing(false);
  };

  return (
    <li
      class={`review-item draft draft--pending${busy ? ' is-busy' : ''}`}
      data-testid="draft-item"
      data-draft-id={draft.id}
      data-status={draft.status}
    >
      <AnswersQuote view={view} customerName={customerName} />
      {editing ? (
        <form
          class="draft-edit"
          onSubmit={(e) => {
            e.preventDefault();
            void sendEdited();
          }}
        >
          <label class="sr-only" for={`draft-edit-${draft.id}`}>
            Edit the draft before sending it
          </label>
          <textarea
            id={`draft-edit-${draft.id}`}
            data-testid="draft-edit-input"
            rows={4}
            value={text}
            disabled={locked}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setError(null);
            }}
          />
          <div class="review-foot">
            <span class={`muted small${text.trim().length > MAX_DRAFT_LENGTH ? ' over' : ''}`}>
              {text.trim().length}/{MAX_DRAFT_LENGTH}
            </span>
            {error && <span class="field-error">{error}</span>}
            <div class="review-buttons">
              <button
                type="button"
                class="btn btn-ghost btn-small"
                disabled={busy}
                onClick={() => {
                  setEditing(false);
                  setText(draft.text);
                  setError(null);
                }}
              >
                Cancel
              </button>
              <button
                type="submit"
                class="btn btn-primary btn-small"
                data-testid="draft-edit-send"
                disabled={locked || text.trim().length === 0}
              >
                {busy ? 'Sending…' : 'Send edited'}
              </button>
            </div>
          </div>
        </form>
      ) : (
        <>
          <blockquote class="draft-text">{draft.text}</blockquote>
          <div class="review-foot">
            <span class="muted small" title={draft.createdAt}>
              Drafted at {clockTime(draft.createdAt)}
            </span>
            <div class="review-buttons">
              <button
                type="button"
                class="btn btn-primary btn-small"
                data-testid="draft-approve"
                disabled={locked}
                title="Send the draft to the customer as your message"
                onClick={() => void onReview({ decision: 'approve' })}
              >
                {busy ? 'Working…' : 'Approve'}
              </button>
              <button
                type="button"
                class="btn btn-small"
                data-testid="draft-edit"
                disabled={locked}
                onClick={() => {
                  setText(draft.text);
                  setEditing(true);
                }}
              >
                Edit
              </button>
              <button
                type="button"
                class="btn btn-ghost btn-small btn-danger"
                data-testid="draft-reject"
                disabled={locked}
                title="Drop the draft; nothing is sent"
                onClick={() => void onReview({ decision: 'reject' })}
              >
                Reject
              </button>
            </div>
          </div>
        </>
      )}
    </li>
  );
}

function ReviewedDraft({
  view,
  customerName,
  reviewer,
}: {
  view: DraftView;
  customerName: string | null;
  reviewer: string | null;
}) {
  const { draft } = view;
  return (
    <li
      class={`review-item draft draft--${draft.status}`}
      data-testid="draft-item"
      data-draft-id={draft.id}
      data-status={draft.status}
    >
      <div class="review-status">
        <span class={`badge review-badge review-badge--${draft.status}`}>
          {DRAFT_STATUS_LABELS[draft.status]}
        </span>
        {reviewer && (
          <span class="muted small" data-testid="draft-reviewer">
            by {reviewer}
          </span>
        )}
      </div>
      <AnswersQuote view={view} customerName={customerName} />
      <blockquote class="draft-text">{draft.text}</blockquote>
    </li>
  );
}

function AnswersQuote({ view, customerName }: { view: DraftView; customerName: string | null }) {
  const answers = view.answers;
  if (!answers) {
    return (
      <p class="draft-answers muted small">
        Answers a customer message that is not in the loaded transcript.
      </p>
    );
  }
  return (
    <p class="draft-answers small" data-message-id={answers.id}>
      <span class="muted">
        Answers {authorOf(answers, customerName)} at {clockTime(answers.createdAt)}:
      </span>{' '}
      <q>{answers.text}</q>
    </p>
  );
}
