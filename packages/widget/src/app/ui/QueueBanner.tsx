import type { QueueStatus } from '@baton/shared';
import { useState } from 'preact/hooks';
import { EMAIL_OFFER_TEXT, formatQueueBanner, showQueueBanner } from '../state/queueBanner';
import type { RequestState } from '../state/widgetState';

export function QueueBanner(props: {
  status: QueueStatus | null;
  email: RequestState;
  onLeaveEmail: (email: string) => void;
}) {
  const { status, email } = props;
  const [address, setAddress] = useState('');
  if (!showQueueBanner(status)) return null;
  const view = formatQueueBanner(status);

  return (
    <div
      class={`baton-banner baton-banner-${status.state}`}
      data-testid="baton-queue-banner"
      data-state={status.state}
      role="status"
    >
      <p class="baton-banner-text">{view.headline}</p>
      {view.details.length > 0 && (
        <ul class="baton-banner-details">
          {view.details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {view.offerEmail && (
        <form
          class="baton-email"
          onSubmit={(e) => {
            e.preventDefault();
            if (address.trim()) props.onLeaveEmail(address.trim());
          }}
        >
          <label for="baton-email-input">{EMAIL_OFFER_TEXT}</label>
          <div class="baton-email-row">
            <input
              id="baton-email-input"
              type="email"
              required
              autoComplete="email"
              placeholder="you@example.com"
              data-testid="baton-email-input"
              value={address}
              onInput={(e) => setAddress(e.currentTarget.value)}
            />
            <button
              type="submit"
              data-testid="baton-email-submit"
              disabled={email.pending}
              aria-busy={email.pending}
            >
              Send
            </button>
          </div>
          {email.error && (
            <span class="baton-error" role="alert">
              {email.error.message} ({email.error.code})
            </span>
          )}
        </form>
      )}
      {view.emailConfirmation && (
        <p class="baton-email-left" data-testid="baton-email-left">
          {view.emailConfirmation}
        </p>
      )}
    </div>
  );
}
