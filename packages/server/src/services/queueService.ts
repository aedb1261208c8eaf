import type { QueueSnapshot, QueueStatus, RiskTier } from '@baton/shared';
import type { QueueConfig } from '../config/deployment';
import { formatHours, isOpen } from '../queue/openingHours';
import { buildQueueStatus } from '../queue/queueStatus';
import { estimateWait } from '../queue/waitEstimate';
import type { Conversation, Store, WaitingEntry } from '../storage';
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
  /** Called when a queue's state changed here (push routing looks at it again). */
  changed?: (queue: string) => void;
  log?: { error: (obj: object, msg: string) => void };
}

/** A node remembers this many queued stays whose first estimate it already stored. */
const RECORDED_STAYS_KEPT = 10_000;

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

  /** What every status and snapshot of one queue shares, read once. */
  interface QueueView {
    waiting: WaitingEntry[];
    agentsOnline: number;
    waits: number[];
  }

  async function view(name: string, now: Date): Promise<QueueView> {
    const [waiting, agentsOnline, waits] = await Promise.all([
      store.listWaitingEntries(name),
      store.countAgentsOnline(name),
      store.recentWaits(name, new Date(now.getTime() - WAIT_WINDOW_MS), WAIT_SAMPLES),
    ]);
    return { waiting, agentsOnline, waits };
  }

  function snapshotOf(name: string, { waiting, agentsOnline }: QueueView): QueueSnapshot {
    return {
      name,
      displayName: config(name).displayName,
      agentsOnline,
      waiting: waiting.map((c) => ({
        conversationId: c.id,
        queue: name,
        lane: c.lane,
        unit: c.unit,
        pendingDrafts: c.pendingDrafts,
        pendingActions: c.pendingActions,
        tier: c.tier,
        triggers: c.triggers,
        summary: c.summary,
        customerName: c.customerName,
        enqueuedAt: (c.enqueuedAt ?? c.createdAt).toISOString(),
        slaDeadline: (c.slaDeadline ?? c.createdAt).toISOString(),
        replyByEmail: c.emailLeft !== null,
        offeredTo: c.offeredTo,
      })),
    };
  }

  // The first estimate each queued stay was shown, for the scorecard's wait-estimate accuracy.
  // Stored before the status goes out; ON CONFLICT keeps the first across nodes, and this node
  // skips the write for stays it already stored.
  const recorded = new Set<string>();
  const stayKey = (id: string, enqueuedAt: Date) => `${id}@${enqueuedAt.getTime()}`;
  async function recordShown(
    queue: string,
    shown: { id: string; enqueuedAt: Date | null; status: QueueStatus }[],
    now: Date,
  ): Promise<void> {
    const byEstimate = new Map<string, { minutes: number; basis: string; ids: string[] }>();
    const keys: string[] = [];
    for (const { id, enqueuedAt, status } of shown) {
      const estimate = status.estimate;
      if (!estimate || !enqueuedAt || status.state !== 'queued') continue;
      const key = stayKey(id, enqueuedAt);
      if (recorded.has(key)) continue;
      keys.push(key);
      const group = `${estimate.minutes}\n${estimate.basis}`;
      const entry = byEstimate.get(group) ?? { ...estimate, ids: [] };
      entry.ids.push(id);
      byEstimate.set(group, entry);
    }
    if (keys.length === 0) return;
    try {
      for (const { minutes, basis, ids } of byEstimate.values()) {
        await store.recordWaitEstimates({ conversationIds: ids, queue, minutes, basis, now });
      }
      if (recorded.size + keys.length > RECORDED_STAYS_KEPT) recorded.clear();
      for (const key of keys) recorded.add(key);
    } catch (err) {
      // The customer still gets the status; only the scorecard misses this estimate.
      deps.log?.error({ err, queue }, 'shown wait estimate not recorded');
    }
  }

  async function snapshot(name: string): Promise<QueueSnapshot> {
    return snapshotOf(name, await view(name, clock()));
  }

  const NOT_QUEUED = {
    queue: null,
    queueName: null,
    position: null,
    agentsOnline: 0,
    estimate: null,
    slaMinutes: null,
    openNow: true,
    openingHours: null,
    agentName: null,
  };

  /** A status from what was read; `position` is the conversation's place in `view.waiting`. */
  function statusFrom(
    conversation: Pick<Conversation, 'id' | 'state' | 'tier' | 'emailLeft' | 'slaBreachedAt'>,
    queueName: string,
    shared: QueueView,
    position: number | null,
    agentName: string | null,
    now: Date,
  ): QueueStatus {
    // Ahead of it, those that came in later: it moved back, and the banner says why.
    const mine = position === null ? undefined : shared.waiting[position - 1]?.enqueuedAt;
    const passedBy = mine
      ? shared.waiting
          .slice(0, position! - 1)
          .filter((c) => c.enqueuedAt !== null && c.enqueuedAt > mine).length
      : 0;
    const queue = config(queueName);
    const sla = deps.slaMinutes(conversation.tier);
    const queued = conversation.state === 'queued';
    return buildQueueStatus({
      conversationId: conversation.id,
      state: conversation.state,
      emailLeft: conversation.emailLeft !== null,
      queue: queue.name,
      queueName: queue.displayName,
      position: queued ? position : null,
      passedBy: queued ? passedBy : 0,
      agentsOnline: shared.agentsOnline,
      estimate: queued ? estimateWait(shared.waits, sla, queue.displayName) : null,
      slaMinutes: sla,
      openNow: isOpen(queue.hours, now),
      openingHours: formatHours(queue.hours),
      agentName,
      overdue: queued && conversation.slaBreachedAt !== null,
    });
  }

  async function status(conversation: Conversation): Promise<QueueStatus> {
    const now = clock();
    if (!conversation.queue || conversation.state === 'bot') {
      return buildQueueStatus({
        conversationId: conversation.id,
        state: conversation.state,
        emailLeft: conversation.emailLeft !== null,
        overdue: false,
        ...NOT_QUEUED,
      });
    }
    const name = resolveQueue(conversation.queue);
    const queued = conversation.state === 'queued';
    // Waiting: the same reads as a broadcast; otherwise only who is online.
    const [shared, agent] = await Promise.all([
      queued
        ? view(name, now)
        : store
            .countAgentsOnline(name)
            .then((agentsOnline): QueueView => ({ waiting: [], agentsOnline, waits: [] })),
      conversation.assignedAgentId
        ? store.getAgent(conversation.assignedAgentId)
        : Promise.resolve(null),
    ]);
    const index = shared.waiting.findIndex((c) => c.id === conversation.id);
    const result = statusFrom(
      conversation,
      name,
      shared,
      index >= 0 ? index + 1 : null,
      agent?.name ?? null,
      now,
    );
    await recordShown(
      name,
      [{ id: conversation.id, enqueuedAt: conversation.enqueuedAt, status: result }],
      now,
    );
    return result;
  }

  /**
   * Pushes a fresh snapshot to the queue's agents and a fresh status to every waiting customer:
   * the queue is read once (a fixed number of queries, whatever its length). Broadcasts of one
   * queue are coalesced: while one runs, any number of further requests share a single rerun,
   * which reads the state as it is after all of them.
   */
  async function broadcastNow(name: string): Promise<void> {
    const now = clock();
    const shared = await view(name, now);
    notifier.queueSnapshot(snapshotOf(name, shared));
    const shown = shared.waiting.map((c, i) => ({
      id: c.id,
      enqueuedAt: c.enqueuedAt,
      status: statusFrom(c, name, shared, i + 1, null, now),
    }));
    await recordShown(name, shown, now);
    for (const { id, status } of shown) notifier.customerStatus(id, status);
  }

  const inflight = new Map<string, Promise<void>>();
  const rerun = new Map<string, Promise<void>>();
  function start(name: string): Promise<void> {
    const run: Promise<void> = broadcastNow(name).finally(() => {
      if (inflight.get(name) === run) inflight.delete(name);
    });
    inflight.set(name, run);
    return run;
  }
  function broadcast(name: string): Promise<void> {
    deps.changed?.(name);
    const queued = rerun.get(name);
    if (queued) return queued;
    const current = inflight.get(name);
    if (!current) return start(name);
    const next = current
      .catch(() => undefined)
      .then(() => {
        rerun.delete(name);
        return start(name);
      });
    rerun.set(name, next);
    return next;
  }

  return {
    names: () => [...byName.keys()],
    /** Every configured queue. */
    all: (): QueueConfig[] => [...byName.values()],
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
