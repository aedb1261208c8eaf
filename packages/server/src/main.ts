/** The only module that reads the environment. `pnpm demo` builds it and runs `dist/main.js`. */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import pino from 'pino';
import { llmConfigFromEnv } from './assistant';
import { REPO_ROOT, startBaton } from './bootstrap';
import { createAccessLog } from './http/accessLog';

// Stack traces name the TypeScript source, also when this runs compiled from dist/.
process.setSourceMapsEnabled(true);
const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });
// A backstop, not a control path: every known async path handles its errors; anything that
// slips through is logged with context instead of taking every conversation down.
process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
const port = Number(process.env.PORT ?? 3000);
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = resolve(process.env.BATON_DATA_DIR ?? resolve(REPO_ROOT, '.baton-data'));
// Without BATON_ADMIN_TOKEN a random one is made for this run and printed below.
const adminToken = process.env.BATON_ADMIN_TOKEN || randomBytes(24).toString('base64url');
// BATON_LLM_URL / _MODEL / _API_KEY / _TIMEOUT_MS: an OpenAI-compatible endpoint replaces the NLU.
const llm = llmConfigFromEnv(process.env);

const baton = await startBaton({
  port,
  log,
  accessLog: createAccessLog(log),
  // BATON_SMTP_URL sends real mail; without it mail is written to <data dir>/mail as .eml files.
  mail: {
    ...(process.env.BATON_SMTP_URL && { smtpUrl: process.env.BATON_SMTP_URL }),
    ...(process.env.BATON_MAIL_FROM && { from: process.env.BATON_MAIL_FROM }),
    outboxDir: resolve(dataDir, 'mail'),
  },
  adminToken,
  ...(databaseUrl ? { databaseUrl } : { dataDir }),
  // Attachments' bytes: this directory (every node must share it), else beside the PGlite data,
  // or in PostgreSQL itself.
  ...(process.env.BATON_ATTACHMENTS_DIR && {
    attachmentsDir: resolve(process.env.BATON_ATTACHMENTS_DIR),
  }),
  ...(process.env.REDIS_URL && { redisUrl: process.env.REDIS_URL }),
  ...(process.env.BATON_DEMO_DIR && { demoDir: resolve(process.env.BATON_DEMO_DIR) }),
  ...(process.env.BATON_POLICY && { policyFile: resolve(process.env.BATON_POLICY) }),
  ...(process.env.BATON_KNOWLEDGE_BASE && {
    knowledgeBaseFile: resolve(process.env.BATON_KNOWLEDGE_BASE),
  }),
  ...(process.env.BATON_PUBLIC_ORIGIN && { publicOrigin: process.env.BATON_PUBLIC_ORIGIN }),
  ...(llm && { llm }),
  ...(process.env.BATON_AGENT_ORIGINS && {
    agentOrigins: process.env.BATON_AGENT_ORIGINS.split(',').map((o) => o.trim()),
  }),
});

const base = `http://localhost:${baton.port}`;
const lines = [
  '',
  `Baton is running (${databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${dataDir}`}, policy ${baton.policy.current().version}, assistant ${llm ? `llm ${llm.model}` : baton.assistant.name})`,
  `  Storefront:    ${base}/`,
  `  Agent console: ${base}/console/`,
  `  Widget loader: ${base}/widget.js   (site key ${baton.deployment.site.siteKey})`,
  `  Health:        ${base}/healthz`,
  `  Metrics:       ${base}/metrics   (Prometheus; same bearer token as the admin API)`,
  `  Customer mail: ${baton.mailer.describe}`,
  `  Admin API:     ${base}/api/admin/policy   (Authorization: Bearer ${process.env.BATON_ADMIN_TOKEN ? '<BATON_ADMIN_TOKEN>' : adminToken})`,
  '  Demo agent logins:',
  ...baton.deployment.agents.map(
    (a) => `    ${a.email} / ${a.password}   (${a.queues.join(', ')})`,
  ),
  '',
];
process.stdout.write(lines.join('\n') + '\n');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    baton.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
