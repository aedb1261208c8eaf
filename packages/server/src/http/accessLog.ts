import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * The HTTP access log: one line per request with method, path, status and time taken, and no
 * personal data: no query string (it may carry an email or a token), no headers (the agent's
 * bearer token, cookies), no client address, no bodies. Health checks and scrapes are not logged.
 */
export function createAccessLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    serializers: {
      req: (req: { method?: string; url?: string }) => ({
        method: req.method,
        path: String(req.url ?? '').split('?')[0],
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    // Belt and braces, should a serializer above ever be widened.
    redact: ['req.headers', 'req.remoteAddress', 'req.query', 'res.headers'],
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: {
      ignore: (req) => ['/healthz', '/metrics'].includes(String(req.url ?? '').split('?')[0]!),
    },
    quietReqLogger: true,
  }) as unknown as RequestHandler;
}
