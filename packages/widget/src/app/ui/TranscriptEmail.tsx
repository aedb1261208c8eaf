import { useState } from 'preact/hooks';
import { t } from '../i18n';
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
        {t.transcriptSent(transcript.sentTo)}
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
        {t.transcriptOpen}
      </button>
    );
  }
  return (
    <EmailForm
      name="transcript"
      label={t.transcriptLabel}
      request={transcript}
      onSend={props.onSend}
      class="baton-transcript"
    />
  );
}
