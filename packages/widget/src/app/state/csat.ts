/**
 * The "How did we do?" rating asked once a person resolved the conversation (`csat:submit`).
 * Pure state changes; the chat client sends it, the Csat component draws it (its strings are
 * in the catalogue, i18n/). The server keeps one rating per episode of the conversation, so the
 * prompt belongs to the episode that was resolved and goes once the customer writes again.
 */
import type { ChatMessage } from '@baton/shared';

export interface CsatState {
  conversationId: string;
  /** The highest seq held when the conversation was resolved: a customer message after it begins a new episode. */
  since: number;
  /** The choice, kept through errors, retries and closing the panel. */
  rating: number | null;
  comment: string;
  pending: boolean;
  error: { code: string; message: string } | null;
  /** What the server stored; the thank-you is shown until the customer asks to change it. */
  saved: { rating: number; replaced: boolean } | null;
  editing: boolean;
}

/** `csatSubmitSchema`: the comment is at most 2,000 characters. */
export const CSAT_COMMENT_MAX = 2000;

/** The prompt for a conversation that was just resolved, after the messages held so far. */
export function openCsat(conversationId: string, messages: ChatMessage[]): CsatState {
  return {
    conversationId,
    since: messages.reduce((max, m) => Math.max(max, m.seq), 0),
    rating: null,
    comment: '',
    pending: false,
    error: null,
    saved: null,
    editing: false,
  };
}

/** Drops the prompt once the customer wrote after the resolution (here or in another tab). */
export function csatAfterMessages(csat: CsatState | null, added: ChatMessage[]): CsatState | null {
  if (!csat) return csat;
  const wroteAgain = added.some(
    (m) => m.role === 'customer' && m.conversationId === csat.conversationId && m.seq > csat.since,
  );
  return wroteAgain ? null : csat;
}

/** The customer picks a rating or edits the comment: a new choice clears the last error. */
export function editCsat(
  csat: CsatState | null,
  change: { rating?: number; comment?: string },
): CsatState | null {
  if (!csat || csat.pending) return csat;
  return {
    ...csat,
    rating: change.rating ?? csat.rating,
    comment: change.comment ?? csat.comment,
    error: change.rating !== undefined ? null : csat.error,
  };
}

/** "Change rating": the form again, with what was sent still chosen. */
export function reopenCsat(csat: CsatState | null): CsatState | null {
  return csat && csat.saved ? { ...csat, editing: true, error: null } : csat;
}

export function csatSending(csat: CsatState): CsatState {
  return { ...csat, pending: true, error: null };
}

/** The server's answer; nothing of the customer's choice is lost on an error. */
export function csatAnswered(
  csat: CsatState | null,
  conversationId: string,
  result:
    | { ok: true; data: { rating: number; replaced: boolean } }
    | { ok: false; error: { code: string; message: string } },
): CsatState | null {
  // The customer wrote again meanwhile (the prompt went), or this is another conversation's.
  if (!csat || csat.conversationId !== conversationId) return csat;
  if (!result.ok) {
    return {
      ...csat,
      pending: false,
      error: { code: result.error.code, message: result.error.message },
    };
  }
  const { rating, replaced } = result.data;
  return { ...csat, pending: false, error: null, editing: false, saved: { rating, replaced } };
}

/** The payload for `csat:submit`; an empty comment is left out. */
export function csatPayload(csat: CsatState & { rating: number }): {
  conversationId: string;
  rating: number;
  comment?: string;
} {
  const comment = csat.comment.trim();
  return {
    conversationId: csat.conversationId,
    rating: csat.rating,
    ...(comment && { comment }),
  };
}
