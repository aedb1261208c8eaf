import { toOrigin } from '../protocol/envelope';
import { createFrameHost } from './frameHost';

export interface BatonFunction {
  (command: string, ...args: unknown[]): void;
  /** Calls queued by the stub before the loader ran. */
  q?: ArrayLike<unknown>[];
  /** Set on the real function so a second copy of the script does nothing. */
  loaded?: true;
}

export type BatonWindow = Window & { Baton?: BatonFunction };

/** The loader's own tag: `currentScript` while it runs, else the first matching tag. */
export function findLoaderScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript;
  if (current instanceof HTMLScriptElement && current.hasAttribute('data-site-key')) return current;
  return doc.querySelector<HTMLScriptElement>('script[data-site-key][src*="widget.js"]');
}

export function startLoader(win: BatonWindow, doc: Document): void {
  const stub = win.Baton;
  if (stub?.loaded) return;
  const script = findLoaderScript(doc);
  const batonOrigin = toOrigin(script?.src);
  const siteKey = script?.getAttribute('data-site-key');
  if (!batonOrigin || !siteKey) {
    console.error('[Baton] widget.js needs a <script src=".../widget.js" data-site-key="..."> tag');
    return;
  }
  const host = createFrameHost({ win, doc, batonOrigin, siteKey });
  const baton: BatonFunction = (command, ...args) => host.command(command, args);
  baton.loaded = true;
  for (const call of stub?.q ?? []) {
    const [command, ...args] = Array.from(call);
    host.command(command, args);
  }
  win.Baton = baton;
}
