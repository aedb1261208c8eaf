import type { Decision, OfferEnd } from '@baton/shared';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the gauges read when Prometheus scrapes: the queues as stored, the sockets of this node. */
export interface MetricsSources {
  queues: () => Promise<
    { queue: string; waiting: number; oldestWaitSeconds: number; agentsOnline: number }[]
  >;
  sockets: () => { customer: number; agent: number };
}

/**
 * Baton's Prometheus metrics, one registry per server (so several in one process, as in tests,
 * never mix). Counters and histograms are this node's; scrape every node. Queue gauges read
 * the database at scrape time, so every node reports the same queues.
 */
export function createMetrics() {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'baton' });
  collectDefaultMetrics({ register: registry, prefix: 'baton_' });

  const turns = new Counter({
    name: 'baton_turns_total',
    help: 'Customer turns decided, by the lane decided and each trigger that fired ("none" for none).',
    labelNames: ['lane', 'trigger'] as const,
    registers: [registry],
  });
  const escalations = new Counter({
    name: 'baton_escalations_total',
    help: 'Conversations handed to a person (queued, or their lane raised), by queue and lane.',
    labelNames: ['queue', 'lane'] as const,
    registers: [registry],
  });
  const sla = new Counter({
    name: 'baton_sla_alerts_total',
    help: 'SLA alerts fired by this node: kind="warning" at the alert share, kind="breach" when the SLA lapsed unclaimed.',
    labelNames: ['kind', 'queue'] as const,
    registers: [registry],
  });
  const offers = new Counter({
    name: 'baton_offers_total',
    help: 'Push-routing offers by queue and what became of them: made, accepted, declined, expired (the agent was made away), withdrawn.',
    labelNames: ['queue', 'outcome'] as const,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'baton_errors_total',
    help: 'Failures of the storage or Redis as this node saw them.',
    labelNames: ['component'] as const,
    registers: [registry],
  });
  const claimWait = new Histogram({
    name: 'baton_claim_wait_seconds',
    help: 'Time from queued to claimed, by queue.',
    labelNames: ['queue'] as const,
    buckets: [5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200],
    registers: [registry],
  });
  const events = new Histogram({
    name: 'baton_event_seconds',
    help: 'Socket events from receipt to acknowledgement (a customer message is acked once stored), by namespace and event.',
    labelNames: ['namespace', 'event'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const turnSeconds = new Histogram({
    name: 'baton_turn_seconds',
    help: 'A customer turn from its start (the assistant asked) to its commit.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  let sources: MetricsSources | null = null;
  const queueGauge = (name: string, help: string, pick: (q: QueueRow) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['queue'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const q of (await queueRows()) ?? []) this.set({ queue: q.queue }, pick(q));
      },
    });
  type QueueRow = Awaited<ReturnType<MetricsSources['queues']>>[number];
  // One read per scrape for the three queue gauges.
  let pending: Promise<QueueRow[] | null> | null = null;
  function queueRows(): Promise<QueueRow[] | null> {
    pending ??= (sources?.queues() ?? Promise.resolve(null))
      .catch(() => {
        errors.inc({ component: 'storage' });
        return null;
      })
      .finally(() => setTimeout(() => (pending = null), 0));
    return pending;
  }
  queueGauge('baton_queue_depth', 'Conversations waiting (unclaimed) per queue.', (q) => q.waiting);
  queueGauge(
    'baton_queue_oldest_wait_seconds',
    'How long the longest-waiting conversation of each queue has waited.',
    (q) => q.oldestWaitSeconds,
  );
  queueGauge('baton_agents_online', 'Agents online per queue (any node).', (q) => q.agentsOnline);
  new Gauge({
    name: 'baton_socket_connections',
    help: 'Open sockets on this node, by namespace.',
    labelNames: ['namespace'] as const,
    registers: [registry],
    collect() {
      const counts = sources?.sockets();
      if (!counts) return;
      this.set({ namespace: 'customer' }, counts.customer);
      this.set({ namespace: 'agent' }, counts.agent);
    },
  });

  return {
    registry,
    /** Connects the scrape-time gauges to what they read. */
    attach(from: MetricsSources): void {
      sources = from;
    },
    turn(decision: Decision): void {
      const names = decision.triggers.map((t) => t.name);
      for (const trigger of names.length > 0 ? new Set(names) : ['none']) {
        turns.inc({ lane: decision.lane, trigger });
      }
    },
    escalation(queue: string, lane: string): void {
      escalations.inc({ queue, lane });
    },
    offer(queue: string, outcome: 'made' | OfferEnd): void {
      offers.inc({ queue, outcome });
    },
    slaAlert(kind: 'warning' | 'breach', queue: string): void {
      sla.inc({ kind, queue });
    },
    error(component: 'storage' | 'redis'): void {
      errors.inc({ component });
    },
    claimed(queue: string, waitedMs: number): void {
      claimWait.observe({ queue }, waitedMs / 1000);
    },
    /** Starts timing a socket event; call the result when it is acknowledged. */
    event(namespace: string, event: string): () => void {
      return events.startTimer({ namespace, event });
    },
    turnTook(ms: number): void {
      turnSeconds.observe(ms / 1000);
    },
    async text(): Promise<{ contentType: string; body: string }> {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
