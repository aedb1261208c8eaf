import type { ConsoleState } from '../state/consoleStore';
import { describeOffer } from '../state/offers';
import { useStore } from './storeContext';
import { useNow } from './useNow';

/**
 * Conversations offered to me (push routing): accept to take it over, or decline to pass it to
 * the next agent. Left unanswered until the countdown ends, it moves on and I become away.
 */
export function Offers({ state }: { state: ConsoleState }) {
  const store = useStore();
  const now = useNow(1_000);
  if (state.offers.length === 0) return null;
  return (
    <section class="offers" aria-label="Conversations offered to you" data-testid="offers">
      {state.offers.map((offer) => {
        const { title, body, secondsLeft } = describeOffer(offer, now);
        const busy = state.answering.includes(offer.id);
        return (
          <div key={offer.id} class="offer" role="alert" data-offer={offer.id}>
            <div class="offer-text">
              <strong>{title}</strong> <span>{body}</span>{' '}
              <span class="offer-countdown" aria-hidden="true">
                {secondsLeft}s
              </span>
            </div>
            <button
              type="button"
              class="btn btn-small btn-primary"
              disabled={busy}
              onClick={() => void store.answerOffer(offer.id, 'accept')}
            >
              Accept
            </button>
            <button
              type="button"
              class="btn btn-small"
              disabled={busy}
              onClick={() => void store.answerOffer(offer.id, 'decline')}
            >
              Decline
            </button>
          </div>
        );
      })}
    </section>
  );
}
