import type { z } from 'zod';
import { BatonError, ErrorCode } from './errors';

/** Parses a payload or throws INVALID_PAYLOAD naming every failing field. */
export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown): z.infer<S> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.join('.') || '(root)',
    message: issue.message,
  }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  throw new BatonError(ErrorCode.INVALID_PAYLOAD, `Invalid payload — ${summary}`, { issues });
}
