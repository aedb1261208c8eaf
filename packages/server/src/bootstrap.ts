import type { RequestHandler } from 'express';
import { createMailer, type Mailer } from './services/mailer';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Policy } from '@baton/escalation';
import {
  createLlmAssistant,
  createNluAssistant,
  DEFAULT_LLM_TIMEOUT_MS,
  parseKnowledgeBase,
  type Assistant,
  type LlmConfig,
} from './assistant';
import {
  createBatonServer,
  DEFAULT_RATE_LIMITS,
  type BatonServer,
  type Logger,
  type RateLimits,
  type RedisPair,
} from './app';
import { loadDeployment, type Deployment } from './config/deployment';
import {
  startPolicyManager,
  unknownQueueIssues,
  validatePolicyText,
  type PolicyManager,
} from './policy';
import { seedDeployment } from './seed';
import { deploymentKeyPrefix } from './transport/rateLimit';
import { systemClock, type Clock } from './services';
import type { PresenceOptions } from './services/presence';
import {
  createSqlStore,
  migrate,
  openEmbeddedDatabase,
  openPostgresDatabase,
  type SqlDatabase,
  type Store,
} from './storage';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface StartOptions {
  port: number;
  host?: string;
  /** PostgreSQL connection string; when absent, embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; omit (with no databaseUrl) for an in-memory database. */
  dataDir?: string;
  /**
   * Where attachments' bytes are kept (BATON_ATTACHMENTS_DIR). Default: `attachments/` beside
   * the PGlite data (`<dataDir>/attachments`); with PostgreSQL, or PGlite in memory, the database.
   */
  attachmentsDir?: string;
  redisUrl?: string;
  demoDir?: string;
  policyFile?: string;
  knowledgeBaseFile?: string;
  clock?: Clock;
  rateLimits?: RateLimits;
  /** Replaces the built-in NLU assistant (an LLM, or a test double). */
  assistant?: Assistant;
  /** An OpenAI-compatible endpoint to use instead of the built-in NLU assistant (BATON_LLM_*). */
  llm?: LlmConfig;
  /** How long a turn waits for the assistant (default 5 s; with `llm`, its timeout + 1 s). */
  assistantTimeoutMs?: number;
  /** How long a crashed node's turn lease blocks its conversation's turns (default 15 s). */
  turnLeaseMs?: number;
  /** How often every node looks for unfinished turns (default 1 s). */
  turnSweepMs?: number;
  /** How often every node looks for due SLA timers (default 5 s). */
  slaSweepMs?: number;
  /** How often every node routes waiting conversations of push queues (default 1 s). */
  routingSweepMs?: number;
  /** HTTP access log middleware (see http/accessLog.ts). */
  accessLog?: RequestHandler;
  /**
   * Email to customers: SMTP (`smtpUrl`, BATON_SMTP_URL) or, without it, `.eml` files in
   * `outboxDir` (default: `mail/` in the data directory, else a temporary directory).
   */
  mail?: { smtpUrl?: string; outboxDir?: string; from?: string };
  /** How often stored emails are looked for (default 2 s), and the retry backoff per attempt. */
  emailSweepMs?: number;
  emailBackoff?: (attempts: number) => number;
  /** Bearer token of the admin API (`/api/admin`); without one the admin API is not mounted. */
  adminToken?: string;
  /** Baton's public origin (`https://chat.example.com`) when a proxy rewrites the Host header. */
  publicOrigin?: string;
  /** Origins besides Baton's own whose pages may open agent sockets. */
  agentOrigins?: string[];
  /** Agent presence intervals; the defaults take a dead node's agents offline within 30 s. */
  presence?: Partial<PresenceOptions>;
  log: Logger;
}

export interface RunningBaton {
  server: BatonServer;
  url: string;
  port: number;
  store: Store;
  db: SqlDatabase;
  assistant: Assistant;
  policy: PolicyManager;
  deployment: Deployment;
  /** Where emails to customers go (SMTP, or the outbox directory). */
  mailer: Mailer;
  stop(): Promise<void>;
}

/** Opens storage, migrates, seeds the demo deployment, trains the assistant and listens. */
export async function startBaton(options: StartOptions): Promise<RunningBaton> {
  const demoDir = options.demoDir ?? resolve(REPO_ROOT, 'demo');
  const deployment = loadDeployment(demoDir);
  const policyFile = options.policyFile ?? resolve(demoDir, 'policy.yaml');
  const policyYaml = readFileSync(policyFile, 'utf8');
  // A policy that routes to a queue nobody staffs would drop escalations: refuse it.
  const checkPolicy = (p: Policy) =>
    unknownQueueIssues(
      p,
      deployment.queues.map((q) => q.name),
    );
  const initialPolicy = validatePolicyText(policyYaml, checkPolicy);
  const kb = parseKnowledgeBase(
    readFileSync(options.knowledgeBaseFile ?? resolve(demoDir, 'knowledge-base.yaml'), 'utf8'),
  );
  const references = new Map(kb.intents.map((i) => [i.name, i.references ?? [`kb:${i.name}`]]));
  const domains = new Map(kb.intents.map((i) => [i.name, i.domain]));

  const db = options.databaseUrl
    ? await openPostgresDatabase(options.databaseUrl, (err) =>
        options.log.error({ err }, 'idle PostgreSQL connection failed'),
      )
    : await openEmbeddedDatabase(options.dataDir);
  await migrate(db);
  const store = createSqlStore(db);
  // With Redis several nodes share the database: one node starting must not zero the presence
  // of agents connected to the others.
  await seedDeployment(store, deployment, { resetPresence: !options.redisUrl });
  const policy = await startPolicyManager({
    initial: { policy: initialPolicy, yaml: policyYaml },
    file: policyFile,
    check: checkPolicy,
    store,
    clock: options.clock ?? systemClock,
    log: options.log,
  });
  const llmTimeoutMs = options.llm?.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
  const assistant =
    options.assistant ??
    (options.llm
      ? createLlmAssistant({ ...options.llm, kb, timeoutMs: llmTimeoutMs })
      : await createNluAssistant(kb));
  // The adapter's own timeout must fire first, so the packet says why the assistant was not heard.
  const assistantTimeoutMs =
    options.assistantTimeoutMs ?? (options.llm && !options.assistant ? llmTimeoutMs + 1_000 : 0);

  let redis: (RedisPair & { up(): boolean; close(): Promise<void> }) | undefined;
  let redisRecovered = (_everywhere: boolean) => {};
  if (options.redisUrl) {
    // Back within half a second of Redis returning: the clients' resync waits for it.
    const socket = { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 500) };
    // Publishes fail at once while Redis is down instead of queueing: replayed after recovery
    // they would arrive after the clients' resync and overwrite fresher state.
    // Loaded only when used: the Redis client is a fifth of the server's load time.
    const { createClient } = await import('redis');
    const pub = createClient({ url: options.redisUrl, socket, disableOfflineQueue: true });
    const sub = pub.duplicate({ disableOfflineQueue: false });
    const up = () => pub.isReady && sub.isReady;
    let down = false;
    /** This node's own events failed to reach the other nodes during the outage. */
    let unpublished = false;
    const lost = (err?: unknown) => {
      if (!down) options.log.warn({ err }, 'redis connection lost; live events between nodes wait');
      down = true;
    };
    for (const client of [pub, sub]) {
      client.on('error', (err: unknown) => {
        if (!up()) lost(err);
        else options.log.error({ err }, 'redis error');
      });
      client.on('reconnecting', () => lost());
      // Both links back (the subscriber has re-subscribed before `ready`). Every node tells
      // its own clients to resync (they missed what the others published meanwhile); a node
      // whose publishes failed tells every node's clients, for those that came back first.
      client.on('ready', () => {
        if (!down || !up()) return;
        down = false;
        const everywhere = unpublished;
        unpublished = false;
        options.log.info({ everywhere }, 'redis connection restored; clients told to resync');
        redisRecovered(everywhere);
      });
    }
    await Promise.all([pub.connect(), sub.connect()]);
    // The Socket.IO adapter publishes without handling the promise; a Redis blip would then be
    // an unhandled rejection that ends the process. The emit is lost: the clients are told to
    // resync when Redis is back.
    const publish = pub.publish.bind(pub);
    (pub as { publish: unknown }).publish = ((...args: Parameters<typeof publish>) =>
      publish(...args).catch((err: unknown) => {
        if (!down) options.log.error({ err }, 'redis publish failed');
        unpublished = true;
        return 0;
      })) as typeof pub.publish;
    redis = {
      pub,
      sub,
      up,
      async close() {
        await Promise.allSettled([pub.close(), sub.close()]);
      },
    };
  }

  const mailer = createMailer({
    ...(options.mail?.smtpUrl && { smtpUrl: options.mail.smtpUrl }),
    outboxDir:
      options.mail?.outboxDir ??
      (options.dataDir
        ? resolve(options.dataDir, 'mail')
        : resolve(tmpdir(), `baton-mail-${process.pid}`)),
    from:
      options.mail?.from ??
      deployment.site.mailFrom ??
      `${deployment.site.name} <no-reply@${deployment.site.id}.invalid>`,
  });
  const server = createBatonServer({
    store,
    assistant,
    policy,
    deployment,
    log: options.log,
    ...(options.clock && { clock: options.clock }),
    rateLimits: {
      ...DEFAULT_RATE_LIMITS,
      keyPrefix: await deploymentKeyPrefix(db),
      ...options.rateLimits,
    },
    ...(options.publicOrigin && { publicOrigin: options.publicOrigin }),
    ...(options.agentOrigins && { agentOrigins: options.agentOrigins }),
    ...(assistantTimeoutMs && { assistantTimeoutMs }),
    ...(options.turnLeaseMs && { turnLeaseMs: options.turnLeaseMs }),
    ...(options.turnSweepMs && { turnSweepMs: options.turnSweepMs }),
    ...(options.slaSweepMs && { slaSweepMs: options.slaSweepMs }),
    ...(options.routingSweepMs && { routingSweepMs: options.routingSweepMs }),
    ...(options.accessLog && { accessLog: options.accessLog }),
    mailer,
    ...((options.attachmentsDir || (options.dataDir && !options.databaseUrl)) && {
      attachmentsDir: options.attachmentsDir ?? resolve(options.dataDir!, 'attachments'),
    }),
    ...(options.emailSweepMs && { emailSweepMs: options.emailSweepMs }),
    ...(options.emailBackoff && { emailBackoff: options.emailBackoff }),
    // GET /metrics needs the admin token when there is one.
    ...(options.adminToken && { metricsToken: options.adminToken }),
    ...(redis && { redis }),
    ...(options.adminToken && { admin: { token: options.adminToken, policy } }),
    ...(options.presence && { presence: options.presence }),
    paths: {
      widgetDist: resolve(REPO_ROOT, 'packages/widget/dist'),
      consoleDist: resolve(REPO_ROOT, 'packages/console/dist'),
      storefront: resolve(demoDir, 'storefront'),
    },
    referencesFor: (intent) => (intent ? (references.get(intent) ?? []) : []),
    domainOf: (intent) => domains.get(intent) ?? null,
    // 'degraded' (200) while Redis is down: chats work, live events between nodes wait for
    // the resync. 'down' (503) when the database does not answer within 2 s.
    health: async () => {
      const redisState = redis ? (redis.up() ? 'ok' : 'down') : 'disabled';
      const database = await answersWithin(db.query('SELECT 1'), 2_000);
      return {
        status: !database ? 'down' : redisState === 'down' ? 'degraded' : 'ok',
        storage: db.kind,
        database: database ? 'ok' : 'down',
        redis: redisState,
        policyVersion: policy.current().version,
      };
    },
  });
  redisRecovered = (everywhere) => server.resyncClients(everywhere);
  const address = await server.listen(options.port, options.host);
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    server,
    url: `http://${host === '::' ? 'localhost' : host}:${address.port}`,
    port: address.port,
    store,
    db,
    assistant,
    policy,
    deployment,
    mailer,
    async stop() {
      await policy.stop();
      await server.close();
      await redis?.close();
      await store.close();
    },
  };
}

/** True if the promise settles successfully within `ms`. */
async function answersWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
