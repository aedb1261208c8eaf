import {
  acceptEnvelope,
  envelope,
  FRAME_MESSAGES,
  LOADER_COMMANDS,
  type LoaderToFrame,
} from '../protocol/envelope';
import { readConfig, textOn, type WidgetConfig } from '../theme/config';
import { loaderLabels } from './labels';
import {
  applyBaseStyle,
  applyLayout,
  LAUNCHER_STYLE,
  NARROW_QUERY,
  setStyles,
} from './frameLayout';

type Listener = (payload: unknown) => void;

export interface FrameHostOptions {
  win: Window;
  doc: Document;
  batonOrigin: string;
  siteKey: string;
  /** site.yaml's widget settings with queued `Baton('boot')` options over them. */
  config?: WidgetConfig;
}

export interface FrameHost {
  /** Runs one `Baton(command, ...args)` call. */
  command(name: unknown, args: unknown[]): void;
}

/**
 * Mounts the widget iframe and relays between `window.Baton` and the iframe. Commands issued
 * before the iframe says `ready` are kept and sent in order afterwards.
 */
export function createFrameHost(options: FrameHostOptions): FrameHost {
  const { win, doc, batonOrigin, siteKey } = options;
  let config = options.config ?? {};
  const listeners = new Map<string, Set<Listener>>();
  const pending: { type: keyof LoaderToFrame; payload: unknown }[] = [];
  const narrow = win.matchMedia(NARROW_QUERY);
  let ready = false;
  let open = false;
  let frame: HTMLIFrameElement | null = null;

  // Until the shopper opens the chat (or has one in progress), only this button exists: no
  // iframe, no socket, nothing sent. The iframe's own launcher replaces it once it is ready.
  const launcher = createLauncher(doc, () => {
    open = true;
    mount();
    post('open', undefined);
  });
  // In the language the chat will speak: the store's choice, else the page's, else the browser's.
  const labels = () =>
    loaderLabels([config.locale, doc.documentElement.lang, ...(win.navigator?.languages ?? [])]);
  styleLauncher(launcher, config, labels()[0]);
  const whenBody = (fn: () => void) =>
    doc.body ? fn() : doc.addEventListener('DOMContentLoaded', fn);
  whenBody(() => doc.body.appendChild(launcher));

  const activeKey = `baton:active:${siteKey}`;
  let relayout = () => undefined as void;
  function mount(): void {
    if (frame) return;
    frame = doc.createElement('iframe');
    frame.id = 'baton-widget';
    frame.title = config.title ?? labels()[1];
    frame.setAttribute('allowtransparency', 'true');
    frame.src =
      `${batonOrigin}/widget/frame.html?siteKey=${encodeURIComponent(siteKey)}` +
      `&parentOrigin=${encodeURIComponent(win.location.origin)}` +
      `&config=${encodeURIComponent(JSON.stringify(config))}` +
      `&lang=${encodeURIComponent(doc.documentElement.lang)}` +
      `&narrow=${narrow.matches ? 1 : 0}` +
      resumeParam(win);
    applyBaseStyle(frame);
    const f = frame;
    const layout = () => applyLayout(f, open, narrow.matches, config);
    layout();
    narrow.addEventListener('change', () => {
      layout();
      post('layout', { narrow: narrow.matches });
    });
    relayout = layout;
    whenBody(() => doc.body.appendChild(f));
  }
  // A conversation in progress (a person may answer) or a link from a reply email: load now.
  if (Number(storage(win, activeKey) ?? 0) > Date.now() || hasResume(win)) mount();

  function post(type: keyof LoaderToFrame, payload: unknown): void {
    if (!ready || !frame?.contentWindow) {
      pending.push({ type, payload });
      return;
    }
    try {
      frame.contentWindow.postMessage(envelope(type, payload), batonOrigin);
    } catch (err) {
      // A payload that cannot be structured-cloned (functions, DOM nodes) is the caller's bug.
      console.error(`[Baton] could not send "${type}" to the widget`, err);
    }
  }

  function dispatch(name: string, payload: unknown): void {
    for (const fn of listeners.get(name) ?? []) {
      try {
        fn(payload);
      } catch (err) {
        console.error(`[Baton] a listener for "${name}" threw`, err);
      }
    }
  }

  // The iframe's fallback store for its session token when third-party storage is blocked.
  const tokenKey = `baton:session:${siteKey}`;
  const storedToken = (token?: string | null) =>
    storage(win, tokenKey, token, 'localStorage is unavailable; a reload will start a new chat');

  win.addEventListener('message', (event) => {
    const msg = acceptEnvelope(event, batonOrigin, frame?.contentWindow, FRAME_MESSAGES);
    if (!msg) return;
    if (msg.type === 'session') {
      const { token } = (msg.payload ?? {}) as { token?: unknown };
      storedToken(typeof token === 'string' ? token : null);
      return;
    }
    if (msg.type === 'active') {
      const { until } = (msg.payload ?? {}) as { until?: unknown };
      storage(win, activeKey, typeof until === 'number' ? String(until) : null);
      return;
    }
    if (msg.type === 'ready') {
      ready = true;
      launcher.remove();
      post('restore', { token: storedToken() });
      for (const item of pending.splice(0)) post(item.type, item.payload);
    } else if (msg.type === 'open' || msg.type === 'close') {
      open = msg.type === 'open';
      relayout();
    }
    dispatch(msg.type, msg.payload);
  });

  return {
    command(name, args) {
      if (name === 'on' || name === 'off') {
        const [event, fn] = args;
        if (typeof event !== 'string' || typeof fn !== 'function') {
          console.error(`[Baton] usage: Baton('${name}', eventName, function)`);
          return;
        }
        const set = listeners.get(event) ?? new Set<Listener>();
        listeners.set(event, set);
        if (name === 'on') set.add(fn as Listener);
        else set.delete(fn as Listener);
        // Added after the chat loaded: `ready` has happened, so it is called at once.
        if (name === 'on' && event === 'ready' && ready) (fn as Listener)(undefined);
      } else if (name === 'boot') {
        // Later calls restyle what is drawn; the chat, once loaded, follows.
        config = { ...config, ...readConfig(args[0]) };
        styleLauncher(launcher, config, labels()[0]);
        relayout();
        if (frame) post('boot', config);
      } else if ((LOADER_COMMANDS as readonly unknown[]).includes(name)) {
        // identify and setContext wait for the chat; opening it or asking for a person loads it.
        if (name === 'open' || name === 'requestHuman') {
          open = true;
          mount();
        }
        post(name as keyof LoaderToFrame, args[0]);
      } else {
        console.error(`[Baton] unknown command "${String(name)}"`);
      }
    },
  };
}

/**
 * A reply email's link (`?baton_resume=TOKEN`) carries the chat on in this browser: the token
 * goes to the iframe and leaves the address bar, so it is not bookmarked or shared.
 */
function hasResume(win: Window): boolean {
  return new URL(win.location.href).searchParams.has('baton_resume');
}

/**
 * Reads (`value` undefined), writes or (null) removes a key of the storefront's localStorage.
 * Blocked storage reads as nothing, with `blocked` as a warning when what is lost matters.
 */
function storage(win: Window, key: string, value?: string | null, blocked?: string): string | null {
  try {
    if (value === undefined) return win.localStorage.getItem(key);
    if (value === null) win.localStorage.removeItem(key);
    else win.localStorage.setItem(key, value);
  } catch (err) {
    if (blocked) console.warn(`[Baton] ${blocked}`, err);
  }
  return null;
}

/** The launcher the page shows before the chat loads, drawn like the widget's own. */
function createLauncher(doc: Document, onOpen: () => void): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('data-testid', 'baton-host-launcher');
  setStyles(button, LAUNCHER_STYLE);
  button.addEventListener('click', onOpen);
  return button;
}

const ICON =
  '<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true"><path d="M4 5h16v11H9l-5 4z" stroke="currentColor" stroke-width="2" stroke-linejoin="round" fill="none"/></svg>';

/** The store's colour, corner and label on the page's launcher, as the widget draws its own. */
function styleLauncher(button: HTMLButtonElement, config: WidgetConfig, open: string): void {
  const label = config.launcherLabel;
  // The label is the store's text: set as text, never parsed as HTML.
  button.innerHTML = ICON;
  if (label) button.append(label);
  button.setAttribute('aria-label', label ? `${label} — ${open}` : open);
  const side = config.position === 'left' ? 'left' : 'right';
  setStyles(button, {
    [side]: '12px',
    [side === 'left' ? 'right' : 'left']: 'auto',
    background: config.brandColor ?? '#2448c4',
    color: config.brandColor ? textOn(config.brandColor) : '#fff',
    ...(label
      ? {
          width: 'auto',
          padding: '0 18px 0 14px',
          gap: '8px',
          'border-radius': '28px',
          display: 'flex',
          'align-items': 'center',
          font: '600 14px/1 system-ui, sans-serif',
        }
      : {}),
  });
}

function resumeParam(win: Window): string {
  const url = new URL(win.location.href);
  const token = url.searchParams.get('baton_resume');
  if (!token) return '';
  url.searchParams.delete('baton_resume');
  try {
    win.history.replaceState(win.history.state, '', url.toString());
  } catch {
    // A sandboxed page may refuse; the chat still carries on.
  }
  return `&resume=${encodeURIComponent(token)}`;
}
