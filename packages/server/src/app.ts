import { randomUUID } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import type { Request, RequestHandler } from 'express';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { AGENT_NAMESPACE, CUSTOMER_NAMESPACE, type RiskTier } from '@baton/shared';
import { slaMinutes } from '@baton/escalation';
import type { Assistant } from './assistant';
import { ownerAgent, type Deployment } from './config/deployment';
import { createHttpApp, type StaticPaths } from './http/routes';
import type { PolicyManager } from './policy';
import {
  createAgentService,
  createCustomerService,
  createQueueService,
  createTaskTracker,
  createTurnService,
  systemClock,
  type Clock,
  type PolicyHolder,
} from './services';
import { createOutboxRelay } from './services/outboxRelay';
import { createSlaWatcher } from './services/slaWatcher';
import { createRouter } from './services/router';
import { createMetrics } from './services/metrics';
import { createScorecardService } from './services/scorecardService';
import { createAttachmentService, type Requester } from './services/attachmentService';
import { createEmailWorker, type Mailer } from './services/mailer';
import { createCustomerEmails } from './services/customerEmails';
import { createTurnRunner } from './services/turnRunner';
import { createPresenceKeeper, DEFAULT_PRESENCE, type PresenceOptions } from './services/presence';
import type { Store } from './storage';
import {
  closeRevokedSockets,
  revalidateLocalWatches,
  registerAgentNamespace,
  type AgentNamespace,
} from './transport/agentNamespace';
import { registerCustomerNamespace, type CustomerNamespace } from './transport/customerNamespace';
import { createSocketNotifier } from './transport/socketNotifier';
import type { EdgeObserver } from './transport/handler';
import { capConnections, checkOrigin } from './transport/guards';
import { createLimiters, DEFAULT_RATE_LIMITS, type RateLimits } from './transport/rateLimit';

export { DEFAULT_RATE_LIMITS, type RateLimits };

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
  /** The knowledge-base domain of an intent (push routing matches it to agents' skills). */
  domainOf?: (intent: string) => string | null;
  health?: () => Promise<Record<string, unknown>>;
  /** Budgets per visitor, IP and agent (see DEFAULT_RATE_LIMITS); defaults suit people, not scripts. */
  rateLimits?: RateLimits;
  /** Baton's public origin, when a proxy in front rewrites the Host header. */
  publicOrigin?: string;
  /** Origins besides Baton's own allowed to open agent sockets (a console hosted elsewhere). */
  agentOrigins?: string[];
  assistantTimeoutMs?: number;
  /** Mounts the admin API (policy governance) guarded by this bearer token. */
  admin?: { token: string; policy: PolicyManager };
  /** How long a node's turn lease outlives its last renewal (default 15 s). */
  turnLeaseMs?: number;
  /** How often unfinished turns are looked for (default 1 s). */
  turnSweepMs?: number;
  /** Agent presence heartbeat, connection ttl and sweep intervals (see DEFAULT_PRESENCE). */
  presence?: Partial<PresenceOptions>;
  /** How often SLA timers are looked for (default 5 s). */
  slaSweepMs?: number;
  /** How often push queues are routed and offers expired (default 1 s). */
  routingSweepMs?: number;
  /** Bearer token GET /metrics requires; without one it is open (keep it off the public edge). */
  metricsToken?: string;
  /** HTTP access log middleware (pino-http, personal data redacted). */
  accessLog?: RequestHandler;
  /** Sends emails to customers (SMTP, or a local outbox directory); without one none are sent. */
  mailer?: Mailer;
  /** How often stored emails are looked for (default 2 s), and the retry backoff per attempt. */
  emailSweepMs?: number;
  emailBackoff?: (attempts: number) => number;
  /**
   * Where attachments' bytes are kept: files in this directory (shared by every node), or, when
   * absent, the database.
   */
  attachmentsDir?: string;
}

export interface BatonServer {
  httpServer: HttpServer;
  io: Server;
  /** This process's id in shared presence (agent connections carry it). */
  nodeId: string;
  listen(port: number, host?: string): Promise<AddressInfo>;
  /**
   * Tells clients to resynchronise (`resync`) after events may have been lost (Redis came
   * back): this node's own, or every node's when this node's own publishes failed. Also closes
   * agent sockets whose session ended meanwhile.
   */
  resyncClients(everywhere?: boolean): void;
  close(): Promise<void>;
}

/** Wires storage, assistant, engine, services and transport. Nothing here reads env or globals. */
export function createBatonServer(deps: BatonServerDeps): BatonServer {
  const clock = deps.clock ?? systemClock;
  // In Redis when there is one, so budgets hold across reconnects and nodes.
  const limiters = createLimiters(deps.rateLimits ?? DEFAULT_RATE_LIMITS, deps.redis?.pub);
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
  const notifier = createSocketNotifier(customerNs, agentNs, {
    readerCheck: (conversationId) => agents.readerCheck(conversationId),
    log,
  });
  const nodeId = randomUUID();
  const presence = createPresenceKeeper({
    store,
    nodeId,
    options: { ...DEFAULT_PRESENCE, ...deps.presence },
    log,
    changed: (agentIds) => agents.presenceChanged(agentIds),
  });

  const metrics = createMetrics();
  const queues = createQueueService({
    store,
    queues: deps.deployment.queues,
    notifier,
    clock,
    slaMinutes: (tier: RiskTier) => slaMinutes(deps.policy.current(), tier),
    defaultQueue: () => deps.policy.current().routing.default,
    changed: () => router.kick(),
    log,
  });
  const turns = createTurnService({
    store,
    assistant: deps.assistant,
    policy: deps.policy,
    queues,
    clock,
    referencesFor: deps.referencesFor ?? (() => []),
    log,
    metrics,
    ...(deps.assistantTimeoutMs && { assistantTimeoutMs: deps.assistantTimeoutMs }),
  });
  const tasks = createTaskTracker();
  const relay = createOutboxRelay({ store, notifier, queues, tasks, log });
  const runner = createTurnRunner({
    store,
    turns,
    relay,
    tasks,
    nodeId,
    log,
    ...(deps.turnLeaseMs && { leaseMs: deps.turnLeaseMs }),
    ...(deps.turnSweepMs && { sweepMs: deps.turnSweepMs }),
  });
  const emails =
    deps.mailer &&
    createEmailWorker({
      store,
      mailer: deps.mailer,
      clock,
      tasks,
      log,
      // The console shows each email's state in the conversation: watchers refetch it.
      changed: (email) => notifier.conversationUpdated(email.conversationId, null),
      ...(deps.emailSweepMs && { sweepMs: deps.emailSweepMs }),
      ...(deps.emailBackoff && { backoff: deps.emailBackoff }),
    });
  const customerEmails =
    emails &&
    createCustomerEmails({
      store,
      worker: emails,
      notifier,
      queues,
      clock,
      site: deps.deployment.site,
      publicOrigin: deps.publicOrigin,
    });
  const customers = createCustomerService({
    store,
    runner,
    queues,
    notifier,
    clock,
    identitySecret: (siteId) =>
      siteId === deps.deployment.site.id ? (deps.deployment.site.identitySecret ?? null) : null,
    log,
    ...(customerEmails && { emailTranscript: customerEmails.transcript }),
  });
  const agents = createAgentService({
    store,
    queues,
    notifier,
    clock,
    presence,
    metrics,
    reroute: () => router.kick(),
    ...(customerEmails && {
      replied: (conversationId, message, agent) =>
        void tasks
          .track(customerEmails.replyIfAway(conversationId, message, agent.name))
          .catch((err: unknown) => log.error({ err, conversationId }, 'reply email not queued')),
    }),
  });
  const sla = createSlaWatcher({
    queues,
    relay,
    tasks,
    clock,
    log,
    ownerAgentId: (owner) => ownerAgent(owner, deps.deployment.agents),
    metrics,
    ...(deps.slaSweepMs && { sweepMs: deps.slaSweepMs }),
  });
  const router = createRouter({
    queues,
    relay,
    tasks,
    clock,
    log,
    domainOf: deps.domainOf ?? (() => null),
    metrics,
    ...(deps.routingSweepMs && { sweepMs: deps.routingSweepMs }),
  });
  presence.start();
  // Unfinished turns and unpublished events (a crashed node's, a failed attempt's) are picked up
  // now and periodically, on every node; so are SLA timers.
  runner.start();
  relay.start();
  sla.start();
  router.start();
  emails?.start();

  // Baton's own pages (widget iframe, console) are allowed on both; with no allowedOrigins any
  // site may use /customer, as any site may embed the iframe.
  checkOrigin(customerNs, {
    allowed: () => deps.deployment.site.allowedOrigins,
    anyWhenEmpty: true,
    ...(deps.publicOrigin && { publicOrigin: deps.publicOrigin }),
  });
  checkOrigin(agentNs, {
    allowed: () => deps.agentOrigins ?? [],
    anyWhenEmpty: false,
    ...(deps.publicOrigin && { publicOrigin: deps.publicOrigin }),
  });
  capConnections(customerNs, limiters.connections);
  capConnections(agentNs, limiters.connections);
  const observe = (namespace: string): EdgeObserver => ({
    time: (event) => metrics.event(namespace, event),
    outage: (err) => metrics.error(/redis/i.test(String(err)) ? 'redis' : 'storage'),
  });
  registerCustomerNamespace(customerNs, customers, log, limiters, observe('customer'));
  registerAgentNamespace(agentNs, agents, tasks, log, limiters.agent, observe('agent'), clock);
  metrics.attach({
    sockets: () => ({ customer: customerNs.sockets.size, agent: agentNs.sockets.size }),
    // Read as a queue snapshot is: who waits and who is online.
    queues: async () => {
      const now = clock().getTime();
      return Promise.all(
        queues.names().map(async (name) => {
          const { waiting, agentsOnline } = await queues.snapshot(name);
          const oldest = Math.min(now, ...waiting.map((w) => Date.parse(w.enqueuedAt)));
          return {
            queue: name,
            waiting: waiting.length,
            oldestWaitSeconds: (now - oldest) / 1000,
            agentsOnline,
          };
        }),
      );
    },
  });
  const scorecard = createScorecardService({ store, policy: deps.policy, queues, clock });
  const attachments = createAttachmentService({
    store,
    agents,
    clock,
    dir: deps.attachmentsDir ?? null,
  });
  const bearer = (header: string | undefined) => /^Bearer (.+)$/.exec(header ?? '')?.[1];
  // A customer names their site (X-Baton-Site-Key) beside their session token; an agent does not.
  const requester = async (req: Request): Promise<Requester> => {
    const token = bearer(req.get('authorization'));
    const siteKey = req.get('x-baton-site-key');
    if (siteKey !== undefined) {
      return { role: 'customer', ...(await customers.authenticate(siteKey, token)) };
    }
    const { sessionExpiresAt: _, ...agent } = await agents.authenticate(token);
    return { role: 'agent', agent };
  };
  app = createHttpApp({
    agents,
    paths: deps.paths,
    log,
    health: deps.health ?? (async () => ({})),
    frameAncestors: deps.deployment.site.allowedOrigins,
    widgetSettings: deps.deployment.site.widget,
    loginThrottle: limiters.login,
    ...(deps.admin && { admin: { ...deps.admin, store, agents, scorecard } }),
    scorecard,
    attachments: {
      attachments,
      requester,
      // An upload is a write like a message: it spends the same budget (reads do not).
      admit: (who, req) =>
        who.role === 'customer'
          ? limiters.customerEvent(req.ip ?? 'unknown', who.visitorId)
          : limiters.agent.consume(who.agent.id),
    },
    metrics: {
      text: () => metrics.text(),
      ...(deps.metricsToken && { token: deps.metricsToken }),
    },
    ...(deps.accessLog && { accessLog: deps.accessLog }),
  });

  return {
    httpServer,
    io,
    nodeId,
    resyncClients(everywhere = false) {
      (everywhere ? customerNs : customerNs.local).emit('resync', {});
      (everywhere ? agentNs : agentNs.local).emit('resync', {});
      if (tasks.closed) return;
      tasks.track(
        closeRevokedSockets(agentNs, agents).catch((err: unknown) =>
          log.error({ err }, 'checking agent sessions after resync failed'),
        ),
      );
      tasks.track(revalidateLocalWatches(agentNs, notifier));
    },
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
      runner.stop();
      relay.stop();
      sla.stop();
      router.stop();
      emails?.stop();
      await presence.stop();
      // Disconnect this node's clients first so disconnect handlers (presence) run while storage
      // is open. Only this node's: without `local` the Redis adapter would close every node's.
      customerNs.local.disconnectSockets(true);
      agentNs.local.disconnectSockets(true);
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
