import type { Store, TurnJob } from '../storage';
import type { OutboxRelay } from './outboxRelay';
import type { TaskTracker } from './taskTracker';
import { TurnRetryError, type TurnService } from './turnService';

export interface TurnRunnerDeps {
  store: Store;
  turns: TurnService;
  relay: OutboxRelay;
  tasks: TaskTracker;
  /** This process's id: the owner name of the turn leases it takes. */
  nodeId: string;
  log: { error: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void };
  /** How long a lease outlives its last renewal: more than one turn can take (assistant timeout). */
  leaseMs?: number;
  /** How often stalled turns (a crashed node's, a failed attempt) are looked for. */
  sweepMs?: number;
}

/** Retries of a turn that met a lane change or an earlier pending turn, before leaving it to the sweep. */
const MAX_IMMEDIATE_RETRIES = 5;
/** Starts after which a failing turn is abandoned to a person (the assistant is skipped after 3). */
export const MAX_TURN_ATTEMPTS = 5;
/** A failed turn's lease is shortened to this, so the sweep retries it soon. */
const RETRY_AFTER_FAILURE_MS = 1_000;

/**
 * Runs customer turns on any node. Ordinary turns of one conversation run in order under a
 * lease stored on the conversation row (so two nodes never run them at once, and a crashed
 * node's lease simply expires); a request for a person runs at once, outside the lease, never
 * behind a slow assistant turn. Each turn commits in one transaction and marks itself done, so
 * a turn that two workers race for is applied once.
 */
export function createTurnRunner(deps: TurnRunnerDeps) {
  const { store, turns, relay, tasks, nodeId, log } = deps;
  const leaseMs = deps.leaseMs ?? 15_000;
  const draining = new Set<string>();
  const again = new Set<string>();
  let timer: NodeJS.Timeout | null = null;

  /**
   * Runs one turn and delivers its events. With `leaseOwner` (the runner holds the conversation's
   * lease), true when the turn's commit also let go of the lease: nothing else was pending.
   */
  async function runOne(job: TurnJob, leaseOwner?: string): Promise<boolean> {
    for (let retry = 0; ; retry++) {
      try {
        const committed = await turns.run(job, leaseOwner);
        if (committed) await relay.deliverTaken(committed.taken);
        return committed?.released ?? false;
      } catch (err) {
        if (err instanceof TurnRetryError && retry < MAX_IMMEDIATE_RETRIES) continue;
        if (err instanceof TurnRetryError || job.attempts < MAX_TURN_ATTEMPTS) throw err;
        // It failed every time it was started: close it and hand the conversation to a person.
        log.error(
          { err, conversationId: job.conversationId, attempts: job.attempts },
          'turn abandoned',
        );
        const reason = err instanceof Error ? err.message : String(err);
        const committed = await turns.abandon(job, reason, leaseOwner);
        if (committed) await relay.deliverTaken(committed.taken);
        return committed?.released ?? false;
      }
    }
  }

  async function drain(conversationId: string): Promise<void> {
    if (draining.has(conversationId)) {
      again.add(conversationId);
      return;
    }
    draining.add(conversationId);
    try {
      do {
        again.delete(conversationId);
        // Another node holds the lease: it runs every pending turn before letting go.
        for (;;) {
          const { leased, job } = await store.leaseNextTurn(conversationId, nodeId, leaseMs);
          if (!leased) break;
          if (!job) {
            if (await store.releaseTurnLease(conversationId, nodeId)) break;
            continue;
          }
          const released = await runOne(job, nodeId).catch(async (err: unknown) => {
            // Keep the turn pending but let the sweep retry it soon rather than at lease expiry.
            await store
              .acquireTurnLease(conversationId, nodeId, RETRY_AFTER_FAILURE_MS)
              .catch(() => undefined);
            throw err;
          });
          // The turn's own commit let go of the lease: nothing else is pending.
          if (released) break;
        }
      } while (again.has(conversationId));
    } finally {
      draining.delete(conversationId);
    }
  }

  const report = (conversationId: string) => (err: unknown) =>
    // The turn stays pending and the lease expires: the sweep runs it again on some node.
    log.error({ err, conversationId }, 'turn failed; it will be retried');

  async function sweep(): Promise<void> {
    const stalled = await store.stalledTurnConversations(1_000, 50);
    for (const id of stalled) kick(id);
  }

  function kick(conversationId: string): void {
    if (tasks.closed) return;
    void tasks.track(drain(conversationId)).catch(report(conversationId));
  }

  return {
    /** Runs the conversation's pending turns (here, or on the node that holds its lease). */
    kick,
    /** Runs one turn now, outside the lease (a request for a person); resolves when committed. */
    async runNow(messageId: string): Promise<void> {
      if (tasks.closed) return;
      const job = await store.startTurn(messageId);
      if (!job) return;
      await tasks.track(runOne(job));
    },
    /** Picks up unfinished turns now and every `sweepMs` (start-up after a crash, failed attempts). */
    start(): void {
      const tick = () =>
        void tasks.track(sweep()).catch((err: unknown) => log.warn({ err }, 'turn sweep failed'));
      tick();
      timer = setInterval(tick, deps.sweepMs ?? 1_000);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
export type TurnRunner = ReturnType<typeof createTurnRunner>;
