/**
 * The transcript is the server's messages ordered by `seq`. Merging is idempotent: a message
 * seen twice (ack + broadcast, or replayed after a reconnect) appears once.
 */
import type { ChatMessage } from '@baton/shared';

/** Merges `incoming` into `existing`; returns `existing` itself when nothing new arrived. */
export function mergeMessages(existing: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const bySeq = new Map<number, ChatMessage>();
  const ids = new Set<string>();
  for (const message of existing) {
    bySeq.set(message.seq, message);
    ids.add(message.id);
  }
  let added = false;
  for (const message of incoming) {
    if (ids.has(message.id) || bySeq.has(message.seq)) continue;
    bySeq.set(message.seq, message);
    ids.add(message.id);
    added = true;
  }
  if (!added) return existing;
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The messages of `after` that `before` did not have. */
export function newMessages(before: ChatMessage[], after: ChatMessage[]): ChatMessage[] {
  if (before === after) return [];
  const known = new Set(before.map((m) => m.id));
  return after.filter((m) => !known.has(m.id));
}

/**
 * Highest seq n such that 1..n are all held. Sent as `lastSeq` so the server fills any gap
 * instead of the client skipping over it.
 */
export function contiguousSeq(messages: ChatMessage[]): number {
  let expected = 1;
  for (const message of messages) {
    if (message.seq < expected) continue;
    if (message.seq !== expected) break;
    expected += 1;
  }
  return expected - 1;
}

/** True when the transcript has a hole, i.e. messages were missed and a `sync` is needed. */
export function hasGap(messages: ChatMessage[]): boolean {
  const last = messages[messages.length - 1];
  return last !== undefined && contiguousSeq(messages) < last.seq;
}
