/** The iframe app's entry: the only module of the app that touches `window` and `location`. */
import { render } from 'preact';
import { createParentBridge } from './bridge/parentBridge';
import { createChatClient } from './connection/chatClient';
import { newClientId } from './connection/clientId';
import { createCustomerSocket } from './connection/customerSocket';
import { createLoaderStorage } from './connection/loaderStorage';
import { createTokenStore, getLocalStorage, tokenKey } from './connection/tokenStore';
import { pickLanguage, useLanguage } from './i18n';
import { createStore } from './state/store';
import { initialWidgetState } from './state/widgetState';
import { App } from './ui/App';
import { applyTheme } from './theme';
import { readConfig } from '../theme/config';
import { createWidgetActions } from './widgetActions';
import './ui/styles.css';

/** How long to wait for the loader's stored token before starting a fresh session. */
const RESTORE_TIMEOUT_MS = 1500;
const ACTIVE_WITH_PERSON_MS = 24 * 60 * 60 * 1000;
const ACTIVE_WITH_ASSISTANT_MS = 30 * 60 * 1000;

const params = new URLSearchParams(location.search);
const siteKey = params.get('siteKey') ?? '';
const store = createStore({ ...initialWidgetState(), narrow: params.get('narrow') === '1' });

// Commands can only arrive after this module has run, so `actions` and `restore` exist by then.
const bridge = createParentBridge(window, (type, payload) =>
  type === 'restore'
    ? restore(payload)
    : type === 'layout'
      ? store.update((s) => ({ ...s, narrow: (payload as { narrow?: unknown })?.narrow === true }))
      : actions.command(type, payload),
);
const ownStorage = getLocalStorage(window);
const loaderStorage =
  ownStorage || !bridge.connected
    ? null
    : createLoaderStorage((token) => bridge.post('session', { token }));
const socket = createCustomerSocket(location.origin);
const client = createChatClient({
  socket,
  store,
  siteKey,
  tokens: createTokenStore(siteKey, ownStorage ?? loaderStorage),
  notify: bridge.post,
  newClientId: () => newClientId(),
  resumeToken: params.get('resume'),
});
const actions = createWidgetActions(
  store,
  client,
  bridge,
  (value) => void configure({ ...store.get().config, ...readConfig(value) }),
);

/**
 * The store's look and the customer's language: from the loader (site.yaml merged with
 * `Baton('boot')`, and the page's `lang`), then the browser's languages. The panel is drawn
 * once its catalogue is in place, so it never flashes in English first.
 */
async function configure(config: ReturnType<typeof readConfig>): Promise<void> {
  applyTheme(document.documentElement, config);
  const language = pickLanguage([config.locale, params.get('lang'), ...navigator.languages]);
  await useLanguage(language, document);
  store.update((s) => ({ ...s, config, language }));
}
let initialConfig = {};
try {
  initialConfig = readConfig(JSON.parse(params.get('config') ?? '{}'));
} catch {
  console.error('[Baton] the widget configuration in the frame URL is not JSON');
}

let connecting = false;
function connect(): void {
  if (connecting) return;
  connecting = true;
  socket.connect();
}
function restore(payload: unknown): void {
  const token = (payload as { token?: unknown } | null)?.token;
  loaderStorage?.restore(tokenKey(siteKey), typeof token === 'string' ? token : null);
  connect();
}

// Tells the loader until when this browser has a conversation in progress, so later page views
// load the chat at once and replies still arrive: while a person is involved, and for 30 minutes
// after the last message of a chat with the assistant.
let lastActive: number | null | undefined;
let wasOnline = false;
store.subscribe((s) => {
  // For timing the first open: the session is up (bench:widget, or a store's own monitoring).
  if (!wasOnline && s.connection === 'online') {
    wasOnline = true;
    performance.mark?.('baton:online');
  }
  const last = s.messages.at(-1);
  const until =
    s.status?.state === 'queued' || s.status?.state === 'assigned'
      ? Date.now() + ACTIVE_WITH_PERSON_MS
      : last
        ? Date.parse(last.createdAt) + ACTIVE_WITH_ASSISTANT_MS
        : null;
  // Re-sent only when it changes by more than a minute (not on every keystroke or status).
  if (until === lastActive || (until && lastActive && Math.abs(until - lastActive) < 60_000))
    return;
  lastActive = until;
  bridge.post('active', { until: until && until > Date.now() ? until : null });
});

void configure(initialConfig).then(() => {
  render(<App store={store} actions={actions} />, document.getElementById('baton-root')!);
  bridge.post('ready', undefined);
});
if (loaderStorage) setTimeout(connect, RESTORE_TIMEOUT_MS);
else connect();
