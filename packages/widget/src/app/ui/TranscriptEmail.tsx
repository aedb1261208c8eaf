import { useState } from 'preact/hooks';
import type { WidgetState } from '../state/widgetState';
import { EmailForm } from './EmailForm';

/** "Email me this chat": a link that opens a one-field form, then says where it was sent. */
export function TranscriptEmail(props: {
  transcript: WidgetState['transcript'];
  onSend: (email: string) => void;
}) {
  const [open, setOpen] = useState(false);
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
    <EmailForm
      name="transcript"
      label="Send a copy of this chat to"
      request={transcript}
      onSend={props.onSend}
      class="baton-transcript"
    />
  );
}
