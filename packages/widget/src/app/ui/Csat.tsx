import { errorText, t } from '../i18n';
import { CSAT_COMMENT_MAX, type CsatState } from '../state/csat';
import './csat.css';
import type { WidgetActions } from '../widgetActions';

export type CsatActions = Pick<
  WidgetActions,
  'rate' | 'setCsatComment' | 'sendCsat' | 'changeCsat'
>;

/** Stable, so Preact calls it only when the element appears (not on every render). */
const focusOnMount = (el: HTMLElement | null) => el?.focus();

/**
 * "How did we do?" once a person resolved the conversation: five radio buttons (arrow keys move
 * between them), then an optional comment and Send; then a thank-you with "Change rating".
 * Everything it shows lives in the store, so closing the panel or an error loses nothing.
 */
export function Csat({ csat, actions }: { csat: CsatState | null; actions: CsatActions }) {
  if (!csat) return null;
  if (csat.saved && !csat.editing) {
    return (
      <div class="baton-csat baton-csat-done" data-testid="baton-csat">
        <p
          class="baton-csat-thanks"
          role="status"
          tabIndex={-1}
          ref={focusOnMount}
          data-testid="baton-csat-thanks"
        >
          {t.csatThanks(csat.saved.rating, csat.saved.replaced)}
        </p>
        <button
          type="button"
          class="baton-csat-change"
          data-testid="baton-csat-change"
          onClick={actions.changeCsat}
        >
          {t.csatChange}
        </button>
      </div>
    );
  }
  return (
    <form
      class="baton-csat"
      data-testid="baton-csat"
      onSubmit={(e) => {
        e.preventDefault();
        actions.sendCsat();
      }}
    >
      <fieldset class="baton-csat-scale">
        <legend class="baton-csat-question">{t.csatQuestion}</legend>
        {t.csatChoices.map((label, i) => {
          const rating = i + 1;
          return (
            <label key={rating} class="baton-csat-choice">
              <input
                type="radio"
                name="baton-csat-rating"
                value={rating}
                aria-label={label}
                checked={csat.rating === rating}
                data-testid="baton-csat-choice"
                // Back from "Change rating": focus the rating that was sent.
                ref={csat.editing && csat.rating === rating ? focusOnMount : undefined}
                onChange={() => actions.rate(rating)}
              />
              <span aria-hidden="true">{rating}</span>
            </label>
          );
        })}
        <div class="baton-csat-ends" aria-hidden="true">
          <span>{t.csatLow}</span>
          <span>{t.csatHigh}</span>
        </div>
      </fieldset>
      {csat.rating !== null && (
        <>
          <label class="baton-csat-label" for="baton-csat-comment">
            {t.csatComment}
          </label>
          <div class="baton-csat-row">
            <textarea
              id="baton-csat-comment"
              class="baton-csat-comment"
              data-testid="baton-csat-comment"
              rows={1}
              maxLength={CSAT_COMMENT_MAX}
              value={csat.comment}
              onInput={(e) => actions.setCsatComment(e.currentTarget.value)}
            />
            <button
              type="submit"
              class="baton-csat-send"
              data-testid="baton-csat-submit"
              aria-label={t.csatSend}
              aria-busy={csat.pending}
              // Not `disabled`: the button keeps focus while the rating is on its way.
              aria-disabled={csat.pending}
            >
              {csat.pending ? t.sending : t.send}
            </button>
          </div>
        </>
      )}
      {csat.error && (
        <p class="baton-error baton-csat-error" role="alert" data-testid="baton-csat-error">
          {errorText(csat.error)} ({csat.error.code})
        </p>
      )}
    </form>
  );
}
