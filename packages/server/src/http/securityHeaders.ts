import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

// Browsers ignore HSTS over plain HTTP (the demo); over HTTPS it pins this host only, never
// sibling subdomains Baton does not own.
const hsts = { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false };

/** The agent console: its own scripts, styles and socket only, and framed only by itself. */
const consoleHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'"],
      // blob: attachments' thumbnails (fetched with the agent's token, shown as object URLs).
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      // 'self' covers the same-origin WebSocket (CSP Level 3).
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'self'"],
    },
  },
  frameguard: { action: 'sameorigin' },
  referrerPolicy: { policy: 'same-origin' },
  strictTransportSecurity: hsts,
});

/** JSON endpoints: nothing to render, frame or share with other origins. */
const apiHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  strictTransportSecurity: hsts,
});

/**
 * What storefronts load: the loader script (a cross-origin <script>), the widget iframe (which
 * keeps its own `frame-ancestors` rule from the site's allowedOrigins) and the demo storefront.
 * No frame denial and cross-origin resource sharing allowed; the safe defaults otherwise.
 */
const embeddableHeaders = helmet({
  contentSecurityPolicy: false,
  frameguard: false,
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  crossOriginOpenerPolicy: false,
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  strictTransportSecurity: hsts,
});

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(prefix + '/');

/** Picks the header set by path (Socket.IO's /socket.io/ requests never reach Express). */
export function securityHeaders() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (isUnder(req.path, '/api') || req.path === '/healthz') {
      res.set('Cache-Control', 'no-store'); // login answers carry tokens
      return apiHeaders(req, res, next);
    }
    if (isUnder(req.path, '/console')) return consoleHeaders(req, res, next);
    return embeddableHeaders(req, res, next);
  };
}
