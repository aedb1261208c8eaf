/**
 * The postMessage protocol between the storefront loader and the iframe app.
 * Both sides send with an explicit targetOrigin and accept a message only from the expected
 * origin *and* the expected window, so another frame or script cannot drive the widget.
 */
import type { ChatMessage, CustomerContext, EscalatedEvent, QueueStatus } from '@baton/shared';
import type { WidgetConfig } from '../theme/config';

/** Marks Baton envelopes among the other postMessage traffic of a page. */
export const ENVELOPE_VERSION = 1;

/** Loader → iframe: commands from `window.Baton(...)`. */
export interface LoaderToFrame {
  open: undefined;
  close: undefined;
  identify: { id?: string; name?: string; email?: string };
  setContext: CustomerContext;
  requestHuman: undefined;
  /** The store's look and language (`Baton('boot', {...})` merged over site.yaml's). */
  boot: WidgetConfig;
  /** Internal: the session token the loader keeps for the iframe (see FrameToLoader.session). */
  restore: { token: string | null };
  /**
   * Internal: the page is phone-narrow, so the open iframe fills it (the app draws a full-screen
   * panel). The iframe cannot tell by its own width: the desktop panel is narrow too.
   */
  layout: { narrow: boolean };
}

/** Iframe → loader: lifecycle and conversation events, re-dispatched to `Baton('on', …)` listeners. */
export interface FrameToLoader {
  ready: undefined;
  open: undefined;
  close: undefined;
  message: ChatMessage;
  escalated: EscalatedEvent;
  queue: QueueStatus;
  agentJoined: { conversationId: string; agentName: string };
  /**
   * Internal: store (or, with null, forget) the session token in the storefront's localStorage.
   * Only sent when the iframe's own storage is blocked (third-party storage blocking), so that
   * a reload still resumes the conversation.
   */
  session: { token: string | null };
  /**
   * Internal: until when (ms since the epoch) this browser has a conversation in progress, or
   * null; while it has, the loader loads the chat on page view so replies still arrive.
   */
  active: { until: number | null };
}

export type Envelope<Map, K extends keyof Map = keyof Map> = K extends keyof Map
  ? { baton: typeof ENVELOPE_VERSION; type: K; payload: Map[K] }
  : never;

/** The commands `window.Baton(...)` forwards to the iframe. */
export const LOADER_COMMANDS = [
  'open',
  'close',
  'identify',
  'setContext',
  'requestHuman',
  'boot',
] as const satisfies readonly (keyof LoaderToFrame)[];

/** Everything the iframe accepts from the loader. */
export const LOADER_MESSAGES = [
  ...LOADER_COMMANDS,
  'restore',
  'layout',
] as const satisfies readonly (keyof LoaderToFrame)[];

/** The events `Baton('on', name, fn)` listeners receive. */
export const FRAME_EVENTS = [
  'ready',
  'open',
  'close',
  'message',
  'escalated',
  'queue',
  'agentJoined',
] as const satisfies readonly (keyof FrameToLoader)[];

/** Everything the loader accepts from the iframe. */
export const FRAME_MESSAGES = [
  ...FRAME_EVENTS,
  'session',
  'active',
] as const satisfies readonly (keyof FrameToLoader)[];

export function envelope<T extends string, P>(
  type: T,
  payload: P,
): { baton: typeof ENVELOPE_VERSION; type: T; payload: P } {
  return { baton: ENVELOPE_VERSION, type, payload };
}

/** True when `data` is a Baton envelope whose type is one of `types`. */
export function isEnvelope<T extends string>(
  data: unknown,
  types: readonly T[],
): data is { baton: typeof ENVELOPE_VERSION; type: T; payload: unknown } {
  if (typeof data !== 'object' || data === null) return false;
  const candidate = data as { baton?: unknown; type?: unknown };
  return (
    candidate.baton === ENVELOPE_VERSION &&
    typeof candidate.type === 'string' &&
    (types as readonly string[]).includes(candidate.type)
  );
}

/** The parts of a MessageEvent the checks need (keeps the helpers testable without a DOM). */
export interface MessageLike {
  origin: string;
  source: unknown;
  data: unknown;
}

/**
 * Accepts a message only when it comes from `expectedOrigin`, from the `expectedSource` window
 * and carries a known envelope. A null or `'null'` expected origin accepts nothing.
 */
export function acceptEnvelope<T extends string>(
  event: MessageLike,
  expectedOrigin: string | null,
  expectedSource: unknown,
  types: readonly T[],
): { type: T; payload: unknown } | null {
  if (!expectedOrigin || expectedOrigin === 'null') return null;
  if (event.origin !== expectedOrigin) return null;
  if (expectedSource == null || event.source !== expectedSource) return null;
  if (!isEnvelope(event.data, types)) return null;
  return { type: event.data.type, payload: event.data.payload };
}

/** Normalises a URL or origin string to its origin; null when it is not an http(s) origin. */
export function toOrigin(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}
