import { existsSync, readFileSync, statSync } from 'node:fs';
import { constants as zlib } from 'node:zlib';
import compression from 'compression';
import { join } from 'node:path';
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { agentLoginSchema, BatonError, ErrorCode, isBatonError, parsePayload } from '@baton/shared';
import type { AgentService } from '../services';
import { edgeError } from '../transport/handler';
import type { LoginThrottle } from '../transport/rateLimit';
import type { ScorecardService } from '../services/scorecardService';
import { createAdminRouter, type AdminDeps } from './adminRoutes';
import { createAttachmentRouter, type AttachmentRouteDeps } from './attachmentRoutes';
import { createScorecardRouter } from './scorecardRoutes';
import { securityHeaders } from './securityHeaders';

export interface StaticPaths {
  /** packages/widget/dist (loader/widget.js and frame/). */
  widgetDist: string;
  /** packages/console/dist. */
  consoleDist: string;
  /** Directory with the demo storefront's index.html, served at `/`; null serves none. */
  storefront: string | null;
}

export interface HttpDeps {
  agents: AgentService;
  paths: StaticPaths;
  health: () => Promise<Record<string, unknown>>;
  /** Origins allowed to embed the widget iframe; empty allows any. */
  frameAncestors: string[];
  log: { error: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void };
  /** Failed-login budgets per account and per IP; absent, logins are not throttled. */
  loginThrottle?: LoginThrottle;
  /** Policy governance at /api/admin; absent (no admin token) leaves it unmounted. */
  admin?: AdminDeps;
  /** Prometheus text for GET /metrics (behind the admin token when there is one). */
  metrics?: { text: () => Promise<{ contentType: string; body: string }>; token?: string };
  /** The scorecard and audits for agents at /api/agent (their session token); absent, none. */
  scorecard?: ScorecardService;
  /** Logs each HTTP request (pino-http), first of all middleware. */
  accessLog?: RequestHandler;
  /** site.yaml's `widget:` settings, written into /widget.js so the launcher is drawn in them. */
  widgetSettings?: Record<string, unknown>;
  /** Image and PDF attachments at /api/conversations/:id/attachments; absent, none. */
  attachments?: AttachmentRouteDeps;
}

const STATUS: Record<string, number> = {
  [ErrorCode.INVALID_PAYLOAD]: 400,
  [ErrorCode.UNAUTHORIZED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.UNKNOWN_SITE]: 401,
  [ErrorCode.NOT_ASSIGNED]: 403,
  [ErrorCode.CONVERSATION_CLOSED]: 409,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ErrorCode.ORIGIN_NOT_ALLOWED]: 403,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.UNAVAILABLE]: 503,
};

export function createHttpApp(deps: HttpDeps) {
  const app = express();
  app.disable('x-powered-by');
  if (deps.accessLog) app.use(deps.accessLog);
  app.use(securityHeaders());
  // gzip or brotli, as the client accepts (with Vary: Accept-Encoding), for pages, scripts and JSON.
  // Brotli at quality 5: the widget app in 4.5 ms, smaller than gzip (quality 11 takes 120 ms).
  app.use(compression({ brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } } }));

  const metrics = deps.metrics;
  if (metrics) {
    app.get('/metrics', async (req, res, next) => {
      try {
        if (metrics.token && req.get('authorization') !== `Bearer ${metrics.token}`) {
          throw new BatonError(ErrorCode.UNAUTHORIZED, 'Send the admin token as a Bearer token');
        }
        const { contentType, body } = await metrics.text();
        res.set('Cache-Control', 'no-store').type(contentType).send(body);
      } catch (err) {
        next(err);
      }
    });
  }

  app.get('/healthz', async (_req, res, next) => {
    try {
      const health = { status: 'ok', ...(await deps.health()) };
      // 'degraded' (Redis down) still serves chats, so it stays 200; storage down is a 503.
      res.status(health.status === 'down' ? 503 : 200).json(health);
    } catch (err) {
      next(err);
    }
  });

  app.post('/api/agent/login', express.json({ limit: '16kb' }), async (req, res, next) => {
    try {
      const { email, password } = parsePayload(agentLoginSchema, req.body ?? {});
      // The attempt is counted before the (slow) hash comparison and given back on success.
      const ip = req.ip ?? 'unknown';
      await deps.loginThrottle?.attempt(email, ip);
      const result = await deps.agents.login(email, password).catch(async (err: unknown) => {
        // Only a wrong password is a guess: an outage must not lock the account out.
        if (!isBatonError(err) || err.code !== ErrorCode.UNAUTHORIZED)
          await deps.loginThrottle?.giveBack(email, ip);
        throw err;
      });
      await deps.loginThrottle?.succeeded(email, ip);
      res.json(result);
    } catch (err) {
      next(err);
    }
  });

  // Ends the session and closes its sockets on every node; the token is refused from then on.
  app.post('/api/agent/logout', async (req, res, next) => {
    try {
      await deps.agents.logout(/^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1]);
      res.json({});
    } catch (err) {
      next(err);
    }
  });

  app.get('/api/conversations/:id/transcript', async (req, res, next) => {
    try {
      const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
      const agent = await deps.agents.authenticate(token);
      res.json(await deps.agents.transcript(agent, String(req.params.id)));
    } catch (err) {
      next(err);
    }
  });

  if (deps.attachments) app.use('/api/conversations', createAttachmentRouter(deps.attachments));

  const scorecard = deps.scorecard;
  if (scorecard) {
    // The console's scorecard page and audits: any signed-in agent reads the scorecard; audits
    // are those of the agent's queues.
    app.use(
      '/api/agent',
      createScorecardRouter(scorecard, async (req) => ({
        agent: await deps.agents.authenticate(
          /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1],
        ),
      })),
    );
  }

  if (deps.admin) app.use('/api/admin', createAdminRouter(deps.admin));

  const { widgetDist, consoleDist, storefront } = deps.paths;
  const loader = join(widgetDist, 'loader', 'widget.js');
  const settings = JSON.stringify(JSON.stringify(deps.widgetSettings ?? {}));
  let built: { mtimeMs: number; body: string } | null = null;
  app.get('/widget.js', (_req, res) => {
    if (!existsSync(loader))
      return void res.status(503).type('text/plain').send('widget not built: run pnpm build');
    // Read again only when the build changed; the site's settings replace the placeholder.
    const { mtimeMs } = statSync(loader);
    if (built?.mtimeMs !== mtimeMs) {
      const body = readFileSync(loader, 'utf8').replace(
        /(["'`])__BATON_SITE_CONFIG__\1/,
        () => settings,
      );
      built = { mtimeMs, body };
    }
    res.set('Cache-Control', 'public, max-age=300').type('application/javascript').send(built.body);
  });
  const frameAncestors = deps.frameAncestors;
  app.use(
    '/widget',
    (_req, res, next) => {
      // The iframe may be embedded only by the site's allowed origins (any, when none are set).
      if (frameAncestors.length > 0) {
        res.set('Content-Security-Policy', `frame-ancestors 'self' ${frameAncestors.join(' ')}`);
      }
      next();
    },
    express.static(join(widgetDist, 'frame'), { index: false, setHeaders: cacheHeaders }),
  );
  app.use('/console', express.static(consoleDist, { setHeaders: cacheHeaders }));
  if (storefront) app.use('/', express.static(storefront));

  app.use((_req, res) => {
    res.status(404).json({ error: { code: ErrorCode.NOT_FOUND, message: 'Not found' } });
  });
  // Express needs the 4-argument signature to recognise an error handler.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    // body-parser marks its client errors (bad JSON 400, too large 413, bad charset 415).
    const bodyError = err as { expose?: boolean; status?: number; type?: string; message?: string };
    if (bodyError.expose && bodyError.status && bodyError.status < 500) {
      const message =
        bodyError.type === 'entity.parse.failed'
          ? 'Body is not valid JSON'
          : String(bodyError.message);
      return void res
        .status(bodyError.status)
        .json({ error: { code: ErrorCode.INVALID_PAYLOAD, message } });
    }
    const error = edgeError(err, deps.log, { path: req.path });
    if (error.retryable) {
      const { retryAfterMs } = (error.details ?? {}) as { retryAfterMs?: number };
      res.set('Retry-After', String(Math.max(1, Math.ceil((retryAfterMs ?? 5_000) / 1000))));
    }
    res.status(STATUS[error.code] ?? 500).json({ error });
  });
  return app;
}

/**
 * Built files under `assets/` carry a content hash in their names: cached for a year and never
 * revalidated. Pages (frame.html, the console's index.html) are revalidated on every load, so a
 * new build reaches browsers at once.
 */
function cacheHeaders(res: Response, path: string): void {
  res.setHeader(
    'Cache-Control',
    /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
}
