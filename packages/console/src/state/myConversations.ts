import type { ConversationDetail, QueueSnapshot, WaitingConversation } from '@baton/shared';
import { pendingCounts } from './drafts';
import type { MyConversation } from './sessionStore';

export function findWaiting(
  queues: readonly QueueSnapshot[],
  conversationId: string,
): WaitingConversation | undefined {
  for (const queue of queues) {
    const hit = queue.waiting.find((w) => w.conversationId === conversationId);
    if (hit) return hit;
  }
  return undefined;
}

/** Drops a conversation from every queue's waiting list (it was just claimed by someone). */
export function withoutWaiting(queues: QueueSnapshot[], conversationId: string): QueueSnapshot[] {
  if (!findWaiting(queues, conversationId)) return queues;
  return queues.map((queue) => ({
    ...queue,
    waiting: queue.waiting.filter((w) => w.conversationId !== conversationId),
  }));
}

/** The "My conversations" entry for a claimed conversation, from its detail and queue listing. */
export function toMyConversation(
  detail: ConversationDetail,
  waiting: WaitingConversation | undefined,
  claimedAt: string,
): MyConversation {
  const customerName = waiting?.customerName ?? detail.packet?.context.customer?.name ?? null;
  return {
    conversationId: detail.id,
    queue: detail.queue ?? waiting?.queue ?? null,
    tier: detail.packet?.tier ?? waiting?.tier ?? null,
    summary: detail.packet?.summary ?? waiting?.summary ?? '',
    customerName: typeof customerName === 'string' ? customerName : null,
    state: detail.state,
    lane: detail.lane,
    ...pendingCounts(detail),
    claimedAt,
    unread: 0,
  };
}

/** Inserts or updates by id; newest claims first. */
export function upsertMine(
  list: readonly MyConversation[],
  entry: MyConversation,
): MyConversation[] {
  const index = list.findIndex((c) => c.conversationId === entry.conversationId);
  if (index === -1) return [entry, ...list];
  return list.map((c, i) => (i === index ? entry : c));
}

export function patchMine(
  list: readonly MyConversation[],
  conversationId: string,
  patch: Partial<Omit<MyConversation, 'conversationId'>>,
): MyConversation[] {
  return list.map((c) => (c.conversationId === conversationId ? { ...c, ...patch } : c));
}

/**
 * Applies a `queues:update`: each snapshot replaces the queue of the same name, a new name is
 * appended, and queues not mentioned stay as they were.
 */
export function mergeQueues(
  current: readonly QueueSnapshot[],
  updates: readonly QueueSnapshot[],
): QueueSnapshot[] {
  const byName = new Map(updates.map((q) => [q.name, q]));
  const merged = current.map((q) => byName.get(q.name) ?? q);
  const known = new Set(current.map((q) => q.name));
  return [...merged, ...updates.filter((q) => !known.has(q.name))];
}

/**
 * Reconciles "My conversations" with the server's list of what this agent owns (sent in `hello`):
 * owned ones missing here are added (details follow from `conversation:get`), open ones the
 * server no longer lists are dropped; resolved ones stay for reference.
 */
export function reconcileMine(
  list: readonly MyConversation[],
  assigned: readonly { conversationId: string; queue: string }[],
  claimedAt: string,
): MyConversation[] {
  const owned = new Set(assigned.map((a) => a.conversationId));
  const kept = list.filter((c) => c.state === 'resolved' || owned.has(c.conversationId));
  const present = new Set(kept.map((c) => c.conversationId));
  const added = assigned
    .filter((a) => !present.has(a.conversationId))
    .map((a): MyConversation => ({
      conversationId: a.conversationId,
      queue: a.queue,
      tier: null,
      summary: '',
      customerName: null,
      state: 'assigned',
      lane: null,
      pendingDrafts: 0,
      pendingActions: 0,
      claimedAt,
      unread: 0,
    }));
  const result = [...added, ...kept];
  const unchanged = result.length === list.length && result.every((c, i) => c === list[i]);
  return unchanged ? (list as MyConversation[]) : result;
}
