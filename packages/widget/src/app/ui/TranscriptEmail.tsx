import { useState } from 'preact/hooks';
import type { WidgetState } from '../state/widgetState';

/** "Email me this chat": a link that opens a one-field form, then says where it was sent. */
export function TranscriptEmail(props: {
  transcript: WidgetState['transcript'];
  onSend: (email: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [address, setAddress] = useState('');
  const { transcript } = props;
  if (transcript.sentTo) {
    return (
      <p class="baton-transcript-sent" role="status" data-testid="baton-transcript-sent">
        A copy of this chat is on its way to {transcript.sentTo}.
      </p>
    );
  }
  if (!open) {
    return (
      <button
        type="button"
        class="baton-transcript-link"
        data-testid="baton-transcript-open"
        onClick={() => setOpen(true)}
      >
        Email me this chat
      </button>
    );
  }
  return (
    <form
      class="baton-email baton-transcript"
      onSubmit={(e) => {
        e.preventDefault();
        if (address.trim()) props.onSend(address.trim());
      }}
    >
      <label for="baton-transcript-input">Send a copy of this chat to</label>
      <div class="baton-email-row">
        <input
          id="baton-transcript-input"
          type="email"
          required
          autoComplete="email"
          placeholder="you@example.com"
          data-testid="baton-transcript-input"
          value={address}
          onInput={(e) => setAddress(e.currentTarget.value)}
        />
        <button
          type="submit"
          data-testid="baton-transcript-submit"
          disabled={transcript.pending}
          aria-busy={transcript.pending}
        >
          Send
        </button>
      </div>
      {transcript.error && (
        <span class="baton-error" role="alert">
          {transcript.error.message} ({transcript.error.code})
        </span>
      )}
    </form>
  );
}
