import type { Store } from '../storage';

/**
 * Presence is the set of live agent connections in the database. Each node renews its own
 * connections every `heartbeatMs` for `ttlMs`; every node deletes lapsed ones every `sweepMs`.
 * A crashed node stops renewing, so its agents go offline at most `ttlMs + sweepMs` later.
 */
export interface PresenceOptions {
  heartbeatMs: number;
  ttlMs: number;
  sweepMs: number;
}

/**
 * A dead node's agents are offline within 22 s (ttl 20 s + sweep 2 s), well inside the promised
 * 30 s; a live node may miss three heartbeats in a row before its agents lapse.
 */
export const DEFAULT_PRESENCE: PresenceOptions = {
  heartbeatMs: 5_000,
  ttlMs: 20_000,
  sweepMs: 2_000,
};

export interface PresenceKeeperDeps {
  store: Store;
  nodeId: string;
  options: PresenceOptions;
  log: { error: (obj: object, msg: string) => void };
  /** Agents whose connections appeared or lapsed outside a connect/disconnect: re-broadcast. */
  changed: (agentIds: string[]) => Promise<void>;
}

export function createPresenceKeeper(deps: PresenceKeeperDeps) {
  const { store, nodeId, options, log } = deps;
  if (options.heartbeatMs >= options.ttlMs) {
    throw new Error('presence heartbeat must be shorter than the connection ttl');
  }
  /** This node's open agent sockets: socket id → agent id. */
  const local = new Map<string, string>();
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Set<Promise<void>>();

  async function add(socketId: string, agentId: string): Promise<void> {
    local.set(socketId, agentId);
    await store.addAgentConnection({ socketId, agentId, nodeId }, options.ttlMs);
  }

  async function remove(socketId: string): Promise<void> {
    local.delete(socketId);
    await store.removeAgentConnection(socketId);
  }

  async function heartbeat(): Promise<void> {
    const renewed = new Set(await store.renewAgentConnections(nodeId, options.ttlMs));
    // Connections swept while this node could not renew them (a database outage, a long
    // pause) are recorded again: the sockets are still open here.
    const lost = [...local].filter(([socketId]) => !renewed.has(socketId));
    for (const [socketId, agentId] of lost) {
      await store.addAgentConnection({ socketId, agentId, nodeId }, options.ttlMs);
      // Disconnected while we re-added it: its own delete may have run first.
      if (!local.has(socketId)) await store.removeAgentConnection(socketId);
    }
    if (lost.length > 0) await deps.changed([...new Set(lost.map(([, agentId]) => agentId))]);
  }

  async function sweep(): Promise<void> {
    const lapsed = await store.deleteExpiredAgentConnections();
    if (lapsed.length > 0) await deps.changed(lapsed);
  }

  /** Runs `fn` every `ms`, never overlapping itself; failures are logged and retried next time. */
  function every(ms: number, name: string, fn: () => Promise<void>) {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      const run = fn()
        .catch((err: unknown) => log.error({ err, nodeId }, `presence ${name} failed`))
        .finally(() => {
          running = false;
          inFlight.delete(run);
        });
      inFlight.add(run);
    }, ms);
    timer.unref();
    timers.push(timer);
  }

  return {
    nodeId,
    add,
    remove,
    heartbeat,
    sweep,
    start() {
      every(options.heartbeatMs, 'heartbeat', heartbeat);
      every(options.sweepMs, 'sweep', sweep);
    },
    /** Stops the timers and waits for a run in progress (storage closes next). */
    async stop() {
      for (const t of timers.splice(0)) clearInterval(t);
      await Promise.allSettled([...inFlight]);
    },
  };
}
export type PresenceKeeper = ReturnType<typeof createPresenceKeeper>;
