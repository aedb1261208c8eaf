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

/** How long a taken event is held before another taker may try it again. */
const HOLD_MS = 10_000;
const SWEEP_BATCH = 200;

/**
 * Publishes what a transaction wrote. The writer publishes its own events right after commit;
 * a sweep on every node publishes those a crashed (or failed) writer left behind. An event is
 * deleted only once delivered, so delivery is at least once: clients keep messages by seq and
 * treat statuses and snapshots as replacements. Access checks go first, so an agent who lost
 * access to a conversation is out of its feed before that turn's messages are sent.
 */
export function createOutboxRelay(deps: OutboxRelayDeps) {
  const { store, notifier, queues, tasks, log } = deps;
  let timer: NodeJS.Timeout | null = null;
  const deleteDelivered = coalesced((ids) => store.deleteOutbox(ids));

  async function deliver(event: OutboxEvent): Promise<void> {
    switch (event.type) {
      case 'message':
        notifier.customerMessage(event.conversationId, event.message);
        notifier.agentMessage(event.conversationId, event.message);
        return;
      case 'escalated':
        notifier.customerEscalated(event.conversationId, event.event);
        return;
      case 'updated':
        notifier.conversationUpdated(event.conversationId, event.queue);
        return;
      case 'queue':
        if (queues.has(event.queue)) await queues.broadcast(event.queue);
        return;
      case 'status': {
        const conversation = await store.getConversation(event.conversationId);
        if (conversation) {
          notifier.customerStatus(conversation.id, await queues.status(conversation));
        }
        return;
      }
      case 'access':
        await notifier.revalidateWatchers(event.conversationId);
        return;
      case 'sla':
        notifier.slaAlert(event.alert);
        return;
      case 'offer':
        notifier.offerMade(event.agentId, event.offer);
        return;
      case 'offerClosed':
        notifier.offerClosed(event.agentId, {
          offerId: event.offerId,
          conversationId: event.conversationId,
          reason: event.reason,
        });
        return;
      case 'away':
        notifier.agentAway(event.agentId);
        return;
    }
  }

  /** Delivers taken events; those that fail stay in the outbox for a later sweep. */
  async function dispatch(taken: { id: string; event: OutboxEvent }[]): Promise<void> {
    const rank = (e: OutboxEvent) => (e.type === 'access' ? 0 : e.type === 'queue' ? 2 : 1);
    // Access first; queue broadcasts last and once per queue (they read the state as it is now).
    const ordered = [...taken].sort((a, b) => rank(a.event) - rank(b.event));
    const done: string[] = [];
    const broadcast = new Map<string, Promise<void>>();
    for (const { id, event } of ordered) {
      try {
        if (event.type === 'queue') {
          const once = broadcast.get(event.queue) ?? deliver(event);
          broadcast.set(event.queue, once);
          await once;
        } else {
          await deliver(event);
        }
        done.push(id);
      } catch (err) {
        log.warn({ err, event: event.type }, 'outbox event not delivered; it will be retried');
        // Nothing after a failed access check may go out: it could reach the wrong agent.
        if (event.type === 'access') break;
      }
    }
    await deleteDelivered(done);
  }

  async function sweep(): Promise<void> {
    for (;;) {
      const taken = await store.claimOutbox(
        { minAgeMs: deps.orphanAgeMs ?? 2_000, limit: SWEEP_BATCH },
        HOLD_MS,
      );
      if (taken.length > 0) await dispatch(taken);
      if (taken.length < SWEEP_BATCH) return;
    }
  }

  return {
    /**
     * Runs `events` in a transaction that stores what it returns in the outbox (taken by this
     * node for `holdMs`), then delivers them after commit. A crash in between leaves them to any
     * node's sweep. Returns the events committed.
     */
    async commit(
      events: (tx: Store) => Promise<OutboxEvent[]>,
      holdMs: number,
    ): Promise<OutboxEvent[]> {
      const taken = await store.transaction(async (tx) => {
        const list = await events(tx);
        const ids = list.length > 0 ? await tx.addOutbox(list, holdMs) : [];
        return ids.map((id, i) => ({ id, event: list[i]! }));
      });
      if (taken.length > 0) await dispatch(taken);
      return taken.map((t) => t.event);
    },
    /**
     * Delivers events their writer stored already taken (`addOutbox` with a hold), right after
     * its commit.
     */
    async deliverTaken(taken: { id: string; event: OutboxEvent }[]): Promise<void> {
      if (taken.length > 0) await dispatch(taken);
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

/**
 * One DELETE for many deliveries: ids handed in while a DELETE runs go out together in the next
 * one, so under load the turns of many conversations share a round trip. Each caller's promise
 * settles with the DELETE that carried its ids.
 */
export function coalesced(
  remove: (ids: string[]) => Promise<void>,
): (ids: string[]) => Promise<void> {
  let queued: string[] = [];
  let next: Promise<void> | null = null;
  let previous: Promise<void> = Promise.resolve();
  return (ids) => {
    if (ids.length === 0) return Promise.resolve();
    queued.push(...ids);
    if (!next) {
      next = previous.then(() => {
        const batch = queued;
        queued = [];
        next = null;
        return remove(batch);
      });
      previous = next.catch(() => undefined);
    }
    return next;
  };
}
