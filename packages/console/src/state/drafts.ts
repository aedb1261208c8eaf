import type { ChatMessage, ConversationDetail, HeldDraft } from '@baton/shared';

/** Held assistant drafts (assisted lane), shaped for review. Framework-free. */

/** The protocol's limit for one message (`messageText` in @baton/shared schemas). */
export const MAX_DRAFT_LENGTH = 4000;

export const DRAFT_STATUS_LABELS: Record<HeldDraft['status'], string> = {
  pending: 'Waiting for review',
  approved: 'Approved and sent',
  edited: 'Edited and sent',
  rejected: 'Rejected',
  closed: 'Closed unsent (conversation resolved)',
};

/** A draft with the customer message it answers (null when that message is not loaded). */
export interface DraftView {
  draft: HeldDraft;
  answers: ChatMessage | null;
}

export interface DraftGroups {
  /** Waiting for the owner, oldest first (answer in the order the customer asked). */
  pending: DraftView[];
  /** Already approved, edited or rejected, newest first. */
  reviewed: DraftView[];
}

export function groupDrafts(
  drafts: readonly HeldDraft[],
  messages: readonly ChatMessage[],
): DraftGroups {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const views = drafts.map((draft) => ({ draft, answers: byId.get(draft.messageId) ?? null }));
  const byCreated = (a: DraftView, b: DraftView) =>
    Date.parse(a.draft.createdAt) - Date.parse(b.draft.createdAt);
  return {
    pending: views.filter((v) => v.draft.status === 'pending').sort(byCreated),
    reviewed: views.filter((v) => v.draft.status !== 'pending').sort((a, b) => byCreated(b, a)),
  };
}

/**
 * Why this agent cannot review the conversation's drafts, or null when they can. Only the owner
 * of an assigned conversation reviews: an approved draft goes out as their message.
 */
export function draftReviewBlocker(
  detail: ConversationDetail,
  agentId: string | undefined,
): string | null {
  if (detail.state === 'resolved')
    return 'The conversation is resolved; drafts can no longer be sent.';
  const owner = detail.assignedAgent;
  if (owner && owner.id === agentId && detail.state === 'assigned') return null;
  if (owner && owner.id !== agentId) {
    return `Only ${owner.name}, who owns this conversation, can review its drafts.`;
  }
  return 'Claim the conversation to review its drafts.';
}

/** The error to show for an edited draft, or null when it can be sent. */
export function validateDraftEdit(text: string): string | null {
  const length = text.trim().length;
  if (length === 0) return 'The edited reply is empty.';
  if (length > MAX_DRAFT_LENGTH) return `A reply can be at most ${MAX_DRAFT_LENGTH} characters.`;
  return null;
}

/** Replaces the item with the same id, or appends it. */
export function replaceById<T extends { id: string }>(list: readonly T[], item: T): T[] {
  const index = list.findIndex((x) => x.id === item.id);
  if (index === -1) return [...list, item];
  return list.map((x, i) => (i === index ? item : x));
}

/** Drafts and actions still waiting for a person. */
export function pendingCounts(detail: Pick<ConversationDetail, 'drafts' | 'actions'>): {
  pendingDrafts: number;
  pendingActions: number;
} {
  return {
    pendingDrafts: detail.drafts.filter((d) => d.status === 'pending').length,
    pendingActions: detail.actions.filter((a) => a.status === 'pending').length,
  };
}

/**
 * Who reviewed or decided, as the console shows it: "you" for the signed-in agent (the server may
 * record an agent id or a display name), the recorded value otherwise.
 */
export function reviewerLabel(
  reviewer: string | null,
  me: { id: string; name: string } | undefined,
): string | null {
  if (!reviewer) return null;
  if (me && (reviewer === me.id || reviewer === me.name)) return 'you';
  return reviewer;
}
