import type { ConsoleState, ConsoleStore } from '../state/consoleStore';
import { Banner } from './Banner';
import { ConversationView } from './ConversationView';
import { Header } from './Header';
import { LoginScreen } from './LoginScreen';
import { MyConversations } from './MyConversations';
import { Offers } from './Offers';
import { QueueList } from './QueueList';
import { ScorecardPage } from './ScorecardPage';
import { SlaAlerts } from './SlaAlerts';
import { StoreContext, useConsoleState, useStore } from './storeContext';

export function App({ store }: { store: ConsoleStore }) {
  const state = useConsoleState(store);
  return (
    <StoreContext.Provider value={store}>
      {state.session ? <MainScreen state={state} /> : <LoginScreen state={state} />}
    </StoreContext.Provider>
  );
}

function MainScreen({ state }: { state: ConsoleState }) {
  const store = useStore();
  const pane = state.openId ? state.panes[state.openId] : undefined;
  return (
    <div class="console">
      <Header state={state} />
      {(state.connection === 'reconnecting' || state.connection === 'offline') && (
        <div class="connection-bar" role="status">
          {state.connection === 'reconnecting'
            ? 'Connection lost. Reconnecting… Replies are sent once the link is back.'
            : 'Disconnected from the server.'}
        </div>
      )}
      <Banner notice={state.notice} onDismiss={() => store.dismissNotice()} />
      <Offers state={state} />
      <SlaAlerts state={state} />
      {state.view === 'scorecard' ? (
        <main class="scorecard-main">
          <ScorecardPage />
        </main>
      ) : (
        <div class="layout">
          <aside class="sidebar">
            <MyConversations state={state} />
            <QueueList state={state} />
          </aside>
          <main class="workspace">
            {pane ? (
              <ConversationView key={pane.id} state={state} pane={pane} />
            ) : (
              <div class="empty-state">
                <h1>No conversation open</h1>
                <p class="muted">
                  Pick a waiting conversation to preview its escalation packet, or claim it to take
                  over.
                </p>
              </div>
            )}
          </main>
        </div>
      )}
    </div>
  );
}
