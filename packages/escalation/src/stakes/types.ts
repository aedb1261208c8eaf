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
export type StakeLexicon = Readonly<Record<Stake, readonly string[]>>;
