/**
 * The iframe's end of the postMessage channel. It talks only to `window.parent`, only at the
 * origin named in `?parentOrigin=`, and — where the browser exposes the real embedder via
 * `location.ancestorOrigins` — only when that origin is who actually embeds us.
 */
import {
  acceptEnvelope,
  envelope,
  LOADER_MESSAGES,
  toOrigin,
  type FrameToLoader,
  type LoaderToFrame,
} from '../../protocol/envelope';

export type CommandHandler = <K extends keyof LoaderToFrame>(type: K, payload: unknown) => void;

export interface ParentBridge {
  /** False when standalone (not in an iframe) or the parent origin is missing or untrusted. */
  readonly connected: boolean;
  post<K extends keyof FrameToLoader>(type: K, payload: FrameToLoader[K]): void;
}

/** The embedder origin we may talk to, or null. */
export function resolveParentOrigin(
  requested: string | null,
  ancestorOrigins: ArrayLike<string> | undefined,
): string | null {
  const origin = toOrigin(requested);
  if (!origin) return null;
  const embedder = ancestorOrigins?.[0];
  if (ancestorOrigins && embedder !== undefined && embedder !== origin) return null;
  return origin;
}

export function createParentBridge(win: Window, onCommand: CommandHandler): ParentBridge {
  const parent = win.parent !== win ? win.parent : null;
  const requested = new URLSearchParams(win.location.search).get('parentOrigin');
  const origin = parent ? resolveParentOrigin(requested, win.location.ancestorOrigins) : null;
  if (parent && !origin) {
    console.error(`[Baton] parentOrigin "${requested}" is missing or is not the embedding page`);
  }

  win.addEventListener('message', (event) => {
    const msg = acceptEnvelope(event, origin, parent, LOADER_MESSAGES);
    if (msg) onCommand(msg.type, msg.payload);
  });

  return {
    connected: origin !== null,
    post(type, payload) {
      if (parent && origin) parent.postMessage(envelope(type, payload), origin);
    },
  };
}
