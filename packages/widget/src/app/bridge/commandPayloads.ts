/**
 * Shapes the storefront's command arguments before they go to the server. The server validates
 * them fully; this only keeps obvious mistakes (a string instead of an object) out of the socket.
 */
import type { ContextSetPayload, IdentifyPayload } from '@baton/shared';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toIdentifyPayload(value: unknown): IdentifyPayload | null {
  if (!isPlainObject(value)) return null;
  const payload: IdentifyPayload = {};
  for (const key of ['id', 'userHash', 'name', 'email'] as const) {
    const field = value[key];
    if (typeof field === 'string' && field !== '') payload[key] = field;
    else if (typeof field === 'number' && key === 'id') payload.id = String(field);
  }
  return payload;
}

export function toContextPayload(value: unknown): ContextSetPayload | null {
  return isPlainObject(value) ? (value as ContextSetPayload) : null;
}
