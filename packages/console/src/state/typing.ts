/**
 * Typing indicators in the console. Outgoing: the owner's keystrokes in a reply box become at
 * most one `typing: true` per TYPING_REFRESH_MS for that conversation, and one `typing: false`
 * when the reply is sent or the box is cleared. Incoming: "Customer is typing…" shows until the
 * customer's `false`, their message, or TYPING_EXPIRY_MS without a refresh.
 */
import type { ChatMessage } from '@baton/shared';

export const TYPING_REFRESH_MS = 2_500;
export const TYPING_EXPIRY_MS = 6_000;
export const CUSTOMER_TYPING_TEXT = 'Customer is typing…';

/** When each conversation's last `typing: true` went out (absent: not typing). */
export type TypingSent = ReadonlyMap<string, number>;

/**
 * What to send after the reply box of `conversationId` changed: `true` at the start of a burst
 * and once per refresh interval, `false` once when the box is cleared; null sends nothing.
 */
export function typingToSend(
  sent: TypingSent,
  conversationId: string,
  hasText: boolean,
  now: number,
): { typing: boolean; sent: TypingSent } | null {
  const last = sent.get(conversationId);
  if (!hasText)
    return last === undefined ? null : { typing: false, sent: without(sent, conversationId) };
  if (last !== undefined && now - last < TYPING_REFRESH_MS) return null;
  return { typing: true, sent: new Map(sent).set(conversationId, now) };
}

function without(sent: TypingSent, conversationId: string): TypingSent {
  const next = new Map(sent);
  next.delete(conversationId);
  return next;
}

/** Until when the customer's indicator shows after a `typing` event (null: hidden). */
export const customerTypingUntil = (typing: boolean, now: number): number | null =>
  typing ? now + TYPING_EXPIRY_MS : null;

/** The customer's own message ends their indicator at once. */
export const typingAfterMessages = (until: number | null, messages: ChatMessage[]) =>
  messages.some((m) => m.role === 'customer') ? null : until;
