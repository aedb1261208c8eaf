import type { ChatMessage } from '@baton/shared';

/**
 * Merges messages into a transcript ordered by `seq`. A message already present (same id, or the
 * same seq) is kept once, the incoming copy winning. Returns `existing` itself when nothing
 * changed, so a re-render can be skipped.
 */
export function mergeMessages(
  existing: readonly ChatMessage[],
  incoming: readonly ChatMessage[],
): ChatMessage[] {
  if (incoming.length === 0) return existing as ChatMessage[];
  const bySeq = new Map<number, ChatMessage>();
  for (const message of existing) bySeq.set(message.seq, message);
  let changed = false;
  for (const message of incoming) {
    const current = bySeq.get(message.seq);
    if (current && sameMessage(current, message)) continue;
    if (!current) {
      // The same id under another seq would be a server bug; keep one copy, the newer.
      for (const [seq, other] of bySeq) if (other.id === message.id) bySeq.delete(seq);
    }
    bySeq.set(message.seq, message);
    changed = true;
  }
  if (!changed) return existing as ChatMessage[];
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function sameMessage(a: ChatMessage, b: ChatMessage): boolean {
  return a.id === b.id && a.text === b.text && a.role === b.role && a.authorName === b.authorName;
}

/** True when the ordered transcript skips a seq, i.e. a live event was missed and a refetch is due. */
export function hasGap(messages: readonly ChatMessage[]): boolean {
  for (let i = 1; i < messages.length; i++) {
    if (messages[i]!.seq !== messages[i - 1]!.seq + 1) return true;
  }
  return false;
}

export function lastSeq(messages: readonly ChatMessage[]): number {
  return messages.at(-1)?.seq ?? 0;
}

/** Count of customer messages after `seq`: the unread badge of a conversation not on screen. */
export function customerMessagesAfter(messages: readonly ChatMessage[], seq: number): number {
  return messages.filter((m) => m.seq > seq && m.role === 'customer').length;
}

const ROLE_NAMES: Record<ChatMessage['role'], string> = {
  customer: 'Customer',
  assistant: 'Assistant',
  agent: 'Agent',
  system: 'System',
};

/** Who wrote a message, as the transcript shows it. */
export function authorOf(message: ChatMessage, customerName?: string | null): string {
  if (message.role === 'agent') return message.authorName ?? ROLE_NAMES.agent;
  if (message.role === 'customer') return customerName || ROLE_NAMES.customer;
  return ROLE_NAMES[message.role];
}

/** The transcript as plain text, one message per paragraph: the downloadable copy. */
export function transcriptToText(
  messages: readonly ChatMessage[],
  customerName?: string | null,
): string {
  return messages
    .map((m) => {
      const files = m.attachments?.map((a) => `[attached: ${a.name} (${a.mime})]`) ?? [];
      const body = [m.text, ...files].filter(Boolean).join(' ');
      return `[${m.createdAt}] #${m.seq} ${authorOf(m, customerName)}:\n${body}`;
    })
    .join('\n\n');
}
