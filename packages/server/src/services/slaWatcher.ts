import { systemMessage } from './notices';
import type { SlaAlert } from '@baton/shared';
import type { OutboxEvent, SlaDue, Store } from '../storage';
import type { Clock } from './clock';
import type { Metrics } from './metrics';
import type { OutboxRelay } from './outboxRelay';
import type { QueueService } from './queueService';
import type { TaskTracker } from './taskTracker';

export interface SlaWatcherDeps {
  queues: QueueService;
  relay: OutboxRelay;
  tasks: TaskTracker;
  clock: Clock;
  log: { warn: (obj: object, msg: string) => void };
  /** The agent a queue's owner is, if any (alerted of breaches wherever they work). */
  ownerAgentId: (owner: string) => string | null;
  metrics?: Pick<Metrics, 'slaAlert'>;
  /** How often every node looks for due timers (default 5 s). */
  sweepMs?: number;
}

/** Conversations handled per sweep and kind; the rest wait for the next sweep. */
const BATCH = 100;
/** How long the sweeping node holds its own events before any node's relay may send them. */
const OWN_EVENTS_HOLD_MS = 3_000;

/**
 * SLAs that act. Every node sweeps the stored timers: a conversation still unclaimed at its
 * queue's `slaAlertAt` share of the SLA alerts that queue's agents; at the deadline it is marked
 * breached (recorded for the scorecard), moved to the queue's `fallback` if one is set (keeping
 * its deadline, so it waits first there), its queue's owner and agents are alerted, and the
 * customer is told honestly that the wait is longer than promised, with the email option. The
 * marks are conditional updates in the same transaction as the outbox events, so each alert
 * fires once whichever node sweeps first, and a crash after the commit leaves the events to any
 * node's relay.
 */
export function createSlaWatcher(deps: SlaWatcherDeps) {
  const { queues, relay, tasks, clock, log } = deps;
  let timer: NodeJS.Timeout | null = null;

  function alertOf(kind: SlaAlert['kind'], due: SlaDue): SlaAlert {
    const config = queues.config(due.queue);
    const from = queues.config(queues.resolveQueue(due.fromQueue));
    return {
      id: `${due.conversationId}:${due.episode}:${kind}`,
      kind,
      conversationId: due.conversationId,
      queue: due.queue,
      queueName: config.displayName,
      fromQueue: due.fromQueue,
      fromQueueName: from.displayName,
      owner: from.owner,
      ownerAgentId: deps.ownerAgentId(from.owner),
      tier: due.tier,
      enqueuedAt: due.enqueuedAt.toISOString(),
      slaDeadline: due.slaDeadline.toISOString(),
    };
  }

  /** Writes the events with what made them, then delivers them (and counts the alerts). */
  async function commit(events: (tx: Store) => Promise<OutboxEvent[]>): Promise<void> {
    const committed = await relay.commit(events, OWN_EVENTS_HOLD_MS);
    for (const event of committed) {
      if (event.type === 'sla') deps.metrics?.slaAlert(event.alert.kind, event.alert.fromQueue);
    }
  }

  /** One sweep: warnings first, then breaches. Returns how many of each fired here. */
  async function sweep(): Promise<{ warned: number; breached: number }> {
    const now = clock();
    const configured = queues.all();
    let warned = 0;
    let breached = 0;
    await commit(async (tx) => {
      const shares = Object.fromEntries(configured.map((q) => [q.name, q.slaAlertAt]));
      const due = await tx.takeSlaWarnings(now, shares, BATCH);
      warned = due.length;
      return due.map((d) => ({ type: 'sla', alert: alertOf('warning', d) }) as const);
    });
    await commit(async (tx) => {
      const fallbacks = Object.fromEntries(
        configured.flatMap((q) => (q.fallback ? [[q.name, q.fallback]] : [])),
      );
      const due = await tx.takeSlaBreaches(now, fallbacks, BATCH);
      breached = due.length;
      const events: OutboxEvent[] = [];
      for (const d of due) {
        const team = queues.config(d.queue).displayName;
        const { message } = await tx.appendMessage({
          conversationId: d.conversationId,
          ...systemMessage('sla_breach', { team, emailLeft: d.emailLeft !== null }),
          now,
        });
        events.push({ type: 'message', conversationId: d.conversationId, message });
        events.push({ type: 'sla', alert: alertOf('breach', d) });
        events.push({ type: 'status', conversationId: d.conversationId });
        events.push({ type: 'queue', queue: d.queue });
        if (d.fromQueue !== d.queue) {
          events.push({ type: 'queue', queue: d.fromQueue });
          events.push({ type: 'access', conversationId: d.conversationId });
        }
      }
      return events;
    });
    return { warned, breached };
  }

  return {
    sweep,
    start(): void {
      const tick = () =>
        void tasks.track(sweep()).catch((err: unknown) => log.warn({ err }, 'SLA sweep failed'));
      tick();
      timer = setInterval(tick, deps.sweepMs ?? 5_000);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
export type SlaWatcher = ReturnType<typeof createSlaWatcher>;
