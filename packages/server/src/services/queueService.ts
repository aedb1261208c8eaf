import type { QueueSnapshot, QueueStatus, RiskTier } from '@baton/shared';
import type { QueueConfig } from '../config/deployment';
import { formatHours, isOpen } from '../queue/openingHours';
import { buildQueueStatus } from '../queue/queueStatus';
import { estimateWait } from '../queue/waitEstimate';
import type { Conversation, Store } from '../storage';
import type { Clock } from './clock';
import type { Notifier } from './notifier';

const WAIT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
const WAIT_SAMPLES = 20;

export interface QueueServiceDeps {
  store: Store;
  queues: QueueConfig[];
  notifier: Notifier;
  clock: Clock;
  /** First-response SLA in minutes for a tier, from the current policy. */
  slaMinutes: (tier: RiskTier) => number;
  /** The policy's default queue, used when a decision names a queue that is not configured. */
  defaultQueue: () => string;
}

export function createQueueService(deps: QueueServiceDeps) {
  const { store, notifier, clock } = deps;
  const byName = new Map(deps.queues.map((q) => [q.name, q]));

  function config(name: string): QueueConfig {
    const queue = byName.get(name);
    if (!queue) throw new Error(`unknown queue "${name}"`);
    return queue;
  }

  /** A configured queue for any name: the name itself, else the default, else the first queue. */
  function resolveQueue(name: string | null): string {
    if (name && byName.has(name)) return name;
    const fallback = deps.defaultQueue();
    return byName.has(fallback) ? fallback : deps.queues[0]!.name;
  }

  async function snapshot(name: string): Promise<QueueSnapshot> {
    const queue = config(name);
    const [waiting, agentsOnline] = await Promise.all([
      store.listWaiting(name),
      store.countAgentsOnline(name),
    ]);
    const [visitors, pending] = await Promise.all([
      Promise.all(waiting.map((c) => store.getVisitor(c.visitorId))),
      store.countPending(waiting.map((c) => c.id)),
    ]);
    return {
      name,
      displayName: queue.displayName,
      agentsOnline,
      waiting: waiting.map((c, i) => ({
        conversationId: c.id,
        queue: name,
        lane: c.lane,
        unit: c.unit,
        pendingDrafts: pending.get(c.id)?.drafts ?? 0,
        pendingActions: pending.get(c.id)?.actions ?? 0,
        tier: c.tier,
        triggers: c.packet?.triggers.map((t) => t.name) ?? [],
        summary: c.packet?.summary ?? '',
        customerName: visitors[i]?.context.customer?.name ?? visitors[i]?.name ?? null,
        enqueuedAt: (c.enqueuedAt ?? c.createdAt).toISOString(),
        slaDeadline: (c.slaDeadline ?? c.createdAt).toISOString(),
      })),
    };
  }

  async function status(
    conversation: Conversation,
    waitingList?: Conversation[],
  ): Promise<QueueStatus> {
    const now = clock();
    const base = {
      conversationId: conversation.id,
      state: conversation.state,
      emailLeft: conversation.emailLeft !== null,
    };
    if (!conversation.queue || conversation.state === 'bot') {
      return buildQueueStatus({
        ...base,
        queue: null,
        queueName: null,
        position: null,
        agentsOnline: 0,
        estimate: null,
        slaMinutes: null,
        openNow: true,
        openingHours: null,
        agentName: null,
      });
    }
    const queue = config(resolveQueue(conversation.queue));
    const sla = deps.slaMinutes(conversation.tier);
    const [agentsOnline, waiting, waits, agent] = await Promise.all([
      store.countAgentsOnline(queue.name),
      conversation.state === 'queued'
        ? (waitingList ?? store.listWaiting(queue.name))
        : Promise.resolve([]),
      conversation.state === 'queued'
        ? store.recentWaits(queue.name, new Date(now.getTime() - WAIT_WINDOW_MS), WAIT_SAMPLES)
        : Promise.resolve([]),
      conversation.assignedAgentId
        ? store.getAgent(conversation.assignedAgentId)
        : Promise.resolve(null),
    ]);
    const index = waiting.findIndex((c) => c.id === conversation.id);
    return buildQueueStatus({
      ...base,
      queue: queue.name,
      queueName: queue.displayName,
      position: conversation.state === 'queued' && index >= 0 ? index + 1 : null,
      agentsOnline,
      estimate:
        conversation.state === 'queued' ? estimateWait(waits, sla, queue.displayName) : null,
      slaMinutes: sla,
      openNow: isOpen(queue.hours, now),
      openingHours: formatHours(queue.hours),
      agentName: agent?.name ?? null,
    });
  }

  /** Pushes a fresh snapshot to the queue's agents and a fresh status to every waiting customer. */
  async function broadcast(name: string): Promise<void> {
    const snap = await snapshot(name);
    notifier.queueSnapshot(snap);
    const waiting = await store.listWaiting(name);
    const statuses = await Promise.all(waiting.map((c) => status(c, waiting)));
    statuses.forEach((s) => notifier.customerStatus(s.conversationId, s));
  }

  return {
    names: () => [...byName.keys()],
    resolveQueue,
    slaMinutes: deps.slaMinutes,
    has: (name: string) => byName.has(name),
    config,
    snapshot,
    status,
    broadcast,
  };
}
export type QueueService = ReturnType<typeof createQueueService>;
