import type { ConsoleState } from '../state/consoleStore';
import { describeAlert } from '../state/slaAlerts';
import { useStore } from './storeContext';
import { useNow } from './useNow';

/** Conversations near or past their reply target, above the work area until handled. */
export function SlaAlerts({ state }: { state: ConsoleState }) {
  const store = useStore();
  const now = useNow(30_000);
  if (state.slaAlerts.length === 0) return null;
  return (
    <section class="sla-alerts" aria-label="Reply-target alerts" data-testid="sla-alerts">
      {state.slaAlerts.map((alert) => {
        const { title, body } = describeAlert(alert, now);
        return (
          <div
            key={alert.id}
            class={`sla-alert sla-alert--${alert.kind}`}
            role={alert.kind === 'breach' ? 'alert' : 'status'}
            data-kind={alert.kind}
          >
            <div class="sla-alert-text">
              <strong>{title}</strong> <span>{body}</span>
            </div>
            <button
              type="button"
              class="btn btn-small"
              onClick={() => store.open(alert.conversationId)}
            >
              Open
            </button>
            <button
              type="button"
              class="banner-close"
              aria-label="Dismiss alert"
              onClick={() => store.dismissAlert(alert.id)}
            />
          </div>
        );
      })}
    </section>
  );
}
