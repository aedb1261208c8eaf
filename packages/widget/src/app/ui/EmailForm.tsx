import { useState } from 'preact/hooks';
import { errorText, t } from '../i18n';
import type { RequestState } from '../state/widgetState';

/**
 * One email field and a Send button, with the request's error inline: leaving an email in the
 * queue and asking for the transcript both use it. `name` makes the ids and test ids
 * (`baton-<name>-input`, `baton-<name>-submit`).
 */
export function EmailForm(props: {
  name: string;
  label: string;
  request: RequestState;
  onSend: (email: string) => void;
  class?: string;
}) {
  const [address, setAddress] = useState('');
  const { name, request } = props;
  const input = `baton-${name}-input`;
  return (
    <form
      class={`baton-email${props.class ? ` ${props.class}` : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (address.trim()) props.onSend(address.trim());
      }}
    >
      <label for={input}>{props.label}</label>
      <div class="baton-email-row">
        <input
          id={input}
          type="email"
          required
          autoComplete="email"
          placeholder="you@example.com"
          data-testid={input}
          value={address}
          onInput={(e) => setAddress(e.currentTarget.value)}
        />
        <button
          type="submit"
          data-testid={`baton-${name}-submit`}
          disabled={request.pending}
          aria-busy={request.pending}
        >
          {t.send}
        </button>
      </div>
      {request.error && (
        <span class="baton-error" role="alert">
          {errorText(request.error)} ({request.error.code})
        </span>
      )}
    </form>
  );
}
