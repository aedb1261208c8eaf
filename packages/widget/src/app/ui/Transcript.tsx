import type { ChatMessage } from '@baton/shared';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { errorText, lang, t } from '../i18n';
import type { OutboxItem } from '../state/outbox';
import { noticeText } from '../state/queueBanner';
import type { WidgetActions } from '../widgetActions';
import { AttachmentView } from './Attachment';

function authorLabel(message: ChatMessage): string | null {
  switch (message.role) {
    case 'customer':
      return t.you;
    case 'assistant':
      return t.assistant;
    case 'agent':
      return message.authorName ?? t.agent;
    case 'system':
      return null;
  }
}

/** The message's time as the shopper's clock reads it, in their language's format, e.g. "14:05". */
export function messageTime(iso: string, locale = lang): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ''
    : d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}

/** "Dana Scully" → "DS": shown when the store set no avatar picture. */
export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

function Avatar({ name, url }: { name: string; url?: string | undefined }) {
  return url ? (
    <img class="baton-avatar" src={url} alt="" />
  ) : (
    <span class="baton-avatar" aria-hidden="true">
      {initials(name)}
    </span>
  );
}

function MessageItem({
  message,
  avatarUrl,
  fileUrl,
}: {
  message: ChatMessage;
  avatarUrl?: string | undefined;
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
      {label && (
        <span class="baton-author">
          {message.role === 'agent' && <Avatar name={label} url={avatarUrl} />}
          {label}
        </span>
      )}
      {/* dir=auto: each message reads in its own direction (an English reply in an Arabic panel). */}
      {message.text && (
        <p class="baton-text" dir="auto">
          {message.notice ? noticeText(message) : message.text}
        </p>
      )}
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
      <span class="baton-author">{t.you}</span>
      <p class="baton-text">{item.text || item.file?.name}</p>
      {item.status === 'sending' ? (
        <span class="baton-meta">{t.sending}</span>
      ) : (
        <span class="baton-meta baton-error" role="alert">
          {t.notSent} {errorText(item.error ?? { code: 'other' })}
          {item.error && ` (${item.error.code})`}{' '}
          <button
            type="button"
            class="baton-link"
            data-testid="baton-retry"
            onClick={() => onRetry(item.clientId)}
          >
            {t.retry}
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
  /** Waiting for a person: the customer's latest message gets one line saying who reads it. */
  queued?: boolean;
  greeting?: string | undefined;
  avatarUrl?: string | undefined;
  fileUrl: WidgetActions['fileUrl'];
}) {
  const { messages, outbox } = props;
  const last = messages.at(-1);
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
      aria-label={t.conversation}
      // Focusable, so a keyboard can scroll a long conversation (axe scrollable-region-focusable).
      tabIndex={0}
    >
      <ol class="baton-messages">
        {messages.length === 0 && outbox.length === 0 && (
          <li class="baton-empty">{props.greeting ?? t.greeting}</li>
        )}
        {messages.map((m) => (
          <MessageItem key={m.id} message={m} avatarUrl={props.avatarUrl} fileUrl={props.fileUrl} />
        ))}
        {props.queued && last?.role === 'customer' && outbox.length === 0 && (
          <li class="baton-note" data-testid="baton-queued-note">
            {t.queuedNote}
          </li>
        )}
        {outbox.map((item) => (
          <PendingItem key={item.clientId} item={item} onRetry={props.onRetry} />
        ))}
      </ol>
    </div>
  );
}
