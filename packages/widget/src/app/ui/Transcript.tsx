import type { ChatMessage } from '@baton/shared';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { OutboxItem } from '../state/outbox';
import type { WidgetActions } from '../widgetActions';
import { AttachmentView } from './Attachment';

function authorLabel(message: ChatMessage): string | null {
  switch (message.role) {
    case 'customer':
      return 'You';
    case 'assistant':
      return 'Assistant';
    case 'agent':
      return message.authorName ?? 'Agent';
    case 'system':
      return null;
  }
}

/** The message's time as the shopper's clock reads it, e.g. "14:05". */
export function messageTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ''
    : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function MessageItem({
  message,
  fileUrl,
}: {
  message: ChatMessage;
  fileUrl: WidgetActions['fileUrl'];
}) {
  const label = authorLabel(message);
  const time = messageTime(message.createdAt);
  return (
    <li
      class={`baton-msg baton-msg-${message.role}`}
      data-testid="baton-message"
      data-role={message.role}
      data-seq={message.seq}
    >
      {label && <span class="baton-author">{label}</span>}
      {message.text && <p class="baton-text">{message.text}</p>}
      {message.attachments?.map((file) => (
        <AttachmentView key={file.id} file={file} fileUrl={fileUrl} />
      ))}
      {time && (
        <time class="baton-time" dateTime={message.createdAt}>
          {time}
        </time>
      )}
    </li>
  );
}

function PendingItem({ item, onRetry }: { item: OutboxItem; onRetry: (clientId: string) => void }) {
  return (
    <li
      class={`baton-msg baton-msg-customer baton-${item.status}`}
      data-testid="baton-message"
      data-role="customer"
      data-status={item.status === 'sending' ? 'pending' : 'failed'}
    >
      <span class="baton-author">You</span>
      <p class="baton-text">{item.text || item.file?.name}</p>
      {item.status === 'sending' ? (
        <span class="baton-meta">Sending…</span>
      ) : (
        <span class="baton-meta baton-error" role="alert">
          Not sent: {item.error?.message ?? 'unknown error'}
          {item.error && ` (${item.error.code})`}{' '}
          <button
            type="button"
            class="baton-link"
            data-testid="baton-retry"
            onClick={() => onRetry(item.clientId)}
          >
            Retry
          </button>
        </span>
      )}
    </li>
  );
}

export function Transcript(props: {
  messages: ChatMessage[];
  outbox: OutboxItem[];
  onRetry: (clientId: string) => void;
  fileUrl: WidgetActions['fileUrl'];
}) {
  const { messages, outbox } = props;
  const log = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length, outbox.length]);
  // When something below takes room (the rating prompt, its comment field), the log shrinks:
  // keep the latest message in view, unless the customer scrolled up to read.
  useLayoutEffect(() => {
    const el = log.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    // Judged with the height before the resize: a shrink moves neither scrollTop nor the content.
    let height = el.clientHeight;
    const resized = new ResizeObserver(() => {
      const before = height;
      height = el.clientHeight;
      if (el.scrollHeight - el.scrollTop - before < 8) el.scrollTop = el.scrollHeight;
    });
    resized.observe(el);
    return () => resized.disconnect();
  }, []);

  return (
    <div
      ref={log}
      class="baton-transcript"
      data-testid="baton-transcript"
      role="log"
      aria-live="polite"
      aria-label="Conversation"
      // Focusable, so a keyboard can scroll a long conversation (axe scrollable-region-focusable).
      tabIndex={0}
    >
      <ol class="baton-messages">
        {messages.length === 0 && outbox.length === 0 && (
          <li class="baton-empty">Ask us anything. A person is always one click away.</li>
        )}
        {messages.map((m) => (
          <MessageItem key={m.id} message={m} fileUrl={props.fileUrl} />
        ))}
        {outbox.map((item) => (
          <PendingItem key={item.clientId} item={item} onRetry={props.onRetry} />
        ))}
      </ol>
    </div>
  );
}
