import type { PeerTyping } from '../state/typing';

/** Every string this component shows (to move into the translation catalogue). */
export const TYPING_TEXT = {
  typing: (name: string) => `${name} is typing…`,
};

/**
 * Always in the page, so screen readers know the live region before it speaks. A refresh keeps
 * the same text, so it is announced once per burst, not on every refresh.
 */
export function TypingIndicator({ typing }: { typing: PeerTyping | null }) {
  return (
    <p class="baton-typing" role="status" data-testid="baton-typing">
      {typing ? TYPING_TEXT.typing(typing.name) : ''}
    </p>
  );
}
