import { useEffect, useRef, useState } from 'preact/hooks';
import { AttachButton } from './Attachment';

const MAX_LENGTH = 4000;

export function Composer({
  onSend,
  onAttach,
}: {
  onSend: (text: string) => void;
  onAttach: (file: File) => void;
}) {
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => input.current?.focus(), []);

  function submit() {
    if (!text.trim()) return;
    onSend(text);
    setText('');
    input.current?.focus();
  }

  return (
    <form
      class="baton-composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <textarea
        ref={input}
        class="baton-input"
        data-testid="baton-input"
        aria-label="Message"
        placeholder="Type a message…"
        rows={2}
        maxLength={MAX_LENGTH}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <AttachButton onAttach={onAttach} />
      <button
        type="submit"
        class="baton-send"
        data-testid="baton-send"
        aria-label="Send message"
        disabled={!text.trim()}
      >
        Send
      </button>
    </form>
  );
}
