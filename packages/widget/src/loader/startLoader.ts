import { toOrigin } from '../protocol/envelope';
import { readConfig, type WidgetConfig } from '../theme/config';
import { createFrameHost } from './frameHost';

/**
 * site.yaml's `widget:` section. The server writes it over this placeholder when it serves
 * /widget.js, so the launcher is drawn in the store's colours without a request of its own.
 */
const SITE_CONFIG = '__BATON_SITE_CONFIG__';

export function siteConfig(text: string = SITE_CONFIG): WidgetConfig {
  try {
    return readConfig(JSON.parse(text));
  } catch {
    return {}; // served without the server (a test, a copy): the defaults
  }
}

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
  // `Baton('boot', {...})` calls queued by the stub shape the launcher before it is drawn.
  const queued = Array.from(stub?.q ?? [], (call) => Array.from(call));
  let config = siteConfig();
  for (const [command, options] of queued)
    if (command === 'boot') config = { ...config, ...readConfig(options) };
  const host = createFrameHost({ win, doc, batonOrigin, siteKey, config });
  const baton: BatonFunction = (command, ...args) => host.command(command, args);
  baton.loaded = true;
  for (const [command, ...args] of queued) if (command !== 'boot') host.command(command, args);
  win.Baton = baton;
}
