import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { AttachButton } from './Attachment';

const MAX_LENGTH = 4000;

export function Composer({
  onSend,
  onTyping,
  onAttach,
}: {
  onSend: (text: string) => void;
  /** Whether the box holds text, on each change; `false` when it loses the focus. */
  onTyping: (hasText: boolean) => void;
  onAttach: (file: File) => void;
}) {
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    input.current?.focus();
    // For timing the first open (bench:widget, or a store's own monitoring).
    performance.mark?.('baton:composer');
  }, []);

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
        aria-label={t.message}
        placeholder={t.placeholder}
        rows={2}
        maxLength={MAX_LENGTH}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          onTyping(e.currentTarget.value.trim() !== '');
        }}
        onBlur={() => onTyping(false)}
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
        aria-label={t.sendMessage}
        disabled={!text.trim()}
      >
        {t.send}
      </button>
    </form>
  );
}
