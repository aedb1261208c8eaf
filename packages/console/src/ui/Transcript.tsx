import type { ChatMessage } from '@baton/shared';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { authorOf } from '../state/messages';
import type { Result } from '../connection/result';
import type { OutgoingReply } from '../state/outbox';
import { clockTime } from '../state/time';
import { AttachmentView } from './AttachmentView';

interface TranscriptProps {
  messages: ChatMessage[];
  outbox: OutgoingReply[];
  customerName: string | null;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
  /** An object URL of an attachment's bytes. */
  loadAttachment: (id: string) => Promise<Result<string>>;
}

/** Distance from the bottom (px) under which new messages keep the view pinned to the end. */
const PIN_THRESHOLD = 80;

/** The whole conversation, live; customer, assistant, agent and system messages look different. */
export function Transcript({
  messages,
  outbox,
  customerName,
  onRetry,
  onDiscard,
  loadAttachment,
}: TranscriptProps) {
  const scroller = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  const sentBefore = useRef(outbox.length);

  useLayoutEffect(() => {
    const el = scroller.current;
    // Follow new messages when the agent is at the end, and always after they send one.
    const justSent = outbox.length > sentBefore.current;
    sentBefore.current = outbox.length;
    if (el && (pinned.current || justSent)) el.scrollTop = el.scrollHeight;
  }, [messages.length, outbox.length]);

  return (
    <section class="card transcript" data-testid="transcript" aria-label="Transcript">
      <header class="card-head">
        <h2>Transcript</h2>
        <span class="muted small">{messages.length} messages</span>
      </header>
      <ol
        class="messages"
        ref={scroller}
        aria-live="polite"
        onScroll={(e) => {
          const el = e.currentTarget;
          pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < PIN_THRESHOLD;
        }}
      >
        {messages.length === 0 && outbox.length === 0 && (
          <li class="muted messages-empty">No messages yet.</li>
        )}
        {messages.map((message) => (
          <li
            key={message.id}
            class={`msg msg--${message.role}`}
            data-testid="transcript-message"
            data-role={message.role}
            data-seq={message.seq}
          >
            <div class="msg-meta">
              <span class="msg-author">{authorOf(message, customerName)}</span>
              <time dateTime={message.createdAt} title={message.createdAt}>
                {clockTime(message.createdAt)}
              </time>
            </div>
            {message.text && <p class="msg-text">{message.text}</p>}
            {message.attachments?.map((file) => (
              <AttachmentView key={file.id} file={file} load={loadAttachment} />
            ))}
          </li>
        ))}
        {outbox.map((reply) => (
          <li
            key={reply.clientId}
            class={`msg msg--agent msg--pending${reply.status === 'failed' ? ' msg--failed' : ''}`}
            data-testid="transcript-pending"
            data-role="agent"
            data-status={reply.status}
          >
            <div class="msg-meta">
              <span class="msg-author">You</span>
              <span>
                {reply.status === 'sending'
                  ? reply.attempts > 1
                    ? `Sending… (attempt ${reply.attempts})`
                    : 'Sending…'
                  : 'Not delivered'}
              </span>
            </div>
            <p class="msg-text">{reply.text || reply.file?.name}</p>
            {reply.status === 'failed' && (
              <div class="msg-failure">
                <span>{reply.error}</span>
                <button
                  type="button"
                  class="btn btn-small"
                  data-testid="reply-retry"
                  onClick={() => onRetry(reply.clientId)}
                >
                  Retry
                </button>
                <button
                  type="button"
                  class="btn btn-ghost btn-small"
                  onClick={() => onDiscard(reply.clientId)}
                >
                  Discard
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
