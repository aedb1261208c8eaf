import type { z } from 'zod';
import { BatonError, ErrorCode } from './errors';

/** Deeper than any payload the protocol defines; deep enough to be harmless to walk. */
export const MAX_PAYLOAD_DEPTH = 32;
/** Object keys plus array items, summed over the whole payload. */
export const MAX_PAYLOAD_ENTRIES = 2_000;

/**
 * Why `value` is too deep or too big to hand to zod, or null when it is fine. Iterative, and it
 * stops at the first excess, so even a 100,000-deep input never touches the call stack (zod's own
 * walk is recursive) and a wide one costs at most `entries` steps.
 */
export function payloadShapeIssue(
  value: unknown,
  limits = { depth: MAX_PAYLOAD_DEPTH, entries: MAX_PAYLOAD_ENTRIES },
): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let entries = 0;
  const tooMany = `more than ${limits.entries} keys and items in total`;
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limits.depth) return `nested deeper than ${limits.depth} levels`;
    if (Array.isArray(current)) {
      entries += current.length;
      if (entries > limits.entries) return tooMany;
      for (const child of current) stack.push({ value: child, depth: depth + 1 });
      continue;
    }
    for (const key in current) {
      if (!Object.hasOwn(current, key)) continue;
      if (++entries > limits.entries) return tooMany;
      stack.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return null;
}

/** Parses a payload or throws INVALID_PAYLOAD naming every failing field. */
export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown): z.infer<S> {
  const shape = payloadShapeIssue(payload);
  if (shape) {
    throw new BatonError(ErrorCode.INVALID_PAYLOAD, `Invalid payload — ${shape}`, {
      issues: [{ path: '(root)', message: shape }],
    });
  }
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.join('.') || '(root)',
    message: issue.message,
  }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  throw new BatonError(ErrorCode.INVALID_PAYLOAD, `Invalid payload — ${summary}`, { issues });
}
