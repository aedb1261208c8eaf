/** Browser entry: the only module that touches window, document and sessionStorage. */
import { render } from 'preact';
import { createHttpClient } from './connection/http';
import { createSocketTransport } from './connection/socketTransport';
import { ConsoleStore } from './state/consoleStore';
import { createSessionStore } from './state/sessionStore';
import { signalAlert, signalOffer } from './ui/alertSignals';
import { App } from './ui/App';
import './ui/styles.css';

const root = document.getElementById('app');
if (!root) throw new Error('Baton console: #app element missing from index.html');

const store = new ConsoleStore({
  http: createHttpClient((url, init) => fetch(url, init)),
  connect: createSocketTransport,
  session: createSessionStore(window.sessionStorage),
  onAlert: signalAlert,
  onOffer: signalOffer,
});
store.start();
render(<App store={store} />, root);
