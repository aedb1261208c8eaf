/** What a message puts at stake, read from its words (never from the intent guess). */
export type Stake = 'money' | 'account' | 'identity' | 'legal' | 'safety';

export const STAKES: readonly Stake[] = ['money', 'account', 'identity', 'legal', 'safety'];

/**
 * One language's cue words per stake, written as they look after `normaliseText` (lower case,
 * no accents or apostrophes). A cue ending in `*` matches any word starting with it ("refund*"
 * for "refunded", "refunds"); otherwise whole words. A cue may be several words ("gift card").
 * Cues should name the consequence itself (charged, refund, locked out, lawyer, burned), not a
 * topic that is usually harmless ("price", "safe", "account" alone).
 */
export type StakeLexicon = Readonly<Record<Stake, readonly string[]>> & {
  /**
   * Words that ask the business to give, give back or bend something — money back, a refund
   * beyond the ordinary, an exception, a price match, a code applied after the fact, a charge
   * disputed, a promised credit, a paid term cancelled with money back — or that threaten it with
   * a dispute or the law. Not the topic ("refund", "return") but the ask ("money back", "refund
   * me", "make an exception"), so that "how long do refunds take" stays informational. `..` in a
   * cue stands for up to four words in between ("want .. back").
   */
  readonly concession?: readonly string[];
  /**
   * Discount codes ("promo code", "código de descuento", "Rabattcode"). A topic on its own — "where
   * do I enter my welcome code?" is a how-to — but money at stake when the same words ask for a
   * concession about it ("the influencer code won't work, it should", "apply my code after the
   * fact").
   */
  readonly discount?: readonly string[];
};
