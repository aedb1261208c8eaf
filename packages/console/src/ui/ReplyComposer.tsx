import type { RefObject } from 'preact';
import { MAX_REPLY_LENGTH } from '../state/consoleStore';
import { AttachButton } from './AttachmentView';

interface ReplyComposerProps {
  text: string;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  onChange: (text: string) => void;
  onSend: () => void;
  onAttach: (file: File) => void;
}

/** The agent's reply box: Enter sends, Shift+Enter starts a new line. */
export function ReplyComposer({ text, inputRef, onChange, onSend, onAttach }: ReplyComposerProps) {
  const length = text.trim().length;
  const tooLong = length > MAX_REPLY_LENGTH;
  const canSend = length > 0 && !tooLong;
  return (
    <form
      class="card composer"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSend) onSend();
      }}
    >
      <label class="sr-only" for="reply-input">
        Reply to the customer
      </label>
      <textarea
        id="reply-input"
        ref={inputRef}
        data-testid="reply-input"
        rows={3}
        placeholder="Write a reply to the customer…"
        value={text}
        onInput={(e) => onChange(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            if (canSend) onSend();
          }
        }}
      />
      <div class="composer-foot">
        <span class={`muted small${tooLong ? ' over' : ''}`}>
          Enter to send · Shift+Enter for a new line · {length}/{MAX_REPLY_LENGTH}
        </span>
        <span class="composer-actions">
          <AttachButton onAttach={onAttach} />
          <button
            type="submit"
            class="btn btn-primary"
            data-testid="reply-send"
            disabled={!canSend}
          >
            Send
          </button>
        </span>
      </div>
    </form>
  );
}
