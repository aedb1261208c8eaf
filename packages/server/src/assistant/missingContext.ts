import type { CustomerContext } from '@baton/shared';

function isAbsent(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function lookup(context: CustomerContext, path: string): unknown {
  let value: unknown = context;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * The `requires` entries (dotted paths into the context, e.g. 'orders', 'customer.email') the
 * context cannot answer: missing, empty, or backed by a system the storefront reports as
 * 'unavailable' or 'stale' in context.systems (keyed by the path's first segment) — stale data
 * would make the assistant guess, which is what the missing_context trigger is about.
 */
export function findMissingContext(
  requires: readonly string[] | undefined,
  context: CustomerContext,
): string[] {
  if (!requires) return [];
  return requires.filter((path) => {
    const system = path.split('.')[0] ?? path;
    const state = context.systems?.[system];
    return state === 'unavailable' || state === 'stale' || isAbsent(lookup(context, path));
  });
}
