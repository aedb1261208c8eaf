import { useEffect, useRef } from 'preact/hooks';
import type { Store } from '../state/store';
import type { WidgetState } from '../state/widgetState';
import type { WidgetActions } from '../widgetActions';
import { t } from '../i18n';
import { Launcher } from './Launcher';
import { Panel } from './Panel';
import { useStore } from './useStore';

export function App({ store, actions }: { store: Store<WidgetState>; actions: WidgetActions }) {
  const state = useStore(store);
  const launcher = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(state.open);
  // Closing (Escape, ×) returns the focus to the launcher, as a dialog returns it to its opener.
  useEffect(() => {
    if (wasOpen.current && !state.open) launcher.current?.focus();
    wasOpen.current = state.open;
  }, [state.open]);
  return (
    <div
      class={`baton${state.config.position === 'left' ? ' baton-left' : ''}${state.open ? ' baton-open' : ''}${state.narrow ? ' baton-narrow' : ''}`}
    >
      {state.open && <Panel state={state} actions={actions} />}
      <Launcher
        buttonRef={launcher}
        open={state.open}
        unread={state.unread}
        text={state.config.launcherLabel}
        onToggle={() => actions.setOpen(!state.open)}
      />
      {/* Read out while the panel is closed: the launcher's label alone is not announced. */}
      <p class="baton-sr-only" role="status" data-testid="baton-unread-status">
        {!state.open && state.unread > 0 ? t.unread(state.unread) : ''}
      </p>
    </div>
  );
}
