import type { AgentProfile, ConversationDetail, PendingAction } from '@baton/shared';

/** Pending actions (unit `action`), shaped for a decision. Framework-free. */

/** The protocol's limit for a decision note (`actionDecisionSchema` in @baton/shared). */
export const MAX_ACTION_NOTE_LENGTH = 1000;

export const ACTION_STATUS_LABELS: Record<PendingAction['status'], string> = {
  pending: 'Waiting for a decision',
  approved: 'Approved',
  denied: 'Denied',
};

export interface ActionGroups {
  /** Waiting for a decision, oldest first. */
  pending: PendingAction[];
  /** Approved or denied, newest first. */
  decided: PendingAction[];
}

export function groupActions(actions: readonly PendingAction[]): ActionGroups {
  const byCreated = (a: PendingAction, b: PendingAction) =>
    Date.parse(a.createdAt) - Date.parse(b.createdAt);
  return {
    pending: actions.filter((a) => a.status === 'pending').sort(byCreated),
    decided: actions.filter((a) => a.status !== 'pending').sort((a, b) => byCreated(b, a)),
  };
}

/** "250 USD", "19.99 EUR", "250" without a currency; null without an amount. */
export function formatAmount(amount: PendingAction['amount']): string | null {
  if (!amount || !Number.isFinite(amount.value)) return null;
  const value = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(amount.value);
  return amount.currency ? `${value} ${amount.currency}` : value;
}

/**
 * Why this agent cannot decide the conversation's actions, or null when they can. Any member of
 * the conversation's queue may decide; the owner is not required.
 */
export function actionDecisionBlocker(
  detail: ConversationDetail,
  agent: Pick<AgentProfile, 'queues'> | undefined,
): string | null {
  if (detail.state === 'resolved') return 'The conversation is resolved.';
  if (!agent) return 'Sign in to decide.';
  if (detail.queue && !agent.queues.includes(detail.queue)) {
    return `Only members of the ${detail.queue} queue can decide this action.`;
  }
  return null;
}

/** The note as the protocol wants it: trimmed, omitted when empty; an error when too long. */
export function normalizeActionNote(
  note: string,
): { ok: true; note: string | undefined } | { ok: false; error: string } {
  const trimmed = note.trim();
  if (trimmed.length > MAX_ACTION_NOTE_LENGTH) {
    return { ok: false, error: `A note can be at most ${MAX_ACTION_NOTE_LENGTH} characters.` };
  }
  return { ok: true, note: trimmed.length > 0 ? trimmed : undefined };
}
