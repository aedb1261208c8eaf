/**
 * Customer messages the server has not confirmed yet. Each keeps its clientId for life, so
 * retries (automatic after a timeout, or the Retry button after an error) are idempotent.
 */
import type { AckError, ChatMessage } from '@baton/shared';

export type OutboxStatus = 'sending' | 'failed';

export interface OutboxItem {
  clientId: string;
  text: string;
  /** A file to send: uploaded first (once), then sent as the message's attachment. */
  file?: File;
  /** The uploaded file's id, once the upload succeeded. */
  attachments?: string[];
  status: OutboxStatus;
  /** What went wrong, shown inline next to the message. */
  error: { code: string; message: string } | null;
}

export function addToOutbox(
  outbox: OutboxItem[],
  clientId: string,
  text: string,
  file?: File,
): OutboxItem[] {
  return [...outbox, { clientId, text, status: 'sending', error: null, ...(file && { file }) }];
}

export function setOutboxStatus(
  outbox: OutboxItem[],
  clientId: string,
  status: OutboxStatus,
  error: AckError | { code: string; message: string } | null = null,
): OutboxItem[] {
  return outbox.map((item) =>
    item.clientId === clientId
      ? { ...item, status, error: error && { code: error.code, message: error.message } }
      : item,
  );
}

/** Drops the items the server has confirmed (its message carries the same clientId). */
export function reconcileOutbox(outbox: OutboxItem[], messages: ChatMessage[]): OutboxItem[] {
  if (outbox.length === 0) return outbox;
  const confirmed = new Set(messages.map((m) => m.clientId).filter((id) => id !== null));
  const remaining = outbox.filter((item) => !confirmed.has(item.clientId));
  return remaining.length === outbox.length ? outbox : remaining;
}
