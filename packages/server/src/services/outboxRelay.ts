import type { OutboxEvent, Store } from '../storage';
import type { Notifier } from './notifier';
import type { QueueService } from './queueService';
import type { TaskTracker } from './taskTracker';

export interface OutboxRelayDeps {
  store: Store;
  notifier: Notifier;
  queues: QueueService;
  tasks: TaskTracker;
  log: { warn: (obj: object, msg: string) => void };
  /** Events older than this are taken by any node's sweep: their writer died before publishing. */
  orphanAgeMs?: number;
  sweepMs?: number;
}

/**
 * Publishes what a transaction wrote. The writer publishes its own events right after commit;
 * a sweep on every node publishes those a crashed writer left behind. Delivery is at least once:
 * clients keep messages by seq and treat status and snapshots as replacements.
 */
export function createOutboxRelay(deps: OutboxRelayDeps) {
  const { store, notifier, queues, tasks, log } = deps;
  let timer: NodeJS.Timeout | null = null;

  async function dispatch(events: OutboxEvent[]): Promise<void> {
    const broadcasts = new Set<string>();
    for (const event of events) {
      switch (event.type) {
        case 'message':
          notifier.customerMessage(event.conversationId, event.message);
          notifier.agentMessage(event.conversationId, event.message);
          break;
        case 'escalated':
          notifier.customerEscalated(event.conversationId, event.event);
          break;
        case 'updated':
          notifier.conversationUpdated(event.conversationId, event.queue);
          break;
        case 'queue':
          broadcasts.add(event.queue);
          break;
        case 'status': {
          const conversation = await store.getConversation(event.conversationId);
          if (conversation) {
            notifier.customerStatus(conversation.id, await queues.status(conversation));
          }
          break;
        }
        case 'access':
          await notifier.revalidateWatchers(event.conversationId);
          break;
      }
    }
    // Once per queue, after the messages: the snapshot and every waiting customer's position.
    for (const queue of broadcasts) if (queues.has(queue)) await queues.broadcast(queue);
  }

  async function sweep(): Promise<void> {
    for (;;) {
      const taken = await store.takeOutbox({ minAgeMs: deps.orphanAgeMs ?? 2_000, limit: 200 });
      if (taken.length > 0) await dispatch(taken.map((t) => t.event));
      if (taken.length < 200) return;
    }
  }

  return {
    /** Publishes (and removes) the given events; called by their writer after commit. */
    async publish(ids: string[]): Promise<void> {
      if (ids.length === 0) return;
      const taken = await store.takeOutbox({ ids });
      await dispatch(taken.map((t) => t.event));
    },
    start(): void {
      timer = setInterval(
        () =>
          void tasks
            .track(sweep())
            .catch((err: unknown) => log.warn({ err }, 'outbox sweep failed')),
        deps.sweepMs ?? 1_000,
      );
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
export type OutboxRelay = ReturnType<typeof createOutboxRelay>;
