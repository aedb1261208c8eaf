import type { IntentFacts } from './facts';
import type { Policy } from './policy';
import { detectStakes, type Stake } from './stakes';
import { isUnderThreshold } from './triggers/lowConfidence';

/**
 * A proposal's intent split into what was understood and what was only guessed: an intent under
 * its tier / action threshold becomes a `guess`, which the engine names but never lets set the
 * tier, the queue or the lane (a shipping question guessed as fraud at 0.41 is not a fraud
 * case). Callers pass the result as `TurnFacts.intent` / `TurnFacts.guess`.
 */
export function separateGuess(
  intent: IntentFacts | null,
  policy: Policy,
): { intent: IntentFacts | null; guess: IntentFacts | null } {
  if (!intent || !isUnderThreshold(intent, policy)) return { intent, guess: null };
  return { intent: null, guess: intent };
}

/** Tier each stake implies when the words, not an understood intent, decide. */
export const STAKE_TIER: Readonly<Record<Stake, 1 | 2 | 3 | 4>> = {
  money: 3,
  account: 3,
  identity: 4,
  legal: 4,
  safety: 4,
};

/** Business domain each stake routes to (policy.routing.domains) when no intent was understood. */
export const STAKE_DOMAIN: Readonly<Record<Stake, string>> = {
  money: 'billing',
  account: 'account',
  identity: 'security',
  legal: 'legal',
  safety: 'safety',
};

/**
 * The stakes that bear out a guess in a domain: a refund guess in words about money, a fraud
 * guess in words about identity or access. A guess the words bear out rests on them, so it may
 * weigh as a misread risky request would (see lowConfidence); any other guess sets nothing.
 */
export const DOMAIN_STAKES: Readonly<Record<string, readonly Stake[]>> = {
  billing: ['money'],
  payments: ['money'],
  subscriptions: ['money'],
  promotions: ['money'],
  security: ['account', 'identity'],
  account: ['account', 'identity'],
  fraud: ['identity', 'account', 'money'],
  identity: ['identity', 'account'],
  legal: ['legal'],
  privacy: ['legal'],
};

/** Whether the words carry a stake the guessed intent's domain is about. */
export function wordsBearOut(guess: IntentFacts, stakes: readonly Stake[]): boolean {
  const expected = DOMAIN_STAKES[guess.domain] ?? [];
  return stakes.some((stake) => expected.includes(stake));
}

/** The stakes of a turn: given by the caller, or read from its text. */
export function stakesOf(facts: { stakes?: Stake[]; text: string | null }): Stake[] {
  return facts.stakes ?? detectStakes(facts.text).stakes;
}
