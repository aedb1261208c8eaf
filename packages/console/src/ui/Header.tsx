import { useState } from 'preact/hooks';
import type { ConsoleState } from '../state/consoleStore';
import { useStore } from './storeContext';

const CONNECTION_TEXT: Record<ConsoleState['connection'], string> = {
  'signed-out': 'Signed out',
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  unauthorized: 'Signed out',
};

export function Header({ state }: { state: ConsoleState }) {
  const store = useStore();
  const { presence, presencePending, connection } = state;
  const online = presence === 'online';
  return (
    <header class="topbar">
      <div class="brand">
        <span class="logo" aria-hidden="true">
          B
        </span>
        <span class="brand-name">Baton</span>
        <span class="brand-sub">Agent console</span>
      </div>
      <nav class="views" aria-label="Console pages">
        <button
          type="button"
          class="btn btn-ghost btn-small"
          aria-current={state.view === 'work' ? 'page' : undefined}
          onClick={() => store.setView('work')}
        >
          Conversations
        </button>
        <button
          type="button"
          class="btn btn-ghost btn-small"
          data-testid="view-scorecard"
          aria-current={state.view === 'scorecard' ? 'page' : undefined}
          onClick={() => store.setView('scorecard')}
        >
          Scorecard
        </button>
      </nav>
      <div class={`connection connection--${connection}`} role="status">
        <span class="dot" aria-hidden="true" />
        {CONNECTION_TEXT[connection]}
        {connection === 'offline' && (
          <button type="button" class="btn btn-small" onClick={() => store.reconnect()}>
            Reconnect
          </button>
        )}
      </div>
      <div class="topbar-agent">
        <span class="agent-name" data-testid="agent-name">
          {state.session?.agent.name}
        </span>
        <button
          type="button"
          class={`presence presence--${presence ?? 'unknown'}`}
          data-testid="presence-toggle"
          data-status={presence ?? ''}
          aria-pressed={online}
          disabled={presence === null || presencePending || connection !== 'connected'}
          title={online ? 'You receive conversations. Click to go away.' : 'Click to go online.'}
          onClick={() => void store.setPresence(online ? 'away' : 'online')}
        >
          <span class="dot" aria-hidden="true" />
          {presence === null ? '…' : online ? 'Online' : 'Away'}
        </button>
        <DesktopAlerts />
        <button type="button" class="btn btn-ghost btn-small" onClick={() => store.logout()}>
          Sign out
        </button>
      </div>
    </header>
  );
}

/** Asks for the desktop-notification permission from a visible control, once. */
function DesktopAlerts() {
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = useState(supported ? Notification.permission : 'denied');
  if (!supported || permission !== 'default') return null;
  return (
    <button
      type="button"
      class="btn btn-ghost btn-small"
      title="Show a desktop notification when a customer waits too long"
      onClick={() => void Notification.requestPermission().then(setPermission)}
    >
      Enable desktop alerts
    </button>
  );
}
