import type { RequestState } from '../state/widgetState';

export function HumanButton({ human, onRequest }: { human: RequestState; onRequest: () => void }) {
  return (
    <div class="baton-human-row">
      <button
        type="button"
        class="baton-human"
        data-testid="baton-human"
        aria-busy={human.pending}
        disabled={human.pending}
        onClick={onRequest}
      >
        Talk to a human
      </button>
      {human.error && (
        <span class="baton-error" role="alert">
          {human.error.message} ({human.error.code})
        </span>
      )}
    </div>
  );
}
