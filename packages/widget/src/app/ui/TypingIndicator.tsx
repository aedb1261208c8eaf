import { t } from '../i18n';
import type { PeerTyping } from '../state/typing';

/**
 * Always in the page, so screen readers know the live region before it speaks. A refresh keeps
 * the same text, so it is announced once per burst, not on every refresh.
 */
export function TypingIndicator({ typing }: { typing: PeerTyping | null }) {
  return (
    <p class="baton-typing" role="status" data-testid="baton-typing">
      {typing ? t.typing(typing.name) : ''}
    </p>
  );
}
