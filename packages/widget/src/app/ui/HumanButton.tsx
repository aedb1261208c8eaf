import type { QueueStatus } from '@baton/shared';
import { errorText, t } from '../i18n';
import type { RequestState } from '../state/widgetState';

/** What the button says: the request, or that it was made (pressing again refreshes the place). */
export function humanButtonLabel(status: QueueStatus | null): string {
  return status?.state === 'queued' ? t.waiting : t.human;
}

export function HumanButton({
  human,
  status,
  onRequest,
}: {
  human: RequestState;
  status: QueueStatus | null;
  onRequest: () => void;
}) {
  const waiting = status?.state === 'queued';
  return (
    <div class="baton-human-row">
      <button
        type="button"
        class="baton-human"
        data-testid="baton-human"
        aria-busy={human.pending}
        // Not `disabled`: that would take the focus away while the request is in flight (a
        // second press meanwhile is ignored).
        aria-disabled={human.pending}
        title={waiting ? t.waitingHint : undefined}
        onClick={onRequest}
      >
        {humanButtonLabel(status)}
      </button>
      {human.error && (
        <span class="baton-error" role="alert">
          {errorText(human.error)} ({human.error.code})
        </span>
      )}
    </div>
  );
}
