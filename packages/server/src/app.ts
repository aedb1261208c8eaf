import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { AGENT_NAMESPACE, CUSTOMER_NAMESPACE, type RiskTier } from '@baton/shared';
import { slaMinutes } from '@baton/escalation';
import type { Assistant } from './assistant';
import type { Deployment } from './config/deployment';
import { createHttpApp, type StaticPaths } from './http/routes';
import type { PolicyManager } from './policy';
import {
  createAgentService,
  createCustomerService,
  createKeyedLock,
  createQueueService,
  createTaskTracker,
  createTurnService,
  systemClock,
  type Clock,
  type PolicyHolder,
} from './services';
import type { Store } from './storage';
import { registerAgentNamespace, type AgentNamespace } from './transport/agentNamespace';
import { registerCustomerNamespace, type CustomerNamespace } from './transport/customerNamespace';
import { createSocketNotifier } from './transport/socketNotifier';
import { createEventLimiter } from './transport/rateLimit';

export interface Logger {
  info: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
}

/** A pair of connected Redis clients for the Socket.IO adapter (multi-node). */
export interface RedisPair {
  pub: unknown;
  sub: unknown;
}

export interface BatonServerDeps {
  store: Store;
  assistant: Assistant;
  policy: PolicyHolder;
  deployment: Deployment;
  paths: StaticPaths;
  log: Logger;
  clock?: Clock;
  redis?: RedisPair;
  referencesFor?: (intent: string | null) => string[];
  health?: () => Promise<Record<string, unknown>>;
  /** Events allowed per socket per window; defaults suit people typing, not scripts. */
  rateLimits?: RateLimits;
  assistantTimeoutMs?: number;
  /** Mounts the admin API (policy governance) guarded by this bearer token. */
  admin?: { token: string; policy: PolicyManager };
}

export interface RateLimits {
  customer: { points: number; seconds: number };
  agent: { points: number; seconds: number };
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  customer: { points: 30, seconds: 10 },
  agent: { points: 120, seconds: 10 },
};

export interface BatonServer {
  httpServer: HttpServer;
  io: Server;
  listen(port: number, host?: string): Promise<AddressInfo>;
  close(): Promise<void>;
}

/** Wires storage, assistant, engine, services and transport. Nothing here reads env or globals. */
export function createBatonServer(deps: BatonServerDeps): BatonServer {
  const clock = deps.clock ?? systemClock;
  const limits = deps.rateLimits ?? DEFAULT_RATE_LIMITS;
  const { store, log } = deps;
  // Express must be the server's request handler before Socket.IO attaches: Socket.IO then
  // answers its own /socket.io/ requests (long-polling included) and passes the rest on.
  let app: ReturnType<typeof createHttpApp> | null = null;
  const httpServer = createServer((req, res) => {
    if (app) return void app(req, res);
    res.writeHead(503).end();
  });
  const io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 256 * 1024,
    connectionStateRecovery: undefined,
  });
  if (deps.redis) io.adapter(createAdapter(deps.redis.pub as never, deps.redis.sub as never));
  const customerNs = io.of(CUSTOMER_NAMESPACE) as CustomerNamespace;
  const agentNs = io.of(AGENT_NAMESPACE) as AgentNamespace;
  const notifier = createSocketNotifier(customerNs, agentNs);

  const queues = createQueueService({
    store,
    queues: deps.deployment.queues,
    notifier,
    clock,
    slaMinutes: (tier: RiskTier) => slaMinutes(deps.policy.current(), tier),
    defaultQueue: () => deps.policy.current().routing.default,
  });
  const turns = createTurnService({
    store,
    assistant: deps.assistant,
    policy: deps.policy,
    queues,
    notifier,
    clock,
    referencesFor: deps.referencesFor ?? (() => []),
    log,
    ...(deps.assistantTimeoutMs && { assistantTimeoutMs: deps.assistantTimeoutMs }),
  });
  const tasks = createTaskTracker();
  const customers = createCustomerService({
    store,
    turns,
    queues,
    notifier,
    clock,
    lock: createKeyedLock(),
    tasks,
    identitySecret: (siteId) =>
      siteId === deps.deployment.site.id ? (deps.deployment.site.identitySecret ?? null) : null,
    log,
  });
  const agents = createAgentService({ store, queues, notifier, clock });

  registerCustomerNamespace(
    customerNs,
    customers,
    log,
    createEventLimiter(limits.customer.points, limits.customer.seconds),
  );
  registerAgentNamespace(
    agentNs,
    agents,
    tasks,
    log,
    createEventLimiter(limits.agent.points, limits.agent.seconds),
  );
  app = createHttpApp({
    agents,
    paths: deps.paths,
    log,
    health: deps.health ?? (async () => ({})),
    frameAncestors: deps.deployment.site.allowedOrigins,
    ...(deps.admin && { admin: { ...deps.admin, store } }),
  });

  return {
    httpServer,
    io,
    listen(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve(httpServer.address() as AddressInfo);
        });
      });
    },
    async close() {
      // Disconnect everyone first so disconnect handlers (presence) run while storage is open.
      customerNs.disconnectSockets(true);
      agentNs.disconnectSockets(true);
      await tasks.drain();
      tasks.close();
      // io.close() also closes the HTTP server.
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      await tasks.drain();
    },
  };
}
