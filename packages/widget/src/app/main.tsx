/** The iframe app's entry: the only module of the app that touches `window` and `location`. */
import { render } from 'preact';
import { createParentBridge } from './bridge/parentBridge';
import { createChatClient } from './connection/chatClient';
import { newClientId } from './connection/clientId';
import { createCustomerSocket } from './connection/customerSocket';
import { createLoaderStorage } from './connection/loaderStorage';
import { createTokenStore, getLocalStorage, tokenKey } from './connection/tokenStore';
import { createStore } from './state/store';
import { initialWidgetState } from './state/widgetState';
import { App } from './ui/App';
import { createWidgetActions } from './widgetActions';
import './ui/styles.css';

/** How long to wait for the loader's stored token before starting a fresh session. */
const RESTORE_TIMEOUT_MS = 1500;

const params = new URLSearchParams(location.search);
const siteKey = params.get('siteKey') ?? '';
const store = createStore(initialWidgetState());

// Commands can only arrive after this module has run, so `actions` and `restore` exist by then.
const bridge = createParentBridge(window, (type, payload) =>
  type === 'restore' ? restore(payload) : actions.command(type, payload),
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
const actions = createWidgetActions(store, client, bridge);

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

render(<App store={store} actions={actions} />, document.getElementById('baton-root')!);
bridge.post('ready', undefined);
if (loaderStorage) setTimeout(connect, RESTORE_TIMEOUT_MS);
else connect();
