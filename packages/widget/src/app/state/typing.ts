/**
 * Typing indicators. Outgoing: keystrokes become at most one `typing: true` per
 * TYPING_REFRESH_MS, and one `typing: false` when the customer sends, clears the box or leaves
 * it. Incoming: the agent's flag shows until withdrawn, until a message of theirs arrives, or
 * until TYPING_EXPIRY_MS pass without a refresh (a lost `false` must not leave it on for good).
 */
import type { ChatMessage } from '@baton/shared';

export const TYPING_REFRESH_MS = 2_500;
export const TYPING_EXPIRY_MS = 6_000;

/** The agent who is typing, shown until `until` (ms since the epoch) unless refreshed. */
export interface PeerTyping {
  name: string;
  until: number;
}

export interface TypingSender {
  /** A change in the composer: `hasText` false (the box was cleared) counts as stopping. */
  input(hasText: boolean): void;
  /** Sent, or the composer lost the focus: `false` once, if `true` was the last word. */
  stop(): void;
}

export function createTypingSender(
  emit: (typing: boolean) => void,
  now: () => number = Date.now,
): TypingSender {
  let last: number | null = null;
  const stop = () => {
    if (last === null) return;
    last = null;
    emit(false);
  };
  return {
    input(hasText) {
      if (!hasText) return stop();
      const t = now();
      if (last !== null && t - last < TYPING_REFRESH_MS) return;
      last = t;
      emit(true);
    },
    stop,
  };
}

/** The indicator after a `typing` event from the agent. */
export const peerTyping = (
  event: { typing: boolean; agentName: string },
  now: number,
): PeerTyping | null =>
  event.typing ? { name: event.agentName, until: now + TYPING_EXPIRY_MS } : null;

/** A message from the agent ends their indicator at once. */
export const typingAfterMessages = (typing: PeerTyping | null, added: ChatMessage[]) =>
  typing && added.some((m) => m.role === 'agent') ? null : typing;

/** Gone once its time is up without a refresh. */
export const typingAt = (typing: PeerTyping | null, now: number) =>
  typing && typing.until <= now ? null : typing;
