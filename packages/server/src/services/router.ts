import { randomUUID } from 'node:crypto';
import { detectLanguage } from '@baton/escalation';
import type { Offer, RoutingMode } from '@baton/shared';
import type { OutboxEvent, RoutingAgent, RoutingCandidate, StoredOffer, Store } from '../storage';
import type { Clock } from './clock';
import type { Metrics } from './metrics';
import type { OutboxRelay } from './outboxRelay';
import type { QueueService } from './queueService';
import type { TaskTracker } from './taskTracker';

export interface RouterDeps {
  queues: QueueService;
  relay: OutboxRelay;
  tasks: TaskTracker;
  clock: Clock;
  log: { warn: (obj: object, msg: string) => void };
  /** The knowledge-base domain of an intent (an agent's `skills` name domains). */
  domainOf: (intent: string) => string | null;
  /** How often every node routes and expires offers (default 1 s). */
  sweepMs?: number;
  metrics?: Pick<Metrics, 'offer'>;
}

/** What a conversation asks of the agent it is offered to. */
export interface RoutingNeed {
  /** The language the customer writes in; null when it could not be told. */
  language: string | null;
  /** The business domain it is about; null when unknown. */
  domain: string | null;
}

/** Conversations looked at per step; the rest wait for the next one. */
const BATCH = 50;
/** Customer messages read to tell the language. */
const LANGUAGE_SAMPLE = 3;
/** Below this detection confidence the language does not restrict who is offered. */
const LANGUAGE_CONFIDENCE = 0.1;
/** How long the routing node holds its own events before any node's relay may send them. */
const OWN_EVENTS_HOLD_MS = 3_000;

/** The language of the customer's words, when it can be told with some confidence. */
export function languageOf(text: string): string | null {
  if (text.trim().length < 12) return null;
  const detected = detectLanguage(text);
  return detected.language !== null && detected.confidence >= LANGUAGE_CONFIDENCE
    ? detected.language
    : null;
}

/** An agent may be offered the conversation: a member with room who speaks and handles it. */
export function eligible(
  agent: RoutingAgent,
  candidate: Pick<RoutingCandidate, 'queue' | 'offeredBefore'>,
  need: RoutingNeed,
): boolean {
  return (
    agent.queues.includes(candidate.queue) &&
    agent.load < agent.capacity &&
    !candidate.offeredBefore.includes(agent.id) &&
    (need.language === null ||
      agent.languages === null ||
      agent.languages.includes(need.language)) &&
    (need.domain === null || agent.skills === null || agent.skills.includes(need.domain))
  );
}

const lastOffered = (a: RoutingAgent) => a.lastOfferedAt?.getTime() ?? -Infinity;

/**
 * The agent to offer the conversation to, or null when none may take it now. `round_robin`:
 * whoever was offered work longest ago (never first). `least_busy`: the fewest open
 * conversations and pending offers, then as round robin. Ties go to the smaller id.
 */
export function pickAgent(
  mode: Exclude<RoutingMode, 'pull'>,
  candidate: Pick<RoutingCandidate, 'queue' | 'offeredBefore'>,
  agents: RoutingAgent[],
  need: RoutingNeed,
): RoutingAgent | null {
  const pool = agents.filter((a) => eligible(a, candidate, need));
  pool.sort(
    (a, b) =>
      (mode === 'least_busy' ? a.load - b.load : 0) ||
      lastOffered(a) - lastOffered(b) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return pool[0] ?? null;
}

/**
 * Push routing (`round_robin`, `least_busy`). Every node runs a routing step each second and
 * whenever a queue changes here. A step, in one transaction under one lock for all nodes:
 * expires offers left unanswered (their agents become away; their other offers are withdrawn),
 * withdraws offers whose conversation left the queue or whose agent is gone, then offers each
 * waiting conversation without an offer to one eligible agent. Events go out through the outbox,
 * so a crash after the commit loses none.
 */
export function createRouter(deps: RouterDeps) {
  const { queues, relay, tasks, clock, log } = deps;
  let timer: NodeJS.Timeout | null = null;

  const pushQueues = () => queues.all().filter((q) => q.routing !== 'pull');

  function offerOf(offer: StoredOffer, c: RoutingCandidate): Offer {
    return {
      id: offer.id,
      conversationId: offer.conversationId,
      queue: offer.queue,
      queueName: queues.config(offer.queue).displayName,
      tier: c.tier,
      summary: c.summary,
      customerName: c.customerName,
      language: offer.language,
      offeredAt: offer.offeredAt.toISOString(),
      expiresAt: offer.expiresAt.toISOString(),
    };
  }

  const closed = (o: StoredOffer, reason: 'expired' | 'withdrawn'): OutboxEvent => ({
    type: 'offerClosed',
    agentId: o.agentId,
    offerId: o.id,
    conversationId: o.conversationId,
    queue: o.queue,
    reason,
  });

  async function route(tx: Store): Promise<OutboxEvent[]> {
    const configured = pushQueues();
    if (configured.length === 0) return [];
    const now = clock();
    await tx.lockRouting();
    const events: OutboxEvent[] = [];
    const changedQueues = new Set<string>();

    const expired = await tx.expireOffers(now, BATCH);
    const away = await tx.setAgentsAway([...new Set(expired.map((o) => o.agentId))], now);
    for (const agentId of away) {
      events.push({ type: 'away', agentId });
      // Their queues count one agent fewer online.
      for (const queue of (await tx.getAgent(agentId))?.queues ?? []) changedQueues.add(queue);
    }
    const stale = await tx.withdrawStaleOffers(now);
    for (const o of expired) events.push(closed(o, 'expired'));
    for (const o of stale) events.push(closed(o, 'withdrawn'));
    for (const o of [...expired, ...stale]) changedQueues.add(o.queue);

    const candidates = await tx.routingCandidates(
      configured.map((q) => q.name),
      BATCH,
    );
    const agents =
      candidates.length > 0
        ? await tx.routingAgents([...new Set(candidates.map((c) => c.queue))])
        : [];
    if (agents.some((a) => a.load < a.capacity)) {
      const texts = await tx.recentCustomerText(
        candidates.map((c) => c.conversationId),
        LANGUAGE_SAMPLE,
      );
      for (const candidate of candidates) {
        const config = queues.config(candidate.queue);
        if (config.routing === 'pull') continue;
        const need: RoutingNeed = {
          language: languageOf(texts.get(candidate.conversationId) ?? ''),
          domain: candidate.intent ? deps.domainOf(candidate.intent) : null,
        };
        const agent = pickAgent(config.routing, candidate, agents, need);
        if (!agent) continue;
        const offer = await tx.createOffer({
          id: randomUUID(),
          conversationId: candidate.conversationId,
          episode: candidate.episode,
          agentId: agent.id,
          language: need.language,
          now,
          expiresAt: new Date(now.getTime() + config.offerTimeoutSeconds * 1000),
        });
        if (!offer) {
          // A claim took the agent's last room meanwhile (or the conversation left): skip them.
          agent.load = agent.capacity;
          continue;
        }
        agent.load += 1;
        agent.lastOfferedAt = now;
        events.push({ type: 'offer', agentId: agent.id, offer: offerOf(offer, candidate) });
        changedQueues.add(candidate.queue);
      }
    }
    for (const queue of changedQueues) events.push({ type: 'queue', queue });
    return events;
  }

  /** One routing step; returns the events it committed (and counts the offers). */
  async function step(): Promise<OutboxEvent[]> {
    const events = await relay.commit(route, OWN_EVENTS_HOLD_MS);
    for (const e of events) {
      if (e.type === 'offer') deps.metrics?.offer(e.offer.queue, 'made');
      if (e.type === 'offerClosed') deps.metrics?.offer(e.queue, e.reason);
    }
    return events;
  }

  // Steps on this node never overlap: a kick during a step runs one more step after it.
  let running: Promise<unknown> | null = null;
  let again = false;
  function kick(): void {
    if (pushQueues().length === 0 || tasks.closed) return;
    if (running) {
      again = true;
      return;
    }
    running = tasks
      .track(step())
      .catch((err: unknown) => log.warn({ err }, 'routing step failed'))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  return {
    step,
    kick,
    start(): void {
      if (pushQueues().length === 0) return;
      kick();
      timer = setInterval(kick, deps.sweepMs ?? 1_000);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
export type Router = ReturnType<typeof createRouter>;
