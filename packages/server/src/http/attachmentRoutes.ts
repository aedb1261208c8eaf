import express, { type NextFunction, type Request, type Response } from 'express';
import {
  ATTACHMENT_MAX_BYTES,
  attachmentUploadSchema,
  BatonError,
  ErrorCode,
  parsePayload,
} from '@baton/shared';
import type { AttachmentService, Requester } from '../services/attachmentService';

export interface AttachmentRouteDeps {
  attachments: AttachmentService;
  /** Who a request comes from: a customer (`X-Baton-Site-Key` + session token) or an agent. */
  requester: (req: Request) => Promise<Requester>;
  /** Spends the sender's event budget on an upload (throws RATE_LIMITED when it is spent). */
  admit?: (who: Requester, req: Request) => Promise<void>;
  /** Largest upload accepted; ATTACHMENT_MAX_BYTES by default. */
  maxBytes?: number;
}

const tooLarge = (max: number) =>
  new BatonError(
    ErrorCode.PAYLOAD_TOO_LARGE,
    `An attachment can be at most ${Math.round(max / 1024 / 1024)} MB`,
    { maxBytes: max },
  );

/**
 * After a refusal the rest of the body is read and thrown away, so that the client, still
 * sending, reads the answer rather than a reset connection; past another `max` bytes the
 * connection is closed instead.
 */
function discardRest(req: Request, max: number): void {
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > max) req.socket.destroy();
  });
  req.resume();
}

/**
 * The request body, up to `max` bytes. A declared length over the limit is refused before any
 * byte is kept; a longer stream is cut off as soon as it passes the limit (never held whole) and
 * answered at once.
 */
export function readLimited(req: Request, max: number): Promise<Buffer> {
  const declared = Number(req.get('content-length'));
  if (declared > max) {
    discardRest(req, max);
    return Promise.reject(tooLarge(max));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (err?: unknown) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      if (err) reject(err);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        chunks.length = 0;
        done(tooLarge(max));
        discardRest(req, max);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => done();
    const onError = (err: Error) => done(err);
    const onAborted = () =>
      done(new BatonError(ErrorCode.INVALID_PAYLOAD, 'The upload was interrupted'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

/** `Content-Disposition` with an ASCII fallback and the UTF-8 name (RFC 6266 / 8187). */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Attachments, mounted at `/api/conversations`: `POST /:conversationId/attachments?name=…` with
 * the file's bytes as the body, and `GET /:conversationId/attachments/:attachmentId`.
 */
export function createAttachmentRouter(deps: AttachmentRouteDeps) {
  const router = express.Router();
  const max = deps.maxBytes ?? ATTACHMENT_MAX_BYTES;

  router.post(
    '/:conversationId/attachments',
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const who = await deps.requester(req);
        await deps.admit?.(who, req);
        const { name } = parsePayload(attachmentUploadSchema, req.query ?? {});
        const uploaded = await deps.attachments.upload(
          who,
          String(req.params.conversationId),
          name,
          () => readLimited(req, max),
        );
        res.status(201).json(uploaded);
      } catch (err) {
        next(err);
      }
    },
  );

  router.get(
    '/:conversationId/attachments/:attachmentId',
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const who = await deps.requester(req);
        const { meta, data } = await deps.attachments.download(
          who,
          String(req.params.conversationId),
          String(req.params.attachmentId),
        );
        res
          .status(200)
          .set({
            'Content-Type': meta.mime,
            'Content-Length': String(data.byteLength),
            'X-Content-Type-Options': 'nosniff',
            // Only this browser may keep it: never a shared cache (the request carries a token).
            'Cache-Control': 'private, max-age=3600',
            'Content-Disposition': contentDisposition(
              meta.mime.startsWith('image/') ? 'inline' : 'attachment',
              meta.name,
            ),
            ETag: `"${meta.sha256}"`,
          })
          .end(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      } catch (err) {
        next(err);
      }
    },
  );
  return router;
}
