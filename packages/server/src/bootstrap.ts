import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Policy } from '@baton/escalation';
import { createClient } from 'redis';
import { createNluAssistant, parseKnowledgeBase, type Assistant } from './assistant';
import {
  createBatonServer,
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
import { systemClock, type Clock } from './services';
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
  redisUrl?: string;
  demoDir?: string;
  policyFile?: string;
  knowledgeBaseFile?: string;
  clock?: Clock;
  rateLimits?: RateLimits;
  /** Replaces the built-in NLU assistant (an LLM, or a test double). */
  assistant?: Assistant;
  assistantTimeoutMs?: number;
  /** Bearer token of the admin API (`/api/admin`); without one the admin API is not mounted. */
  adminToken?: string;
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
  const assistant = options.assistant ?? (await createNluAssistant(kb));

  let redis: (RedisPair & { close(): Promise<void> }) | undefined;
  if (options.redisUrl) {
    const pub = createClient({ url: options.redisUrl });
    const sub = pub.duplicate();
    pub.on('error', (err: unknown) => options.log.error({ err }, 'redis error'));
    sub.on('error', (err: unknown) => options.log.error({ err }, 'redis error'));
    await Promise.all([pub.connect(), sub.connect()]);
    // The Socket.IO adapter publishes without handling the promise; a Redis blip would then be
    // an unhandled rejection that ends the process. Log it instead: the emit is lost, the
    // clients resynchronise by seq on their next event.
    const publish = pub.publish.bind(pub);
    (pub as { publish: unknown }).publish = ((...args: Parameters<typeof publish>) =>
      publish(...args).catch((err: unknown) => {
        options.log.error({ err }, 'redis publish failed');
        return 0;
      })) as typeof pub.publish;
    redis = {
      pub,
      sub,
      async close() {
        await Promise.allSettled([pub.close(), sub.close()]);
      },
    };
  }

  const server = createBatonServer({
    store,
    assistant,
    policy,
    deployment,
    log: options.log,
    ...(options.clock && { clock: options.clock }),
    ...(options.rateLimits && { rateLimits: options.rateLimits }),
    ...(options.assistantTimeoutMs && { assistantTimeoutMs: options.assistantTimeoutMs }),
    ...(redis && { redis }),
    ...(options.adminToken && { admin: { token: options.adminToken, policy } }),
    paths: {
      widgetDist: resolve(REPO_ROOT, 'packages/widget/dist'),
      consoleDist: resolve(REPO_ROOT, 'packages/console/dist'),
      storefront: resolve(demoDir, 'storefront'),
    },
    referencesFor: (intent) => (intent ? (references.get(intent) ?? []) : []),
    health: async () => {
      await db.query('SELECT 1');
      return { storage: db.kind, policyVersion: policy.current().version, redis: Boolean(redis) };
    },
  });
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
    async stop() {
      await policy.stop();
      await server.close();
      await redis?.close();
      await store.close();
    },
  };
}
