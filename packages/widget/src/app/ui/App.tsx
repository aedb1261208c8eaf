import type { Store } from '../state/store';
import type { WidgetState } from '../state/widgetState';
import type { WidgetActions } from '../widgetActions';
import { Launcher } from './Launcher';
import { Panel } from './Panel';
import { useStore } from './useStore';

export function App({ store, actions }: { store: Store<WidgetState>; actions: WidgetActions }) {
  const state = useStore(store);
  return (
    <div class="baton">
      {state.open && <Panel state={state} actions={actions} />}
      <Launcher
        open={state.open}
        unread={state.unread}
        onToggle={() => actions.setOpen(!state.open)}
      />
    </div>
  );
}
