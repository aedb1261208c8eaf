import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePolicy } from '@baton/escalation';
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
import { seedDeployment } from './seed';
import { createPolicyHolder, type Clock, type PolicyHolder } from './services';
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
  log: Logger;
}

export interface RunningBaton {
  server: BatonServer;
  url: string;
  port: number;
  store: Store;
  db: SqlDatabase;
  assistant: Assistant;
  policy: PolicyHolder;
  deployment: Deployment;
  stop(): Promise<void>;
}

/** Opens storage, migrates, seeds the demo deployment, trains the assistant and listens. */
export async function startBaton(options: StartOptions): Promise<RunningBaton> {
  const demoDir = options.demoDir ?? resolve(REPO_ROOT, 'demo');
  const deployment = loadDeployment(demoDir);
  const policy = createPolicyHolder(
    parsePolicy(readFileSync(options.policyFile ?? resolve(demoDir, 'policy.yaml'), 'utf8')),
  );
  const kb = parseKnowledgeBase(
    readFileSync(options.knowledgeBaseFile ?? resolve(demoDir, 'knowledge-base.yaml'), 'utf8'),
  );
  const references = new Map(kb.intents.map((i) => [i.name, i.references ?? [`kb:${i.name}`]]));

  const db = options.databaseUrl
    ? await openPostgresDatabase(options.databaseUrl)
    : await openEmbeddedDatabase(options.dataDir);
  await migrate(db);
  const store = createSqlStore(db);
  await seedDeployment(store, deployment);
  const assistant = await createNluAssistant(kb);

  let redis: (RedisPair & { close(): Promise<void> }) | undefined;
  if (options.redisUrl) {
    const pub = createClient({ url: options.redisUrl });
    const sub = pub.duplicate();
    pub.on('error', (err: unknown) => options.log.error({ err }, 'redis error'));
    sub.on('error', (err: unknown) => options.log.error({ err }, 'redis error'));
    await Promise.all([pub.connect(), sub.connect()]);
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
    ...(redis && { redis }),
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
      await server.close();
      await redis?.close();
      await store.close();
    },
  };
}
